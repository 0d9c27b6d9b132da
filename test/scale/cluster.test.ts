import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNational } from '../../src/demo/national.ts';
import { createSessions } from '../../bench/sessions.ts';
import { startKhcn, type Running } from '../../bench/servers.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Scale-out: `khcn serve --workers 2` on one PostgreSQL. A session made through one process is
 * honoured by the other (sessions live in the database), and a deadline burst through both loses
 * nothing. Runs only where PostgreSQL is reachable (always in CI); one province keeps it short.
 */
const kinds = await testDatabases();

interface Reply {
  status: number;
  worker: string | undefined;
  body: string;
  setCookie: string[];
}

/** One request on a fresh connection (no keep-alive), so the cluster may hand it to either worker. */
function call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: res.headers['x-khcn-worker'] as string | undefined, body: text, setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.runIf(kinds.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let db: TestDb;
  let server: Running;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    await seedNational(db.store, { years: 1, seed: 7, provinces: ['31'] });
    server = await startKhcn(db.target, ['--workers', '2']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await db?.cleanup();
  });

  it('honours a session made on one process on the other', async () => {
    const login = await call(`${server.url}/api/auth/login`, 'POST', {}, JSON.stringify({ username: 'ct31.001', password: 'demo2026' }));
    expect(login.status).toBe(200);
    const cookie = login.setCookie.map((c) => c.split(';')[0]).find((c) => c!.startsWith('khcn_session='))!;
    const seen = new Set<string>([login.worker!]);
    for (let i = 0; i < 20 && seen.size < 2; i++) {
      const me = await call(`${server.url}/api/reports`, 'GET', { cookie });
      expect(me.status).toBe(200);
      expect((JSON.parse(me.body) as { items: unknown[] }).items).toHaveLength(1);
      seen.add(me.worker!);
    }
    expect(seen.size).toBe(2);
  });

  it('counts wrong passwords on one name together, whichever process takes them', async () => {
    const answers: { status: number; worker: string | undefined }[] = [];
    for (let i = 0; i < 6; i++) answers.push(await call(`${server.url}/api/auth/login`, 'POST', {}, JSON.stringify({ username: 'ct31.002', password: `sai-${i}` })));
    // Per-process counters would allow five per process; the database allows five in all.
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
  });

  it('loses no submission in a burst through both processes', async () => {
    const rows = await db.store.db
      .selectFrom('reports')
      .innerJoin('users', (j) => j.onRef('users.unit_id', '=', 'reports.unit_id').on('users.role', '=', 'commune_chairman'))
      .select(['reports.id as reportId', 'reports.version', 'users.id as userId'])
      .where('reports.status', '=', 'draft')
      .execute();
    expect(rows.length).toBe(114);
    const sessions = await createSessions(db.store, rows.map((r) => r.userId));
    const statuses: number[] = [];
    const workers = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const r = rows[next++]!;
        const s = sessions.get(r.userId)!;
        const res = await call(`${server.url}/api/reports/${r.reportId}/submit`, 'POST', { cookie: s.cookie, 'x-csrf-token': s.csrf, 'if-match': String(r.version) }, '{"acknowledgeWarnings":true}');
        statuses.push(res.status);
        if (res.worker) workers.add(res.worker);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(workers.size).toBe(2);
    const submitted = await db.store.db.selectFrom('reports').select('id').where('status', '=', 'submitted').execute();
    expect(submitted.length).toBe(114);
    const versions = await db.store.db.selectFrom('report_versions').select('report_id').where('action', '=', 'submit').execute();
    expect(versions.length).toBe(114);
  });
});

import BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { openStore, type DbKind } from '../../src/store/db.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { HttpClient, startServer } from './server-process.ts';

/**
 * Crash safety: the real server under a burst of concurrent saves and a submit is killed with
 * SIGKILL at a random moment, then restarted. Every write the client saw acknowledged must be
 * there, the database must be intact and the audit chain must verify.
 * `KHCN_CRASH_ROUNDS=20 npx vitest run test/reliability/crash.test.ts` is the long form.
 */
const databases = await testDatabases();
const ROUNDS = Number(process.env.KHCN_CRASH_ROUNDS ?? 2);

interface Loaded { report: Report; meta: { id: string; version: number; status: string } }
interface Ack { reportId: string; version: number; marker: string }

const withNote = (r: Report, note: string): Report => ({ ...r, implementation: { ...r.implementation, leadership: { ...r.implementation.leadership, paragraphs: [...r.implementation.leadership.paragraphs, note] } } });

/** One editor: load, add a marked paragraph, save with If-Match; on 409 reload. Until the server dies. */
async function editor(client: HttpClient, reportId: string, tag: string, acks: Ack[], stop: { dead: boolean }): Promise<void> {
  for (let i = 0; !stop.dead; i++) {
    try {
      const loaded = await client.request('GET', `/api/reports/${reportId}`);
      if (loaded.status !== 200) continue;
      const { report, meta } = loaded.json as Loaded;
      if (meta.status !== 'draft' && meta.status !== 'returned') return;
      const marker = `${tag}-${i}-${randomBytes(3).toString('hex')}`;
      const res = await client.request('PUT', `/api/reports/${reportId}`, withNote(report, marker), { 'if-match': String(meta.version) });
      if (res.status === 200) acks.push({ reportId, version: (res.json as Loaded).meta.version, marker });
    } catch {
      return; // the connection died with the server: nothing was acknowledged
    }
  }
}

describe.each(databases)('crash safety on %s', (kind: DbKind) => {
  let pg: TestDb | undefined;
  const sqlitePath = join(tmpdir(), `khcn-crash-${randomBytes(5).toString('hex')}.db`);
  afterAll(async () => {
    await pg?.cleanup();
    for (const ext of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${ext}`, { force: true });
  });

  it(`keeps every acknowledged write through ${ROUNDS} kill -9 rounds`, async () => {
    if (kind === 'postgres') {
      pg = await freshDatabase('postgres');
      await pg.store.close();
    }
    const target = kind === 'sqlite' ? sqlitePath : pg!.target;
    const submits: number[] = [];
    let totalAcked = 0;
    let server = await startServer(target);
    // Signed in once: sessions live in the database and outlive every kill, and the server comes
    // back on the same port. (Signing in again each round would also run into the per-address
    // sign-in limit, which is counted in the database and so survives restarts too.)
    const port = Number(new URL(server.base).port);
    let signedIn: Promise<{ kt: HttpClient; al: HttpClient; chairman: HttpClient; ktId: string; alId: string }> | undefined;
    const ids = (base: string) =>
      (signedIn ??= (async () => {
        const [kt, al, chairman] = await Promise.all([new HttpClient(base).signIn('kienthuy.canbo'), new HttpClient(base).signIn('anlao.canbo'), new HttpClient(base).signIn('kienthuy.chutich')]);
        const first = async (c: HttpClient) => ((await c.request('GET', '/api/reports')).json as { items: { id: string }[] }).items[0]!.id;
        return { kt, al, chairman, ktId: await first(kt), alId: await first(al) };
      })());
    {
      // Correct the seed's dossier figures once so that the chairman's submit can succeed.
      const { kt, ktId } = await ids(server.base);
      const { report, meta } = (await kt.request('GET', `/api/reports/${ktId}`)).json as Loaded;
      const dossiers = { ...report.implementation.dossiers, receivedInPeriod: 6609, total: 6797, pendingOnTime: 69 };
      // The sentence that states the figures follows them (TEXT_FIGURE_MISMATCH).
      const digital = report.implementation.results.digital.map((p) => p.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ'));
      const implementation = { ...report.implementation, dossiers, results: { ...report.implementation.results, digital } };
      const fixed = await kt.request('PUT', `/api/reports/${ktId}`, { ...report, implementation }, { 'if-match': String(meta.version) });
      expect(fixed.status).toBe(200);
      const checks = (await kt.request('GET', `/api/reports/${ktId}/checks`)).json as { findings: { severity: string }[] };
      expect(checks.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const { kt, al, chairman, ktId, alId } = await ids(server.base);
      const acks: Ack[] = [];
      const stop = { dead: false };
      const workers = [0, 1, 2, 3].flatMap((w) => [editor(kt, ktId, `r${round}kt${w}`, acks, stop), editor(al, alId, `r${round}al${w}`, acks, stop)]);
      let submitted = false;
      // The chairman submits Kiến Thụy somewhere in the burst (accepting its warnings): the version
      // he read, again on the newer one while the editors' saves keep refusing his (409).
      const submit = (async () => {
        await new Promise((r) => setTimeout(r, Math.random() * 500));
        try {
          while (!submitted && !stop.dead) {
            const { meta } = (await chairman.request('GET', `/api/reports/${ktId}`)).json as Loaded;
            const res = await chairman.request('POST', `/api/reports/${ktId}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(meta.version) });
            submitted = res.status === 200;
            if (res.status !== 200 && res.status !== 409) break;
          }
        } catch {
          // killed first
        }
      })();
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 850));
      await server.kill9();
      stop.dead = true;
      await Promise.all([...workers, submit]);
      totalAcked += acks.length;
      if (submitted) submits.push(round);

      if (kind === 'sqlite') {
        const raw = new BetterSqlite3(sqlitePath);
        expect(raw.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        raw.close();
      }
      // Restart (recovery runs here); the next round runs on this server.
      server = await startServer(target, { port });
      const store = await openStore(target);
      try {
        for (const ack of acks) {
          const v = await store.db.selectFrom('report_versions').select(['body']).where('report_id', '=', ack.reportId).where('version', '=', ack.version).executeTakeFirst();
          expect(v?.body, `round ${round}: acknowledged save ${ack.marker} (v${ack.version})`).toContain(ack.marker);
        }
        for (const id of [ktId, alId]) {
          const current = await store.db.selectFrom('reports').select(['version']).where('id', '=', id).executeTakeFirstOrThrow();
          const last = acks.filter((a) => a.reportId === id).reduce((m, a) => Math.max(m, a.version), 0);
          expect(current.version).toBeGreaterThanOrEqual(last);
          const versions = await store.db.selectFrom('report_versions').select('version').where('report_id', '=', id).orderBy('version').execute();
          expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
          expect(versions.at(-1)?.version).toBe(current.version);
        }
        const kt2 = await store.db.selectFrom('reports').select(['status', 'content_hash']).where('id', '=', ktId).executeTakeFirstOrThrow();
        if (submitted) {
          expect(kt2.status, `round ${round}: acknowledged submit`).toBe('submitted');
          expect(kt2.content_hash).toMatch(/^[0-9a-f]{64}$/);
        }
        expect(await verifyAudit(store), `round ${round}`).toMatchObject({ ok: true });
        // Stand-in for the Department returning the report, so the next round can edit it again.
        if (kt2.status !== 'draft') await store.db.updateTable('reports').set({ status: 'returned' }).where('id', '=', ktId).execute();
      } finally {
        await store.close();
      }
    }
    await server.stop();
    console.log(`[crash ${kind}] ${ROUNDS} rounds, ${totalAcked} acknowledged saves and ${submits.length} acknowledged submits, all present after kill -9; integrity and audit chain ok`);
    expect(totalAcked).toBeGreaterThan(0);
  }, 60_000 + ROUNDS * 20_000);
});

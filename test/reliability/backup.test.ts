import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore, type DbKind, type Store } from '../../src/store/db.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { signIn, type Client } from '../security/api-client.ts';

/**
 * `khcn backup` while the server keeps writing, then `khcn restore`: the copy is consistent,
 * the restored database equals the original table by table, and the audit chain verifies.
 */
const databases = await testDatabases();

const capture = (): CliIo & { text: () => string } => {
  let text = '';
  return { out: (s) => (text += `${s}\n`), err: (s) => (text += `${s}\n`), text: () => text };
};

/** Every table, every row, in a stable order: what "equal" means for two databases. */
async function snapshot(store: Store): Promise<Record<string, string[]>> {
  const tables = store.kind === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(store.db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(store.db)).rows.map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const table of tables.filter((t) => !t.startsWith('kysely_'))) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db)).rows;
    out[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))).sort();
  }
  return out;
}

describe.each(databases)('backup and restore on %s', (kind: DbKind) => {
  let source: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  const files: string[] = [];
  const extra: TestDb[] = [];
  const file = (ext: string) => {
    const f = join(tmpdir(), `khcn-backup-${randomBytes(5).toString('hex')}.${ext}`);
    files.push(f);
    return f;
  };
  /** An empty target of the same kind. */
  async function emptyTarget(): Promise<string> {
    if (kind === 'sqlite') return file('db');
    const t = await freshDatabase('postgres');
    extra.push(t);
    await t.store.close();
    return t.target;
  }

  beforeAll(async () => {
    source = await freshDatabase(kind);
    await seedDemo(source.store);
    app = await buildApp({ store: source.store });
    await app.ready();
    officer = await signIn(app, 'kienthuy.canbo');
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await source?.cleanup();
    for (const t of extra) await t.cleanup().catch(() => undefined);
    for (const f of files) for (const ext of ['', '-wal', '-shm']) rmSync(`${f}${ext}`, { force: true });
  });

  async function saveLoop(stop: { done: boolean }): Promise<number> {
    const list = (await officer.request({ method: 'GET', url: '/api/reports' })).json() as { items: { id: string }[] };
    const id = list.items[0]!.id;
    let saved = 0;
    while (!stop.done) {
      const { report, meta } = (await officer.request({ method: 'GET', url: `/api/reports/${id}` })).json() as { report: Report; meta: { version: number } };
      report.implementation.leadership.paragraphs.push(`Lưu trong lúc sao lưu ${saved}`);
      const res = await officer.request({ method: 'PUT', url: `/api/reports/${id}`, headers: { 'if-match': String(meta.version) }, payload: report as unknown as Record<string, unknown> });
      if (res.statusCode === 200) saved++;
    }
    return saved;
  }

  it('takes a consistent backup while saves keep coming, and it restores with an intact audit chain', async () => {
    const stop = { done: false };
    const writer = saveLoop(stop);
    await new Promise((r) => setTimeout(r, 200));
    const online = kind === 'sqlite' ? file('db') : file('dump');
    const io = capture();
    const code = await main(['backup', online, '--db', source.target], io);
    await new Promise((r) => setTimeout(r, 200));
    stop.done = true;
    const saved = await writer;
    expect(code, io.text()).toBe(0);
    expect(saved).toBeGreaterThan(0);

    const target = await emptyTarget();
    const restoreIo = capture();
    expect(await main(['restore', online, '--db', target], restoreIo), restoreIo.text()).toBe(0);
    expect(restoreIo.text()).toMatch(/nhật ký thao tác toàn vẹn/);
    const restored = await openStore(target);
    try {
      expect((await verifyAudit(restored)).ok).toBe(true);
      // Consistent across tables: each report's version is its newest stored version.
      const reports = await restored.db.selectFrom('reports').select(['id', 'version']).execute();
      for (const r of reports) {
        const newest = await restored.db.selectFrom('report_versions').select((eb) => eb.fn.max('version').as('v')).where('report_id', '=', r.id).executeTakeFirstOrThrow();
        expect(Number(newest.v)).toBe(r.version);
      }
    } finally {
      await restored.close();
    }
  }, 90_000);

  it('restores data equal to the original, table by table', async () => {
    const backup = kind === 'sqlite' ? file('db') : file('dump');
    expect(await main(['backup', backup, '--db', source.target], capture())).toBe(0);
    const target = await emptyTarget();
    expect(await main(['restore', backup, '--db', target], capture())).toBe(0);
    const restored = await openStore(target);
    try {
      const [a, b] = [await snapshot(source.store), await snapshot(restored)];
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
      expect(a.audit_log!.length).toBeGreaterThan(200);
    } finally {
      await restored.close();
    }
    // A database with data is not overwritten by accident.
    const again = capture();
    expect(await main(['restore', backup, '--db', target], again)).toBe(2);
    expect(again.text()).toContain('RESTORE_TARGET_NOT_EMPTY');
    expect(await main(['restore', backup, '--db', target, '--force'], capture())).toBe(0);
  }, 90_000);

  it('refuses with coded errors: existing file, wrong kind, not a backup', async () => {
    const existing = file('bak');
    rmSync(existing, { force: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(existing, 'khong phai ban sao luu');
    const io = capture();
    expect(await main(['backup', existing, '--db', source.target], io)).toBe(2);
    expect(io.text()).toContain('BACKUP_EXISTS');
    const bad = capture();
    expect(await main(['restore', existing, '--db', await emptyTarget()], bad)).toBe(2);
    expect(bad.text()).toContain('BACKUP_INVALID');
    if (kind === 'postgres') {
      const sqliteBackup = file('db');
      const sqliteSource = await freshDatabase('sqlite');
      extra.push(sqliteSource);
      expect(await main(['backup', sqliteBackup, '--db', sqliteSource.target], capture())).toBe(0);
      const mismatch = capture();
      expect(await main(['restore', sqliteBackup, '--db', source.target], mismatch)).toBe(2);
      expect(mismatch.text()).toContain('BACKUP_KIND_MISMATCH');
    }
  });

  it.runIf(kind === 'postgres')('says clearly when pg_dump is not installed', async () => {
    process.env.KHCN_PG_DUMP = '/nonexistent/pg_dump';
    try {
      const io = capture();
      expect(await main(['backup', file('dump'), '--db', source.target], io)).toBe(2);
      expect(io.text()).toMatch(/PG_TOOLS_MISSING.*postgresql-client/);
    } finally {
      delete process.env.KHCN_PG_DUMP;
    }
  });
});

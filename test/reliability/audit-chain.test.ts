import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { appendAudit, verifyAudit } from '../../src/services/audit.ts';
import { GENESIS_HASH } from '../../src/store/migrations.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Tampering with the audit table directly in the database — the way an insider with SQL access
 * would — must always be caught by verification, on both databases.
 */
const databases = await testDatabases();

const capture = (): CliIo & { text: () => string } => {
  let text = '';
  return { out: (s) => (text += `${s}\n`), err: (s) => (text += `${s}\n`), text: () => text };
};

async function rebuildChain(t: TestDb, n: number): Promise<void> {
  await t.store.db.deleteFrom('audit_log').execute();
  await t.store.db.updateTable('audit_head').set({ seq: 0, hash: GENESIS_HASH }).where('id', '=', 1).execute();
  for (let i = 1; i <= n; i++) {
    await t.store.db.transaction().execute((trx) =>
      appendAudit(t.store, trx, null, { entity: 'report', entityId: `r-${i % 3}`, action: 'save', before: { version: i }, after: { version: i + 1 } }));
  }
}

describe.each(databases)('audit chain on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDatabase(kind);
  });
  afterAll(async () => t?.cleanup());

  const tampers: [string, (t: TestDb) => Promise<unknown>, number][] = [
    ['edit a field (before_json)', (t) => t.store.db.updateTable('audit_log').set({ before_json: '{"version":99}' }).where('seq', '=', 4).execute(), 4],
    ['edit the actor', (t) => t.store.db.updateTable('audit_log').set({ actor_name: 'người khác' }).where('seq', '=', 2).execute(), 2],
    ['edit the time', (t) => t.store.db.updateTable('audit_log').set({ at: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 7).execute(), 7],
    ['edit a row and recompute its own hash', async (t) => {
      const { entryHash } = await import('../../src/services/audit.ts');
      const row = await t.store.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      const edited = { ...row, seq: Number(row.seq), action: 'delete' };
      const { hash: _old, ...rest } = edited;
      await t.store.db.updateTable('audit_log').set({ action: 'delete', hash: entryHash(rest) }).where('seq', '=', 5).execute();
    }, 6],
    ['delete a middle row', (t) => t.store.db.deleteFrom('audit_log').where('seq', '=', 3).execute(), 4],
    ['delete the first row', (t) => t.store.db.deleteFrom('audit_log').where('seq', '=', 1).execute(), 2],
    ['delete the last row', (t) => t.store.db.deleteFrom('audit_log').where('seq', '=', 8).execute(), 8],
    ['reorder two rows (swap their sequence numbers)', async (t) => {
      await t.store.db.updateTable('audit_log').set({ seq: 1000 }).where('seq', '=', 3).execute();
      await t.store.db.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', 6).execute();
      await t.store.db.updateTable('audit_log').set({ seq: 6 }).where('seq', '=', 1000).execute();
    }, 3],
    ['reorder by swapping contents of two rows', async (t) => {
      const a = await t.store.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
      const b = await t.store.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      const { seq: _a, ...aRest } = a;
      const { seq: _b, ...bRest } = b;
      await t.store.db.updateTable('audit_log').set(bRest).where('seq', '=', 2).execute();
      await t.store.db.updateTable('audit_log').set(aRest).where('seq', '=', 3).execute();
    }, 2],
    ['insert a forged row at the end', (t) => sql`insert into audit_log (seq, at, entity, entity_id, action, prev_hash, hash) values (9, '2026-01-01T00:00:00.000Z', 'report', 'x', 'save', ${'f'.repeat(64)}, ${'e'.repeat(64)})`.execute(t.store.db), 9],
  ];

  it.each(tampers)('detects: %s', async (_name, tamper, brokenAt) => {
    await rebuildChain(t, 8);
    expect(await verifyAudit(t.store)).toEqual({ ok: true, entries: 8 });
    await tamper(t);
    const v = await verifyAudit(t.store);
    expect(v.ok).toBe(false);
    expect(v.ok ? 0 : v.brokenAt).toBe(brokenAt);
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(1);
    expect(io.text()).toContain(`mục số ${brokenAt}`);
  });

  it('khcn audit verify passes on an intact chain and prints the entry count', async () => {
    await rebuildChain(t, 8);
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(0);
    expect(io.text()).toContain('8 mục');
  });
});

describe('khcn audit verify on the demo database (SQLite)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    await seedDemo(t.store);
  }, 60_000);
  afterAll(async () => t?.cleanup());

  it('passes, then fails after any single-row edit of the audit table (every row, in turn)', async () => {
    const io = capture();
    expect(await main(['audit', 'verify', '--db', t.target], io)).toBe(0);
    const rows = await t.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.length).toBeGreaterThan(200);
    const columns = ['at', 'actor_name', 'entity', 'entity_id', 'action', 'before_json', 'after_json', 'prev_hash', 'hash'] as const;
    let caught = 0;
    let throughCli = 0;
    for (const [i, row] of rows.entries()) {
      const column = columns[i % columns.length]!;
      const original = row[column];
      const seq = Number(row.seq);
      await t.store.db.updateTable('audit_log').set({ [column]: `${original ?? ''}x` }).where('seq', '=', row.seq).execute();
      // Every row through the verifier the command runs; the command itself (a process-like
      // run with its own connection) on every 10th row and the last, to stay fast.
      const v = await verifyAudit(t.store);
      if (!v.ok && v.brokenAt === seq) caught++;
      if (i % 10 === 0 || i === rows.length - 1) {
        const out = capture();
        expect(await main(['audit', 'verify', '--db', t.target], out)).toBe(1);
        expect(out.text()).toContain(`mục số ${seq}`);
        throughCli++;
      }
      await t.store.db.updateTable('audit_log').set({ [column]: original }).where('seq', '=', row.seq).execute();
    }
    expect(caught).toBe(rows.length);
    expect(throughCli).toBeGreaterThan(20);
    expect(await main(['audit', 'verify', '--db', t.target], capture())).toBe(0);
    // Each command run also re-hashes the ~600 frozen version bodies of the demo (~0,4 s on a
    // loaded machine): ~30 runs, on top of ~300 chain walks.
  }, 300_000);
});

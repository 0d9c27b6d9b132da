import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

const databases = await testDatabases();

describe.each(databases)('store on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
  }, 60_000);
  afterAll(async () => t?.cleanup());

  it('reports which database it is', () => {
    expect(t.store.kind).toBe(kind);
  });

  it('holds Hải Phòng and its 114 units, searchable without diacritics', async () => {
    const units = await t.store.db.selectFrom('units').select(['name', 'kind']).execute();
    expect(units).toHaveLength(114);
    const found = await t.store.db.selectFrom('units').select('name').where('search_text', 'like', '%kien thuy%').execute();
    expect(found.map((u) => u.name)).toEqual(['Kiến Thụy']);
  });

  it('stores amounts as integers and reads them back as numbers, not strings', async () => {
    const lines = await t.store.db.selectFrom('budget_lines').innerJoin('reports', 'reports.id', 'budget_lines.report_id').innerJoin('units', 'units.id', 'reports.unit_id')
      .select(['budget_lines.amount', 'budget_lines.title', 'reports.plan_total']).where('units.name', '=', 'Kiến Thụy').where('budget_lines.part', '=', 'plan').where('budget_lines.is_leaf', '=', 1).execute();
    expect(lines).toHaveLength(16);
    expect(typeof lines[0]!.amount).toBe('number');
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(3_480_000_000);
    expect(lines[0]!.plan_total).toBe(3_480_000_000);
    const big = await t.store.db.selectFrom('reports').select((eb) => eb.fn.sum<number>('plan_total').as('s')).executeTakeFirstOrThrow();
    expect(typeof Number(big.s)).toBe('number');
    expect(Number(big.s)).toBeGreaterThan(3_480_000_000);
  });

  it('keeps a verifiable audit chain of the seeding', async () => {
    const v = await verifyAudit(t.store);
    expect(v.ok).toBe(true);
    expect(v.entries).toBeGreaterThan(114);
  });

  it('has the 2027 cycle citing Công văn 4194/BKH-CN-KHTC', async () => {
    const cycle = await t.store.db.selectFrom('cycles').selectAll().executeTakeFirstOrThrow();
    expect(cycle.plan_year).toBe(2027);
    expect(cycle.guidance_number).toContain('4194/BKH-CN-KHTC');
    expect(cycle.guidance_date).toBe('2026-06-15');
  });
});

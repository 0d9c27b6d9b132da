import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { formatMillions } from '../../src/domain/format.ts';
import { amountInWords } from '../../src/domain/words.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * `khcn consolidate` and the dashboard on the demo data. The expected figures are summed here
 * independently — straight from the stored JSON of the accepted versions, with a walker of its
 * own — never through the consolidation code under test.
 */
const databases = await testDatabases();

interface Node { amount: number; children: Node[]; field?: string }
const leafSum = (nodes: Node[], pick: (n: Node, field: string | undefined) => boolean = () => true, field?: string): number =>
  nodes.reduce((s, n) => (n.children.length ? s + leafSum(n.children, pick, n.field ?? field) : s + (pick(n, n.field ?? field) ? n.amount : 0)), 0);

interface Capture { out: string[]; err: string[] }
const capture = (): Capture & { io: { out(s: string): void; err(s: string): void } } => {
  const c: Capture = { out: [], err: [] };
  return { ...c, io: { out: (s) => c.out.push(s), err: (s) => c.err.push(s) } };
};

describe.each(databases)('consolidation on the demo data (%s)', (kind) => {
  let t: TestDb;
  let dir: string;
  let app: FastifyInstance;
  let reviewer: Client;
  let officer: Client;
  let accepted: { unit: string; body: { plan: { budget: Node[] } } }[];
  let expectedTotal = 0;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    dir = mkdtempSync(join(tmpdir(), 'khcn-consolidate-'));
    app = await testApp(t.store);
    [reviewer, officer] = await Promise.all([signIn(app, 'so.chuyenvien'), signIn(app, 'kienthuy.canbo')]);
    const rows = await t.store.db.selectFrom('reports').innerJoin('cycles', 'cycles.id', 'reports.cycle_id').innerJoin('units', 'units.id', 'reports.unit_id')
      .select(['reports.id', 'reports.body', 'units.name']).where('cycles.plan_year', '=', 2027).where('reports.status', 'in', ['accepted', 'approved']).execute();
    accepted = rows.map((r) => ({ unit: r.name, body: JSON.parse(r.body) as { plan: { budget: Node[] } } }));
    expectedTotal = accepted.reduce((s, r) => s + leafSum(r.body.plan.budget), 0);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has demo data with a realistic spread for 2027 and a fully approved 2026', async () => {
    const counts = await t.store.db.selectFrom('reports').innerJoin('cycles', 'cycles.id', 'reports.cycle_id').select(['cycles.plan_year', 'reports.status']).select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['cycles.plan_year', 'reports.status']).execute();
    const of = (year: number, status: string) => Number(counts.find((c) => c.plan_year === year && c.status === status)?.n ?? 0);
    for (const s of ['draft', 'submitted', 'returned', 'accepted']) expect(of(2027, s), s).toBeGreaterThan(0);
    expect(of(2026, 'approved')).toBe(113);
    expect(accepted.length).toBeGreaterThan(5);
    expect(await t.store.db.selectFrom('comments').select('id').execute()).not.toHaveLength(0);
  });

  it('writes a workbook whose status sheet has one row per unit and whose totals equal the accepted reports', async () => {
    const xlsx = join(dir, 'tong-hop.xlsx');
    const docx = join(dir, 'tong-hop.docx');
    const cli = capture();
    const code = await main(['consolidate', '--province', '31', '--year', '2027', '--xlsx', xlsx, '--docx', docx, '--db', t.target, '--date', '2026-08-20'], cli.io);
    expect(code, cli.err.join('\n')).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tình trạng nộp', 'Khoa học, công nghệ', 'Đổi mới sáng tạo', 'Chuyển đổi số', 'Chỉ số hồ sơ']);

    const status = wb.getWorksheet('Tình trạng nộp')!;
    const unitRows: string[] = [];
    status.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') unitRows.push(String(row.getCell(2).value));
    });
    expect(unitRows).toHaveLength(114);
    expect(new Set(unitRows).size).toBe(114);

    const summary = wb.getWorksheet('Tổng hợp')!;
    let totalRow: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (!totalRow && row.getCell(2).value === 'Tổng cộng') totalRow = row;
    });
    const total = totalRow!.getCell(8).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\(H\d+:H\d+\)$/);
    expect(total.result).toBeCloseTo(expectedTotal / 1e6, 6);
    // The rows above the total are the accepted communes, one each, and add up to it.
    const communeRows: number[] = [];
    summary.eachRow((row, n) => {
      if (n < totalRow!.number && typeof row.getCell(1).value === 'number') communeRows.push(((row.getCell(8).value as ExcelJS.CellFormulaValue).result as number) ?? 0);
    });
    expect(communeRows).toHaveLength(accepted.length);
    expect(communeRows.reduce((a, b) => a + b, 0)).toBeCloseTo(expectedTotal / 1e6, 6);

    // Each field sheet's total equals the accepted lines of that field, summed independently.
    for (const [sheet, field] of [['Khoa học, công nghệ', 'science'], ['Đổi mới sáng tạo', 'innovation'], ['Chuyển đổi số', 'digital']] as const) {
      const ws = wb.getWorksheet(sheet)!;
      const last = ws.getRow(ws.rowCount).getCell(8).value as ExcelJS.CellFormulaValue;
      const expected = accepted.reduce((s, r) => s + leafSum(r.body.plan.budget, (_n, f) => f === field), 0);
      expect(last.formula).toMatch(/^SUM\(H5:H\d+\)$/);
      expect(last.result, sheet).toBeCloseTo(expected / 1e6, 6);
    }

    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.');
    expect(text).toContain('Hải Phòng, ngày 20 tháng 8 năm 2026');
    expect(text).toContain(`${formatMillions(expectedTotal)} triệu đồng (Bằng chữ: ${amountInWords(expectedTotal)})`);
  });

  it('gives the same bytes for the same data, and refuses an unknown province or year with exit 2', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    expect(await main(['consolidate', '--province', '31', '--year', '2026', '--xlsx', a, '--db', t.target], capture().io)).toBe(0);
    expect(await main(['consolidate', '--province', '31', '--year', '2026', '--xlsx', b, '--db', t.target], capture().io)).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const bad = capture();
    expect(await main(['consolidate', '--province', '99', '--year', '2027', '--xlsx', a, '--db', t.target], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('99');
    expect(await main(['consolidate', '--province', '31', '--year', '2040', '--xlsx', a, '--db', t.target], capture().io)).toBe(2);
    expect(await main(['consolidate', '--province', '31', '--xlsx', a, '--db', t.target], capture().io)).toBe(2);
  });

  it('serves the dashboard from accepted versions, with filters, year over year and disbursed vs approved', async () => {
    const res = await reviewer.request('GET', '/api/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = (res.json() as { dashboard: { cycle: { planYear: number }; totals: { total: number }; progress: { expected: number; accepted: number }; topUnits: { total: number }[]; kpis: { count: number }[]; yearOverYear: { planYear: number; requested: number; approved: number; disbursed: number }[] } }).dashboard;
    expect(d.cycle.planYear).toBe(2027);
    expect(d.totals.total).toBe(expectedTotal);
    expect(d.progress.expected).toBe(114);
    expect(d.topUnits.length).toBe(Math.min(10, accepted.length));
    expect(d.topUnits[0]!.total).toBe(Math.max(...accepted.map((r) => leafSum(r.body.plan.budget))));
    expect(d.kpis[0]!.count).toBe(accepted.length);
    const years = d.yearOverYear.map((y) => y.planYear);
    expect(years).toEqual([2026, 2027]);
    const y2026 = d.yearOverYear[0]!;
    expect(y2026.approved).toBeGreaterThan(0);
    expect(y2026.approved).toBeLessThanOrEqual(y2026.requested);
    expect(y2026.disbursed).toBeGreaterThan(0);
    expect(y2026.disbursed).toBeLessThan(y2026.approved);

    const wards = (await reviewer.request('GET', '/api/dashboard?unitKind=phường')).json() as { dashboard: { progress: { expected: number } } };
    expect(wards.dashboard.progress.expected).toBeLessThan(114);
    const onlyDrafts = (await reviewer.request('GET', '/api/dashboard?status=draft')).json() as { dashboard: { totals: { total: number }; progress: { drafting: number; expected: number } } };
    expect(onlyDrafts.dashboard.totals.total).toBe(0); // drafts are never consolidated
    expect(onlyDrafts.dashboard.progress.expected).toBe(onlyDrafts.dashboard.progress.drafting);
  });

  it('keeps the dashboard, progress and documents from communes', async () => {
    const cycles = (await officer.request('GET', '/api/cycles')).json() as { items: { id: string; planYear: number }[] };
    const id = cycles.items[0]!.id;
    for (const url of ['/api/dashboard', `/api/cycles/${id}/consolidation`, `/api/cycles/${id}/consolidated.xlsx`, `/api/cycles/${id}/reminders.csv`, `/api/cycles/${id}/queue`]) {
      expect((await officer.request('GET', url)).statusCode, url).toBe(403);
    }
    const xlsx = await reviewer.request('GET', `/api/cycles/${id}/consolidated.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await reviewer.request('GET', `/api/cycles/${id}/reminders.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n').filter(Boolean).length).toBeGreaterThan(10);
    expect(csv.body).toContain('Quá hạn, chưa nộp');
  });
});

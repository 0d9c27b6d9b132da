import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/documents/import/parse-report.ts';
import { leaves } from '../../src/domain/budget.ts';
import { runChecks } from '../../src/domain/checks.ts';
import { sourceDocument, type CellSpec } from './table-builder.ts';

const M = 1_000_000;
const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8').split('\n');
/** Seed lines a..b (1-based, inclusive). */
const seedLines = (a: number, b: number) => seed.slice(a - 1, b);
const b = (text: string): CellSpec => ({ text, bold: true });

/** The seed's Part II budget as the bordered table a Word report would have. */
const PLAN_TABLE: CellSpec[][] = [
  ['STT', 'Nội dung', 'Mã Khoản', 'Loại chi', 'Kinh phí'],
  [b('I'), b('Khoa học, công nghệ'), b('102'), '', b('1.320')],
  ...[['Chi hỗ trợ thường xuyên', '60'], ['Xây dựng kế hoạch, nhiệm vụ khoa học công nghệ cấp xã', '50'], ['Xây dựng cơ sở dữ liệu kinh tế - xã hội', '250'],
    ['Hỗ trợ xây dựng mô hình sản xuất ứng dụng công nghệ', '450'], ['Triển khai ứng dụng trí tuệ nhân tạo (AI)', '250'], ['Đào tạo, bồi dưỡng cán bộ', '260']]
    .map(([t, a], i): CellSpec[] => [String(i + 1), t ?? '', '102', 'Thường xuyên', a ?? '']),
  [b('II'), b('Đổi mới sáng tạo'), b('111'), '', b('450')],
  ...[['Tổ chức Ngày hội đổi mới sáng tạo', '50'], ['Hỗ trợ các sáng kiến cải cách hành chính', '50'], ['Hỗ trợ chuyển đổi số cho các hợp tác xã', '100'],
    ['Xây dựng mô hình OCOP ứng dụng công nghệ số', '150'], ['Hỗ trợ đăng ký sở hữu trí tuệ', '100']]
    .map(([t, a], i): CellSpec[] => [String(i + 1), t ?? '', '111', 'Thường xuyên', a ?? '']),
  [b('III'), b('Chuyển đổi số'), b('121'), '', b('1.710')],
  ...[['Trang bị máy tính, máy quét tốc độ cao', '500', 'Đầu tư'], ['Hệ thống hội nghị trực tuyến', '150', 'Đầu tư'], ['Nâng cấp đài truyền thanh', '500', 'Đầu tư'],
    ['Zalo Mini App phục vụ dịch vụ hành chính công', '200', 'Thường xuyên'], ['Bồi dưỡng kỹ năng số, an ninh mạng', '360', 'Thường xuyên']]
    .map(([t, a, k], i): CellSpec[] => [String(i + 1), t ?? '', '121', k ?? '', a ?? '']),
  [{ text: 'Tổng cộng', colSpan: 4 }, b('3.480')],
];

const SEED_LEAVES = [
  ...[60, 50, 250, 450, 250, 260].map((a) => ['science', '102', 'recurrent', a * M]),
  ...[50, 50, 100, 150, 100].map((a) => ['innovation', '111', 'recurrent', a * M]),
  ...[500, 150, 500].map((a) => ['digital', '121', 'investment', a * M]),
  ...[200, 360].map((a) => ['digital', '121', 'recurrent', a * M]),
];

describe('budget tables placed in the report', () => {
  it('reads Part II as a bordered table with "Đơn vị tính" above it: every leaf, the subtotals, the total, no warning', () => {
    const doc = sourceDocument(...seedLines(1, 68), 'Đơn vị tính: triệu đồng', PLAN_TABLE, ...seedLines(93, 107));
    const { report, warnings, sources } = parseReport(doc);
    expect(warnings).toEqual([]);
    expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.kind, e.line.amount])).toEqual(SEED_LEAVES);
    expect(report.plan.budget.map((g) => [g.id, g.statedAmount])).toEqual([['p-1', 1320 * M], ['p-2', 450 * M], ['p-3', 1710 * M]]);
    // The sentence's total and words stay; the table's "Tổng cộng" agrees with it.
    expect(report.plan.stated).toEqual({ total: 3480 * M, totalWords: 'Ba tỷ bốn trăm tám mươi triệu đồng chẵn' });
    // The seed's own three dossier mismatches, nothing from the budget.
    expect(runChecks(report).map((f) => [f.code, f.severity])).toEqual([['DOSSIER_TOTAL', 'error'], ['DOSSIER_CHANNELS', 'error'], ['DOSSIER_OUTCOMES', 'warning']]);
    // Where the third digital line's amount came from: table 0, its row, the "Kinh phí" cell.
    const line = doc.tables[0]?.rows[17]?.[4]?.lines[0];
    expect(sources).toContainEqual({ path: 'plan.budget.2.children.2.amount', line, cell: { table: 0, row: 17, col: 4 } });
    expect(sources.find((s) => s.path === 'plan.budget.0.statedAmount')?.cell).toEqual({ table: 0, row: 1, col: 4 });
  });

  it('takes the table\'s "Tổng cộng" as the stated total when the text states none, so BUDGET_TOTAL and BUDGET_GROUP_SUM see a wrong figure', () => {
    const wrong = PLAN_TABLE.map((row) => row.map((c) => (c === '360' ? '350' : c)));
    const doc = sourceDocument(...seedLines(1, 66), 'Đơn vị tính: triệu đồng', wrong, ...seedLines(93, 107));
    const { report, warnings } = parseReport(doc);
    expect(warnings).toEqual([]);
    expect(report.plan.stated).toEqual({ total: 3480 * M });
    const budget = runChecks(report).filter((f) => f.code.startsWith('BUDGET'));
    expect(budget.map((f) => [f.code, f.path, f.actual, f.expected])).toEqual([
      ['BUDGET_GROUP_SUM', 'plan.budget[2].statedAmount', 1710 * M, 1700 * M],
      ['BUDGET_TOTAL', 'plan.stated.total', 3480 * M, 3470 * M],
    ]);
  });

  it('does not count an appendix table twice: the text\'s lines stay, the table is compared', () => {
    const appendix = (rows: CellSpec[][]) => sourceDocument(...seedLines(1, 107), 'PHỤ LỤC', 'BIỂU CHI TIẾT DỰ TOÁN NĂM 2027', 'Đơn vị tính: triệu đồng', rows);
    const same = parseReport(appendix(PLAN_TABLE));
    expect(same.warnings).toEqual([]);
    expect(leaves(same.report.plan.budget)).toHaveLength(16);
    expect(same.report.plan.budget[0]?.budgetCode).toBeUndefined();

    const other = parseReport(appendix(PLAN_TABLE.map((row) => row.map((c) => (c === '360' ? '350' : c)))));
    expect(leaves(other.report.plan.budget)).toHaveLength(16);
    expect(other.warnings.map((w) => [w.code, w.line])).toEqual([['IMPORT_AMBIGUOUS', 111]]);
    expect(other.warnings[0]?.message).toContain('3.470 triệu đồng');
  });

  it('reads a Part I budget table as the current year\'s budget, and a dossier table as the dossier figures', () => {
    const doc = sourceDocument(
      ...seedLines(1, 38),
      'Kết quả giải quyết thủ tục hành chính trên địa bàn xã như sau:',
      [
        [{ text: 'Số hồ sơ tiếp nhận', colSpan: 5 }, { text: 'Kết quả giải quyết', colSpan: 2 }],
        ['Tổng số', 'Kỳ trước chuyển sang', 'Trong kỳ', 'Trực tuyến', 'Trực tiếp', 'Đúng hạn', 'Quá hạn'],
        ['6.797', '188', '6.609', '6.608', '1', '6.790', '7'],
        [{ text: 'Tỷ lệ (%)', colSpan: 3 }, '99,98%', '', '99,9', ''],
      ],
      ...seedLines(40, 44),
      [
        ['TT', 'Nội dung', 'Dự toán năm 2026 (triệu đồng)', 'Đã giải ngân (triệu đồng)'],
        ['1', 'Chi thường xuyên', '390', '250'],
        ['2', 'Chi đầu tư phát triển', '7.822', '3.000'],
        [{ text: 'Tổng số', colSpan: 2 }, '8.212', '3.250'],
      ],
      ...seedLines(50, 107),
    );
    const { report, warnings, sources } = parseReport(doc);
    expect(report.implementation.budget.lines.map((l) => [l.id, l.title, l.kind, l.amount])).toEqual([
      ['i-1', 'Chi thường xuyên', 'recurrent', 390 * M],
      ['i-2', 'Chi đầu tư phát triển', 'investment', 7822 * M],
    ]);
    expect(report.implementation.budget.stated).toEqual({ total: 8212 * M });
    // "Đã giải ngân" of the total row is the disbursed amount.
    expect(report.implementation.budget.disbursed).toBe(3250 * M);
    expect(report.implementation.dossiers).toMatchObject({
      total: 6797, carriedOver: 188, receivedInPeriod: 6609, online: 6608, direct: 1, resolvedOnTime: 6790, resolvedLate: 7,
      statedOnlineRate: 99.98, statedOnTimeRate: 99.9,
    });
    expect(sources.find((s) => s.path === 'implementation.dossiers.online')?.cell).toEqual({ table: 0, row: 2, col: 3 });
    expect(warnings.filter((w) => w.code !== 'IMPORT_UNPLACED')).toEqual([]);
    expect(leaves(report.plan.budget)).toHaveLength(16);
  });

  it('reads "(Bằng chữ: …)" under the table as the words of its total', () => {
    const doc = sourceDocument(...seedLines(1, 66), 'Đơn vị tính: triệu đồng', PLAN_TABLE, '(Bằng chữ: Ba tỷ bốn trăm tám mươi triệu đồng chẵn)', ...seedLines(93, 107));
    const { report, warnings, sources } = parseReport(doc);
    expect(warnings).toEqual([]);
    expect(report.plan.stated).toEqual({ total: 3480 * M, totalWords: 'Ba tỷ bốn trăm tám mươi triệu đồng chẵn' });
    expect(sources.find((x) => x.path === 'plan.stated.totalWords')?.line).toBe(doc.lines.indexOf('(Bằng chữ: Ba tỷ bốn trăm tám mươi triệu đồng chẵn)') + 1);
  });

  it('takes the unit the text confirms when the table names none (the one unit that makes it add up to the stated total)', () => {
    const { report, warnings } = parseReport(sourceDocument(...seedLines(1, 68), PLAN_TABLE, ...seedLines(93, 107)));
    expect(warnings).toEqual([]);
    expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.kind, e.line.amount])).toEqual(SEED_LEAVES);

    // With no total stated in the text, nothing confirms a unit: not read, and said.
    const none = parseReport(sourceDocument(...seedLines(1, 66), PLAN_TABLE, ...seedLines(93, 107)));
    expect(leaves(none.report.plan.budget).every((e) => e.line.amount === 0)).toBe(true);
    expect(none.warnings.map((w) => w.code)).toEqual(['IMPORT_AMBIGUOUS']);
  });

  it('joins a table continued on the next page (no header repeated, or the same header) to the one before', () => {
    for (const repeat of [false, true]) {
      const second = [...(repeat ? [PLAN_TABLE[0] ?? []] : []), ...PLAN_TABLE.slice(13)];
      const doc = sourceDocument(...seedLines(1, 68), 'Đơn vị tính: triệu đồng', PLAN_TABLE.slice(0, 13), '', second, ...seedLines(93, 107));
      const { report, warnings, sources } = parseReport(doc);
      expect(warnings).toEqual([]);
      expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.kind, e.line.amount])).toEqual(SEED_LEAVES);
      // The third digital line is in the second table, its row 4 (5 when the header is repeated).
      expect(sources.find((x) => x.path === 'plan.budget.2.children.2.amount')?.cell).toEqual({ table: 1, row: repeat ? 5 : 4, col: 4 });
    }
  });

  it('places a table by its year when it names only the other one: the current year\'s table in the appendix is Part I\'s budget', () => {
    const doc = sourceDocument(...seedLines(1, 44), ...seedLines(50, 107), 'PHỤ LỤC', 'TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2026', [
      ['STT', 'Nội dung', 'Dự toán năm 2026 (triệu đồng)'],
      ['1', 'Chi thường xuyên', '390'],
      ['2', 'Chi đầu tư phát triển', '7.822'],
      [{ text: 'Tổng cộng', colSpan: 2 }, '8.212'],
    ]);
    const { report } = parseReport(doc);
    expect(report.implementation.budget.lines.map((l) => [l.kind, l.amount])).toEqual([['recurrent', 390 * M], ['investment', 7822 * M]]);
    expect(report.implementation.budget.stated.total).toBe(8212 * M);
    expect(leaves(report.plan.budget)).toHaveLength(16);
  });

  it('takes the appendix table as the detail of a plan the text gives only by field, when the totals agree', () => {
    const byField = ['2.1. Khoa học, công nghệ: 1.320 triệu đồng', '2.2. Đổi mới sáng tạo (Khoản 111): 450 triệu đồng', '2.3. Chuyển đổi số (Khoản 121): 1.710 triệu đồng'];
    const doc = sourceDocument(...seedLines(1, 68), ...byField, ...seedLines(93, 107), 'PHỤ LỤC', 'Đơn vị tính: triệu đồng', PLAN_TABLE);
    const { report, warnings } = parseReport(doc);
    expect(warnings).toEqual([]);
    expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.kind, e.line.amount])).toEqual(SEED_LEAVES);
    expect(report.plan.stated).toEqual({ total: 3480 * M, totalWords: 'Ba tỷ bốn trăm tám mươi triệu đồng chẵn' });

    // Totals that disagree: the text stays, the table is only compared.
    const other = parseReport(sourceDocument(...seedLines(1, 68), ...byField, ...seedLines(93, 107), 'PHỤ LỤC', 'Đơn vị tính: triệu đồng',
      PLAN_TABLE.map((row) => row.map((c) => (c === '360' ? '350' : c)))));
    expect(other.report.plan.budget.map((l) => l.amount)).toEqual([1320 * M, 450 * M, 1710 * M]);
    expect(other.warnings.map((w) => w.code)).toEqual(['IMPORT_AMBIGUOUS']);
  });
});

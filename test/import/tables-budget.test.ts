import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBudgetTable } from '../../src/documents/import/budget-table.ts';
import { cellFigure, classifyTable, unitLine, unitOf, type MoneyUnit } from '../../src/documents/import/tables.ts';
import { leaves } from '../../src/domain/budget.ts';
import { runChecks } from '../../src/domain/checks.ts';
import { Report } from '../../src/domain/report-schema.ts';
import { tableOf, type CellSpec } from './table-builder.ts';

const M = 1_000_000;

function read(rows: CellSpec[][], year: number, nearbyUnit?: MoneyUnit) {
  const table = tableOf(rows);
  const c = classifyTable(table);
  expect(c.kind).toBe('budget');
  if (!c.header) throw new Error('no header');
  return readBudgetTable(table, c.grid, c.header, { table: 0, year, ...(nearbyUnit ? { nearbyUnit } : {}) });
}

const b = (text: string): CellSpec => ({ text, bold: true });

/** The issue's table: STT / Nội dung / Mã Khoản / Loại chi / Kinh phí, Roman groups, "Tổng cộng"; group III's subtotal is wrong (1.710 ≠ 1.500 + 200). */
const ISSUE_TABLE: CellSpec[][] = [
  ['STT', 'Nội dung', 'Mã Khoản', 'Loại chi', 'Kinh phí'],
  [b('I'), b('Khoa học, công nghệ'), b('102'), '', b('1.320')],
  ['1', 'Chi hỗ trợ thường xuyên', '102', 'Thường xuyên', '60'],
  ['2', 'Xây dựng mô hình ứng dụng công nghệ', '102', 'Thường xuyên', '1.260'],
  [b('II'), b('Đổi mới sáng tạo'), b('111'), '', b('450')],
  ['1', 'Ngày hội đổi mới sáng tạo', '111', 'Thường xuyên', '50'],
  ['2', 'Hỗ trợ sáng kiến cải cách hành chính', '111', 'TX', '400'],
  [b('III'), b('Chuyển đổi số'), b('121'), '', b('1.710')],
  ['1', 'Nâng cấp hạ tầng số', '121', 'Đầu tư phát triển', '1.500'],
  ['2', 'Bồi dưỡng kỹ năng số', '121', 'Thường xuyên', '200'],
  [{ text: 'Tổng cộng', colSpan: 4, bold: true }, b('3.480')],
];

describe('money units and figures in cells', () => {
  it('reads the unit from header words, "Đơn vị tính" lines and cells, and no unit from "tỷ lệ" or "hoạt động"', () => {
    expect(unitOf('Kinh phí (triệu đồng)')).toBe('triệu đồng');
    expect(unitOf('Số tiền (đồng)')).toBe('đồng');
    // "Số tiền (đồng)" is a money column ("tien dong" is not "tiến độ").
    expect(classifyTable(tableOf([['STT', 'Nội dung', 'Số tiền (đồng)', 'Tiến độ'], ['1', 'Khoa học', '500.000.000', 'Quý I']])).header?.columns.map((c) => c.role)).toEqual(['stt', 'title', 'amount', undefined]);
    expect(unitOf('Thành tiền (nghìn đồng)')).toBe('nghìn đồng');
    expect(unitOf('Dự toán (tỷ đồng)')).toBe('tỷ đồng');
    expect(unitOf('Kinh phí (Tr.đ)')).toBe('triệu đồng');
    expect(unitOf('Kinh phí (trđ)')).toBe('triệu đồng');
    expect(unitOf('KINH PHÍ (TRIỆU ĐỒNG)')).toBe('triệu đồng');
    expect(unitOf('Tỷ lệ (%)')).toBeUndefined();
    expect(unitOf('Nội dung hoạt động')).toBeUndefined();
    expect(unitLine('Đơn vị tính: triệu đồng')).toBe('triệu đồng');
    expect(unitLine('(ĐVT: Đồng)')).toBe('đồng');
    expect(unitLine('Đơn vị: nghìn đồng')).toBe('nghìn đồng');
    expect(unitLine('Đơn vị chủ trì: Phòng Văn hóa - Xã hội')).toBeUndefined();
  });

  it('reads "1.320", "12,5", "1.205.500.000", "1 320", a cell with its own unit; "-" and "" are no figure; text is text', () => {
    expect(cellFigure('1.320')).toEqual({ kind: 'figure', number: '1.320', text: '1.320' });
    expect(cellFigure('12,5')).toMatchObject({ kind: 'figure', number: '12,5' });
    expect(cellFigure('1.205.500.000')).toMatchObject({ kind: 'figure', number: '1.205.500.000' });
    expect(cellFigure('1 320')).toMatchObject({ kind: 'figure', number: '1.320' });
    expect(cellFigure('450 triệu đồng')).toMatchObject({ kind: 'figure', number: '450', unit: 'triệu đồng' });
    expect(cellFigure('-')).toEqual({ kind: 'empty' });
    expect(cellFigure('')).toEqual({ kind: 'empty' });
    expect(cellFigure('0')).toMatchObject({ kind: 'figure', number: '0' });
    expect(cellFigure('Lồng ghép')).toMatchObject({ kind: 'text' });
    expect(cellFigure('1,320,000')).toMatchObject({ kind: 'text' });
  });
});

describe('a budget table read by its header cells', () => {
  it('classifies tables: budget by its header, signature and header blocks as layout', () => {
    expect(classifyTable(tableOf(ISSUE_TABLE)).kind).toBe('budget');
    expect(classifyTable(tableOf([['Nơi nhận:\n- Như trên;\n- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A']])).kind).toBe('layout');
    expect(classifyTable(tableOf([['ỦY BAN NHÂN DÂN\nXÃ KIẾN THỤY\nSố: 12/BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc']])).kind).toBe('layout');
    // A table of targets has figures but no money: it stays text.
    const targets = tableOf([
      ['STT', 'Chỉ tiêu', 'Kế hoạch năm 2026', 'Thực hiện', 'Tỷ lệ (%)'],
      ['1', 'Mô hình ứng dụng khoa học công nghệ', '2', '2', '100'],
      ['2', 'Sản phẩm OCOP', '3', '4', '133'],
    ]);
    expect(classifyTable(targets).kind).toBe('layout');
    // The same columns with "Đơn vị tính: triệu đồng" beside the table are money.
    expect(classifyTable(targets, true).kind).toBe('budget');
  });

  it('reads Roman groups with their Khoản, kinds from the "Loại chi" column, subtotals as stated and "Tổng cộng" as the total', () => {
    const got = read(ISSUE_TABLE, 2027, 'triệu đồng');
    expect(got.warnings).toEqual([]);
    expect(got.lines.map((g) => [g.title, g.field, g.budgetCode, g.statedAmount])).toEqual([
      ['Khoa học, công nghệ', 'science', '102', 1320 * M],
      ['Đổi mới sáng tạo', 'innovation', '111', 450 * M],
      ['Chuyển đổi số', 'digital', '121', 1710 * M],
    ]);
    expect(leaves(got.lines).map((e) => [e.field, e.line.kind, e.line.amount])).toEqual([
      ['science', 'recurrent', 60 * M],
      ['science', 'recurrent', 1260 * M],
      ['innovation', 'recurrent', 50 * M],
      ['innovation', 'recurrent', 400 * M],
      ['digital', 'investment', 1500 * M],
      ['digital', 'recurrent', 200 * M],
    ]);
    expect(got.total?.dong).toBe(3480 * M);
    // Sources: the total's cell is row 10, its 2nd cell (the first spans four columns).
    expect(got.total?.ref).toMatchObject({ table: 0, row: 10, col: 1 });
    const leaf = got.lines[2]?.children[0];
    expect(leaf && got.refs.get(leaf)).toMatchObject({ amount: { row: 8, col: 4 }, kind: { row: 8, col: 3 }, budgetCode: { row: 8, col: 2 } });
  });

  it('lets BUDGET_GROUP_SUM and BUDGET_TOTAL report a wrong subtotal and a wrong total', () => {
    const got = read(ISSUE_TABLE, 2027, 'triệu đồng');
    const example = JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')) as Report;
    const report = Report.parse({ ...example, plan: { ...example.plan, budget: got.lines.map((l, i) => ({ ...l, id: `p-${i + 1}`, children: l.children.map((c, j) => ({ ...c, id: `p-${i + 1}-${j + 1}` })) })), stated: { total: got.total?.dong } } });
    const findings = runChecks(report).filter((f) => f.path.startsWith('plan.'));
    expect(findings.map((f) => [f.code, f.path, f.actual, f.expected])).toEqual([
      ['BUDGET_GROUP_SUM', 'plan.budget[2].statedAmount', 1710 * M, 1700 * M],
      ['BUDGET_TOTAL', 'plan.stated.total', 3480 * M, 3470 * M],
    ]);
  });

  it('does not guess a unit: without one the figures are not read and IMPORT_AMBIGUOUS says so', () => {
    const got = read(ISSUE_TABLE, 2027);
    expect(leaves(got.lines).map((e) => e.line.amount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(got.total).toBeUndefined();
    expect(got.warnings.map((w) => w.code)).toEqual(['IMPORT_AMBIGUOUS']);
    expect(got.warnings[0]?.message).toContain('đơn vị tính');
  });

  /** Split header, merged cells, a caption row with the unit in đồng, three year columns, sub-columns by kind. */
  const SPLIT: CellSpec[][] = [
    [{ text: 'Đơn vị tính: đồng', colSpan: 8 }],
    [
      { text: 'STT', rowSpan: 2 }, { text: 'Nội dung chi', rowSpan: 2 }, { text: 'Dự toán năm 2026', rowSpan: 2 },
      { text: 'Ước thực hiện năm 2026', rowSpan: 2 }, { text: 'Dự toán năm 2027', colSpan: 3 }, { text: 'Ghi chú', rowSpan: 2 },
    ],
    ['Tổng số', 'Chi đầu tư phát triển', 'Chi thường xuyên'],
    ['1', '2', '3', '4', '5', '6', '7', '8'],
    ['', b('TỔNG CỘNG'), '8.212.000.000', '8.000.000.000', '1.205.500.000', '500.000.000', '705.500.000', ''],
    ['', 'Trong đó:', '', '', '', '', '', ''],
    ['', 'Chi đầu tư phát triển', '7.822.000.000', '', '500.000.000', '500.000.000', '-', ''],
    ['', 'Chi thường xuyên', '390.000.000', '', '705.500.000', '-', '705.500.000', ''],
    [b('I'), b('Khoa học, công nghệ'), '390.000.000', '', '300.000.000', '-', '300.000.000', ''],
    ['1', 'Nhiệm vụ khoa học cấp xã', '390.000.000', '', '300.000.000', '-', '300.000.000', 'Chuyển tiếp'],
    [b('II'), b('Chuyển đổi số'), '7.822.000.000', '', '905.500.000', '500.000.000', '405.500.000', ''],
    ['1', 'Nâng cấp hạ tầng số', '7.822.000.000', '', '600.000.000', '500.000.000', '100.000.000', ''],
    ['2', 'Phần mềm dùng chung', '', '', '305.500.000', '-', '305.500.000', ''],
  ];

  it('reads a split header with merged cells: the plan year\'s estimate, kind from the sub-column holding the figure', () => {
    const got = read(SPLIT, 2027);
    expect(got.columns).toEqual(['Dự toán năm 2027 / Tổng số', 'Dự toán năm 2027 / Chi đầu tư phát triển', 'Dự toán năm 2027 / Chi thường xuyên']);
    expect(got.total?.dong).toBe(1_205_500_000);
    expect(got.lines.map((g) => [g.title, g.field, g.statedAmount])).toEqual([
      ['Khoa học, công nghệ', 'science', 300_000_000],
      ['Chuyển đổi số', 'digital', 905_500_000],
    ]);
    expect(got.lines[0]?.children[0]).toMatchObject({ title: 'Nhiệm vụ khoa học cấp xã', kind: 'recurrent', amount: 300_000_000, note: 'Chuyển tiếp' });
    // Figures in both sub-columns: the row is a group of one line of each kind, its total stated.
    expect(got.lines[1]?.children[0]).toMatchObject({
      title: 'Nâng cấp hạ tầng số',
      statedAmount: 600_000_000,
      children: [
        { title: 'Chi đầu tư phát triển', kind: 'investment', amount: 500_000_000 },
        { title: 'Chi thường xuyên', kind: 'recurrent', amount: 100_000_000 },
      ],
    });
    expect(got.lines[1]?.children[1]).toMatchObject({ kind: 'recurrent', amount: 305_500_000 });
    expect(got.warnings).toEqual([]);
  });

  it('reads the current year\'s estimate ("Dự toán năm 2026", not "Ước thực hiện") from the same table', () => {
    const got = read(SPLIT, 2026);
    expect(got.columns).toEqual(['Dự toán năm 2026']);
    expect(got.total?.dong).toBe(8_212_000_000);
    expect(leaves(got.lines).map((e) => [e.line.title, e.line.amount])).toEqual([
      ['Nhiệm vụ khoa học cấp xã', 390_000_000],
      ['Nâng cấp hạ tầng số', 7_822_000_000],
      ['Phần mềm dùng chung', 0],
    ]);
  });

  it('reads bold unnumbered group rows, a unit in each cell, "1,2 tỷ" and nested numbering I → 1 → 1.1', () => {
    const got = read([
      ['Nội dung', 'Số tiền'],
      [b('Khoa học, công nghệ'), ''],
      ['Chi hỗ trợ thường xuyên', '60 triệu đồng'],
      ['Xây dựng cơ sở dữ liệu', '1,2 tỷ đồng'],
      [b('Chuyển đổi số'), ''],
      ['Trang bị máy tính', '500.000 nghìn đồng'],
    ], 2027);
    expect(got.warnings).toEqual([]);
    expect(got.lines.map((g) => [g.field, g.statedAmount, g.children.map((c) => c.amount)])).toEqual([
      ['science', undefined, [60 * M, 1200 * M]],
      ['digital', undefined, [500 * M]],
    ]);

    const nested = read([
      ['TT', 'Danh mục', 'Dự toán (triệu đồng)'],
      ['I', 'Chuyển đổi số (Khoản 121)', '700'],
      ['1', 'Hạ tầng số', '500'],
      ['1.1', 'Máy tính', '300'],
      ['1.2', 'Máy quét', '200'],
      ['2', 'Đào tạo kỹ năng số', '200'],
      ['Cộng', '', '700'],
    ], 2027);
    expect(nested.lines).toMatchObject([
      {
        title: 'Chuyển đổi số (Khoản 121)', field: 'digital', statedAmount: 700 * M,
        children: [
          { title: 'Hạ tầng số', statedAmount: 500 * M, children: [{ amount: 300 * M }, { amount: 200 * M }] },
          { title: 'Đào tạo kỹ năng số', amount: 200 * M, children: [] },
        ],
      },
    ]);
    expect(nested.total?.dong).toBe(700 * M);
  });

  it('reads kind from a group ("Chi đầu tư phát triển") and field from the Khoản column; kind groups give way to their fields at the top', () => {
    const got = read([
      ['STT', 'Tên nhiệm vụ', 'Mã số', 'Kinh phí (triệu đồng)'],
      ['A', 'Chi đầu tư phát triển', '', ''],
      ['1', 'Trung tâm dữ liệu', '121', '1.000'],
      ['Cộng', '', '', '1.000'],
      ['B', 'Chi thường xuyên', '', ''],
      ['1', 'Ngày hội khởi nghiệp', '111', '80'],
      ['2', 'Ứng dụng AI', '121', '120'],
    ], 2027);
    // The model wants the fields at the top (REQUIRED): the kind groups give way, their kind kept.
    expect(got.lines.map((l) => [l.title, l.field, l.budgetCode, l.kind, l.amount])).toEqual([
      ['Trung tâm dữ liệu', 'digital', '121', 'investment', 1000 * M],
      ['Ngày hội khởi nghiệp', 'innovation', '111', 'recurrent', 80 * M],
      ['Ứng dụng AI', 'digital', '121', 'recurrent', 120 * M],
    ]);
    expect(got.warnings).toEqual([]);
    expect(got.total).toBeUndefined();

    // A kind group whose lines name no field stays a group (REQUIRED will ask for its field);
    // its "Cộng" subtotal is kept as stated.
    const kept = read([
      ['STT', 'Tên nhiệm vụ', 'Kinh phí (triệu đồng)'],
      ['A', 'Chi đầu tư phát triển', ''],
      ['1', 'Trung tâm dữ liệu', '1.000'],
      ['2', 'Camera an ninh', '500'],
      ['Cộng', '', '1.600'],
      ['B', 'Chi thường xuyên', ''],
      ['1', 'Tập huấn', '80'],
    ], 2027);
    expect(kept.lines.map((l) => [l.title, l.kind, l.statedAmount, l.children.map((c) => [c.kind, c.amount])])).toEqual([
      ['Chi đầu tư phát triển', 'investment', 1600 * M, [['investment', 1000 * M], ['investment', 500 * M]]],
      ['Chi thường xuyên', 'recurrent', undefined, [['recurrent', 80 * M]]],
    ]);
  });

  it('warns on a cell that is not a figure and on two columns of the same meaning, never guessing', () => {
    const text = read([
      ['STT', 'Nội dung', 'Kinh phí (triệu đồng)'],
      ['1', 'Khoa học, công nghệ', 'Lồng ghép'],
      ['2', 'Chuyển đổi số', '100'],
    ], 2027);
    expect(text.lines.map((l) => l.amount)).toEqual([0, 100 * M]);
    expect(text.warnings.map((w) => [w.code, w.line])).toEqual([['IMPORT_AMBIGUOUS', 6]]);
    const two = read([
      ['STT', 'Nội dung', 'Kinh phí (triệu đồng)', 'Số tiền (triệu đồng)'],
      ['1', 'Khoa học, công nghệ', '100', '200'],
    ], 2027);
    expect(two.lines).toEqual([]);
    expect(two.warnings.map((w) => w.code)).toEqual(['IMPORT_AMBIGUOUS']);
  });

  it('joins cells wrapped onto a row of their own (tables rebuilt from a PDF), below or above the row with the figures', () => {
    const got = read([
      ['STT', 'Nội dung', 'Mã Khoản', 'Loại chi', 'Kinh phí (triệu đồng)'],
      ['I', 'Chuyển đổi số', '121', '', '635'],
      ['1', 'Duy trì, nâng cấp hệ thống an ninh mạng,', '121', 'Thường', '235'],
      ['', 'tường lửa', '', 'xuyên', ''],
      ['', 'Trang bị máy tính, máy quét tốc độ cao', '', 'Đầu tư phát', ''],
      ['2', 'cho bộ phận một cửa', '121', 'triển', '400'],
    ], 2027);
    expect(got.warnings).toEqual([]);
    expect(got.lines[0]?.children.map((c) => [c.title, c.kind, c.amount])).toEqual([
      ['Duy trì, nâng cấp hệ thống an ninh mạng, tường lửa', 'recurrent', 235 * M],
      ['Trang bị máy tính, máy quét tốc độ cao cho bộ phận một cửa', 'investment', 400 * M],
    ]);
  });

  it('leaves "Thời gian thực hiện" and "Đơn vị chủ trì" out of the money columns, and "Tổng hợp …" is a line, not a total', () => {
    const got = read([
      ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Kế hoạch năm 2027 (triệu đồng)'],
      ['1', 'Chuyển đổi số', 'Văn phòng', '2027', '200'],
      ['2', 'Tổng hợp dữ liệu dân cư', 'Công an xã', 'Quý II', '50'],
    ], 2027);
    expect(got.columns).toEqual(['Kế hoạch năm 2027 (triệu đồng)']);
    expect(got.lines.map((l) => [l.title, l.amount])).toEqual([['Chuyển đổi số', 200 * M], ['Tổng hợp dữ liệu dân cư', 50 * M]]);
    expect(got.total).toBeUndefined();
  });
});

describe('a header with its unit on a row of its own', () => {
  it('takes "(tr.đ)" under the header (a table rebuilt from a PDF, no spans) as the unit, not as a row', () => {
    const got = read([
      ['TT', 'Danh mục nhiệm vụ', 'Dự toán năm 2027'],
      ['', '', '(tr.đ)'],
      ['1', 'Chuyển đổi số', '2.100'],
    ], 2027);
    expect(got.warnings).toEqual([]);
    expect(got.lines.map((l) => [l.title, l.field, l.amount])).toEqual([['Chuyển đổi số', 'digital', 2100 * M]]);
  });
});

describe('bounded work on hostile tables', () => {
  it('reads a 3.000-row table of wrapped cells and "Cộng" rows, and a cell spanning 1.000 columns, in well under a second', () => {
    const rows: CellSpec[][] = [['STT', 'Nội dung', 'Kinh phí (triệu đồng)']];
    for (let i = 0; i < 1000; i += 1) rows.push([String(i + 1), `Dòng ${i}`, '1'], ['', 'tiếp theo', ''], ['Cộng', '', '1']);
    rows.push([{ text: 'x', colSpan: 1000 }]);
    const started = performance.now();
    const got = read(rows, 2027);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(got.lines).toHaveLength(1000);
    expect(got.lines[0]?.title).toBe('Dòng 0 tiếp theo');
  });
});

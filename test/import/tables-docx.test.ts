import { readFileSync } from 'node:fs';
import { BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/documents/import/index.ts';
import { leaves } from '../../src/domain/budget.ts';
import { runChecks } from '../../src/domain/checks.ts';

/**
 * End to end: a Word report made the usual way — Part II as a bordered budget table with a split
 * header (merged "Dự toán năm 2027" over the two kinds), bold Roman group rows with their
 * subtotals and "Tổng cộng" — written with the docx library (not khcn's renderer), then
 * importReport. Expected figures are written by hand.
 */
const M = 1_000_000;
const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8').split('\n');
const seedLines = (a: number, b: number) => seed.slice(a - 1, b).filter((l) => l.trim() !== '');

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

type Spec = string | { text: string; bold?: boolean; rowSpan?: number; columnSpan?: number };
const cell = (s: Spec) => {
  const o = typeof s === 'string' ? { text: s } : s;
  return new TableCell({
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    children: [new Paragraph({ children: [new TextRun({ text: o.text, bold: o.bold ?? false })] })],
  });
};
const b = (text: string): Spec => ({ text, bold: true });

/** [STT, Nội dung, Mã Khoản, Chi thường xuyên, Chi đầu tư phát triển]; group III's subtotal (1.800) is wrong. */
const ROWS: Spec[][] = [
  [{ text: 'STT', rowSpan: 2 }, { text: 'Nội dung', rowSpan: 2 }, { text: 'Mã Khoản', rowSpan: 2 }, { text: 'Dự toán năm 2027', columnSpan: 2 }],
  ['Chi thường xuyên', 'Chi đầu tư phát triển'],
  [b('I'), b('KHOA HỌC, CÔNG NGHỆ'), b('102'), b('1.320'), b('-')],
  ['1', 'Xây dựng kế hoạch, nhiệm vụ khoa học công nghệ cấp xã', '102', '570', '-'],
  ['2', 'Hỗ trợ xây dựng mô hình sản xuất ứng dụng công nghệ', '102', '750', '-'],
  [b('II'), b('ĐỔI MỚI SÁNG TẠO'), b('111'), b('450'), b('-')],
  ['1', 'Tổ chức Ngày hội đổi mới sáng tạo', '111', '450', '-'],
  [b('III'), b('CHUYỂN ĐỔI SỐ'), b('121'), b('560'), b('1.240')],
  ['1', 'Nâng cấp hạ tầng số', '121', '-', '1.150'],
  ['2', 'Bồi dưỡng kỹ năng số', '121', '560', '-'],
  [{ text: 'Tổng cộng', columnSpan: 3, bold: true }, b('2.330'), b('1.150')],
];

async function docxBytes(): Promise<Uint8Array> {
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    sections: [{
      children: [
        ...seedLines(1, 66).map(para),
        para('Đơn vị tính: triệu đồng'),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS, rows: ROWS.map((r) => new TableRow({ children: r.map(cell) })) }),
        ...seedLines(93, 107).map(para),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a DOCX with a bordered budget table (docx library) → importReport', () => {
  it('reads every leaf with its field, kind and amount, the subtotals and the total, and where each came from', async () => {
    const result = await importReport(await docxBytes(), 'bao-cao.docx');
    const { report, sources, tables } = result;
    expect(tables.length).toBeGreaterThan(0);
    expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.kind, e.line.amount])).toEqual([
      ['science', '102', 'recurrent', 570 * M],
      ['science', '102', 'recurrent', 750 * M],
      ['innovation', '111', 'recurrent', 450 * M],
      ['digital', '121', 'investment', 1150 * M],
      ['digital', '121', 'recurrent', 560 * M],
    ]);
    expect(report.plan.budget.map((g) => g.statedAmount)).toEqual([1320 * M, 450 * M, 1800 * M]);
    expect(report.plan.stated.total).toBe(3480 * M);
    const budget = runChecks(report).filter((f) => f.code.startsWith('BUDGET'));
    // Group III states 560 + 1.240 = 1.800 but its lines are 1.150 + 560 = 1.710; "Tổng cộng"
    // (2.330 + 1.150 = 3.480) agrees with the lines.
    expect(budget.map((f) => [f.code, f.path, f.actual, f.expected])).toEqual([
      ['BUDGET_GROUP_SUM', 'plan.budget[2].statedAmount', 1800 * M, 1710 * M],
    ]);
    // The investment line's figure: the source points at its table cell and at a line of `lines` holding "1.150".
    const src = sources.find((s) => s.path === 'plan.budget.2.children.0.amount');
    expect(src?.cell).toMatchObject({ row: 8, col: 4 });
    expect(result.lines[(src?.line ?? 0) - 1]).toBe('1.150');
    // No cell of the table is reported unread or unplaced.
    const table = tables[src?.cell?.table ?? -1];
    const tableLines = new Set(table?.rows.flat().flatMap((c) => c.lines));
    expect(result.warnings.filter((w) => tableLines.has(w.line))).toEqual([]);
  });
});

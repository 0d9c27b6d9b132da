import {
  AlignmentType,
  Footer,
  Header,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatMillions } from '../../domain/format.ts';
import type { Report } from '../../domain/report-schema.ts';
import { appendixHeadings, appendixTable, COLUMN_NUMBERS, type AppendixRow } from './appendix-table.ts';
import { ALL_THIN, FONT, mm, PAGE, pt, rule, SIZE } from './docx-style.ts';

// Landscape A4; the left (binding) margin stays 30 mm. The docx package swaps width and height
// itself when the orientation is landscape, so it is given the portrait size.
const WIDTH = PAGE.height;
const MARGIN = { top: mm(20), bottom: mm(15), left: mm(30), right: mm(15), header: mm(10), footer: mm(8) };
const TABLE_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
// STT · Nội dung · Mã Khoản · Dự toán N · Ước TH N · Tổng số · ĐTPT · TX · Ghi chú
const FIXED = [700, 0, 900, 1250, 1250, 1250, 1400, 1400, 1600];
const COLS = FIXED.map((w, i) => (i === 1 ? TABLE_WIDTH - FIXED.reduce((a, b) => a + b, 0) : w));

const text = (t: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text: t, font: FONT, size: o.size ?? SIZE.table, bold: o.bold ?? false, italics: o.italic ?? false });

interface CellSpec {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'centre' | 'right';
  span?: number;
  merge?: 'restart' | 'continue';
}

function tableCell(spec: CellSpec, col: number): TableCell {
  const width = COLS.slice(col, col + (spec.span ?? 1)).reduce((a, b) => a + b, 0);
  const align = spec.align === 'right' ? AlignmentType.RIGHT : spec.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span,
    verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : spec.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlign.CENTER,
    borders: ALL_THIN,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [new Paragraph({ alignment: align, spacing: { before: 0, after: 0 }, children: [text(spec.text, spec)] })],
  });
}

function row(specs: CellSpec[], header = false): TableRow {
  let col = 0;
  const cells = specs.map((s) => {
    const c = tableCell(s, col);
    col += s.span ?? 1;
    return c;
  });
  return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
}

const money = (v: number | undefined): string => (v === undefined ? '' : formatMillions(v));

function bodyRow(r: AppendixRow): TableRow {
  const bold = r.kind !== 'line';
  const num = (v: number | undefined): CellSpec => ({ text: money(v), bold, align: 'right' });
  return row([
    { text: r.stt, bold },
    { text: r.title, bold, align: r.kind === 'total' ? 'centre' : 'left' },
    { text: r.budgetCode, bold },
    num(r.estimateN),
    num(r.actualN),
    num(r.total),
    num(r.investment || undefined),
    num(r.recurrent || undefined),
    { text: r.note, align: 'left' },
  ]);
}

/** The "Biểu chi tiết dự toán" as the DOCX's last section (ND 30: an appendix on its own pages). */
export function appendixSection(r: Report, hf: { header: Header; footer: Footer }): ISectionOptions {
  const t = appendixTable(r);
  const h = appendixHeadings(t);
  const centred = (s: string, style: { bold?: boolean; italic?: boolean; size?: number }, after = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [text(s, { size: pt(14), ...style })] });
  const table = new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: COLS,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        [
          { text: h.stt, bold: true, merge: 'restart' },
          { text: h.title, bold: true, merge: 'restart' },
          { text: h.code, bold: true, merge: 'restart' },
          { text: h.estimateN, bold: true, merge: 'restart' },
          { text: h.actualN, bold: true, merge: 'restart' },
          { text: h.plan, bold: true, span: 3 },
          { text: h.note, bold: true, merge: 'restart' },
        ],
        true,
      ),
      row(
        [
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          { text: '', merge: 'continue' },
          { text: h.total, bold: true, merge: 'restart' },
          { text: h.ofWhich, bold: true, span: 2 },
          { text: '', merge: 'continue' },
        ],
        true,
      ),
      row(
        [
          ...[0, 1, 2, 3, 4, 5].map((): CellSpec => ({ text: '', merge: 'continue' })),
          { text: h.investment, bold: true },
          { text: h.recurrent, bold: true },
          { text: '', merge: 'continue' },
        ],
        true,
      ),
      row(COLUMN_NUMBERS.map((n): CellSpec => ({ text: n, italic: true })), true),
      ...t.rows.map(bodyRow),
    ],
  });
  return {
    properties: {
      page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
    },
    headers: { default: hf.header },
    footers: { default: hf.footer },
    children: [
      centred('Phụ lục', { bold: true }),
      centred(t.title, { bold: true }),
      centred(t.reference, { italic: true }),
      rule(mm(30), TABLE_WIDTH, 120),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 60 }, children: [text('Đơn vị tính: triệu đồng', { italic: true, size: pt(13) })] }),
      table,
    ],
  };
}

import { BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../src/documents/import/docx-lines.ts';
import { extractDocument } from '../../src/documents/import/extract.ts';
import type { SourceCell } from '../../src/documents/import/types.ts';

/**
 * Word tables as structure. The DOCX files are built here with the `docx` library (not khcn's own
 * renderer); the expected rows, cells and lines are written by hand.
 */

interface CellSpec {
  text?: string | string[];
  bold?: boolean;
  span?: number;
  merge?: 'restart' | 'continue';
  runs?: { text: string; bold?: boolean }[];
  nested?: Table;
}

function cell(spec: CellSpec | string): TableCell {
  const s: CellSpec = typeof spec === 'string' ? { text: spec } : spec;
  const paragraphs = s.runs
    ? [new Paragraph({ children: s.runs.map((r) => new TextRun({ text: r.text, bold: r.bold })) })]
    : (Array.isArray(s.text) ? s.text : [s.text ?? '']).map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: s.bold })] }));
  return new TableCell({
    children: s.nested ? [s.nested, new Paragraph('')] : paragraphs,
    ...(s.span ? { columnSpan: s.span } : {}),
    ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

const row = (...cells: (CellSpec | string)[]) => new TableRow({ children: cells.map(cell) });
const table = (...rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
const noBorders = { top: { style: BorderStyle.NONE }, bottom: { style: BorderStyle.NONE }, left: { style: BorderStyle.NONE }, right: { style: BorderStyle.NONE } };

async function docx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Cells as [text, colSpan, rowSpan, bold, lines] for compact hand-written expectations. */
const compact = (rows: SourceCell[][]) => rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan, c.bold, c.lines]));

describe('DOCX tables are read as structure', () => {
  it('a bordered budget table: split header (gridSpan and vMerge), group rows in bold, wrapped cells; lines unchanged', async () => {
    const bytes = await docx([
      new Paragraph('II. DỰ TOÁN KINH PHÍ NĂM 2027'),
      new Paragraph('Đơn vị tính: triệu đồng'),
      table(
        row({ text: 'STT', merge: 'restart' }, { text: 'Nội dung', merge: 'restart' }, { text: 'Mã Khoản', merge: 'restart' }, { text: 'Kinh phí', span: 2 }),
        row({ merge: 'continue' }, { merge: 'continue' }, { merge: 'continue' }, 'Thường xuyên', 'Đầu tư'),
        row({ text: 'I', bold: true }, { text: 'Khoa học và công nghệ', bold: true }, '', { text: '250', bold: true }, ''),
        row('1', { text: ['Hỗ trợ ứng dụng tiến bộ', 'kỹ thuật trong nông nghiệp'] }, '102', '150', ''),
        row('2', { runs: [{ text: 'Tập huấn ', bold: true }, { text: 'chuyển giao' }] }, '102', '100', ''),
        row({ text: '', span: 3 }, { text: 'Tổng cộng: 250', bold: true, span: 2 }),
      ),
      new Paragraph('Nơi nhận:'),
    ]);
    const doc = await extractDocument(bytes, 'du-toan.docx');
    expect(doc.lines).toEqual([
      'II. DỰ TOÁN KINH PHÍ NĂM 2027',
      'Đơn vị tính: triệu đồng',
      'STT',
      'Nội dung',
      'Mã Khoản',
      'Kinh phí',
      'Thường xuyên',
      'Đầu tư',
      'I',
      'Khoa học và công nghệ',
      '250',
      '1',
      'Hỗ trợ ứng dụng tiến bộ',
      'kỹ thuật trong nông nghiệp',
      '102',
      '150',
      '2',
      'Tập huấn chuyển giao',
      '102',
      '100',
      'Tổng cộng: 250',
      'Nơi nhận:',
    ]);
    expect(doc.tables).toHaveLength(1);
    const [t] = doc.tables;
    expect(t!.firstLine).toBe(3);
    expect(t!.lastLine).toBe(21);
    expect(compact(t!.rows)).toEqual([
      // mammoth turns vMerge into rowspan and leaves the covered cells out of the next row
      [['STT', 1, 2, false, [3]], ['Nội dung', 1, 2, false, [4]], ['Mã Khoản', 1, 2, false, [5]], ['Kinh phí', 2, 1, false, [6]]],
      [['Thường xuyên', 1, 1, false, [7]], ['Đầu tư', 1, 1, false, [8]]],
      [['I', 1, 1, true, [9]], ['Khoa học và công nghệ', 1, 1, true, [10]], ['', 1, 1, false, []], ['250', 1, 1, true, [11]], ['', 1, 1, false, []]],
      [['1', 1, 1, false, [12]], ['Hỗ trợ ứng dụng tiến bộ kỹ thuật trong nông nghiệp', 1, 1, false, [13, 14]], ['102', 1, 1, false, [15]], ['150', 1, 1, false, [16]], ['', 1, 1, false, []]],
      // half bold is not a bold cell
      [['2', 1, 1, false, [17]], ['Tập huấn chuyển giao', 1, 1, false, [18]], ['102', 1, 1, false, [19]], ['100', 1, 1, false, [20]], ['', 1, 1, false, []]],
      [['', 3, 1, false, []], ['Tổng cộng: 250', 2, 1, true, [21]]],
    ]);
  });

  it('a vertical merge in the body (a kind column shared by two rows)', async () => {
    const bytes = await docx([
      table(
        row('STT', 'Nội dung', 'Loại chi'),
        row('1', 'Mua máy chủ', { text: 'Đầu tư phát triển', merge: 'restart' }),
        row('2', 'Phần mềm một cửa', { merge: 'continue' }),
        row('3', 'Tập huấn', 'Thường xuyên'),
      ),
    ]);
    const doc = await extractDocument(bytes, 'b.docx');
    expect(doc.lines).toEqual(['STT', 'Nội dung', 'Loại chi', '1', 'Mua máy chủ', 'Đầu tư phát triển', '2', 'Phần mềm một cửa', '3', 'Tập huấn', 'Thường xuyên']);
    expect(compact(doc.tables[0]!.rows)).toEqual([
      [['STT', 1, 1, false, [1]], ['Nội dung', 1, 1, false, [2]], ['Loại chi', 1, 1, false, [3]]],
      [['1', 1, 1, false, [4]], ['Mua máy chủ', 1, 1, false, [5]], ['Đầu tư phát triển', 1, 2, false, [6]]],
      [['2', 1, 1, false, [7]], ['Phần mềm một cửa', 1, 1, false, [8]]],
      [['3', 1, 1, false, [9]], ['Tập huấn', 1, 1, false, [10]], ['Thường xuyên', 1, 1, false, [11]]],
    ]);
  });

  it('borderless header and signature tables are tables too, and text between tables is kept in order', async () => {
    const header = new Table({
      borders: { ...noBorders, insideHorizontal: { style: BorderStyle.NONE }, insideVertical: { style: BorderStyle.NONE } },
      rows: [
        row({ text: ['ỦY BAN NHÂN DÂN', 'XÃ KIẾN THỤY'], bold: true }, { text: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], bold: true }),
        row('Số: 12/BC-UBND', 'Kiến Thụy, ngày 20 tháng 7 năm 2026'),
      ],
    });
    const bytes = await docx([header, new Paragraph('BÁO CÁO'), table(row('Nơi nhận:', { text: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], bold: true }))]);
    const doc = await extractDocument(bytes, 'h.docx');
    expect(doc.lines).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ KIẾN THỤY',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/BC-UBND',
      'Kiến Thụy, ngày 20 tháng 7 năm 2026',
      'BÁO CÁO',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
    expect(doc.tables.map((t) => [t.firstLine, t.lastLine])).toEqual([
      [1, 6],
      [8, 10],
    ]);
    expect(compact(doc.tables[0]!.rows)).toEqual([
      [['ỦY BAN NHÂN DÂN XÃ KIẾN THỤY', 1, 1, true, [1, 2]], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc', 1, 1, true, [3, 4]]],
      [['Số: 12/BC-UBND', 1, 1, false, [5]], ['Kiến Thụy, ngày 20 tháng 7 năm 2026', 1, 1, false, [6]]],
    ]);
    expect(compact(doc.tables[1]!.rows)).toEqual([[['Nơi nhận:', 1, 1, false, [8]], ['TM. ỦY BAN NHÂN DÂN CHỦ TỊCH', 1, 1, true, [9, 10]]]]);
  });

  it('a nested table: its lines belong to the enclosing cell too, and it is listed after the enclosing table', async () => {
    const inner = table(row('STT', 'Kinh phí'), row('1', '150'));
    const bytes = await docx([table(row('Khung', { nested: inner }), row('Cuối', 'khung'))]);
    const doc = await extractDocument(bytes, 'n.docx');
    expect(doc.lines).toEqual(['Khung', 'STT', 'Kinh phí', '1', '150', 'Cuối', 'khung']);
    expect(doc.tables).toHaveLength(2);
    expect(compact(doc.tables[0]!.rows)).toEqual([
      [['Khung', 1, 1, false, [1]], ['STT Kinh phí 1 150', 1, 1, false, [2, 3, 4, 5]]],
      [['Cuối', 1, 1, false, [6]], ['khung', 1, 1, false, [7]]],
    ]);
    expect(compact(doc.tables[1]!.rows)).toEqual([
      [['STT', 1, 1, false, [2]], ['Kinh phí', 1, 1, false, [3]]],
      [['1', 1, 1, false, [4]], ['150', 1, 1, false, [5]]],
    ]);
    expect([doc.tables[1]!.firstLine, doc.tables[1]!.lastLine]).toEqual([2, 5]);
  });

  it('a document without tables has none, and its lines are what they were', async () => {
    const doc = await extractDocument(await docx([new Paragraph('BÁO CÁO'), new Paragraph('Kết quả năm 2026')]), 'p.docx');
    expect(doc).toEqual({ lines: ['BÁO CÁO', 'Kết quả năm 2026'], tables: [] });
  });

  it('mammoth HTML with header cells, a list in a cell and entities', () => {
    const html =
      '<table><thead><tr><th><p><strong>STT</strong></p></th><th colspan="2"><p>Nội dung &amp; ghi chú</p></th></tr></thead>' +
      '<tbody><tr><td><ol><li><p>Một</p></li><li>Hai</li></ol></td><td rowspan="3"><p><em><strong>12,5</strong></em></p></td></tr></tbody></table><p>Sau</p>';
    const doc = htmlToDocument(html);
    expect(doc.lines).toEqual(['STT', 'Nội dung & ghi chú', '1. Một', '2. Hai', '12,5', 'Sau']);
    expect(compact(doc.tables[0]!.rows)).toEqual([
      [['STT', 1, 1, true, [1]], ['Nội dung & ghi chú', 2, 1, false, [2]]],
      [['1. Một 2. Hai', 1, 1, false, [3, 4]], ['12,5', 1, 3, true, [5]]],
    ]);
    expect([doc.tables[0]!.firstLine, doc.tables[0]!.lastLine]).toEqual([1, 5]);
  });
});

import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/documents/import/extract.ts';
import { importReport } from '../../src/documents/import/index.ts';
import type { SourceCell } from '../../src/documents/import/types.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { libreOfficeConvert } from './office-helpers.ts';

/**
 * PDF read from its text layer. Test files are made here: DOCX with the `docx` library or HTML,
 * printed to PDF by LibreOffice run directly by the test; hostile PDFs written by hand. The
 * expected lines and cells are written by hand.
 */

const cell = (text: string | string[], o: { bold?: boolean; span?: number; merge?: 'restart' | 'continue'; right?: boolean } = {}) =>
  new TableCell({
    children: (Array.isArray(text) ? text : [text]).map((t) => new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : undefined, children: [new TextRun({ text: t, bold: o.bold })] })),
    ...(o.span ? { columnSpan: o.span } : {}),
    ...(o.merge ? { verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

const compact = (rows: SourceCell[][]) => rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan]));

async function reportDocx(): Promise<Uint8Array> {
  const filler = (n: number) => `Đoạn ${n}: trong năm, xã đã triển khai các nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số theo kế hoạch, bảo đảm đúng tiến độ và chất lượng đề ra.`;
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Báo cáo KH,CN,ĐMST&CĐS xã Kiến Thụy')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'BÁO CÁO', bold: true })] }),
          new Paragraph('1. Kết quả thực hiện: xã tổ chức triển khai kế hoạch chuyển đổi số năm 2026 theo đúng lộ trình của thành phố, bảo đảm tiến độ đề ra.'),
          new Paragraph('- Tổng số hồ sơ tiếp nhận: 1.234 hồ sơ.'),
          new Paragraph('+ Hồ sơ trực tuyến: 1.000 hồ sơ.'),
          ...Array.from({ length: 34 }, (_, i) => new Paragraph(filler(i + 1))),
          new Paragraph('II. DỰ TOÁN KINH PHÍ NĂM 2027'),
          new Paragraph('Đơn vị tính: triệu đồng'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row(cell('STT', { bold: true, merge: 'restart' }), cell('Nội dung', { bold: true, merge: 'restart' }), cell('Mã Khoản', { bold: true, merge: 'restart' }), cell('Kinh phí', { bold: true, span: 2 })),
              row(cell('', { merge: 'continue' }), cell('', { merge: 'continue' }), cell('', { merge: 'continue' }), cell('Thường xuyên', { bold: true }), cell('Đầu tư', { bold: true })),
              row(cell('I', { bold: true }), cell('Khoa học và công nghệ', { bold: true }), cell(''), cell('350', { bold: true, right: true }), cell('')),
              row(cell('1'), cell('Hỗ trợ ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp công nghệ cao trên địa bàn xã'), cell('102'), cell('150', { right: true }), cell('')),
              row(cell('2'), cell('Tập huấn chuyển giao công nghệ'), cell('102'), cell('200', { right: true }), cell('')),
              row(cell('II', { bold: true }), cell('Chuyển đổi số', { bold: true }), cell(''), cell(''), cell('1.250', { bold: true, right: true })),
              row(cell('1'), cell('Mua sắm máy chủ'), cell('398', { merge: 'restart' }), cell(''), cell('1.250', { right: true })),
              row(cell('2'), cell('Phần mềm một cửa'), cell('', { merge: 'continue' }), cell(''), cell('0', { right: true })),
              row(cell('Tổng cộng', { bold: true, span: 3 }), cell('350', { bold: true, right: true }), cell('1.250', { bold: true, right: true })),
            ],
          }),
          new Paragraph('Nơi nhận:'),
          new Paragraph('- Như trên;'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function failure(bytes: Uint8Array, name: string): Promise<{ code: string; message: string; ms: number; heapMb: number }> {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  try {
    await importReport(bytes, name);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const r = { code: e.code, message: e.message, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 / 1024 };
    if (process.env.KHCN_TEST_FIGURES) console.info(name, r.code, `${Math.round(r.ms)} ms`, `${r.heapMb.toFixed(1)} MB`);
    return r;
  }
  throw new Error(`${name} was imported without error`);
}

/** A PDF written by hand: objects numbered from 1 in order, a correct xref table. */
function handPdf(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  let size = 0;
  const push = (p: string | Uint8Array) => {
    const b = typeof p === 'string' ? enc.encode(p) : p;
    parts.push(b);
    size += b.length;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    push(`${i + 1} 0 obj\n`);
    push(o);
    push('\nendobj\n');
  });
  const xref = size;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const stream = (content: Uint8Array, filter?: string) => {
  const head = new TextEncoder().encode(`<< /Length ${content.length}${filter ? ` /Filter /${filter}` : ''} >>\nstream\n`);
  const tail = new TextEncoder().encode('\nendstream');
  const out = new Uint8Array(head.length + content.length + tail.length);
  out.set(head);
  out.set(content, head.length);
  out.set(tail, head.length + content.length);
  return out;
};

/** `pages` A4 pages, each drawing the given content stream; a Helvetica font as F1. */
function pagesPdf(contents: Uint8Array[], filter?: string, claimedCount?: number): Uint8Array {
  const n = contents.length;
  const kids = Array.from({ length: n }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: (string | Uint8Array)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${claimedCount ?? n} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  contents.forEach((c, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(stream(c, filter));
  });
  return handPdf(objects);
}

describe('PDF: text layer, paragraphs and bordered tables', () => {
  it('a report printed by LibreOffice from a DOCX: paragraphs rejoined, header and page numbers dropped, the budget table with its merged cells', async () => {
    const pdf = libreOfficeConvert(await reportDocx(), 'bao-cao.docx', 'pdf');
    const started = performance.now();
    const doc = await extractDocument(pdf, 'bao-cao.pdf');
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(2000);
    const fillers = Array.from({ length: 34 }, (_, i) => `Đoạn ${i + 1}: trong năm, xã đã triển khai các nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số theo kế hoạch, bảo đảm đúng tiến độ và chất lượng đề ra.`);
    expect(doc.lines).toEqual([
      'BÁO CÁO',
      '1. Kết quả thực hiện: xã tổ chức triển khai kế hoạch chuyển đổi số năm 2026 theo đúng lộ trình của thành phố, bảo đảm tiến độ đề ra.',
      '- Tổng số hồ sơ tiếp nhận: 1.234 hồ sơ.',
      '+ Hồ sơ trực tuyến: 1.000 hồ sơ.',
      ...fillers,
      'II. DỰ TOÁN KINH PHÍ NĂM 2027',
      'Đơn vị tính: triệu đồng',
      'STT', 'Nội dung', 'Mã Khoản', 'Kinh phí',
      'Thường xuyên', 'Đầu tư',
      'I', 'Khoa học và công nghệ', '350',
      '1', 'Hỗ trợ ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp công nghệ cao trên địa bàn xã', '102', '150',
      '2', 'Tập huấn chuyển giao công nghệ', '102', '200',
      'II', 'Chuyển đổi số', '1.250',
      '1', 'Mua sắm máy chủ', '398', '1.250',
      '2', 'Phần mềm một cửa', '0',
      'Tổng cộng', '350', '1.250',
      'Nơi nhận:',
      '- Như trên;',
    ]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    const first = doc.lines.indexOf('STT') + 1;
    expect([t.firstLine, t.lastLine]).toEqual([first, first + 29]);
    expect(compact(t.rows)).toEqual([
      [['STT', 1, 2], ['Nội dung', 1, 2], ['Mã Khoản', 1, 2], ['Kinh phí', 2, 1]],
      [['Thường xuyên', 1, 1], ['Đầu tư', 1, 1]],
      [['I', 1, 1], ['Khoa học và công nghệ', 1, 1], ['', 1, 1], ['350', 1, 1], ['', 1, 1]],
      [['1', 1, 1], ['Hỗ trợ ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp công nghệ cao trên địa bàn xã', 1, 1], ['102', 1, 1], ['150', 1, 1], ['', 1, 1]],
      [['2', 1, 1], ['Tập huấn chuyển giao công nghệ', 1, 1], ['102', 1, 1], ['200', 1, 1], ['', 1, 1]],
      [['II', 1, 1], ['Chuyển đổi số', 1, 1], ['', 1, 1], ['', 1, 1], ['1.250', 1, 1]],
      [['1', 1, 1], ['Mua sắm máy chủ', 1, 1], ['398', 1, 2], ['', 1, 1], ['1.250', 1, 1]],
      [['2', 1, 1], ['Phần mềm một cửa', 1, 1], ['', 1, 1], ['0', 1, 1]],
      [['Tổng cộng', 3, 1], ['350', 1, 1], ['1.250', 1, 1]],
    ]);
    // Every cell's lines are the lines holding its text.
    for (const r of t.rows) for (const c of r) expect(c.lines.map((n) => doc.lines[n - 1]).join(' ')).toBe(c.text);
    // Bold as written: the header, the group rows' filled cells and the total row (pdftohtml's <b>).
    expect(t.rows.map((r) => r.map((c) => (c.bold ? 'B' : '.')).join(''))).toEqual(['BBBB', 'BB', 'BB.B.', '.....', '.....', 'BB..B', '.....', '....', 'BBB']);
  }, 60_000);
});

describe('PDF: tables with grey borders and shaded cells', () => {
  it('grey rulings are rulings, and shading (light or mid grey) makes no rows or columns', async () => {
    const grey = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
    const borders = { top: grey, bottom: grey, left: grey, right: grey, insideHorizontal: grey, insideVertical: grey };
    const shaded = (text: string, fill: string) => new TableCell({ shading: { type: ShadingType.CLEAR, color: 'auto', fill }, children: [new Paragraph(text)] });
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph('Đơn vị tính: triệu đồng'),
            new Table({
              borders,
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                row(shaded('STT', 'BFBFBF'), shaded('Nội dung', 'BFBFBF'), shaded('Kinh phí', 'BFBFBF')),
                row(shaded('I', 'D9D9D9'), shaded('Chuyển đổi số', 'D9D9D9'), shaded('300', 'D9D9D9')),
                row(cell('1'), cell('Số hóa hồ sơ lưu trữ'), cell('300')),
                row(shaded('', 'F2F2F2'), shaded('Tổng cộng', 'F2F2F2'), shaded('300', 'F2F2F2')),
              ],
            }),
          ],
        },
      ],
    });
    const pdf = libreOfficeConvert(new Uint8Array(await Packer.toBuffer(docx)), 'xam.docx', 'pdf');
    const doc = await extractDocument(pdf, 'xam.pdf');
    expect(doc.tables).toHaveLength(1);
    expect(compact(doc.tables[0]!.rows)).toEqual([
      [['STT', 1, 1], ['Nội dung', 1, 1], ['Kinh phí', 1, 1]],
      [['I', 1, 1], ['Chuyển đổi số', 1, 1], ['300', 1, 1]],
      [['1', 1, 1], ['Số hóa hồ sơ lưu trữ', 1, 1], ['300', 1, 1]],
      [['', 1, 1], ['Tổng cộng', 1, 1], ['300', 1, 1]],
    ]);
  }, 60_000);
});

describe('PDF printed by LibreOffice from HTML (copies of two corpus files)', () => {
  it('a budget table over three pages is one table, the row cut by a page break joined back', async () => {
    const doc = await extractDocument(new Uint8Array(readFileSync('test/fixtures/pdf/phuong-ninh-kieu-2026.pdf')), 'phuong-ninh-kieu-2026.pdf');
    expect(doc.tables).toHaveLength(1);
    const rows = doc.tables[0]!.rows.map((r) => r.map((c) => c.text));
    const leaf = (n: string, what: string, code: string, amount: string, kind = 'Thường xuyên') => [n, what, code, kind, amount, ''];
    expect(rows).toEqual([
      ['STT', 'Nội dung', 'Mã Khoản', 'Loại chi', 'Kinh phí', 'Ghi chú'],
      ['I', 'Khoa học, công nghệ', '108', '', '500', ''],
      leaf('1', 'Ứng dụng trí tuệ nhân tạo (AI) hỗ trợ công tác tham mưu, điều hành', '108', '160'),
      leaf('2', 'Xây dựng cơ sở dữ liệu kinh tế - xã hội phục vụ quản lý, điều hành', '108', '210'),
      leaf('3', 'Xây dựng kế hoạch, nhiệm vụ khoa học và công nghệ cấp cơ sở', '108', '35'),
      leaf('4', 'Tập huấn chuyển giao kỹ thuật cho hộ kinh doanh, doanh nghiệp nhỏ', '108', '50'),
      leaf('5', 'Chi hỗ trợ hoạt động thường xuyên về khoa học, công nghệ', '108', '45'),
      ['II', 'Lĩnh vực đổi mới sáng tạo', '111', '', '175', ''],
      leaf('1', 'Hỗ trợ hợp tác xã, hộ kinh doanh ứng dụng công nghệ số', '111', '95'),
      leaf('2', 'Tổ chức Ngày hội khởi nghiệp, đổi mới sáng tạo', '111', '50'),
      leaf('3', 'Cuộc thi ý tưởng sáng tạo trong thanh thiếu niên', '111', '30'),
      ['III', 'Lĩnh vực chuyển đổi số', '121', '', '3.115', ''],
      // cut by the page break after "an ninh mạng," / "Thường"
      leaf('1', 'Duy trì, nâng cấp hệ thống an ninh mạng, tường lửa', '121', '235'),
      leaf('2', 'Xây dựng ứng dụng Zalo Mini App phục vụ người dân', '121', '200'),
      leaf('3', 'Trang bị máy tính, máy quét tốc độ cao cho bộ phận một cửa', '121', '340'),
      leaf('4', 'Trung tâm điều hành thông minh (IOC)', '121', '2.340', 'Đầu tư phát triển'),
      ['', 'Tổng cộng', '', '', '3.740', ''],
    ]);
    for (const r of doc.tables[0]!.rows) for (const c of r) expect(c.lines.map((n) => doc.lines[n - 1]).join(' ')).toBe(c.text);
    expect(doc.lines).toContain('Duy trì, nâng cấp hệ thống an ninh mạng, tường lửa');
    expect(doc.lines.slice(doc.tables[0]!.lastLine, doc.tables[0]!.lastLine + 1)).toEqual(['(Gửi kèm theo Phụ lục 02 và Biểu chi tiết dự toán)']);
  });

  it('header, "Nơi nhận" and signature in borderless columns: their lines as written, a wrapped recipient joined', async () => {
    const doc = await extractDocument(new Uint8Array(readFileSync('test/fixtures/pdf/xa-thanh-an-2026.pdf')), 'xa-thanh-an-2026.pdf');
    expect(doc.tables).toEqual([]);
    expect(doc.lines.slice(0, 10)).toEqual([
      'UỶ BAN NHÂN DÂN',
      'XÃ THẠNH AN',
      'Số: 260/BC-UBND',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      'Thạnh An, ngày 21 tháng 8 năm 2026',
      'BÁO CÁO',
      // a centred title over two lines is one paragraph
      'Kết quả thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026 và kế hoạch, dự toán ngân sách năm 2027',
      'UBND xã Thạnh An báo cáo tình hình thực hiện kế hoạch năm 2026 và dự toán ngân sách năm 2027 như sau:',
      'I. Kết quả thực hiện năm 2026',
    ]);
    expect(doc.lines.slice(-8)).toEqual([
      'Nơi nhận:',
      '- Sở Khoa học và Công nghệ thành phố Cần Thơ;',
      '- CT, các PCT UBND xã;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '(Đã ký)',
      'Lý Thị Hồng',
    ]);
  });
});

/** Deflates `unit` repeated `times` times without holding the inflated whole in memory. */
async function deflatedRepeat(unit: Uint8Array, times: number): Promise<Uint8Array> {
  const { createDeflate } = await import('node:zlib');
  const d = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => d.on('end', resolve));
  for (let i = 0; i < times; i++) d.write(unit);
  d.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const text = (s: string) => new TextEncoder().encode(s);

/** 40 lines of random words (letters and digits) for one page. */
function noisePage(seed: number): Uint8Array {
  let x = seed * 7919 + 1;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 9) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789.,'[Math.floor(rand() * 38)]).join('');
  let content = 'BT /F1 10 Tf\n';
  for (let l = 0; l < 40; l++) content += `1 0 0 1 ${40 + Math.floor(rand() * 60)} ${800 - l * 19} Tm (${Array.from({ length: 6 + Math.floor(rand() * 6) }, word).join(' ')}) Tj\n`;
  return text(`${content}ET`);
}

describe('PDF: bad files end in a coded error within 2 seconds and bounded memory', () => {
  const saved = process.env.KHCN_POPPLER_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.KHCN_POPPLER_DIR;
    else process.env.KHCN_POPPLER_DIR = saved;
  });

  const bounded = (r: { ms: number; heapMb: number; message: string }) => {
    expect(r.ms).toBeLessThan(2000);
    expect(r.heapMb).toBeLessThan(150);
    expect(r.message).toMatch(/[ăâđêôơưáàảãạệếềểễ]/u);
  };

  it('a password-protected PDF (LibreOffice, document-open password)', async () => {
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('BÁO CÁO bí mật')] }] })));
    const pdf = libreOfficeConvert(docx, 'mat-khau.docx', 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"123456"}}');
    const r = await failure(pdf, 'mat-khau.pdf');
    expect(r.code).toBe('IMPORT_PDF_ENCRYPTED');
    expect(r.message).toMatch(/mật khẩu/);
    bounded(r);
  }, 60_000);

  it('a scan (pages without a text layer)', async () => {
    const r = await failure(pagesPdf([text('0.5 g 50 50 495 742 re f'), text('0 g 100 100 200 300 re f')]), 'ban-quet.pdf');
    expect(r.code).toBe('IMPORT_PDF_NO_TEXT');
    expect(r.message).toMatch(/bản quét chưa đọc được; hãy tải tệp Word hoặc PDF có lớp chữ/);
    bounded(r);
  });

  it('a corrupt PDF and a .pdf that is no PDF', async () => {
    const junk = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
    junk.set(text('%PDF-1.7\n'));
    const r = await failure(junk, 'hong.pdf');
    expect(r.code).toBe('IMPORT_PDF_INVALID');
    bounded(r);
    expect((await failure(text('BÁO CÁO\nkhông phải PDF'), 'doi-ten.pdf')).code).toBe('IMPORT_PDF_INVALID');
    // Junk before the header is accepted in a file named .pdf only; a text quoting "%PDF-" stays a text.
    const prefixed = pagesPdf([text('BT /F1 12 Tf 72 720 Td (BAO CAO) Tj ET')]);
    const junk2 = new Uint8Array(prefixed.length + 10);
    junk2.set(text('xxxxxxxxx\n'));
    junk2.set(prefixed, 10);
    expect((await failure(junk2, 'rac-truoc.pdf')).code).not.toBe('IMPORT_PDF_INVALID');
    expect((await failure(text('Danh sách:\n- tệp %PDF-1.7 của Sở\n'), 'ghi-chu.txt')).code).toBe('IMPORT_NOT_REPORT');
  });

  it('page-count bombs: a page tree claiming a million pages, and 100.000 real pages in 16 MB', async () => {
    const liar = await failure(pagesPdf([text('BT /F1 12 Tf 72 720 Td (BAO CAO) Tj ET')], undefined, 1_000_000), 'bom-trang.pdf');
    expect(liar.code).toBe('IMPORT_PDF_INVALID'); // poppler refuses a count above the number of objects
    bounded(liar);
    // 100.000 page objects sharing one content stream: pdfinfo counts them, nothing else reads them.
    const n = 100_000;
    const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: n }, (_, i) => `${i + 5} 0 R`).join(' ')}] /Count ${n} >>`];
    objects.push('<< /Length 38 >>\nstream\nBT /F1 12 Tf 72 720 Td (BAO CAO) Tj ET\nendstream', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
    for (let i = 0; i < n; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
    const many = handPdf(objects);
    expect(many.length).toBeLessThan(20 * 1024 * 1024);
    const r = await failure(many, 'nhieu-trang.pdf');
    expect(r.code).toBe('IMPORT_TOO_LONG');
    expect(r.message).toMatch(/100000 trang/);
    bounded(r);
  }, 30_000);

  it('a decompression bomb (a 300 MB content stream in under 1 MB)', async () => {
    const unit = text('BT /F1 12 Tf 72 720 Td (A) Tj ET\n'.repeat(30_000));
    const bomb = pagesPdf([await deflatedRepeat(unit, 300)], 'FlateDecode');
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await failure(bomb, 'bom-nen.pdf');
    expect(['IMPORT_PDF_TOO_COMPLEX', 'IMPORT_TOO_LONG', 'IMPORT_PDF_INVALID', 'IMPORT_NOT_REPORT']).toContain(r.code);
    bounded(r);
  }, 30_000);

  it('50 pages of random noise text: a coded error (or a report with warnings) within 2 s', async () => {
    const noise = pagesPdf(Array.from({ length: 50 }, (_, i) => noisePage(i + 1)));
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outcome = await importReport(noise, 'nhieu.pdf').then(
      (r) => ({ code: 'OK', warnings: r.warnings.length }),
      (e: unknown) => ({ code: isAppError(e) ? e.code : 'CRASH', warnings: 0 }),
    );
    const ms = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heap) / 1024 / 1024;
    if (process.env.KHCN_TEST_FIGURES) console.info('nhieu.pdf', outcome, `${Math.round(ms)} ms`, `${heapMb.toFixed(1)} MB`);
    expect(ms).toBeLessThan(2000);
    expect(heapMb).toBeLessThan(150);
    if (outcome.code === 'OK') expect(outcome.warnings).toBeGreaterThan(0);
    else expect(outcome.code).toMatch(/^IMPORT_/);
  });

  it('without poppler: IMPORT_NEEDS_POPPLER naming poppler-utils', async () => {
    process.env.KHCN_POPPLER_DIR = '/khong/co/poppler';
    const r = await failure(pagesPdf([text('BT /F1 12 Tf 72 720 Td (BAO CAO) Tj ET')]), 'bao-cao.pdf');
    expect(r.code).toBe('IMPORT_NEEDS_POPPLER');
    expect(r.message).toMatch(/poppler-utils/);
    bounded(r);
  });
});

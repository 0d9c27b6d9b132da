import { createDeflate } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

/**
 * Hostile files written by hand for the importer's tests (hostile-reader, hostile-route): Word
 * documents made of raw WordprocessingML (no library would write them) and PDFs written object
 * by object. None of this shares code with the importer.
 */

/** A minimal Word document (one XML part) around `body`. */
export function wordDocument(body: string): Uint8Array {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(doc) }, { level: 9 });
}
export const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
export const tc = (t: string, span = 1, merge = '') => `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr>${p(t)}</w:tc>`;
export const tbl = (rows: readonly string[]) => `<w:tbl>${rows.map((r) => `<w:tr>${r}</w:tr>`).join('')}</w:tbl>`;
export const head = ['ỦY BAN NHÂN DÂN XÃ CÁI BÈ', 'BÁO CÁO', 'Kết quả thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026; đề xuất kế hoạch, dự toán kinh phí năm 2027', 'Ủy ban nhân dân xã Cái Bè, tỉnh Đồng Tháp báo cáo như sau:', 'I. KẾT QUẢ THỰC HIỆN NĂM 2026', 'II. ĐỀ XUẤT KẾ HOẠCH, DỰ TOÁN NĂM 2027', 'Đơn vị tính: triệu đồng'].map(p).join('');
export const budgetHeader = ['STT', 'Nội dung', 'Mã khoản', 'Loại chi', 'Kinh phí'].map((t) => tc(t)).join('');
export const nest = (depth: number, inner: string): string => {
  let x = inner;
  for (let i = 0; i < depth; i++) x = tbl([`<w:tc>${p('Khung')}${x}${p('')}</w:tc>`]);
  return x;
};


/** `unit` repeated up to `n` characters. */
export const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** 300 tables nested in one another around 150 paragraphs of 6.000 characters: 4 KB zipped. */
export const nestedTablesDocx = () => wordDocument(head + nest(300, Array.from({ length: 150 }, () => p(run('Kinh phí 1.000 triệu đồng ', 6000))).join('')));

/** 40 rows of 100 cells each claiming gridSpan 100000: 3 KB zipped. */
export const colspanDocx = () => wordDocument(head + tbl([budgetHeader, ...Array.from({ length: 40 }, () => Array.from({ length: 100 }, () => tc('1.1.1', 100_000)).join(''))]));

const enc = (s: string) => new TextEncoder().encode(s);

/** A PDF written by hand: objects numbered from 1 in order, a correct xref table. */
export function handPdf(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [enc('%PDF-1.4\n')];
  let size = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    for (const b of [enc(`${i + 1} 0 obj\n`), typeof o === 'string' ? enc(o) : o, enc('\nendobj\n')]) {
      parts.push(b);
      size += b.length;
    }
  });
  parts.push(enc(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A4 pages each drawing one content stream (deflated when `filter` says so), Helvetica as F1. */
export function pagesPdf(contents: Uint8Array[], filter?: string): Uint8Array {
  const objects: (string | Uint8Array)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  contents.forEach((c, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(new Uint8Array(Buffer.concat([enc(`<< /Length ${c.length}${filter ? ` /Filter /${filter}` : ''} >>\nstream\n`), c, enc('\nendstream')])));
  });
  return handPdf(objects);
}

/** A one-page PDF whose content stream inflates to ~300 MB (under 1 MB on disk). */
export async function pdfBomb(): Promise<Uint8Array> {
  const unit = enc('BT /F1 12 Tf 72 720 Td (A) Tj ET\n'.repeat(30_000));
  const d = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => d.on('end', resolve));
  for (let i = 0; i < 300; i++) d.write(unit);
  d.end();
  await done;
  return pagesPdf([new Uint8Array(Buffer.concat(chunks))], 'FlateDecode');
}

/** 50 pages of 40 lines of random words (letters, digits, dots and commas). */
export function noisePdf(): Uint8Array {
  let x = 7919;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 9) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789.,'[Math.floor(rand() * 38)]).join('');
  const page = () => {
    let content = 'BT /F1 10 Tf\n';
    for (let l = 0; l < 40; l++) content += `1 0 0 1 ${40 + Math.floor(rand() * 60)} ${800 - l * 19} Tm (${Array.from({ length: 6 + Math.floor(rand() * 6) }, word).join(' ')}) Tj\n`;
    return enc(`${content}ET`);
  };
  return pagesPdf(Array.from({ length: 50 }, page));
}

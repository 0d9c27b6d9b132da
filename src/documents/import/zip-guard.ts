import { Inflate, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../domain/errors.ts';
import { formatNumber } from '../../domain/format.ts';
import { LIMITS } from './limits.ts';

/**
 * Opens a DOCX (a ZIP) without trusting it. The central directory's declared sizes and entry
 * count are checked first; then every entry is inflated in small slices with a running cap, so
 * a "zip bomb" that lies about its sizes is stopped after at most the cap, not after filling
 * memory. The verified entries are re-packed (stored, not compressed) for mammoth, which thus
 * never decompresses anything we have not measured.
 *
 * What a parser will read is budgeted too, while inflating: the XML parts' total size (declared,
 * then actual) and the paragraphs of the Word parts, so a small file whose document.xml inflates
 * to tens of MB is refused after at most LIMITS.maxXmlBytes inflated, before any XML is parsed.
 */
export function safeRepackZip(bytes: Uint8Array): Uint8Array {
  const entries = readCentralDirectory(bytes);
  const declared = entries.reduce((a, e) => a + e.size, 0);
  if (declared > LIMITS.maxUnzippedBytes) throw tooBig();
  const declaredXml = entries.filter((e) => isXml(e.name)).reduce((a, e) => a + e.size, 0);
  if (declaredXml > LIMITS.maxXmlBytes) throw xmlTooBig();
  const files: Zippable = {};
  let actual = 0;
  let xml = 0;
  const tags = new TagCounter();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const xmlPart = isXml(e.name);
    // The text of a DOCX (word/…) or of an OpenDocument (content.xml: counted before LibreOffice opens it).
    const wordPart = xmlPart && (e.name.startsWith('word/') || e.name === 'content.xml');
    const data = inflateEntry(bytes, e, (chunk) => {
      actual += chunk.length;
      if (actual > LIMITS.maxUnzippedBytes) throw tooBig();
      if (!xmlPart) return;
      xml += chunk.length;
      if (xml > LIMITS.maxXmlBytes) throw xmlTooBig();
      if (!wordPart) return;
      tags.count(chunk);
      if (tags.paragraphs > LIMITS.maxParagraphs) throw tooLong();
      if (tags.structural > LIMITS.maxWordElements || tags.elements > LIMITS.maxXmlElements) throw tooManyElements();
    });
    tags.endPart();
    files[e.name] = [data, { level: 0 }];
  }
  return zipSync(files, { level: 0 });
}

const isXml = (name: string): boolean => /\.(xml|rels)$/i.test(name);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const P = 0x70;

const QUESTION = 0x3f;
const BANG = 0x21;
const R = 0x72;
const T = 0x74;
const C = 0x63;
const B = 0x62;
const L = 0x6c;

/**
 * Counts start tags (`<w:p>`, `<w:p w:rsidR=…>`, `<w:p/>`; not `</w:p>`, `<?xml`, `<!--`) over a
 * stream of chunks, a tag's name may straddle two chunks: all elements, the structural ones
 * mammoth turns into objects (p, r, tbl, tr, tc, in any namespace prefix) and the paragraphs. A
 * byte scan, with no decoding and no parsing: an 8 MB part takes a few milliseconds.
 */
class TagCounter {
  paragraphs = 0;
  structural = 0;
  elements = 0;
  private inName = false;
  /** The local name so far (after any prefix): its length and first three bytes. */
  private length = 0;
  private local = 0;
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;

  count(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LT) {
        this.inName = true;
        this.length = 0;
        this.local = 0;
        continue;
      }
      if (!this.inName) continue;
      if (b === GT || b === SLASH || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || ((b === QUESTION || b === BANG) && this.length === 0)) {
        this.inName = false;
        if (this.length > 0) this.tag();
        continue;
      }
      this.length += 1;
      if (b === COLON) {
        this.local = 0;
        continue;
      }
      if (this.local === 0) this.b0 = b;
      else if (this.local === 1) this.b1 = b;
      else if (this.local === 2) this.b2 = b;
      this.local += 1;
    }
  }

  private tag(): void {
    this.elements += 1;
    const { local, b0, b1, b2 } = this;
    if (local === 1 && b0 === P) this.paragraphs += 1;
    if ((local === 1 && (b0 === P || b0 === R)) || (local === 2 && b0 === T && (b1 === R || b1 === C)) || (local === 3 && b0 === T && b1 === B && b2 === L)) this.structural += 1;
  }

  /** A tag never spans two parts. */
  endPart(): void {
    this.inName = false;
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  flags: number;
}

const corrupt = (why: string) => new AppError('IMPORT_DOCX_INVALID', `Tệp .docx bị hỏng hoặc không đúng định dạng (${why}).`);
const tooBig = () =>
  new AppError('IMPORT_ZIP_BOMB', `Tệp .docx giải nén ra quá ${LIMITS.maxUnzippedBytes / 1024 / 1024} MB; một báo cáo thật không lớn như vậy nên tệp bị từ chối.`);
const xmlTooBig = () =>
  new AppError(
    'IMPORT_TOO_LARGE',
    `Phần nội dung của tệp .docx giải nén ra quá ${LIMITS.maxXmlBytes / 1024 / 1024} MB (một báo cáo vài chục trang chỉ khoảng 1–2 MB); tệp bị từ chối.`,
  );
const tooManyElements = () =>
  new AppError('IMPORT_TOO_LONG', 'Tệp .docx có quá nhiều thành phần (ô bảng, dòng bảng, đoạn chữ) so với một báo cáo; tệp bị từ chối.');
const tooLong = () =>
  new AppError('IMPORT_TOO_LONG', `Tệp .docx có hơn ${formatNumber(LIMITS.maxParagraphs)} đoạn văn; một báo cáo không dài như vậy nên tệp bị từ chối.`);

function readCentralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KB + 22 bytes (comment length ≤ 65535).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('không tìm thấy mục lục ZIP');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('ZIP64 không được hỗ trợ');
  if (count > LIMITS.maxZipEntries) {
    throw new AppError('IMPORT_ZIP_BOMB', `Tệp .docx chứa ${count} tệp con, quá giới hạn ${LIMITS.maxZipEntries}.`);
  }
  const entries: Entry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt('mục lục ZIP sai');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, e: Entry, count: (chunk: Uint8Array) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw corrupt(`tệp con ${e.name}`);
  if (e.flags & 1) throw new AppError('IMPORT_DOCX_ENCRYPTED', 'Tệp .docx được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.');
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw corrupt(`tệp con ${e.name} bị cắt cụt`);
  const data = bytes.subarray(start, end);
  if (e.method === 0) {
    if (data.length > e.size) throw new AppError('IMPORT_ZIP_BOMB', `Tệp con ${e.name} lớn hơn kích thước khai báo; tệp bị từ chối.`);
    count(data);
    return data;
  }
  if (e.method !== 8) throw corrupt(`kiểu nén ${e.method} không được hỗ trợ`);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    // More than declared is a lie; stop now rather than keep inflating.
    if (produced > e.size) throw new AppError('IMPORT_ZIP_BOMB', `Tệp con ${e.name} giải nén ra lớn hơn kích thước khai báo; tệp bị từ chối.`);
    count(chunk);
    chunks.push(chunk);
  });
  // Small slices: one slice of deflate data inflates to at most ~1000× its size.
  const SLICE = 8 * 1024;
  try {
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt(`không giải nén được ${e.name}`);
  }
  const out = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

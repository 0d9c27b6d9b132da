import { extname } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { inspectCfb } from './cfb.ts';
import { decodeText } from './decode-text.ts';
import { docxDocument } from './docx-lines.ts';
import { LIMITS } from './limits.ts';
import { officeToDocx } from './office.ts';
import { pdfDocument } from './pdf-text.ts';
import type { SourceDocument } from './types.ts';
import { safeRepackZip } from './zip-guard.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/**
 * A PDF starts with its header; readers accept a little junk before it (within 1024 bytes), which
 * we do for a file named .pdf only (a text that quotes "%PDF-" stays a text).
 */
const isPdf = (bytes: Uint8Array, ext: string): boolean => {
  if (startsWith(bytes, PDF)) return true;
  if (ext !== '.pdf') return false;
  for (let at = 1; at < Math.min(1024, bytes.length - PDF.length); at++) if (startsWith(bytes, PDF, at)) return true;
  return false;
};

const ODF_MIME = 'application/vnd.oasis.opendocument.';

/** An OpenDocument package starts with its stored "mimetype" entry (ODF 1.2, §3.3); its value, if so. */
function odfMimetype(bytes: Uint8Array): string | undefined {
  if (bytes.length < 30) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (nameLength !== 8 || new TextDecoder().decode(bytes.subarray(30, 38)) !== 'mimetype') return undefined;
  const start = 38 + extraLength;
  const size = Math.min(view.getUint32(18, true), 100);
  return new TextDecoder().decode(bytes.subarray(start, start + size));
}

/**
 * The source as lines of text and tables. What a file *is* is decided by its bytes, not its name:
 * a ".docx" that is really text is refused (an official who renamed a file should know).
 *  - ZIP: a DOCX, read with mammoth; an OpenDocument text (.odt), converted by LibreOffice to DOCX;
 *  - OLE (CFB): a Word 97–2003 .doc, converted by LibreOffice to DOCX; a password-protected DOCX
 *    (IMPORT_DOCX_ENCRYPTED) or .doc (IMPORT_DOC_ENCRYPTED); any other Office file is refused;
 *  - PDF: its text layer read with poppler (pdf-text.ts);
 *  - .txt: text in any of the usual encodings (decode-text.ts).
 */
export async function extractDocument(bytes: Uint8Array, fileName: string, options: { deadline?: number } = {}): Promise<SourceDocument> {
  const ext = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY', `Tệp ${fileName} rỗng.`);
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new AppError('IMPORT_TOO_LARGE', `Tệp ${fileName} lớn hơn ${LIMITS.maxFileBytes / 1024 / 1024} MB; một báo cáo không lớn như vậy.`);
  }
  let doc: SourceDocument;
  if (startsWith(bytes, CFB)) {
    doc = await readOle(bytes, fileName, ext, options.deadline);
  } else if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    const mime = odfMimetype(bytes);
    if (mime === undefined) {
      doc = await docxDocument(bytes);
    } else if (mime.startsWith(`${ODF_MIME}text`)) {
      // The archive is checked as a DOCX would be (sizes, XML budget) before LibreOffice opens it.
      safeRepackZip(bytes);
      doc = await docxDocument(await officeToDocx(bytes, 'odt', options.deadline));
    } else {
      throw new AppError('IMPORT_UNSUPPORTED', `Tệp ${fileName} là tệp OpenDocument nhưng không phải văn bản (${mime}); hãy dùng tệp văn bản .odt, .docx, .doc, .pdf hoặc .txt.`);
    }
  } else if (isPdf(bytes, ext)) {
    doc = await pdfDocument(bytes, fileName);
  } else if (ext === '.docx' || ext === '.doc' || ext === '.odt' || ext === '.pdf') {
    const what = ext === '.pdf' ? 'PDF' : ext === '.docx' ? 'Word (.docx là tệp nén ZIP)' : ext === '.doc' ? 'Word 97–2003' : 'OpenDocument (.odt là tệp nén ZIP)';
    throw new AppError(ext === '.pdf' ? 'IMPORT_PDF_INVALID' : ext === '.docx' ? 'IMPORT_DOCX_INVALID' : 'IMPORT_DOC_INVALID', `Tệp ${fileName} có đuôi ${ext} nhưng không phải tệp ${what}.`);
  } else if (ext === '.txt' || ext === '.text' || ext === '') {
    doc = { lines: decodeText(bytes).split(/\r\n|\r|\n|\f/), tables: [] };
  } else {
    throw new AppError('IMPORT_UNSUPPORTED', `Chưa hỗ trợ tệp "${ext}"; hãy dùng tệp .docx, .doc, .odt, .pdf hoặc .txt.`);
  }
  const { lines } = doc;
  if (lines.every((l) => l.trim() === '')) throw new AppError('IMPORT_EMPTY', `Tệp ${fileName} không có nội dung văn bản.`);
  if (lines.length > LIMITS.maxLines || lines.some((l) => l.length > LIMITS.maxLineChars) || lines.reduce((n, l) => n + l.length, 0) > LIMITS.maxTextChars) {
    throw new AppError('IMPORT_NOT_REPORT', `Tệp ${fileName} quá dài hoặc có đoạn quá dài để là một báo cáo.`);
  }
  return doc;
}

/** An OLE container: what it holds decides (cfb.ts reads its directory, nothing more). */
async function readOle(bytes: Uint8Array, fileName: string, ext: string, deadline: number | undefined): Promise<SourceDocument> {
  switch (inspectCfb(bytes)) {
    case 'word97':
      return docxDocument(await officeToDocx(bytes, 'doc', deadline));
    case 'word97-encrypted':
      throw new AppError('IMPORT_DOC_ENCRYPTED', `Tệp ${fileName} (Word 97–2003) được đặt mật khẩu; hãy gỡ mật khẩu, lưu lại rồi tải lên lại.`);
    case 'encrypted-ooxml':
      throw new AppError('IMPORT_DOCX_ENCRYPTED', `Tệp ${fileName} được đặt mật khẩu; hãy gỡ mật khẩu và lưu dạng .docx rồi tải lên lại.`);
    case 'other':
      throw new AppError('IMPORT_UNSUPPORTED', `Tệp ${fileName} là tệp Office nhưng không phải văn bản Word (có thể là Excel hoặc PowerPoint); hãy dùng tệp .docx, .doc, .odt, .pdf hoặc .txt.`);
    case 'invalid':
      // An OLE file we cannot walk: named .doc it is a damaged Word 97–2003 file; otherwise most
      // likely a password-protected DOCX whose container we could not read.
      if (ext === '.doc') throw new AppError('IMPORT_DOC_INVALID', `Tệp ${fileName} (Word 97–2003) bị hỏng, không đọc được.`);
      throw new AppError('IMPORT_DOCX_ENCRYPTED', `Tệp ${fileName} được đặt mật khẩu hoặc bị hỏng; hãy gỡ mật khẩu và lưu dạng .docx rồi tải lên lại.`);
  }
}

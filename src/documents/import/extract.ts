import { extname } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { decodeText } from './decode-text.ts';
import { docxDocument } from './docx-lines.ts';
import { LIMITS } from './limits.ts';
import type { SourceDocument, SourceTable } from './types.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The source as lines of text (and, later, its tables). What a file *is* is decided by its bytes, not its name: a
 * ".docx" that is really text is refused (an official who renamed a file should know), and an
 * OLE container is either a password-protected DOCX or an old .doc, neither of which we read.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const ext = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY', `Tệp ${fileName} rỗng.`);
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new AppError('IMPORT_TOO_LARGE', `Tệp ${fileName} lớn hơn ${LIMITS.maxFileBytes / 1024 / 1024} MB; một báo cáo không lớn như vậy.`);
  }
  if (startsWith(bytes, CFB)) {
    throw new AppError(
      'IMPORT_DOCX_ENCRYPTED',
      ext === '.doc'
        ? 'Tệp .doc (Word 97–2003) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dạng .docx.'
        : 'Tệp được đặt mật khẩu (hoặc là tệp Word 97–2003 .doc); hãy gỡ mật khẩu và lưu dạng .docx rồi tải lên lại.',
    );
  }
  let lines: string[];
  let tables: SourceTable[] = [];
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    ({ lines, tables } = await docxDocument(bytes));
  } else if (ext === '.docx') {
    throw new AppError('IMPORT_DOCX_INVALID', `Tệp ${fileName} có đuôi .docx nhưng không phải tệp Word (.docx là tệp nén ZIP).`);
  } else if (ext === '.txt' || ext === '.text' || ext === '') {
    lines = decodeText(bytes).split(/\r\n|\r|\n|\f/);
  } else {
    throw new AppError('IMPORT_UNSUPPORTED', `Chưa hỗ trợ tệp "${ext}"; hãy dùng tệp .docx hoặc .txt.`);
  }
  if (lines.every((l) => l.trim() === '')) throw new AppError('IMPORT_EMPTY', `Tệp ${fileName} không có nội dung văn bản.`);
  if (lines.length > LIMITS.maxLines || lines.some((l) => l.length > LIMITS.maxLineChars)) {
    throw new AppError('IMPORT_NOT_REPORT', `Tệp ${fileName} quá dài hoặc có đoạn quá dài để là một báo cáo.`);
  }
  return { lines, tables };
}

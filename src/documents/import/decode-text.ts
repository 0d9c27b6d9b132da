import { AppError } from '../../domain/errors.ts';

/**
 * Bytes of a .txt report → text. Officials save text from Word as UTF-8 (with or without a BOM)
 * or as "Unicode" (UTF-16 LE, with a BOM); some tools drop the BOM. Legacy Vietnamese encodings
 * (TCVN3, VNI, Windows-1258) are refused rather than guessed: a wrong guess garbles every
 * diacritic silently.
 */
export function decodeText(bytes: Uint8Array): string {
  const text = decodeUnicode(bytes);
  // Control characters other than tab, newline, form feed and carriage return mean binary data.
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    throw new AppError('IMPORT_BINARY', 'Tệp không phải văn bản: có ký tự điều khiển (dữ liệu nhị phân). Hãy dùng tệp .docx, .doc, .odt, .pdf hoặc .txt của báo cáo.');
  }
  return text.normalize('NFC');
}

function decodeUnicode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  const guess = guessUtf16(bytes);
  return strict(guess ?? 'utf-8', bytes);
}

/** UTF-16 without a BOM: Latin letters, digits and spaces leave a zero byte on one side. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  if (encoding !== 'utf-8' && bytes.length % 2 !== 0) {
    throw new AppError('IMPORT_ENCODING', 'Tệp văn bản UTF-16 bị cắt cụt (số byte lẻ).');
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'IMPORT_ENCODING',
      encoding === 'utf-8'
        ? 'Tệp văn bản không phải UTF-8 hợp lệ (có thể dùng bảng mã cũ như TCVN3, VNI hoặc Windows-1258). Hãy mở bằng Word và lưu lại dạng "Văn bản thuần (UTF-8)" hoặc dùng tệp .docx.'
        : 'Tệp văn bản UTF-16 không hợp lệ.',
    );
  }
}

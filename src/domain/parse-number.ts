import { AppError } from './errors.ts';

/**
 * Reads a number written the Vietnamese way: "6.797", "8.212.000.000", "12,5", "99,98".
 *
 * "." groups thousands and "," marks decimals. A lone "." followed by exactly three digits is
 * read as grouping ("1.320" = 1320), as Vietnamese reports write. Forms that could mean two
 * different numbers are refused with NUMBER_AMBIGUOUS instead of guessed: "1,320" (English
 * grouping or 1,32?), "1.5" (decimal point or broken grouping?), mixed "1,234.5".
 */
export function parseVietnameseNumber(input: string): number {
  const text = input.trim().replace(/\s+/g, '');
  if (text === '') throw new AppError('NUMBER_EMPTY', 'Chưa nhập số.');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (!/^[\d.,]+$/.test(body)) {
    throw new AppError('NUMBER_INVALID', `"${input}" không phải là một số.`);
  }
  const commaCount = (body.match(/,/g) ?? []).length;
  const commaIndex = body.indexOf(',');
  const dotIndex = body.indexOf('.');
  if (commaCount > 1) {
    throw new AppError('NUMBER_AMBIGUOUS', `"${input}" có nhiều dấu phẩy; số Việt Nam dùng dấu chấm để phân nhóm (1.320) và dấu phẩy cho phần thập phân (12,5).`);
  }
  if (commaIndex >= 0 && dotIndex > commaIndex) {
    throw new AppError('NUMBER_AMBIGUOUS', `"${input}" có dấu chấm sau dấu phẩy; hãy viết theo kiểu Việt Nam, ví dụ 1.234,5.`);
  }
  const [intPart = '', fracPart] = body.split(',');
  if (intPart === '' || fracPart === '') {
    throw new AppError('NUMBER_INVALID', `"${input}" không phải là một số.`);
  }
  if (intPart.includes('.')) {
    const groups = intPart.split('.');
    const [first = '', ...rest] = groups;
    if (first.length === 0 || first.length > 3 || rest.some((g) => g.length !== 3)) {
      throw new AppError('NUMBER_AMBIGUOUS', `"${input}" không rõ dấu chấm là phân nhóm nghìn hay dấu thập phân; số Việt Nam viết 1.320 (nghìn) và 12,5 (thập phân).`);
    }
  }
  if (commaIndex >= 0 && dotIndex < 0 && fracPart !== undefined && fracPart.length === 3 && intPart.length <= 3 && intPart !== '0') {
    throw new AppError('NUMBER_AMBIGUOUS', `"${input}" có thể là ${intPart}.${fracPart} (nghìn, kiểu Anh) hoặc ${intPart},${fracPart} (thập phân); hãy viết rõ, ví dụ ${intPart}.${fracPart} hoặc ${intPart},${fracPart.replace(/0+$/, '') || '0'}.`);
  }
  const normalized = intPart.replace(/\./g, '') + (fracPart !== undefined ? `.${fracPart}` : '');
  const value = Number(normalized);
  if (!Number.isFinite(value)) throw new AppError('NUMBER_INVALID', `"${input}" không phải là một số.`);
  return negative ? -value : value;
}

/** Reads a whole count ("6.797", "01"), refusing fractions. */
export function parseVietnameseInteger(input: string): number {
  const value = parseVietnameseNumber(input);
  if (!Number.isSafeInteger(value)) {
    throw new AppError('NUMBER_NOT_INTEGER', `"${input}" phải là số nguyên.`);
  }
  return value;
}

import { AppError } from '../../domain/errors.ts';

/**
 * Figures as reports write them. "." groups thousands and "," marks decimals ("1.320",
 * "12,5", "1.205.500.000"); units are triệu đồng, đồng, tỷ đồng or nghìn đồng.
 * Conversion to đồng is done on the digit strings, never through floating point, so
 * "0,000001 triệu đồng" is exactly 1 đồng and "12.345,678901 triệu đồng" exactly 12.345.678.901.
 */
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT = String.raw`triệu đồng|triệu|tr\.?\s?đồng|tr\.?đ|tỷ đồng|tỷ|tỉ đồng|tỉ|nghìn đồng|ngàn đồng|đồng|VNĐ|VND|đ`;
/** A money figure; `(?!\p{L})` stops "đ" matching the start of a word. */
export const AMOUNT_SOURCE = String.raw`(${NUM})\s*(${UNIT})(?!\p{L})`;
export const amountRegex = (flags = 'gu') => new RegExp(AMOUNT_SOURCE, flags);

/** Any figure worth reading: a money amount, a dossier count or a rate. */
export const FIGURE = new RegExp(String.raw`(?<![\d.,])(?:${NUM})\s*(?:triệu|tỷ|tỉ|nghìn đồng|ngàn đồng|đồng|VNĐ|VND|hồ sơ|%)`, 'giu');

const SCALE: Record<string, number> = { 'triệu': 6, 'tỷ': 9, 'tỉ': 9, 'nghìn': 3, 'ngàn': 3 };

export interface ParsedAmount {
  dong: number;
  /** True when "12,345 triệu" was read with the comma as decimal mark (an English reader would see 12345). */
  ambiguous: boolean;
}

/** "1.320" + "triệu đồng" → 1 320 000 000. Throws AppError when the figure is not a whole number of đồng. */
export function amountToDong(numberText: string, unitText: string): ParsedAmount {
  const unit = unitText.toLowerCase();
  const key = Object.keys(SCALE).find((k) => unit.startsWith(k)) ?? (unit.startsWith('tr') ? 'triệu' : '');
  const exponent = SCALE[key] ?? 0;
  const [intPart = '', frac = ''] = numberText.split(',');
  const digits = intPart.replace(/\./g, '');
  if (frac.length > exponent && /[1-9]/.test(frac.slice(exponent))) {
    throw new AppError('IMPORT_AMOUNT', `Số tiền ${numberText} ${unitText} không quy ra được số nguyên đồng.`);
  }
  const whole = `${digits}${frac.slice(0, exponent).padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  const dong = Number(whole);
  if (!Number.isSafeInteger(dong)) throw new AppError('IMPORT_AMOUNT', `Số tiền ${numberText} ${unitText} vượt quá giới hạn.`);
  // "3,845 tỷ" is not ambiguous: read as 3.845 tỷ (thousands of billions) it is no commune's budget.
  const ambiguous = frac.length === 3 && !intPart.includes('.') && intPart !== '0' && exponent > 0 && exponent < 9;
  return { dong, ambiguous };
}

export interface FoundAmount extends ParsedAmount {
  index: number;
  end: number;
  text: string;
}

/** Every money figure in a text, in order. Unreadable ones are left out (and later reported as unread). */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(amountRegex())) {
    try {
      out.push({ ...amountToDong(m[1] ?? '', m[2] ?? ''), index: m.index, end: m.index + m[0].length, text: m[0] });
    } catch {
      // not a whole number of đồng: stays unconsumed, hence a warning
    }
  }
  return out;
}

/** "6.797", "6608", "01" → integer. */
export function parseCount(text: string): number {
  const digits = text.replace(/\./g, '');
  if (!/^\d+$/.test(digits)) throw new AppError('IMPORT_COUNT', `"${text}" không phải số nguyên.`);
  return Number(digits);
}

/** "99,98" → 99.98; a rate uses the comma only as decimal mark. Undefined above 100. */
export function parseRate(text: string): number | undefined {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;
}

export const COUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
export const RATE = String.raw`\d{1,3}(?:,\d+)?`;

import { AppError } from './errors.ts';

/**
 * Amounts in Vietnamese words, the way administrative reports write them:
 * 8.212.000.000 → "Tám tỷ hai trăm mười hai triệu đồng chẵn".
 *
 * Written here rather than taken from a package: the rules are ours (reports say "linh", "tỷ",
 * "chẵn"), the module is small, and every case is tested beside it. Accepts bigint and digit
 * strings so that 10^18 ("Một tỷ tỷ đồng chẵn") is spoken exactly.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SMALL_UNITS = ['', 'nghìn', 'triệu'] as const;

function unitName(groupIndex: number): string {
  const parts: string[] = [];
  const small = SMALL_UNITS[groupIndex % 3];
  if (small) parts.push(small);
  for (let i = 0; i < Math.floor(groupIndex / 3); i++) parts.push('tỷ');
  return parts.join(' ');
}

function readGroup(value: number, leading: boolean): string[] {
  const h = Math.floor(value / 100);
  const t = Math.floor((value % 100) / 10);
  const u = value % 10;
  const out: string[] = [];
  if (h > 0 || !leading) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && out.length > 0) out.push('linh');
  } else if (t === 1) {
    out.push('mười');
  } else {
    out.push(DIGITS[t]!, 'mươi');
  }
  if (u === 0) return out;
  if (u === 1 && t >= 2) out.push('mốt');
  else if (u === 4 && t >= 2) out.push('tư');
  else if (u === 5 && t >= 1) out.push('lăm');
  else out.push(DIGITS[u]!);
  return out;
}

/** Spoken number without "đồng": 2024 → "hai nghìn không trăm hai mươi tư". */
export function numberToWords(amount: number | bigint | string): string {
  const digits = toDigitString(amount);
  if (/^0+$/.test(digits)) return 'không';
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  }
  const words: string[] = [];
  let leading = true;
  groups.forEach((group, i) => {
    const groupIndex = groups.length - 1 - i;
    if (group === 0) return;
    words.push(...readGroup(group, leading));
    const unit = unitName(groupIndex);
    if (unit) words.push(unit);
    leading = false;
  });
  return words.join(' ');
}

/** "Tám tỷ hai trăm mười hai triệu đồng chẵn"; "Một triệu không trăm linh năm đồng"; "Không đồng". */
export function amountInWords(amount: number | bigint | string): string {
  const digits = toDigitString(amount);
  const spoken = numberToWords(digits);
  const isZero = /^0+$/.test(digits);
  const roundThousand = !isZero && digits.length > 3 && /000$/.test(digits);
  const text = `${spoken} đồng${roundThousand ? ' chẵn' : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function toDigitString(amount: number | bigint | string): string {
  if (typeof amount === 'bigint') {
    if (amount < 0n) throw new AppError('AMOUNT_NEGATIVE', 'Số tiền không được âm.');
    return amount.toString();
  }
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) throw new AppError('AMOUNT_NOT_INTEGER', `Số tiền ${amount} phải là số nguyên đồng trong giới hạn an toàn.`);
    if (amount < 0) throw new AppError('AMOUNT_NEGATIVE', 'Số tiền không được âm.');
    return String(amount);
  }
  const cleaned = amount.trim().replace(/[.\s]/g, '');
  if (!/^\d+$/.test(cleaned)) throw new AppError('AMOUNT_INVALID', `"${amount}" không phải là số tiền nguyên đồng.`);
  if (cleaned.length > 21) throw new AppError('AMOUNT_TOO_LARGE', 'Số tiền quá lớn để đọc thành chữ (tối đa 21 chữ số).');
  return cleaned.replace(/^0+(?=\d)/, '');
}

const WORD_VALUES: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5,
  sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};

/**
 * Reads amount words back into a number (bigint): the inverse of `amountInWords`, tolerant of the
 * usual variants ("tỉ", "ngàn", "lẻ", "mươi"/"mười", missing "đồng"/"chẵn", any case).
 * Used by the AMOUNT_WORDS check and the importer. Throws WORDS_INVALID on anything else.
 */
export function parseAmountWords(text: string): bigint {
  const tokens = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[(),.;:*_]/g, ' ')
    .replace(/\bbằng chữ\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w === 'tỉ' ? 'tỷ' : w === 'ngàn' ? 'nghìn' : w === 'lẻ' ? 'linh' : w))
    .filter((w) => w !== 'đồng' && w !== 'chẵn' && w !== 'việt' && w !== 'nam');
  if (tokens.length === 0) throw new AppError('WORDS_INVALID', 'Không có số tiền bằng chữ.');
  return parseTokens(tokens, text);
}

function parseTokens(tokens: string[], source: string): bigint {
  const ty = tokens.indexOf('tỷ');
  if (ty >= 0) {
    let end = ty;
    while (tokens[end + 1] === 'tỷ') end++;
    const power = end - ty + 1;
    const left = tokens.slice(0, ty);
    const right = tokens.slice(end + 1);
    const leftValue = left.length ? parseTokens(left, source) : 1n;
    return leftValue * 1_000_000_000n ** BigInt(power) + (right.length ? parseTokens(right, source) : 0n);
  }
  for (const [word, scale] of [['triệu', 1_000_000n], ['nghìn', 1000n]] as const) {
    const at = tokens.indexOf(word);
    if (at >= 0) {
      const left = tokens.slice(0, at);
      const right = tokens.slice(at + 1);
      return (left.length ? parseTokens(left, source) : 1n) * scale + (right.length ? parseTokens(right, source) : 0n);
    }
  }
  return BigInt(parseHundreds(tokens, source));
}

function parseHundreds(tokens: string[], source: string): number {
  let total = 0;
  let pending: number | null = null;
  for (const token of tokens) {
    if (token === 'trăm') {
      total += (pending ?? 1) * 100;
      pending = null;
    } else if (token === 'mươi') {
      total += (pending ?? 1) * 10;
      pending = null;
    } else if (token === 'mười') {
      total += 10;
    } else if (token === 'linh') {
      // a zero tens digit: nothing to add
    } else if (token in WORD_VALUES) {
      if (pending !== null) throw invalidWords(source);
      pending = WORD_VALUES[token]!;
    } else {
      throw invalidWords(source);
    }
  }
  total += pending ?? 0;
  if (total > 999) throw invalidWords(source);
  return total;
}

function invalidWords(source: string): AppError {
  return new AppError('WORDS_INVALID', `Không đọc được số tiền bằng chữ: "${source}".`);
}

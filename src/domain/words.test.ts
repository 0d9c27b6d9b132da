import { describe, expect, it } from 'vitest';
import { amountInWords, numberToWords, parseAmountWords } from './words.ts';

const cases: [number | bigint | string, string][] = [
  [0, 'Không đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi tư đồng'],
  [25, 'Hai mươi lăm đồng'],
  [101, 'Một trăm linh một đồng'],
  [105, 'Một trăm linh năm đồng'],
  [111, 'Một trăm mười một đồng'],
  [1005, 'Một nghìn không trăm linh năm đồng'],
  [2024, 'Hai nghìn không trăm hai mươi tư đồng'],
  [1_000_005, 'Một triệu không trăm linh năm đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng chẵn'],
  [1_000_000_000, 'Một tỷ đồng chẵn'],
  [2_010_000_000, 'Hai tỷ không trăm mười triệu đồng chẵn'],
  [3_480_000_000, 'Ba tỷ bốn trăm tám mươi triệu đồng chẵn'],
  [8_212_000_000, 'Tám tỷ hai trăm mười hai triệu đồng chẵn'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng chẵn'],
  [10n ** 18n, 'Một tỷ tỷ đồng chẵn'],
  ['1.205.500.000', 'Một tỷ hai trăm linh năm triệu năm trăm nghìn đồng chẵn'],
  [1_000_000_000_000_000, 'Một triệu tỷ đồng chẵn'],
  [41, 'Bốn mươi mốt đồng'],
  [14, 'Mười bốn đồng'],
  [1001, 'Một nghìn không trăm linh một đồng'],
  [1010, 'Một nghìn không trăm mười đồng'],
  [3_000_000_001, 'Ba tỷ không trăm linh một đồng'],
];

describe('amountInWords', () => {
  it.each(cases)('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('reads its own words back to the same number', () => {
    for (const [amount, words] of cases) {
      const digits = typeof amount === 'string' ? amount.replace(/\./g, '') : String(amount);
      expect(parseAmountWords(words)).toBe(BigInt(digits));
    }
    for (let i = 0; i < 3000; i++) {
      const n = Math.floor(Math.random() * 1e13);
      expect(parseAmountWords(amountInWords(n))).toBe(BigInt(n));
    }
  });

  it('accepts usual variants when reading', () => {
    expect(parseAmountWords('Ba tỉ bốn trăm tám mươi triệu đồng')).toBe(3_480_000_000n);
    expect(parseAmountWords('một trăm lẻ năm ngàn')).toBe(105_000n);
  });

  it('refuses what it cannot read and what is not money', () => {
    expect(() => parseAmountWords('ba con mèo')).toThrowError(/Không đọc được/);
    expect(() => amountInWords(-1)).toThrowError(/âm/);
    expect(() => amountInWords(1.5)).toThrowError(/số nguyên/);
    expect(() => amountInWords('12a')).toThrowError();
  });

  it('speaks numbers without đồng', () => {
    expect(numberToWords(2024)).toBe('hai nghìn không trăm hai mươi tư');
  });
});

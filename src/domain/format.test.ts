import { describe, expect, it } from 'vitest';
import { formatDocumentDate, formatDong, formatMillions, formatPercent, formatShortDate, formatWait } from './format.ts';
import { assertDong, millionsToDong, sumDong } from './money.ts';
import { parseVietnameseInteger, parseVietnameseNumber } from './parse-number.ts';
import { searchKey, matchesSearch } from './text.ts';

describe('formatting', () => {
  it('formats money and rates the Vietnamese way', () => {
    expect(formatMillions(8_212_000_000)).toBe('8.212');
    expect(formatMillions(12_500_000)).toBe('12,5');
    expect(formatMillions(1_205_500_000)).toBe('1.205,5');
    expect(formatDong(8_212_000_000)).toBe('8.212.000.000');
    expect(formatPercent(99.98)).toBe('99,98%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(99.9849)).toBe('99,98%');
  });

  it('writes document dates with the ND 30 leading zeros', () => {
    expect(formatDocumentDate('2026-07-05')).toBe('ngày 05 tháng 7 năm 2026');
    expect(formatDocumentDate('2026-02-15')).toBe('ngày 15 tháng 02 năm 2026');
    expect(formatDocumentDate('2026-01-01')).toBe('ngày 01 tháng 01 năm 2026');
    expect(formatDocumentDate('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(formatShortDate('2026-06-30')).toBe('30/6/2026');
    expect(formatShortDate('2026-01-01')).toBe('01/01/2026');
    expect(formatShortDate('2025-07-01')).toBe('01/7/2025');
  });

  it('says a wait in minutes and seconds', () => {
    expect(formatWait(1)).toBe('1 giây');
    expect(formatWait(59)).toBe('59 giây');
    expect(formatWait(60)).toBe('1 phút');
    expect(formatWait(287)).toBe('4 phút 47 giây');
    expect(formatWait(300)).toBe('5 phút');
  });
});

describe('money', () => {
  it('keeps đồng whole and safe', () => {
    expect(assertDong(390_000_000)).toBe(390_000_000);
    expect(() => assertDong(1.5)).toThrowError(expect.objectContaining({ code: 'AMOUNT_NOT_INTEGER' }));
    expect(() => sumDong([Number.MAX_SAFE_INTEGER, 1])).toThrowError(expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }));
    expect(millionsToDong(12.5)).toBe(12_500_000);
    expect(millionsToDong(1320)).toBe(1_320_000_000);
    expect(() => millionsToDong(0.0000001)).toThrowError(expect.objectContaining({ code: 'AMOUNT_NOT_INTEGER' }));
  });
});

describe('parsing Vietnamese numbers', () => {
  it('reads grouping dots and decimal commas', () => {
    expect(parseVietnameseNumber('6.797')).toBe(6797);
    expect(parseVietnameseNumber('8.212.000.000')).toBe(8_212_000_000);
    expect(parseVietnameseNumber('12,5')).toBe(12.5);
    expect(parseVietnameseNumber('99,98')).toBe(99.98);
    expect(parseVietnameseNumber('1.234,5')).toBe(1234.5);
    expect(parseVietnameseInteger('01')).toBe(1);
    expect(parseVietnameseNumber('6608')).toBe(6608);
  });

  it('refuses ambiguous and broken numbers with a code', () => {
    for (const bad of ['1,320', '1.5', '1,234.5', '1.23.456', '1,2,3']) {
      expect(() => parseVietnameseNumber(bad), bad).toThrowError(expect.objectContaining({ code: 'NUMBER_AMBIGUOUS' }));
    }
    for (const bad of ['', 'abc', '12a', ',5', '5,']) {
      expect(() => parseVietnameseNumber(bad), bad).toThrowError(expect.objectContaining({ code: expect.stringMatching(/^NUMBER_/) }));
    }
    expect(() => parseVietnameseInteger('12,5')).toThrowError(expect.objectContaining({ code: 'NUMBER_NOT_INTEGER' }));
  });
});

describe('search without diacritics', () => {
  it('finds Kiến Thụy from "kien thuy"', () => {
    expect(searchKey('Kiến Thụy')).toBe('kien thuy');
    expect(searchKey('Đồ Sơn')).toBe('do son');
    expect(matchesSearch('Kiến Thụy', 'kien thuy')).toBe(true);
    expect(matchesSearch('Kiến Thụy', 'THUY')).toBe(true);
    expect(matchesSearch('Kiến An', 'kien thuy')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, checkDateRange, daysInMonth, formatInputDate, parseVietnameseDate } from './dates.ts';

const refused = (input: string, code: string, message?: RegExp) => {
  expect(() => parseVietnameseDate(input)).toThrowError(expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) }));
};

describe('parseVietnameseDate', () => {
  it('reads the usual Vietnamese ways of typing a date, day first', () => {
    expect(parseVietnameseDate('31/7/2027')).toBe('2027-07-31');
    expect(parseVietnameseDate('31/07/2027')).toBe('2027-07-31');
    expect(parseVietnameseDate('1/2/2027')).toBe('2027-02-01');
    expect(parseVietnameseDate('01/02/2027')).toBe('2027-02-01');
    expect(parseVietnameseDate('15-08-2026')).toBe('2026-08-15');
    expect(parseVietnameseDate('5-8-2026')).toBe('2026-08-05');
    expect(parseVietnameseDate('15.8.2026')).toBe('2026-08-15');
    expect(parseVietnameseDate('15.08.2026')).toBe('2026-08-15');
    expect(parseVietnameseDate('2026-08-15')).toBe('2026-08-15');
    expect(parseVietnameseDate(' 15 / 8 / 2026 ')).toBe('2026-08-15');
    expect(parseVietnameseDate('ngày 05 tháng 7 năm 2026')).toBe('2026-07-05');
    expect(parseVietnameseDate('Ngày 5 tháng 7 năm 2026')).toBe('2026-07-05');
  });

  it('knows leap years', () => {
    expect(parseVietnameseDate('29/2/2028')).toBe('2028-02-29');
    expect(parseVietnameseDate('29/2/2000')).toBe('2000-02-29');
    refused('29/2/2027', 'DATE_DAY', /^Tháng 2 năm 2027 chỉ có 28 ngày, không có ngày 29\.$/);
    refused('29/2/2100', 'DATE_DAY', /chỉ có 28 ngày/);
    expect(daysInMonth(2027, 4)).toBe(30);
    expect(daysInMonth(2027, 12)).toBe(31);
  });

  it('refuses impossible dates with the reason', () => {
    refused('', 'DATE_EMPTY', /^Chưa nhập ngày\.$/);
    refused('   ', 'DATE_EMPTY');
    refused('31/4/2027', 'DATE_DAY', /^Tháng 4 năm 2027 chỉ có 30 ngày, không có ngày 31\.$/);
    refused('0/4/2027', 'DATE_DAY', /ngày 0/);
    refused('12/13/2027', 'DATE_MONTH', /^Không có tháng 13;/);
    refused('7/31/2027', 'DATE_MONTH', /^Không có tháng 31;/);
    refused('2027-13-01', 'DATE_MONTH');
    refused('31/7/27', 'DATE_YEAR', /^Năm "27" phải có đủ 4 chữ số, ví dụ 31\/7\/2027\.$/);
    refused('31/7/20277', 'DATE_YEAR');
    refused('1/1/0202', 'DATE_YEAR', /Năm 0202 không hợp lệ/);
  });

  it('refuses text that is not a date instead of keeping part of it', () => {
    refused('15/08/202615/12/2026', 'DATE_INVALID', /không phải là một ngày; hãy nhập theo dạng ngày\/tháng\/năm/);
    refused('31/7-2027', 'DATE_INVALID');
    refused('31/7', 'DATE_INVALID');
    refused('hôm nay', 'DATE_INVALID');
    refused('31/7/2027x', 'DATE_INVALID');
  });
});

describe('checkDateRange', () => {
  it('accepts the bounds themselves', () => {
    expect(() => checkDateRange('2027-01-01', { min: '2027-01-01', max: '2027-12-31' })).not.toThrow();
    expect(() => checkDateRange('2027-12-31', { min: '2027-01-01', max: '2027-12-31' })).not.toThrow();
    expect(() => checkDateRange('1999-01-01', {})).not.toThrow();
  });

  it('says which bound a date is outside of', () => {
    expect(() => checkDateRange('2026-12-31', { min: '2027-01-01', max: '2027-12-31' })).toThrowError(
      expect.objectContaining({ code: 'DATE_TOO_EARLY', message: 'Ngày 31/12/2026 sớm hơn ngày sớm nhất được chọn; ngày phải từ 01/01/2027 đến 31/12/2027.' }),
    );
    expect(() => checkDateRange('2028-01-01', { min: '2027-01-01', max: '2027-12-31' })).toThrowError(
      expect.objectContaining({ code: 'DATE_TOO_LATE', message: 'Ngày 01/01/2028 muộn hơn ngày muộn nhất được chọn; ngày phải từ 01/01/2027 đến 31/12/2027.' }),
    );
    expect(() => checkDateRange('2026-08-15', { min: '2026-12-15' })).toThrowError(
      expect.objectContaining({ code: 'DATE_TOO_EARLY', message: 'Ngày 15/08/2026 sớm hơn ngày sớm nhất được chọn; ngày phải từ 15/12/2026 trở đi.' }),
    );
    expect(() => checkDateRange('2027-01-02', { max: '2027-01-01', message: 'Không được sau hạn.' })).toThrowError(
      expect.objectContaining({ code: 'DATE_TOO_LATE', message: 'Không được sau hạn.' }),
    );
  });

  it('shows ISO dates as dd/mm/yyyy in inputs', () => {
    expect(formatInputDate('2027-07-31')).toBe('31/07/2027');
    expect(formatInputDate('2026-01-05')).toBe('05/01/2026');
  });
});

describe('addDays', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-07-31', 15)).toBe('2026-08-15');
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
});

import { AppError } from './errors.ts';

/**
 * Dates as Vietnamese officials type them, read into ISO "YYYY-MM-DD" (what reports and the API store).
 * One reader for every date field of the web and the CLI, so "31/7/2027" means the same everywhere.
 */

/** Years a form date may have: a typo such as "0202" or "20277" is refused rather than stored. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2027-07-31" → "31/07/2027": the form an input shows, which parseVietnameseDate reads back. */
export function formatInputDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Day first, one separator used twice ("/", "-" or "."), spaces allowed around it.
const DAY_FIRST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// As documents write it: "ngày 15 tháng 8 năm 2026".
const WORDS = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d+)$/iu;

/** Day, month and year as typed, whichever accepted form the text has. */
function dateParts(text: string): [day: string, month: string, year: string] | undefined {
  const iso = ISO.exec(text);
  if (iso) return [iso[3]!, iso[2]!, iso[1]!];
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return [dayFirst[1]!, dayFirst[3]!, dayFirst[4]!];
  const words = WORDS.exec(text);
  if (words) return [words[1]!, words[2]!, words[3]!];
  return undefined;
}

const HINT = 'hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/7/2027 hoặc 31/07/2027';

/**
 * Reads "31/7/2027", "31/07/2027", "31-07-2027", "31.7.2027", "2027-07-31" or
 * "ngày 31 tháng 7 năm 2027" into "2027-07-31". The day always comes first (never the US order);
 * the year must have four digits ("31/7/27" is refused, not guessed). Throws an AppError with a
 * Vietnamese reason: DATE_EMPTY, DATE_INVALID (not a date form), DATE_YEAR (two-digit or
 * implausible year), DATE_MONTH (no such month), DATE_DAY (no such day in that month).
 */
export function parseVietnameseDate(input: string): string {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') throw new AppError('DATE_EMPTY', 'Chưa nhập ngày.');
  const parts = dateParts(text);
  if (!parts) throw new AppError('DATE_INVALID', `"${input.trim()}" không phải là một ngày; ${HINT}.`);
  const [day, month, year] = parts;
  if (year.length !== 4) {
    throw new AppError('DATE_YEAR', `Năm "${year}" phải có đủ 4 chữ số, ví dụ ${Number(day)}/${Number(month)}/2027.`);
  }
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new AppError('DATE_YEAR', `Năm ${year} không hợp lệ; hãy kiểm tra lại (từ ${MIN_YEAR} đến ${MAX_YEAR}).`);
  }
  if (m < 1 || m > 12) {
    throw new AppError('DATE_MONTH', `Không có tháng ${m}; tháng từ 1 đến 12 (ngày viết trước tháng, ví dụ 31/7/2027).`);
  }
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) {
    throw new AppError('DATE_DAY', d < 1 ? 'Không có ngày 0; ngày từ 1 trở đi.' : `Tháng ${m} năm ${y} chỉ có ${last} ngày, không có ngày ${d}.`);
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The earliest and latest ISO date a field accepts, and the reason in words when a date is outside. */
export interface DateRange {
  min?: string | undefined;
  max?: string | undefined;
  /** Replaces the generic reason, e.g. "Ngày giải ngân phải thuộc năm kế hoạch 2027." */
  message?: string | undefined;
}

/**
 * Throws DATE_TOO_EARLY or DATE_TOO_LATE when the ISO date lies outside the range (bounds included).
 * ISO strings compare in date order, so no Date object (and no time zone) is involved.
 */
export function checkDateRange(isoDate: string, range: DateRange): void {
  const { min, max, message } = range;
  const span = min && max ? `từ ${formatInputDate(min)} đến ${formatInputDate(max)}` : min ? `từ ${formatInputDate(min)} trở đi` : `đến ${formatInputDate(max ?? '')} là muộn nhất`;
  if (min && isoDate < min) {
    throw new AppError('DATE_TOO_EARLY', message ?? `Ngày ${formatInputDate(isoDate)} sớm hơn ngày sớm nhất được chọn; ngày phải ${span}.`);
  }
  if (max && isoDate > max) {
    throw new AppError('DATE_TOO_LATE', message ?? `Ngày ${formatInputDate(isoDate)} muộn hơn ngày muộn nhất được chọn; ngày phải ${span}.`);
  }
}

/** "2026-07-31" plus 15 days → "2026-08-15": calendar days, counted in UTC so no time zone shifts them. */
export function addDays(isoDate: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new AppError('DATE_INVALID', `"${isoDate}" không phải là một ngày dạng YYYY-MM-DD.`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

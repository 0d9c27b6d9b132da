import type { Dong } from './money.ts';
import { DONG_PER_MILLION } from './money.ts';
import { daysInMonth } from './dates.ts';

/**
 * Vietnamese number formatting: "." groups thousands, "," marks decimals.
 * Implemented by hand (not Intl) so output is identical on every Node/ICU build and in the browser.
 */
export function formatNumber(value: number, maxDecimals = 0, minDecimals = 0): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const fixed = abs.toFixed(maxDecimals);
  const [intPart = '0', fraction = ''] = fixed.split('.');
  let frac = fraction;
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = frac ? `${grouped},${frac}` : grouped;
  return negative && Number(fixed) !== 0 ? `-${text}` : text;
}

/** 8212000000 → "8.212.000.000" */
export const formatDong = (amount: Dong | number): string => formatNumber(amount);

/**
 * Amount in triệu đồng as reports write it: 8212000000 → "8.212"; 12500000 → "12,5";
 * sub-million amounts keep up to 6 decimals so no đồng is ever hidden.
 */
export const formatMillions = (amount: Dong | number): string => formatNumber(amount / DONG_PER_MILLION, 6);

/** 99.98 → "99,98%"; 100 → "100%". */
export const formatPercent = (rate: number, decimals = 2, minDecimals = 0): string => `${formatNumber(rate, decimals, minDecimals)}%`;

/** "2026-07-05" → "ngày 05 tháng 7 năm 2026" (ND 30/2020: day < 10 and months 1–2 with a leading zero). */
export function formatDocumentDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * "2026-06-30" → "30/6/2026", "2026-01-01" → "01/01/2026": the short form used inside sentences,
 * with the same leading zeros as document dates (days below 10, months 1 and 2), as reports write it.
 */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${String(day).padStart(2, '0')}/${month <= 2 ? String(month).padStart(2, '0') : month}/${year}`;
}

export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * True when the ISO date exists in the proleptic Gregorian calendar (rejects 2026-02-30).
 * Arithmetic rather than a Date round trip: the checks call this several times per keystroke.
 * Years 0000–0099 are refused, as the Date round trip this replaces did (Date.UTC reads them as 19xx).
 */
export function isValidIsoDate(isoDate: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** A wait as people say it: 15 → "15 giây", 120 → "2 phút", 287 → "4 phút 47 giây". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} phút${rest ? ` ${rest} giây` : ''}`;
}

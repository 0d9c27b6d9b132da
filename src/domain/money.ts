import { AppError } from './errors.ts';

/**
 * Money in whole đồng. Đồng has no subunit in use, so every amount is an integer.
 *
 * Why a JS number and not bigint: the largest figure khcn handles is a national consolidation,
 * a few hundred thousand billion đồng (≈ 10^14 – 10^15), well inside Number.MAX_SAFE_INTEGER
 * (≈ 9 × 10^15). Numbers keep JSON, SQL drivers and the UI simple. `assertDong` and `sumDong`
 * refuse anything beyond the safe range instead of silently losing precision; should a total
 * ever approach 2^53, that error is the signal to move totals to bigint.
 */
export type Dong = number & { readonly __brand: 'Dong' };

export const DONG_PER_MILLION = 1_000_000;

export function isDong(value: unknown): value is Dong {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertDong(value: number, what = 'số tiền'): Dong {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new AppError('AMOUNT_NOT_INTEGER', `${capitalize(what)} phải là số nguyên đồng (nhận được ${value}).`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new AppError('AMOUNT_TOO_LARGE', `${capitalize(what)} vượt quá giới hạn tính toán an toàn.`);
  }
  return value as Dong;
}

export const dong = (value: number): Dong => assertDong(value);

/**
 * total + value; throws AMOUNT_TOO_LARGE rather than return an imprecise total.
 * For running sums in hot loops (the editor recomputes totals on every keystroke): no array to build.
 */
export function addDong(total: number, value: number): Dong {
  const sum = total + value;
  if (!Number.isSafeInteger(sum)) {
    throw new AppError('AMOUNT_TOO_LARGE', 'Tổng số tiền vượt quá giới hạn tính toán an toàn.');
  }
  return sum as Dong;
}

/** Sum of amounts; throws AMOUNT_TOO_LARGE rather than return an imprecise total. */
export function sumDong(values: Iterable<number>): Dong {
  let total = 0 as Dong;
  for (const v of values) total = addDong(total, v);
  return total;
}

/** triệu đồng (possibly fractional, e.g. 12,5) → đồng, refusing sub-đồng precision. */
export function millionsToDong(millions: number): Dong {
  const value = Math.round(millions * DONG_PER_MILLION);
  if (Math.abs(value - millions * DONG_PER_MILLION) > 1e-6 * Math.max(1, Math.abs(value))) {
    throw new AppError('AMOUNT_NOT_INTEGER', `Số tiền ${millions} triệu đồng không quy ra được số nguyên đồng.`);
  }
  return assertDong(value);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

import { formatNumber } from '../../../../src/domain/format.ts';

/** A value for a comparison table. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'number') return formatNumber(v, 2);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

import { formatMillions, formatPercent } from '../../../src/domain/format.ts';
import { FIELD_LABELS } from '../../../src/domain/report-schema.ts';
import type { FieldKey } from '../../../src/domain/consolidate.ts';

/** Display helpers of the Department's screens: triệu đồng "8.212", percentages "99,98%". */
export const tr = (dong: number): string => formatMillions(dong);
/** A difference in triệu đồng with its sign written: "+15", "−134,5", "0". */
export const signedTr = (dong: number): string => (dong > 0 ? `+${tr(dong)}` : dong < 0 ? `−${tr(-dong)}` : '0');
/** Percentages in dashboard tables: always two decimals, so a column lines up (5,40% next to 5,38%). */
export const pct = (part: number, whole: number): string => (whole === 0 ? '—' : formatPercent((part / whole) * 100, 2, 2));
export const rate = (v: number | undefined | null): string => (v === undefined || v === null ? '—' : formatPercent(v, 2, 2));
export const FIELD_NAMES: Record<FieldKey, string> = { ...FIELD_LABELS, unassigned: 'Chưa xác định' };
export const TIMELINESS: Record<string, { label: string; color: string }> = {
  on_time: { label: 'Đúng hạn', color: 'success' },
  late: { label: 'Trễ hạn', color: 'warning' },
  overdue: { label: 'Quá hạn, chưa nộp', color: 'error' },
  pending: { label: 'Chưa đến hạn', color: 'default' },
};
export const ACTION_LABELS: Record<string, string> = { create: 'Tạo báo cáo', submit: 'Nộp', return: 'Trả lại', accept: 'Tiếp nhận', approve: 'Phê duyệt dự toán', approval_correct: 'Điều chỉnh phê duyệt', save: 'Lưu' };

/** Table rows → CSV text (UTF-8 BOM for Excel), cells typed by people defused. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

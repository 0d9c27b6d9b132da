import type { ReportStatus, Role, User } from '../api/types.ts';

import { STATUS_LABELS } from '../../../src/domain/status.ts';

/** Status names come from the domain (one place for the server, documents and the web). */
export { STATUS_LABELS };

/** antd Tag colours per status. */
export const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
  approved: 'green',
};

export const statusLabel = (status: string): string => STATUS_LABELS[status as ReportStatus] ?? status;
export const statusColor = (status: string): string => STATUS_COLORS[status as ReportStatus] ?? 'default';

export const ROLE_LABELS: Record<Role, string> = {
  commune_officer: 'Cán bộ đầu mối',
  commune_chairman: 'Chủ tịch UBND',
  dept_reviewer: 'Chuyên viên',
  dept_admin: 'Quản trị hệ thống',
};

export const isDepartment = (role: Role): boolean => role === 'dept_reviewer' || role === 'dept_admin';

/** "Kiến Thụy" with its kind: "xã Kiến Thụy". */
export const unitName = (unit: { kind?: string; name: string }): string =>
  unit.kind && !unit.name.toLowerCase().startsWith(unit.kind.toLowerCase()) ? `${unit.kind} ${unit.name}` : unit.name;

/** ISO timestamp → "14:05 05/07/2026". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** ISO date → "30/09/2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Where a user works: "xã Kiến Thụy" or "Sở KH&CN Hải Phòng". */
export function userPlace(user: User): string {
  if (user.unit) return unitName(user.unit);
  const province = user.province?.name ?? '';
  return province ? `Sở KH&CN ${province}` : 'Sở KH&CN';
}

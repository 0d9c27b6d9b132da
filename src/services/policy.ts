import { AppError } from '../domain/errors.ts';
import { isCommuneRole, isDepartmentRole, type Actor } from './actor.ts';

/**
 * Who may do what. Scoping rules live here and nowhere else; services apply them to every query.
 * A report outside the actor's scope is "not found" (404), never "forbidden": its existence is
 * not revealed.
 */
export { STATUS_LABELS, type ReportStatus } from '../domain/status.ts';

export interface ScopedRow {
  unit_id: string;
  province_id: string;
  status: string;
}

export function canSee(actor: Actor, row: ScopedRow): boolean {
  if (isCommuneRole(actor.role)) return actor.unitId !== null && row.unit_id === actor.unitId;
  return isDepartmentRole(actor.role) && row.province_id === actor.provinceId;
}

export const isEditableStatus = (status: string): boolean => status === 'draft' || status === 'returned';

export const canEdit = (actor: Actor, row: ScopedRow): boolean => isCommuneRole(actor.role) && canSee(actor, row) && isEditableStatus(row.status);

export const canSubmit = (actor: Actor, row: ScopedRow): boolean => actor.role === 'commune_chairman' && canEdit(actor, row);

export const canReview = (actor: Actor, row: ScopedRow): boolean => isDepartmentRole(actor.role) && canSee(actor, row);

export const notFound = (what = 'báo cáo'): AppError => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`, { status: 404 });

export function forbidden(message: string): AppError {
  return new AppError('FORBIDDEN', message, { status: 403 });
}

import type { Transaction } from 'kysely';
import { AppError } from '../domain/errors.ts';
import { isValidIsoDate } from '../domain/format.ts';
import { sumDong } from '../domain/money.ts';
import type { Store } from '../store/db.ts';
import type { DB } from '../store/schema.ts';
import { isCommuneRole, type Actor } from './actor.ts';
import { currentDisbursements, getExecution, type Execution } from './approval.ts';
import { appendAudit } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import { canSee, forbidden, notFound } from './policy.ts';
import { loadReportRow } from './reports.ts';

/**
 * Disbursement against the latest approved version of a budget, recorded by the commune. A
 * recorded disbursement is never edited or deleted: a mistake is corrected by a new record that
 * replaces it (amount 0 cancels it), with its reason, and totals count only the latest records.
 */
export interface DisbursementInput {
  lineId: string;
  amount: number;
  date: string;
  note?: string | undefined;
}

export interface DisbursementCorrectionInput {
  amount: number;
  date: string;
  note?: string | undefined;
  reason: string;
}

const invalid = (code: string, message: string) => new AppError(code, message, { status: 400 });

/** The commune's report with its latest approval, the plan year and the checks every record needs. */
async function approvedReport(store: Store, actor: Actor, reportId: string, date: string) {
  const row = await loadReportRow(store, actor, reportId);
  if (!isCommuneRole(actor.role) || !canSee(actor, row)) throw forbidden('Chỉ cán bộ của xã được ghi nhận giải ngân.');
  const approval = await store.db.selectFrom('approvals').select('version').where('report_id', '=', reportId).executeTakeFirst();
  if (!approval) throw new AppError('NOT_APPROVED', 'Dự toán chưa được phê duyệt nên chưa ghi nhận giải ngân được.', { status: 409 });
  const planYear = (await store.db.selectFrom('cycles').select('plan_year').where('id', '=', row.cycle_id).executeTakeFirstOrThrow()).plan_year;
  if (!isValidIsoDate(date) || !date.startsWith(`${planYear}-`)) throw invalid('INVALID_DATE', `Ngày giải ngân phải là một ngày trong năm ${planYear} (từ 01/01/${planYear} đến 31/12/${planYear}).`);
  return row;
}

/** Refuses a record that would take the line's disbursement beyond its latest approved amount. */
async function checkWithinApproved(trx: Transaction<DB>, reportId: string, lineId: string, amount: number, replacing?: string): Promise<void> {
  const approval = await trx.selectFrom('approvals').select('version').where('report_id', '=', reportId).executeTakeFirstOrThrow();
  const line = await trx.selectFrom('approval_lines').select(['title', 'approved']).where('report_id', '=', reportId).where('version', '=', approval.version).where('line_id', '=', lineId).executeTakeFirst();
  if (!line) throw invalid('UNKNOWN_LINE', 'Dòng dự toán không có trong dự toán được phê duyệt.');
  const already = sumDong((await currentDisbursements(trx, reportId)).filter((d) => d.line_id === lineId && d.id !== replacing).map((d) => d.amount));
  if (already + amount > line.approved) {
    throw new AppError('OVER_APPROVED', `Giải ngân vượt dự toán được duyệt của dòng "${line.title}": đã giải ngân ${already.toLocaleString('vi-VN')} đồng trên ${line.approved.toLocaleString('vi-VN')} đồng.`, { status: 422 });
  }
}

export async function recordDisbursement(store: Store, actor: Actor, reportId: string, input: DisbursementInput): Promise<Execution> {
  const row = await approvedReport(store, actor, reportId, input.date);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalid('INVALID_AMOUNT', 'Số tiền giải ngân phải là số nguyên đồng lớn hơn 0.');
  const id = newId();
  await store.db.transaction().execute(async (trx) => {
    // The audit head's lock serialises writers on both databases, so two clerks (or a clerk and
    // an approval correction) cannot together take a line beyond its approved amount.
    await store.lockAuditHead(trx);
    await checkWithinApproved(trx, reportId, input.lineId, input.amount);
    await trx.insertInto('disbursements').values({
      id, report_id: reportId, province_id: row.province_id, unit_id: row.unit_id, line_id: input.lineId, amount: input.amount, disbursed_on: input.date,
      note: input.note?.trim() || null, created_at: nowIso(), created_by: actor.userId, corrects: null, correction_reason: null,
    }).execute();
    await appendAudit(store, trx, actor, { entity: 'disbursement', entityId: id, action: 'create', after: { reportId, lineId: input.lineId, amount: input.amount, date: input.date } });
  });
  return getExecution(store, actor, reportId);
}

/**
 * Corrects a recorded disbursement with a new record on the same line that replaces it; the old
 * record stays, marked as replaced. A record already replaced cannot be corrected again (correct
 * its replacement), which the unique index on `corrects` also guarantees.
 */
export async function correctDisbursement(store: Store, actor: Actor, reportId: string, disbursementId: string, input: DisbursementCorrectionInput): Promise<Execution> {
  const row = await approvedReport(store, actor, reportId, input.date);
  if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw invalid('INVALID_AMOUNT', 'Số tiền giải ngân phải là số nguyên đồng, không âm (0 để hủy lần ghi sai).');
  const reason = input.reason.trim();
  if (!reason) throw invalid('CORRECTION_REASON_REQUIRED', 'Cần ghi lý do điều chỉnh lần giải ngân.');
  const id = newId();
  await store.db.transaction().execute(async (trx) => {
    await store.lockAuditHead(trx);
    const old = await trx.selectFrom('disbursements').selectAll().where('id', '=', disbursementId).where('report_id', '=', reportId).where('unit_id', '=', row.unit_id).executeTakeFirst();
    if (!old) throw notFound('lần giải ngân này');
    const replacement = await trx.selectFrom('disbursements').select('id').where('corrects', '=', disbursementId).executeTakeFirst();
    if (replacement) throw new AppError('DISBURSEMENT_SUPERSEDED', 'Lần giải ngân này đã được điều chỉnh; hãy điều chỉnh bản ghi mới nhất.', { status: 409, details: { supersededBy: replacement.id } });
    if (old.amount === input.amount && old.disbursed_on === input.date && (old.note ?? '') === (input.note?.trim() ?? '')) {
      throw new AppError('DISBURSEMENT_UNCHANGED', 'Số tiền, ngày và ghi chú giống lần ghi cũ: không có gì để điều chỉnh.', { status: 422 });
    }
    await checkWithinApproved(trx, reportId, old.line_id, input.amount, old.id);
    await trx.insertInto('disbursements').values({
      id, report_id: reportId, province_id: row.province_id, unit_id: row.unit_id, line_id: old.line_id, amount: input.amount, disbursed_on: input.date,
      note: input.note?.trim() || null, created_at: nowIso(), created_by: actor.userId, corrects: old.id, correction_reason: reason,
    }).execute();
    await appendAudit(store, trx, actor, {
      entity: 'disbursement', entityId: id, action: 'correct',
      before: { id: old.id, amount: old.amount, date: old.disbursed_on, note: old.note },
      after: { reportId, lineId: old.line_id, corrects: old.id, amount: input.amount, date: input.date, reason },
    });
  });
  return getExecution(store, actor, reportId);
}

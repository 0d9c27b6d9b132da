import { leaves } from '../domain/budget.ts';
import { FIELD_KEYS, type FieldKey } from '../domain/consolidate.ts';
import { AppError } from '../domain/errors.ts';
import { isValidIsoDate } from '../domain/format.ts';
import { sumDong } from '../domain/money.ts';
import type { Store } from '../store/db.ts';
import { isCommuneRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import { cycleConsolidation } from './consolidation.ts';
import { requireAdmin, requireDepartment } from './department.ts';
import { canSee, forbidden } from './policy.ts';
import { loadReportRow, reportOf, transition } from './reports.ts';

/**
 * The city's approval and its execution. The admin records the decision (number, date) and the
 * approved amount of every leaf line of an accepted report; those lines become the locked
 * baseline (a second decision is refused). The commune then records disbursement against the
 * approved lines; the Department follows disbursed vs approved.
 */
export interface ApprovalInput {
  decisionNumber: string;
  decisionDate: string;
  /** Approved amounts that differ from the request; unlisted lines are approved as requested. */
  lines?: { lineId: string; approved: number }[] | undefined;
}

const invalid = (code: string, message: string) => new AppError(code, message, { status: 400 });

export async function recordApproval(store: Store, actor: Actor, reportId: string, input: ApprovalInput): Promise<Execution> {
  requireAdmin(actor);
  const row = await loadReportRow(store, actor, reportId);
  const existing = await store.db.selectFrom('approvals').select('decision_number').where('report_id', '=', reportId).executeTakeFirst();
  if (existing) throw new AppError('APPROVAL_LOCKED', `Dự toán đã được phê duyệt theo Quyết định số ${existing.decision_number}; số liệu phê duyệt đã khóa.`, { status: 409 });
  if (row.status !== 'accepted') throw new AppError('NOT_ACCEPTED', 'Chỉ ghi nhận phê duyệt cho báo cáo Sở đã tiếp nhận.', { status: 409 });
  if (!input.decisionNumber.trim()) throw invalid('DECISION_REQUIRED', 'Thiếu số quyết định phê duyệt.');
  if (!isValidIsoDate(input.decisionDate)) throw invalid('INVALID_DATE', `Ngày quyết định không hợp lệ (${input.decisionDate}).`);
  const report = await reportOf(store, row);
  const planLeaves = leaves(report.plan.budget);
  const overrides = new Map<string, number>();
  for (const l of input.lines ?? []) {
    if (!planLeaves.some((p) => p.line.id === l.lineId)) throw invalid('UNKNOWN_LINE', `Dòng dự toán "${l.lineId}" không có trong báo cáo đã tiếp nhận.`);
    if (!Number.isSafeInteger(l.approved) || l.approved < 0) throw invalid('INVALID_AMOUNT', 'Số tiền phê duyệt phải là số nguyên đồng, không âm.');
    overrides.set(l.lineId, l.approved);
  }
  const lines = planLeaves.map((p, position) => ({
    report_id: reportId, line_id: p.line.id, position, field: p.field ?? null, budget_code: p.budgetCode ?? null, kind: p.kind, title: p.line.title,
    funding_source: p.line.fundingSource ?? null, requested: p.line.amount, approved: overrides.get(p.line.id) ?? p.line.amount,
  }));
  const requestedTotal = sumDong(lines.map((l) => l.requested));
  const approvedTotal = sumDong(lines.map((l) => l.approved));
  const now = nowIso();
  const decision = { decisionNumber: input.decisionNumber.trim(), decisionDate: input.decisionDate };
  const reason = `Quyết định số ${decision.decisionNumber} ngày ${decision.decisionDate.split('-').reverse().join('/')}`;
  // The approval is a transition like return/accept; its locked baseline commits with it.
  await transition(store, actor, row, 'approve', 'approved', reason, now, {
    within: async (trx) => {
      await trx.insertInto('approvals').values({
        report_id: reportId, cycle_id: row.cycle_id, province_id: row.province_id, unit_id: row.unit_id, decision_number: decision.decisionNumber, decision_date: decision.decisionDate,
        report_version: row.version, requested_total: requestedTotal, approved_total: approvedTotal, created_at: now, created_by: actor.userId,
      }).execute();
      for (let i = 0; i < lines.length; i += 200) await trx.insertInto('approved_lines').values(lines.slice(i, i + 200)).execute();
    },
    auditAfter: { ...decision, requestedTotal, approvedTotal, changedLines: [...overrides.keys()] },
  });
  return getExecution(store, actor, reportId);
}

export interface Execution {
  reportId: string;
  approval: { decisionNumber: string; decisionDate: string; requestedTotal: number; approvedTotal: number; createdAt: string } | null;
  lines: { lineId: string; title: string; field: string | null; budgetCode: string | null; kind: string; requested: number; approved: number; disbursed: number }[];
  disbursements: { id: string; lineId: string; amount: number; disbursedOn: string; note: string | null; createdAt: string }[];
  disbursedTotal: number;
  canRecordDisbursement: boolean;
}

/** The approval and disbursement of one report, for its commune and its Department. */
export async function getExecution(store: Store, actor: Actor, reportId: string): Promise<Execution> {
  const row = await loadReportRow(store, actor, reportId);
  const approval = await store.db.selectFrom('approvals').selectAll().where('report_id', '=', reportId).where('province_id', '=', row.province_id).executeTakeFirst();
  const lines = approval ? await store.db.selectFrom('approved_lines').selectAll().where('report_id', '=', reportId).orderBy('position').execute() : [];
  const paid = approval
    ? await store.db.selectFrom('disbursements').selectAll().where('report_id', '=', reportId).where('unit_id', '=', row.unit_id).orderBy('disbursed_on').orderBy('created_at').execute()
    : [];
  const byLine = new Map<string, number>();
  for (const p of paid) byLine.set(p.line_id, (byLine.get(p.line_id) ?? 0) + p.amount);
  return {
    reportId,
    approval: approval
      ? { decisionNumber: approval.decision_number, decisionDate: approval.decision_date, requestedTotal: approval.requested_total, approvedTotal: approval.approved_total, createdAt: approval.created_at }
      : null,
    lines: lines.map((l) => ({ lineId: l.line_id, title: l.title, field: l.field, budgetCode: l.budget_code, kind: l.kind, requested: l.requested, approved: l.approved, disbursed: byLine.get(l.line_id) ?? 0 })),
    disbursements: paid.map((p) => ({ id: p.id, lineId: p.line_id, amount: p.amount, disbursedOn: p.disbursed_on, note: p.note, createdAt: p.created_at })),
    disbursedTotal: sumDong(paid.map((p) => p.amount)),
    canRecordDisbursement: approval !== undefined && isCommuneRole(actor.role) && canSee(actor, row),
  };
}

export interface DisbursementInput {
  lineId: string;
  amount: number;
  date: string;
  note?: string | undefined;
}

export async function recordDisbursement(store: Store, actor: Actor, reportId: string, input: DisbursementInput): Promise<Execution> {
  const row = await loadReportRow(store, actor, reportId);
  if (!isCommuneRole(actor.role) || !canSee(actor, row)) throw forbidden('Chỉ cán bộ của xã được ghi nhận giải ngân.');
  const approval = await store.db.selectFrom('approvals').selectAll().where('report_id', '=', reportId).executeTakeFirst();
  if (!approval) throw new AppError('NOT_APPROVED', 'Dự toán chưa được phê duyệt nên chưa ghi nhận giải ngân được.', { status: 409 });
  const planYear = (await store.db.selectFrom('cycles').select('plan_year').where('id', '=', row.cycle_id).executeTakeFirstOrThrow()).plan_year;
  if (!isValidIsoDate(input.date) || !input.date.startsWith(`${planYear}-`)) throw invalid('INVALID_DATE', `Ngày giải ngân phải là một ngày trong năm ${planYear}.`);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalid('INVALID_AMOUNT', 'Số tiền giải ngân phải là số nguyên đồng lớn hơn 0.');
  const line = await store.db.selectFrom('approved_lines').selectAll().where('report_id', '=', reportId).where('line_id', '=', input.lineId).executeTakeFirst();
  if (!line) throw invalid('UNKNOWN_LINE', 'Dòng dự toán không có trong dự toán được phê duyệt.');
  const id = newId();
  await store.db.transaction().execute(async (trx) => {
    // Checked inside the transaction so two clerks cannot together pay out more than approved.
    const before = await trx.selectFrom('disbursements').select('amount').where('report_id', '=', reportId).where('line_id', '=', input.lineId).execute();
    const already = sumDong(before.map((b) => b.amount));
    if (already + input.amount > line.approved) {
      throw new AppError('OVER_APPROVED', `Giải ngân vượt dự toán được duyệt của dòng "${line.title}": đã giải ngân ${already.toLocaleString('vi-VN')} đồng trên ${line.approved.toLocaleString('vi-VN')} đồng.`, { status: 422 });
    }
    await trx.insertInto('disbursements').values({
      id, report_id: reportId, province_id: row.province_id, unit_id: row.unit_id, line_id: input.lineId, amount: input.amount, disbursed_on: input.date, note: input.note?.trim() || null, created_at: nowIso(), created_by: actor.userId,
    }).execute();
    await appendAudit(store, trx, actor, { entity: 'disbursement', entityId: id, action: 'create', after: { reportId, lineId: input.lineId, amount: input.amount, date: input.date } });
  });
  return getExecution(store, actor, reportId);
}

export interface ExecutionOverview {
  approved: number;
  disbursed: number;
  byField: { field: FieldKey; approved: number; disbursed: number }[];
  units: { unitId: string; name: string; kind: string; reportId: string; approved: number; disbursed: number; byField: { field: FieldKey; approved: number; disbursed: number }[] }[];
}

/** Disbursed vs approved across the province, by commune and by field. Department only. */
export async function cycleExecution(store: Store, actor: Actor, cycleId: string): Promise<ExecutionOverview> {
  requireDepartment(actor);
  const { consolidation: c } = await cycleConsolidation(store, actor, cycleId);
  const reportIds = new Map((await store.db.selectFrom('reports').select(['id', 'unit_id']).where('cycle_id', '=', cycleId).where('province_id', '=', actor.provinceId).execute()).map((r) => [r.unit_id, r.id]));
  return {
    approved: c.approved,
    disbursed: c.disbursed,
    byField: FIELD_KEYS.map((f) => ({ field: f, approved: c.approvedByField[f], disbursed: c.disbursedByField[f] })),
    units: c.units
      .filter((u) => u.approved !== undefined)
      .map((u) => ({
        unitId: u.unit.id, name: u.unit.name, kind: u.unit.kind, reportId: reportIds.get(u.unit.id) ?? '', approved: u.approved ?? 0, disbursed: u.disbursed ?? 0,
        byField: FIELD_KEYS.map((f) => ({ field: f, approved: u.approvedByField?.[f] ?? 0, disbursed: u.disbursedByField?.[f] ?? 0 })),
      })),
  };
}

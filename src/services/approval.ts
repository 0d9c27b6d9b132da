import type { Transaction } from 'kysely';
import { compareApproval, latestRecords } from '../domain/approval.ts';
import { leaves } from '../domain/budget.ts';
import { FIELD_KEYS, type FieldKey } from '../domain/consolidate.ts';
import { AppError } from '../domain/errors.ts';
import { formatMillions, formatShortDate, isValidIsoDate } from '../domain/format.ts';
import { sumDong } from '../domain/money.ts';
import type { Store } from '../store/db.ts';
import type { ApprovalLinesTable, DB } from '../store/schema.ts';
import { isCommuneRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { newId, nowIso } from './clock.ts';
import { cycleConsolidation } from './consolidation.ts';
import { requireAdmin, requireDepartment } from './department.ts';
import { canSee } from './policy.ts';
import { assertSeenVersion, loadReportRow, reportOf, transition } from './reports.ts';

/**
 * The city's approval and its execution. The admin records the decision (number, date) and the
 * approved amount of every leaf line of an accepted report; those lines become the baseline the
 * commune disburses against. A recorded approval is never edited: an admin corrects it with a
 * new version (its reason audited), and disbursement, consolidation and dashboards read the latest.
 */
export interface ApprovalInput {
  decisionNumber: string;
  decisionDate: string;
  /**
   * Approved amounts that differ: on a first approval, unlisted lines are approved as requested;
   * on a correction, unlisted lines keep the amount of the version being corrected.
   */
  lines?: { lineId: string; approved: number }[] | undefined;
  /** The explicit confirmation, with its reason, that some lines are approved above their request. */
  aboveRequest?: { confirmed: true; reason: string } | undefined;
}

export interface ApprovalCorrectionInput extends ApprovalInput {
  /** The approval version the admin saw and corrects; a newer one recorded meanwhile is a conflict. */
  expectedVersion: number;
  /** Why the recorded approval is corrected (recorded with the version and in the audit). */
  reason: string;
}

type ReportRow = Awaited<ReturnType<typeof loadReportRow>>;
type LineRow = Omit<ApprovalLinesTable, 'version'>;

const invalid = (code: string, message: string) => new AppError(code, message, { status: 400 });
const tr = (dong: number) => `${formatMillions(dong)} triệu đồng`;

/** Validates the decision and the amounts against the accepted report's leaf lines. */
async function approvalLines(store: Store, row: ReportRow, input: ApprovalInput, base: ReadonlyMap<string, number>): Promise<LineRow[]> {
  if (!input.decisionNumber.trim()) throw invalid('DECISION_REQUIRED', 'Thiếu số quyết định phê duyệt.');
  if (!isValidIsoDate(input.decisionDate)) throw invalid('INVALID_DATE', `Ngày quyết định không hợp lệ (${input.decisionDate}).`);
  const planLeaves = leaves((await reportOf(store, row)).plan.budget);
  const known = new Set(planLeaves.map((p) => p.line.id));
  const overrides = new Map<string, number>();
  for (const l of input.lines ?? []) {
    if (!known.has(l.lineId)) throw invalid('UNKNOWN_LINE', `Dòng dự toán "${l.lineId}" không có trong báo cáo đã tiếp nhận.`);
    if (!Number.isSafeInteger(l.approved) || l.approved < 0) throw invalid('INVALID_AMOUNT', 'Số tiền phê duyệt phải là số nguyên đồng, không âm.');
    overrides.set(l.lineId, l.approved);
  }
  return planLeaves.map((p, position) => ({
    report_id: row.id, line_id: p.line.id, position, field: p.field ?? null, budget_code: p.budgetCode ?? null, kind: p.kind, title: p.line.title,
    funding_source: p.line.fundingSource ?? null, requested: p.line.amount, approved: overrides.get(p.line.id) ?? base.get(p.line.id) ?? p.line.amount,
  }));
}

/**
 * Issue 13's domain rule: a line approved above its request is recorded only with an explicit
 * confirmation and its reason. Returns the reason to record (null when no line is above).
 */
function aboveRequestReason(lines: LineRow[], input: ApprovalInput): string | null {
  const { above } = compareApproval(lines.map((l) => ({ lineId: l.line_id, title: l.title, requested: l.requested, approved: l.approved })));
  if (above.length === 0) return null;
  const reason = input.aboveRequest?.confirmed === true ? input.aboveRequest.reason.trim() : '';
  if (reason) return reason;
  const list = above.map((l) => `"${l.title}" (duyệt ${tr(l.approved)}, đề nghị ${tr(l.requested)})`).join('; ');
  throw new AppError('ABOVE_REQUEST_NEEDS_REASON', `Số duyệt cao hơn số đề nghị ở ${above.length} dòng: ${list}. Cần xác nhận và ghi rõ lý do.`, {
    status: 422, details: { lines: above.map((l) => ({ lineId: l.lineId, requested: l.requested, approved: l.approved })) },
  });
}

interface VersionHeader {
  reportId: string;
  version: number;
  decisionNumber: string;
  decisionDate: string;
  reportVersion: number;
  aboveReason: string | null;
  correctionReason: string | null;
  at: string;
  by: string;
}

async function insertVersion(trx: Transaction<DB>, h: VersionHeader, lines: LineRow[]): Promise<void> {
  const { requestedTotal, approvedTotal } = totals(lines);
  await trx.insertInto('approval_versions').values({
    report_id: h.reportId, version: h.version, decision_number: h.decisionNumber, decision_date: h.decisionDate, report_version: h.reportVersion,
    requested_total: requestedTotal, approved_total: approvedTotal, above_request_reason: h.aboveReason, correction_reason: h.correctionReason, created_at: h.at, created_by: h.by,
  }).execute();
  const rows = lines.map((l) => ({ ...l, version: h.version }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('approval_lines').values(rows.slice(i, i + 200)).execute();
}

const totals = (lines: LineRow[]) => ({ requestedTotal: sumDong(lines.map((l) => l.requested)), approvedTotal: sumDong(lines.map((l) => l.approved)) });

/** Records the decision on the accepted version the admin saw (`seenVersion`, If-Match); a newer one is refused with 409. */
export async function recordApproval(store: Store, actor: Actor, reportId: string, seenVersion: number, input: ApprovalInput): Promise<Execution> {
  requireAdmin(actor);
  const row = await loadReportRow(store, actor, reportId);
  const existing = await store.db.selectFrom('approvals').select('version').where('report_id', '=', reportId).executeTakeFirst();
  if (existing) throw new AppError('APPROVAL_LOCKED', 'Dự toán đã được phê duyệt; số liệu đã ghi chỉ sửa được bằng "Điều chỉnh phê duyệt" (tạo phiên bản mới).', { status: 409 });
  assertSeenVersion(row, seenVersion, 'approve');
  if (row.status !== 'accepted') throw new AppError('NOT_ACCEPTED', 'Chỉ ghi nhận phê duyệt cho báo cáo Sở đã tiếp nhận.', { status: 409 });
  const lines = await approvalLines(store, row, input, new Map());
  const aboveReason = aboveRequestReason(lines, input);
  const now = nowIso();
  const decision = { decisionNumber: input.decisionNumber.trim(), decisionDate: input.decisionDate };
  const reason = `Quyết định số ${decision.decisionNumber} ngày ${formatShortDate(decision.decisionDate)}`;
  // The approval is a transition like return/accept; its baseline (version 1) commits with it.
  await transition(store, actor, row, 'approve', 'approved', reason, now, {
    within: async (trx) => {
      await trx.insertInto('approvals').values({ report_id: reportId, cycle_id: row.cycle_id, province_id: row.province_id, unit_id: row.unit_id, version: 1, created_at: now, created_by: actor.userId }).execute();
      await insertVersion(trx, { reportId, version: 1, ...decision, reportVersion: row.version, aboveReason, correctionReason: null, at: now, by: actor.userId }, lines);
    },
    auditAfter: { ...decision, approvalVersion: 1, ...totals(lines), aboveRequestReason: aboveReason, changedLines: changedLines(lines, new Map()) },
  });
  return getExecution(store, actor, reportId);
}

/** Lines whose approved amount differs from `before` (or from the request when `before` has none). */
function changedLines(lines: LineRow[], before: ReadonlyMap<string, number>) {
  return lines
    .filter((l) => l.approved !== (before.get(l.line_id) ?? l.requested))
    .map((l) => ({ lineId: l.line_id, requested: l.requested, before: before.get(l.line_id) ?? l.requested, approved: l.approved }));
}

/**
 * An admin corrects a recorded approval: a new version with its reason, the previous versions
 * kept as they were. No line may fall below what the commune has already disbursed on it.
 */
export async function correctApproval(store: Store, actor: Actor, reportId: string, input: ApprovalCorrectionInput): Promise<Execution> {
  requireAdmin(actor);
  const row = await loadReportRow(store, actor, reportId);
  const approval = await store.db.selectFrom('approvals').selectAll().where('report_id', '=', reportId).where('province_id', '=', row.province_id).executeTakeFirst();
  if (!approval) throw new AppError('NOT_APPROVED', 'Dự toán chưa được phê duyệt nên chưa có gì để điều chỉnh.', { status: 409 });
  const reason = input.reason.trim();
  if (!reason) throw invalid('CORRECTION_REASON_REQUIRED', 'Cần ghi lý do điều chỉnh phê duyệt.');
  if (input.expectedVersion !== approval.version) throw versionConflict(approval.version);
  const current = await store.db.selectFrom('approval_versions').selectAll().where('report_id', '=', reportId).where('version', '=', approval.version).executeTakeFirstOrThrow();
  const before = new Map((await store.db.selectFrom('approval_lines').select(['line_id', 'approved']).where('report_id', '=', reportId).where('version', '=', approval.version).execute()).map((l) => [l.line_id, l.approved]));
  const lines = await approvalLines(store, row, input, before);
  const decision = { decisionNumber: input.decisionNumber.trim(), decisionDate: input.decisionDate };
  const changed = changedLines(lines, before);
  if (changed.length === 0 && decision.decisionNumber === current.decision_number && decision.decisionDate === current.decision_date) {
    throw new AppError('APPROVAL_UNCHANGED', 'Không có gì khác với phiên bản phê duyệt hiện hành: hãy sửa số liệu hoặc quyết định trước khi ghi điều chỉnh.', { status: 422 });
  }
  const aboveReason = aboveRequestReason(lines, input);
  const next = approval.version + 1;
  const now = nowIso();
  await store.db.transaction().execute(async (trx) => {
    // Locking the audit chain's head first serialises this with disbursements (both databases),
    // so the "not below what was disbursed" check below holds at commit.
    await store.lockAuditHead(trx);
    const paid = await currentDisbursements(trx, reportId);
    for (const l of lines) {
      const disbursed = sumDong(paid.filter((p) => p.line_id === l.line_id).map((p) => p.amount));
      if (l.approved < disbursed) {
        throw new AppError('APPROVED_BELOW_DISBURSED', `Dòng "${l.title}" đã giải ngân ${tr(disbursed)}, không thể duyệt thấp hơn (${tr(l.approved)}).`, { status: 422, details: { lineId: l.line_id } });
      }
    }
    const moved = await trx.updateTable('approvals').set({ version: next }).where('report_id', '=', reportId).where('version', '=', approval.version).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw versionConflict(next);
    await insertVersion(trx, { reportId, version: next, ...decision, reportVersion: current.report_version, aboveReason, correctionReason: reason, at: now, by: actor.userId }, lines);
    await trx.insertInto('report_events').values({
      id: newId(), report_id: reportId, at: now, actor_id: actor.userId, actor_name: actor.fullName, action: 'approval_correct', from_status: row.status, to_status: row.status, version: row.version,
      reason: `Điều chỉnh phê duyệt (phiên bản ${next}): ${reason}`,
    }).execute();
    await appendAudit(store, trx, actor, {
      entity: 'approval', entityId: reportId, action: 'correct',
      before: { approvalVersion: approval.version, decisionNumber: current.decision_number, decisionDate: current.decision_date, approvedTotal: current.approved_total },
      after: { approvalVersion: next, ...decision, ...totals(lines), reason, aboveRequestReason: aboveReason, changedLines: changed },
    });
  });
  return getExecution(store, actor, reportId);
}

const versionConflict = (current: number) =>
  new AppError('APPROVAL_VERSION_CONFLICT', `Phê duyệt vừa được điều chỉnh thành phiên bản ${current}; hãy xem lại số liệu mới nhất rồi điều chỉnh.`, { status: 409, details: { currentVersion: current } });

/** Disbursements that still count: every record not replaced by a correction. */
export async function currentDisbursements(db: Transaction<DB> | Store['db'], reportId: string) {
  return latestRecords(await db.selectFrom('disbursements').select(['id', 'line_id', 'amount', 'corrects']).where('report_id', '=', reportId).execute());
}

interface ApprovalHeader {
  version: number;
  decisionNumber: string;
  decisionDate: string;
  requestedTotal: number;
  approvedTotal: number;
  aboveRequestReason: string | null;
  correctionReason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface Execution {
  reportId: string;
  /** The latest approval version: what disbursement is recorded against. */
  approval: ApprovalHeader | null;
  /** Every version, newest first, each with the lines it changed against the previous one. */
  approvalVersions: (ApprovalHeader & { changes: { lineId: string; title: string; before: number; after: number }[] })[];
  lines: { lineId: string; title: string; field: string | null; budgetCode: string | null; kind: string; requested: number; approved: number; disbursed: number }[];
  /** Every record, replaced ones included (the history); a replaced one names its replacement. */
  disbursements: { id: string; lineId: string; amount: number; disbursedOn: string; note: string | null; createdAt: string; corrects: string | null; correctionReason: string | null; supersededBy: string | null }[];
  disbursedTotal: number;
  canRecordDisbursement: boolean;
  canCorrectApproval: boolean;
}

/** The approval (latest version and history) and disbursement of one report, for its commune and its Department. */
export async function getExecution(store: Store, actor: Actor, reportId: string): Promise<Execution> {
  const row = await loadReportRow(store, actor, reportId);
  const approval = await store.db.selectFrom('approvals').select('version').where('report_id', '=', reportId).where('province_id', '=', row.province_id).executeTakeFirst();
  const empty = { reportId, approval: null, approvalVersions: [], lines: [], disbursements: [], disbursedTotal: 0, canRecordDisbursement: false, canCorrectApproval: false };
  if (!approval) return empty;
  const [versions, allLines, paid] = await Promise.all([
    store.db.selectFrom('approval_versions').leftJoin('users', 'users.id', 'approval_versions.created_by').selectAll('approval_versions').select('users.full_name')
      .where('report_id', '=', reportId).orderBy('version', 'desc').execute(),
    store.db.selectFrom('approval_lines').selectAll().where('report_id', '=', reportId).orderBy('version').orderBy('position').execute(),
    store.db.selectFrom('disbursements').selectAll().where('report_id', '=', reportId).where('unit_id', '=', row.unit_id).orderBy('disbursed_on').orderBy('created_at').execute(),
  ]);
  const supersededBy = new Map(paid.filter((p) => p.corrects !== null).map((p) => [p.corrects!, p.id]));
  const counting = latestRecords(paid);
  const byLine = new Map<string, number>();
  for (const p of counting) byLine.set(p.line_id, (byLine.get(p.line_id) ?? 0) + p.amount);
  const linesOf = (version: number) => allLines.filter((l) => l.version === version);
  const header = (v: (typeof versions)[number]): ApprovalHeader => ({
    version: v.version, decisionNumber: v.decision_number, decisionDate: v.decision_date, requestedTotal: v.requested_total, approvedTotal: v.approved_total,
    aboveRequestReason: v.above_request_reason, correctionReason: v.correction_reason, createdAt: v.created_at, createdBy: v.full_name,
  });
  const latest = versions.find((v) => v.version === approval.version)!;
  return {
    reportId,
    approval: header(latest),
    approvalVersions: versions.map((v) => {
      const previous = new Map(linesOf(v.version - 1).map((l) => [l.line_id, l.approved]));
      const changes = v.version === 1 ? [] : linesOf(v.version).filter((l) => previous.get(l.line_id) !== l.approved)
        .map((l) => ({ lineId: l.line_id, title: l.title, before: previous.get(l.line_id) ?? 0, after: l.approved }));
      return { ...header(v), changes };
    }),
    lines: linesOf(approval.version).map((l) => ({ lineId: l.line_id, title: l.title, field: l.field, budgetCode: l.budget_code, kind: l.kind, requested: l.requested, approved: l.approved, disbursed: byLine.get(l.line_id) ?? 0 })),
    disbursements: paid.map((p) => ({
      id: p.id, lineId: p.line_id, amount: p.amount, disbursedOn: p.disbursed_on, note: p.note, createdAt: p.created_at, corrects: p.corrects, correctionReason: p.correction_reason, supersededBy: supersededBy.get(p.id) ?? null,
    })),
    disbursedTotal: sumDong(counting.map((p) => p.amount)),
    canRecordDisbursement: isCommuneRole(actor.role) && canSee(actor, row),
    canCorrectApproval: actor.role === 'dept_admin',
  };
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

import { latestRecords } from '../domain/approval.ts';
import { carryForward } from '../domain/carry-forward.ts';
import { AppError } from '../domain/errors.ts';
import { isValidIsoDate } from '../domain/format.ts';
import { progress, type ProgressSummary } from '../domain/progress.ts';
import { parseStoredReport, type Report, type UnitKind } from '../domain/report-schema.ts';
import { blankReport } from '../demo/generate-report.ts';
import type { Store } from '../store/db.ts';

import { isDepartmentRole, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { guidanceText, openCycleTx } from './cycles.ts';
import { cycleReportRows, loadCycle, type CycleRow, requireAdmin, requireDepartment } from './department.ts';

/**
 * Reporting cycles as the Department runs them: list, open (each expected unit's report created
 * from last year's approved figures where they exist), extend one unit's deadline, and follow
 * completeness and timeliness.
 */
export interface CycleItem {
  id: string;
  planYear: number;
  reportYear: number;
  guidanceNumber: string;
  guidanceDate: string | null;
  guidanceIssuer: string;
  guidance: string;
  deadline: string;
  status: string;
  demo: boolean;
  /** Submitted reports waiting for the Department's review (Department actors only). */
  pendingReviews?: number;
}

export const toCycleItem = (c: CycleRow): CycleItem => ({
  id: c.id, planYear: c.plan_year, reportYear: c.report_year, guidanceNumber: c.guidance_number, guidanceDate: c.guidance_date, guidanceIssuer: c.guidance_issuer,
  guidance: guidanceText({ guidanceNumber: c.guidance_number, guidanceDate: c.guidance_date, guidanceIssuer: c.guidance_issuer }), deadline: c.deadline, status: c.status, demo: c.demo === 1,
});

/**
 * Cycles of the actor's province, newest first (communes see them too: a cycle is public guidance).
 * The Department also gets each cycle's count of reports waiting for review, so that opening the
 * next cycle does not hide last cycle's pending work.
 */
export async function listCycles(store: Store, actor: Actor): Promise<CycleItem[]> {
  const rows = await store.db.selectFrom('cycles').selectAll().where('province_id', '=', actor.provinceId).orderBy('plan_year', 'desc').execute();
  if (!isDepartmentRole(actor.role) || rows.length === 0) return rows.map(toCycleItem);
  const counts = await store.db.selectFrom('reports').select(['cycle_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .where('province_id', '=', actor.provinceId).where('status', '=', 'submitted').groupBy('cycle_id').execute();
  const pending = new Map(counts.map((c) => [c.cycle_id, Number(c.n)]));
  return rows.map((r) => ({ ...toCycleItem(r), pendingReviews: pending.get(r.id) ?? 0 }));
}

export interface OpenCycleInput {
  planYear: number;
  guidanceNumber: string;
  guidanceDate?: string | null | undefined;
  guidanceIssuer: string;
  deadline: string;
  /** Units that must report; all units of the province when absent. */
  unitIds?: string[] | undefined;
}

function assertDate(value: string, what: string): void {
  if (!isValidIsoDate(value)) throw new AppError('INVALID_DATE', `${what} không hợp lệ (${value}).`, { status: 400 });
}

const requireOpen = (cycle: CycleRow): void => {
  if (cycle.status === 'closed') throw new AppError('CYCLE_CLOSED', `Kỳ báo cáo kế hoạch năm ${cycle.plan_year} đã đóng; hãy mở lại kỳ trước khi sửa.`, { status: 409 });
};

/** Last cycle's report of each unit, with the approved amounts and disbursement where recorded. */
async function previousYear(store: Store, provinceId: string, planYear: number) {
  const prev = await store.db.selectFrom('cycles').select('id').where('province_id', '=', provinceId).where('plan_year', '=', planYear - 1).executeTakeFirst();
  const out = new Map<string, { report: Report; approved?: Map<string, number>; disbursed?: number }>();
  if (!prev) return out;
  const reports = await store.db.selectFrom('reports').select(['id', 'unit_id', 'body', 'status']).where('cycle_id', '=', prev.id).where('status', 'in', ['accepted', 'approved']).execute();
  // The latest approval version and the disbursement records not replaced by a correction.
  const approved = await store.db.selectFrom('approval_lines')
    .innerJoin('approvals', (j) => j.onRef('approvals.report_id', '=', 'approval_lines.report_id').onRef('approvals.version', '=', 'approval_lines.version'))
    .select(['approval_lines.report_id', 'approval_lines.line_id', 'approval_lines.approved']).where('approvals.cycle_id', '=', prev.id).execute();
  const paid = latestRecords(await store.db.selectFrom('disbursements').innerJoin('approvals', 'approvals.report_id', 'disbursements.report_id')
    .select(['disbursements.id', 'disbursements.corrects', 'disbursements.report_id', 'disbursements.amount']).where('approvals.cycle_id', '=', prev.id).execute());
  for (const r of reports) {
    const lines = approved.filter((a) => a.report_id === r.id);
    const entry: { report: Report; approved?: Map<string, number>; disbursed?: number } = { report: parseStoredReport(r.body) };
    if (lines.length) {
      entry.approved = new Map(lines.map((l) => [l.line_id, l.approved]));
      entry.disbursed = paid.filter((p) => p.report_id === r.id).reduce((s, p) => s + p.amount, 0);
    }
    out.set(r.unit_id, entry);
  }
  return out;
}

export async function openCycle(store: Store, actor: Actor, input: OpenCycleInput): Promise<CycleItem> {
  requireAdmin(actor);
  assertDate(input.deadline, 'Hạn nộp');
  if (input.guidanceDate) assertDate(input.guidanceDate, 'Ngày văn bản hướng dẫn');
  const exists = await store.db.selectFrom('cycles').select('id').where('province_id', '=', actor.provinceId).where('plan_year', '=', input.planYear).executeTakeFirst();
  if (exists) throw new AppError('CYCLE_EXISTS', `Kỳ báo cáo kế hoạch năm ${input.planYear} đã được mở.`, { status: 409 });
  if (input.unitIds) {
    const known = await store.db.selectFrom('units').select('id').where('province_id', '=', actor.provinceId).where('id', 'in', input.unitIds.length ? input.unitIds : ['']).execute();
    if (known.length !== new Set(input.unitIds).size || input.unitIds.length === 0) throw new AppError('UNKNOWN_UNITS', 'Danh sách đơn vị phải báo cáo có đơn vị không thuộc tỉnh/thành phố.', { status: 400 });
  }
  const province = await store.db.selectFrom('provinces').selectAll().where('id', '=', actor.provinceId).executeTakeFirstOrThrow();
  const previous = await previousYear(store, actor.provinceId, input.planYear);
  const guidance = guidanceText(input);
  const id = await store.db.transaction().execute((trx) =>
    openCycleTx(store, trx, actor, { provinceId: actor.provinceId, planYear: input.planYear, guidanceNumber: input.guidanceNumber, guidanceDate: input.guidanceDate ?? null, guidanceIssuer: input.guidanceIssuer, deadline: input.deadline, ...(input.unitIds ? { unitIds: input.unitIds } : {}) }, (unit) => {
      const blank = blankReport({ name: unit.name, kind: unit.kind as UnitKind, province: province.name, provinceCode: province.code }, input.planYear - 1, guidance);
      return carryForward(blank, previous.get(unit.id));
    }),
  );
  return toCycleItem(await loadCycle(store, actor, id));
}

/** A later deadline for one unit (e.g. after a natural disaster); the cycle's own stays. */
export async function extendDeadline(store: Store, actor: Actor, cycleId: string, unitId: string, deadline: string | null): Promise<void> {
  requireAdmin(actor);
  const cycle = await loadCycle(store, actor, cycleId);
  requireOpen(cycle);
  if (deadline !== null) {
    assertDate(deadline, 'Hạn nộp');
    if (deadline < cycle.deadline) throw new AppError('DEADLINE_EARLIER', `Hạn riêng không được sớm hơn hạn chung (${cycle.deadline}).`, { status: 400 });
  }
  const row = await store.db.selectFrom('cycle_units').selectAll().where('cycle_id', '=', cycle.id).where('unit_id', '=', unitId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Đơn vị không thuộc kỳ báo cáo này.', { status: 404 });
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('cycle_units').set({ deadline }).where('cycle_id', '=', cycle.id).where('unit_id', '=', unitId).execute();
    await appendAudit(store, trx, actor, { entity: 'cycle', entityId: cycle.id, action: 'extend_deadline', before: { unitId, deadline: row.deadline }, after: { unitId, deadline } });
  });
}

export interface EditCycleInput {
  guidanceNumber?: string | undefined;
  guidanceDate?: string | null | undefined;
  guidanceIssuer?: string | undefined;
  deadline?: string | undefined;
}

/**
 * Corrects an open cycle's guidance (number, date, issuer) or common deadline, audited with the
 * values before and after. A unit's own extension that the new common deadline reaches or passes
 * no longer extends anything and is removed (in the same audited transaction), so that no unit is
 * left with a deadline earlier than everyone else's. Reports already created keep their text.
 */
export async function editCycle(store: Store, actor: Actor, cycleId: string, input: EditCycleInput): Promise<CycleItem> {
  requireAdmin(actor);
  const cycle = await loadCycle(store, actor, cycleId);
  requireOpen(cycle);
  if (input.deadline !== undefined) assertDate(input.deadline, 'Hạn nộp');
  if (input.guidanceDate) assertDate(input.guidanceDate, 'Ngày văn bản hướng dẫn');
  const text = (v: string | undefined, what: string): string | undefined => {
    if (v === undefined) return undefined;
    const t = v.trim();
    if (!t) throw new AppError('EMPTY_FIELD', `${what} không được để trống.`, { status: 400 });
    return t;
  };
  const next = {
    guidance_number: text(input.guidanceNumber, 'Số, ký hiệu văn bản hướng dẫn') ?? cycle.guidance_number,
    guidance_date: input.guidanceDate === undefined ? cycle.guidance_date : input.guidanceDate,
    guidance_issuer: text(input.guidanceIssuer, 'Cơ quan ban hành') ?? cycle.guidance_issuer,
    deadline: input.deadline ?? cycle.deadline,
  };
  const before = { guidanceNumber: cycle.guidance_number, guidanceDate: cycle.guidance_date, guidanceIssuer: cycle.guidance_issuer, deadline: cycle.deadline };
  const after = { guidanceNumber: next.guidance_number, guidanceDate: next.guidance_date, guidanceIssuer: next.guidance_issuer, deadline: next.deadline };
  if (JSON.stringify(before) === JSON.stringify(after)) return toCycleItem(cycle);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('cycles').set(next).where('id', '=', cycle.id).execute();
    const absorbed = await trx.selectFrom('cycle_units').select(['unit_id', 'deadline']).where('cycle_id', '=', cycle.id).where('deadline', 'is not', null).where('deadline', '<=', next.deadline).execute();
    if (absorbed.length) await trx.updateTable('cycle_units').set({ deadline: null }).where('cycle_id', '=', cycle.id).where('unit_id', 'in', absorbed.map((a) => a.unit_id)).execute();
    await appendAudit(store, trx, actor, { entity: 'cycle', entityId: cycle.id, action: 'edit', before, after: { ...after, ...(absorbed.length ? { removedExtensions: absorbed.map((a) => ({ unitId: a.unit_id, deadline: a.deadline })) } : {}) } });
  });
  return toCycleItem(await loadCycle(store, actor, cycle.id));
}

/**
 * Closes an open cycle (no more submissions, guidance and deadlines frozen; reports already
 * submitted can still be reviewed, approved and disbursed), or reopens a closed one. Audited.
 */
export async function setCycleStatus(store: Store, actor: Actor, cycleId: string, status: 'open' | 'closed'): Promise<CycleItem> {
  requireAdmin(actor);
  const cycle = await loadCycle(store, actor, cycleId);
  if (cycle.status === status) {
    throw new AppError(status === 'closed' ? 'CYCLE_CLOSED' : 'CYCLE_OPEN', `Kỳ báo cáo kế hoạch năm ${cycle.plan_year} ${status === 'closed' ? 'đã đóng' : 'đang mở'}.`, { status: 409 });
  }
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('cycles').set({ status }).where('id', '=', cycle.id).execute();
    await appendAudit(store, trx, actor, { entity: 'cycle', entityId: cycle.id, action: status === 'closed' ? 'close' : 'reopen', before: { status: cycle.status }, after: { status } });
  });
  return toCycleItem(await loadCycle(store, actor, cycle.id));
}

export async function cycleProgress(store: Store, actor: Actor, cycleId: string, now: number = Date.now(), filter: { unitKind?: string | undefined } = {}): Promise<ProgressSummary & { cycle: CycleItem }> {
  requireDepartment(actor);
  const cycle = await loadCycle(store, actor, cycleId);
  const rows = (await cycleReportRows(store, actor, cycle)).filter((r) => !filter.unitKind || r.unit.kind === filter.unitKind);
  return { ...progress(rows, now), cycle: toCycleItem(cycle) };
}

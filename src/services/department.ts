import type { ProgressInput } from '../domain/progress.ts';
import type { Store } from '../store/db.ts';
import type { CyclesTable } from '../store/schema.ts';
import type { Selectable } from 'kysely';

/** A cycle row as read. */
export type CycleRow = Selectable<CyclesTable>;
import { isCommuneRole, isDepartmentRole, type Actor } from './actor.ts';
import { forbidden, notFound } from './policy.ts';
import { compareVietnamese } from '../domain/text.ts';

/**
 * Guards and scoped loaders shared by the Department's services (cycles, review, consolidation,
 * approval). Cycles are scoped by province like reports: another province's cycle is "not found".
 */
export function requireDepartment(actor: Actor): void {
  if (!isDepartmentRole(actor.role)) throw forbidden('Chỉ cán bộ Sở KH&CN được thực hiện thao tác này.');
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'dept_admin') throw forbidden('Chỉ quản trị Sở KH&CN được thực hiện thao tác này.');
}

export async function loadCycle(store: Store, actor: Actor, id: string): Promise<CycleRow> {
  if (typeof id !== 'string' || id.length > 64) throw notFound('kỳ báo cáo');
  const row = await store.db.selectFrom('cycles').selectAll().where('id', '=', id).where('province_id', '=', actor.provinceId).executeTakeFirst();
  if (!row) throw notFound('kỳ báo cáo');
  return row;
}

/** The cycle of a plan year in the actor's province (the CLI and the dashboard name cycles by year). */
export async function cycleByYear(store: Store, actor: Actor, planYear: number): Promise<CycleRow | undefined> {
  return store.db.selectFrom('cycles').selectAll().where('province_id', '=', actor.provinceId).where('plan_year', '=', planYear).executeTakeFirst();
}

export interface CycleReportRow extends ProgressInput {
  version: number;
  planTotal: number;
  errors: number;
  warnings: number;
  submittedAt: string | null;
}

/**
 * One row per expected unit of a cycle with its report's status and the times the timeline
 * recorded: first submission, number of returns. Department only; a commune never gets here.
 */
export async function cycleReportRows(store: Store, actor: Actor, cycle: CycleRow): Promise<CycleReportRow[]> {
  requireDepartment(actor);
  if (isCommuneRole(actor.role) || cycle.province_id !== actor.provinceId) throw notFound('kỳ báo cáo');
  const rows = await store.db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .leftJoin('cycle_units', (j) => j.onRef('cycle_units.cycle_id', '=', 'reports.cycle_id').onRef('cycle_units.unit_id', '=', 'reports.unit_id'))
    .select([
      'reports.id', 'reports.status', 'reports.version', 'reports.plan_total', 'reports.errors', 'reports.warnings', 'reports.submitted_at',
      'units.id as unit_id', 'units.name as unit_name', 'units.kind as unit_kind', 'cycle_units.deadline as unit_deadline',
    ])
    .where('reports.cycle_id', '=', cycle.id)
    .where('reports.province_id', '=', actor.provinceId)
    .execute();
  rows.sort((a, b) => compareVietnamese(a.unit_name, b.unit_name));
  const events = await store.db
    .selectFrom('report_events')
    .innerJoin('reports', 'reports.id', 'report_events.report_id')
    .select(['report_events.report_id', 'report_events.action', 'report_events.at'])
    .where('reports.cycle_id', '=', cycle.id)
    .where('reports.province_id', '=', actor.provinceId)
    .where('report_events.action', 'in', ['submit', 'return'])
    .execute();
  const firstSubmit = new Map<string, string>();
  const returns = new Map<string, number>();
  for (const e of events) {
    if (e.action === 'submit') {
      const prev = firstSubmit.get(e.report_id);
      if (!prev || e.at < prev) firstSubmit.set(e.report_id, e.at);
    } else returns.set(e.report_id, (returns.get(e.report_id) ?? 0) + 1);
  }
  const rowsOut = rows.map((r) => ({
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    reportId: r.id,
    status: r.status,
    deadline: r.unit_deadline ?? cycle.deadline,
    firstSubmittedAt: firstSubmit.get(r.id) ?? null,
    returns: returns.get(r.id) ?? 0,
    version: r.version,
    planTotal: r.plan_total,
    errors: r.errors,
    warnings: r.warnings,
    submittedAt: r.submitted_at,
  }));
  return rowsOut.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || a.unit.kind.localeCompare(b.unit.kind, 'vi'));
}

import { defaultCycle } from '../domain/cycle-choice.ts';
import { FIELD_KEYS, type FieldKey, type KpiDistribution, type Totals } from '../domain/consolidate.ts';
import type { Store } from '../store/db.ts';
import type { Actor } from './actor.ts';
import { cycleConsolidation, type ConsolidationFilter } from './consolidation.ts';
import { listCycles, type CycleItem } from './cycle-admin.ts';
import { loadCycle, requireDepartment } from './department.ts';

/**
 * The figures behind the Department's dashboard, each a small table the UI draws as a chart and
 * shows beside it: submission progress, budget by field and kind, top communes, KPI
 * distribution, year over year, and approved vs disbursed. All derived from accepted versions.
 */
export interface Dashboard {
  cycle: CycleItem;
  cycles: CycleItem[];
  progress: { expected: number; drafting: number; submitted: number; returned: number; accepted: number; approved: number; everSubmitted: number; onTime: number; late: number; overdue: number };
  included: number;
  totals: Totals;
  topUnits: { unitId: string; name: string; kind: string; status: string; total: number; byField: Record<FieldKey, number> }[];
  kpis: KpiDistribution[];
  yearOverYear: { planYear: number; included: number; requested: number; approved: number; disbursed: number; byField: Record<FieldKey, number> }[];
  execution: { approved: number; disbursed: number; byField: { field: FieldKey; approved: number; disbursed: number }[] };
}

export const TOP_UNITS = 10;

export async function dashboard(store: Store, actor: Actor, cycleId: string | undefined, filter: ConsolidationFilter = {}, now = Date.now()): Promise<Dashboard | null> {
  requireDepartment(actor);
  const cycles = await listCycles(store, actor);
  // A named cycle must be one of the actor's province: another province's (or none) is not found,
  // exactly as on every other cycle route. Without one, the latest cycle, or null when there is none yet.
  if (cycleId !== undefined) await loadCycle(store, actor, cycleId);
  const chosen = cycleId !== undefined ? cycles.find((c) => c.id === cycleId) : defaultCycle(cycles);
  if (!chosen) return null;
  const current = await cycleConsolidation(store, actor, chosen.id, filter, now);
  const { consolidation: c, progress: p } = current;
  const yearOverYear = [];
  for (const cy of [...cycles].sort((a, b) => a.planYear - b.planYear)) {
    const r = cy.id === chosen.id ? current : await cycleConsolidation(store, actor, cy.id, filter, now);
    const k = r.consolidation;
    yearOverYear.push({ planYear: cy.planYear, included: k.included, requested: k.totals.total, approved: k.approved, disbursed: k.disbursed, byField: k.totals.byField });
  }
  return {
    cycle: chosen,
    cycles,
    progress: { expected: p.expected, drafting: p.drafting, submitted: p.submitted, returned: p.returned, accepted: p.accepted, approved: p.approved, everSubmitted: p.everSubmitted, onTime: p.onTime, late: p.late, overdue: p.overdue },
    included: c.included,
    totals: c.totals,
    topUnits: c.units
      .filter((u) => u.included)
      .sort((a, b) => b.totals.total - a.totals.total || a.unit.name.localeCompare(b.unit.name, 'vi'))
      .slice(0, TOP_UNITS)
      .map((u) => ({ unitId: u.unit.id, name: u.unit.name, kind: u.unit.kind, status: u.status, total: u.totals.total, byField: u.totals.byField })),
    kpis: c.kpis,
    yearOverYear,
    execution: { approved: c.approved, disbursed: c.disbursed, byField: FIELD_KEYS.map((f) => ({ field: f, approved: c.approvedByField[f], disbursed: c.disbursedByField[f] })) },
  };
}

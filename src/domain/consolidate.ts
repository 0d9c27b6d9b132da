import { leaves } from './budget.ts';
import { dossierKpis } from './kpis.ts';
import { addDong } from './money.ts';
import { FIELDS, KINDS, type BudgetLine, type Field, type Kind, type Report } from './report-schema.ts';

/**
 * Consolidation of a province's reports for one cycle, pure: the service hands it, per unit, the
 * accepted version of the report (when there is one) and the approved and disbursed amounts per
 * line; every figure here is derived from those, nothing is typed in. Amounts are whole đồng.
 */
export interface ConsolidationInput {
  unit: { id: string; name: string; kind: string };
  status: string;
  /** The accepted version's body; absent while the report is not accepted (or approved). */
  report?: ConsolidationReport | undefined;
  /** Approved amount per leaf line id (after the city's decision). */
  approved?: ReadonlyMap<string, number> | undefined;
  /** Disbursed amount per leaf line id (sum of the commune's records). */
  disbursed?: ReadonlyMap<string, number> | undefined;
}

/**
 * The parts of a report that a consolidation reads (a whole Report is one): the plan's budget and
 * the dossier figures. The service parses only these from the stored bodies.
 */
export interface ConsolidationReport {
  plan: Pick<Report['plan'], 'budget'>;
  implementation: Pick<Report['implementation'], 'dossiers'>;
}

export type FieldKey = Field | 'unassigned';
export const FIELD_KEYS: readonly FieldKey[] = [...FIELDS, 'unassigned'];

export interface Totals {
  total: number;
  byField: Record<FieldKey, number>;
  byKind: Record<Kind, number>;
  /** Field × kind, for the "by field and kind" chart and table. */
  byFieldKind: Record<FieldKey, Record<Kind, number>>;
  /** Khoản code ("" when a line has none). */
  byCode: Record<string, number>;
  /** Funding source as the commune wrote it ("" when none). */
  byFunding: Record<string, number>;
}

export interface KpiValues {
  onlineRate: number | undefined;
  onTimeRate: number | undefined;
  digitizationRate: number | undefined;
  onlinePaymentRate: number | undefined;
}
export type KpiKey = keyof KpiValues;
export const KPI_KEYS: readonly KpiKey[] = ['onlineRate', 'onTimeRate', 'digitizationRate', 'onlinePaymentRate'];
export const KPI_LABELS: Record<KpiKey, string> = {
  onlineRate: 'Tỷ lệ tiếp nhận trực tuyến',
  onTimeRate: 'Tỷ lệ giải quyết đúng hạn',
  digitizationRate: 'Tỷ lệ số hóa hồ sơ',
  onlinePaymentRate: 'Tỷ lệ thanh toán trực tuyến',
};

export interface UnitSummary {
  unit: ConsolidationInput['unit'];
  status: string;
  /** True when the figures come from an accepted (or approved) version. */
  included: boolean;
  totals: Totals;
  approved: number | undefined;
  disbursed: number | undefined;
  approvedByField: Record<FieldKey, number> | undefined;
  disbursedByField: Record<FieldKey, number> | undefined;
  kpis: KpiValues;
}

export interface ConsolidatedLine {
  unit: ConsolidationInput['unit'];
  lineId: string;
  title: string;
  /** Titles of the groups above the line, outermost first (for context in the field sheets). Shared by siblings. */
  groups: readonly string[];
  field: FieldKey;
  budgetCode: string;
  kind: Kind;
  fundingSource: string;
  amount: number;
  approved: number | undefined;
  disbursed: number | undefined;
}

export interface KpiDistribution {
  key: KpiKey;
  label: string;
  count: number;
  min: number | undefined;
  max: number | undefined;
  mean: number | undefined;
  median: number | undefined;
  /** Communes per band, lowest band first. */
  buckets: { label: string; count: number }[];
}

export interface Consolidation {
  units: UnitSummary[];
  included: number;
  totals: Totals;
  approved: number;
  disbursed: number;
  approvedByField: Record<FieldKey, number>;
  disbursedByField: Record<FieldKey, number>;
  lines: ConsolidatedLine[];
  kpis: KpiDistribution[];
}

const fieldRecord = (): Record<FieldKey, number> => ({ science: 0, innovation: 0, digital: 0, unassigned: 0 });
const kindRecord = (): Record<Kind, number> => ({ recurrent: 0, investment: 0 });

export function emptyTotals(): Totals {
  const byFieldKind = {} as Record<FieldKey, Record<Kind, number>>;
  for (const f of FIELD_KEYS) byFieldKind[f] = kindRecord();
  return { total: 0, byField: fieldRecord(), byKind: kindRecord(), byFieldKind, byCode: {}, byFunding: {} };
}

function addLine(t: Totals, field: FieldKey, kind: Kind, code: string, funding: string, amount: number): void {
  t.total = addDong(t.total, amount);
  t.byField[field] = addDong(t.byField[field], amount);
  t.byKind[kind] = addDong(t.byKind[kind], amount);
  t.byFieldKind[field][kind] = addDong(t.byFieldKind[field][kind], amount);
  t.byCode[code] = addDong(t.byCode[code] ?? 0, amount);
  t.byFunding[funding] = addDong(t.byFunding[funding] ?? 0, amount);
}

function mergeTotals(into: Totals, from: Totals): void {
  into.total = addDong(into.total, from.total);
  for (const f of FIELD_KEYS) {
    into.byField[f] = addDong(into.byField[f], from.byField[f]);
    for (const k of KINDS) into.byFieldKind[f][k] = addDong(into.byFieldKind[f][k], from.byFieldKind[f][k]);
  }
  for (const k of KINDS) into.byKind[k] = addDong(into.byKind[k], from.byKind[k]);
  for (const [c, v] of Object.entries(from.byCode)) into.byCode[c] = addDong(into.byCode[c] ?? 0, v);
  for (const [s, v] of Object.entries(from.byFunding)) into.byFunding[s] = addDong(into.byFunding[s] ?? 0, v);
}

/** The dossier KPIs of Part I, derived (rates never typed in, except the two the data holds as rates). */
export function unitKpis(report: ConsolidationReport | undefined): KpiValues {
  if (!report) return { onlineRate: undefined, onTimeRate: undefined, digitizationRate: undefined, onlinePaymentRate: undefined };
  const d = report.implementation.dossiers;
  const k = dossierKpis(d);
  return { onlineRate: k.onlineRate, onTimeRate: k.onTimeRate, digitizationRate: d.digitizationRate, onlinePaymentRate: d.onlinePaymentRate };
}

/** Bands for the distribution chart: rates cluster near 100%, so the top is finer. */
export const KPI_BANDS: { label: string; min: number; max: number }[] = [
  { label: 'Dưới 80%', min: -Infinity, max: 80 },
  { label: '80–90%', min: 80, max: 90 },
  { label: '90–95%', min: 90, max: 95 },
  { label: '95–99%', min: 95, max: 99 },
  { label: '99–100%', min: 99, max: 100 },
  { label: '100%', min: 100, max: Infinity },
];

export function distribution(key: KpiKey, values: number[]): KpiDistribution {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? undefined : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const buckets = KPI_BANDS.map((b) => ({
    label: b.label,
    count: sorted.filter((v) => (b.max === Infinity ? v >= 100 : v >= b.min && v < b.max)).length,
  }));
  return {
    key,
    label: KPI_LABELS[key],
    count: n,
    min: sorted[0],
    max: sorted[n - 1],
    mean: n === 0 ? undefined : sorted.reduce((a, b) => a + b, 0) / n,
    median,
    buckets,
  };
}

/**
 * What the lines under one group have in common, derived once per group rather than per line
 * (a national consolidation has ~100.000 lines under a few groups per report). Siblings share
 * their ancestors array (see walkLines), so it is the key; the groups array is shared likewise.
 */
interface GroupContext {
  groups: readonly string[];
  /** The funding source of the outermost group that has one ("" when none). */
  funding: string;
}
function groupContext(cache: Map<readonly BudgetLine[], GroupContext>, ancestors: readonly BudgetLine[]): GroupContext {
  let ctx = cache.get(ancestors);
  if (!ctx) {
    ctx = { groups: ancestors.map((a) => a.title), funding: ancestors.find((a) => a.fundingSource !== undefined)?.fundingSource ?? '' };
    cache.set(ancestors, ctx);
  }
  return ctx;
}

export function consolidate(inputs: readonly ConsolidationInput[]): Consolidation {
  const totals = emptyTotals();
  const approvedByField = fieldRecord();
  const disbursedByField = fieldRecord();
  let approvedAll = 0;
  let disbursedAll = 0;
  const lines: ConsolidatedLine[] = [];
  const units: UnitSummary[] = [];
  for (const input of inputs) {
    const t = emptyTotals();
    const hasApproval = input.approved !== undefined;
    const uApproved = fieldRecord();
    const uDisbursed = fieldRecord();
    if (input.report) {
      const contexts = new Map<readonly BudgetLine[], GroupContext>();
      for (const leaf of leaves(input.report.plan.budget)) {
        const field: FieldKey = leaf.field ?? 'unassigned';
        const code = leaf.budgetCode ?? '';
        const group = groupContext(contexts, leaf.ancestors);
        const funding = leaf.line.fundingSource ?? group.funding;
        addLine(t, field, leaf.kind, code, funding, leaf.line.amount);
        const approved = input.approved?.get(leaf.line.id);
        const disbursed = hasApproval ? (input.disbursed?.get(leaf.line.id) ?? 0) : undefined;
        if (approved !== undefined) uApproved[field] = addDong(uApproved[field], approved);
        if (disbursed !== undefined) uDisbursed[field] = addDong(uDisbursed[field], disbursed);
        lines.push({
          unit: input.unit, lineId: leaf.line.id, title: leaf.line.title, groups: group.groups, field, budgetCode: code, kind: leaf.kind,
          fundingSource: funding, amount: leaf.line.amount, approved, disbursed,
        });
      }
      mergeTotals(totals, t);
    }
    const approved = hasApproval ? FIELD_KEYS.reduce<number>((s, f) => addDong(s, uApproved[f]), 0) : undefined;
    const disbursed = hasApproval ? FIELD_KEYS.reduce<number>((s, f) => addDong(s, uDisbursed[f]), 0) : undefined;
    if (hasApproval) {
      approvedAll = addDong(approvedAll, approved ?? 0);
      disbursedAll = addDong(disbursedAll, disbursed ?? 0);
      for (const f of FIELD_KEYS) {
        approvedByField[f] = addDong(approvedByField[f], uApproved[f]);
        disbursedByField[f] = addDong(disbursedByField[f], uDisbursed[f]);
      }
    }
    units.push({
      unit: input.unit, status: input.status, included: input.report !== undefined, totals: t, approved, disbursed,
      approvedByField: hasApproval ? uApproved : undefined, disbursedByField: hasApproval ? uDisbursed : undefined, kpis: unitKpis(input.report),
    });
  }
  const kpis = KPI_KEYS.map((key) => distribution(key, units.filter((u) => u.included).map((u) => u.kpis[key]).filter((v): v is number => v !== undefined)));
  return { units, included: units.filter((u) => u.included).length, totals, approved: approvedAll, disbursed: disbursedAll, approvedByField, disbursedByField, lines, kpis };
}

/** Percentage of a part in a whole, undefined when the whole is 0. */
export const share = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : (part / whole) * 100);

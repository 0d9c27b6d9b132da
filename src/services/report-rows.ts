import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { walkLines, linesTotal } from '../domain/budget.ts';
import { canonicalJson } from '../domain/canonical.ts';
import { runChecks } from '../domain/checks.ts';
import type { Report } from '../domain/report-schema.ts';
import type { BudgetLinesTable, DB } from '../store/schema.ts';

/** SHA-256 of the canonical JSON of a report: the content hash printed on submitted documents. */
export const contentHash = (report: Report): string => createHash('sha256').update(canonicalJson(report)).digest('hex');

/** Figures stored beside the JSON body so lists and dashboards need not parse every report. */
export function summaryColumns(report: Report): { plan_total: number; errors: number; warnings: number } {
  const findings = runChecks(report);
  return {
    plan_total: linesTotal(report.plan.budget),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** Budget lines flattened for consolidation queries; rewritten with every saved version. */
export function budgetRows(reportId: string, report: Report): BudgetLinesTable[] {
  const parts: [string, Report['plan']['budget']][] = [
    ['implementation', report.implementation.budget.lines],
    ['plan', report.plan.budget],
  ];
  return parts.flatMap(([part, lines]) =>
    walkLines(lines).map((e, position) => ({
      report_id: reportId,
      part,
      line_id: e.line.id,
      parent_id: e.ancestors.at(-1)?.id ?? null,
      position,
      depth: e.depth,
      field: e.field ?? null,
      budget_code: e.budgetCode ?? null,
      kind: e.kind,
      title: e.line.title,
      amount: e.line.children.length === 0 ? e.line.amount : 0,
      is_leaf: e.line.children.length === 0 ? 1 : 0,
      funding_source: e.line.fundingSource ?? null,
    })),
  );
}

/** Line ids are unique per part in a valid report; keep the first on a (corrupt) duplicate. */
export function uniqueBudgetRows(rows: BudgetLinesTable[]): BudgetLinesTable[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.part}/${r.line_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function writeBudgetRows(trx: Transaction<DB>, reportId: string, report: Report): Promise<void> {
  await trx.deleteFrom('budget_lines').where('report_id', '=', reportId).execute();
  const unique = uniqueBudgetRows(budgetRows(reportId, report));
  for (let i = 0; i < unique.length; i += 200) {
    await trx.insertInto('budget_lines').values(unique.slice(i, i + 200)).execute();
  }
}

import type { BudgetLine, Report } from '../../../../src/domain/report-schema.ts';
import { dropStaleStated } from './tree-ops.ts';

/** Puts new plan lines into the report, dropping stated totals the change made stale. */
export function withPlanBudget(report: Report, lines: BudgetLine[]): Report {
  const { lines: clean, stated } = dropStaleStated(report.plan.budget, lines, report.plan.stated);
  return { ...report, plan: { ...report.plan, budget: clean, stated } };
}

/** Same for the lines of the year being reported (Part I.3). */
export function withExecutionBudget(report: Report, lines: BudgetLine[]): Report {
  const b = report.implementation.budget;
  const { lines: clean, stated } = dropStaleStated(b.lines, lines, b.stated);
  return { ...report, implementation: { ...report.implementation, budget: { ...b, lines: clean, stated } } };
}

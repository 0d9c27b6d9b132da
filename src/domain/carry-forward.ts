import { sumDong } from './money.ts';
import type { BudgetLine, Report } from './report-schema.ts';

/**
 * Next year's report starts from this year's: Part I (implementation in year N) is last cycle's
 * plan for year N, at the amounts the city approved, with what was disbursed against them.
 * Identity, signer and recipients carry over; narrative and dossier figures start empty because
 * they describe the new year.
 */
export interface PreviousYear {
  report: Report;
  /** Approved amount per leaf line id; absent when the previous report was never approved. */
  approved?: ReadonlyMap<string, number> | undefined;
  /** Total disbursed against the approved lines. */
  disbursed?: number | undefined;
}

function withApproved(lines: readonly BudgetLine[], approved: ReadonlyMap<string, number> | undefined): BudgetLine[] {
  return lines.map((l) => ({
    ...l,
    ...(l.children.length === 0 ? { amount: approved?.get(l.id) ?? l.amount } : {}),
    children: withApproved(l.children, approved),
    statedAmount: undefined,
    statedWords: undefined,
  }));
}

export function carryForward(blank: Report, previous: PreviousYear | undefined): Report {
  if (!previous) return blank;
  const prev = previous.report;
  const lines = withApproved(prev.plan.budget, previous.approved);
  return {
    ...blank,
    document: { ...blank.document, signer: prev.document.signer, recipients: prev.document.recipients.length ? prev.document.recipients : blank.document.recipients },
    implementation: {
      ...blank.implementation,
      leadership: { ...blank.implementation.leadership, ...(prev.implementation.leadership.focalUnit ? { focalUnit: prev.implementation.leadership.focalUnit } : {}) },
      budget: {
        ...blank.implementation.budget,
        lines,
        ...(previous.disbursed !== undefined ? { disbursed: sumDong([previous.disbursed]) } : {}),
      },
    },
  };
}

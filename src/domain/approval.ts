import { sumDong, type Dong } from './money.ts';

/** One leaf line of an accepted plan budget, with the amount the city approves for it. */
export interface ApprovalLine {
  lineId: string;
  title: string;
  requested: number;
  approved: number;
}

/** Approved against proposed, per line and in total: what the admin confirms before recording. */
export interface ApprovalComparison {
  lines: (ApprovalLine & { difference: number })[];
  requestedTotal: Dong;
  approvedTotal: Dong;
  /** Lines approved above their request: recording them needs an explicit reason. */
  above: (ApprovalLine & { difference: number })[];
}

/**
 * The comparison the approval card shows and the server enforces: the same rule in both places, so
 * a line above its request is never recorded without the reason the admin gave for it.
 */
export function compareApproval(lines: readonly ApprovalLine[]): ApprovalComparison {
  const rows = lines.map((l) => ({ ...l, difference: l.approved - l.requested }));
  return {
    lines: rows,
    requestedTotal: sumDong(rows.map((l) => l.requested)),
    approvedTotal: sumDong(rows.map((l) => l.approved)),
    above: rows.filter((l) => l.difference > 0),
  };
}

/**
 * The disbursement records that count: a correction is a new record naming the one it replaces
 * (`corrects`), and the replaced one stays in the history but no longer counts in any total.
 */
export function latestRecords<T extends { id: string; corrects: string | null }>(records: readonly T[]): T[] {
  const replaced = new Set(records.map((r) => r.corrects).filter((c): c is string => c !== null));
  return records.filter((r) => !replaced.has(r.id));
}

/**
 * The cycle a Department screen (review queue, dashboard) opens on: the newest cycle that still
 * has reports waiting for review, else the newest. Opening next year's cycle must not hide last
 * year's pending reviews behind an empty queue.
 */
export function defaultCycle<T extends { planYear: number; pendingReviews?: number | undefined }>(cycles: readonly T[]): T | undefined {
  const newestFirst = [...cycles].sort((a, b) => b.planYear - a.planYear);
  return newestFirst.find((c) => (c.pendingReviews ?? 0) > 0) ?? newestFirst[0];
}

/** "Kế hoạch năm 2027 · 29 chờ thẩm định": how a cycle is named in the Department's cycle selectors. */
export function cycleOptionLabel(c: { planYear: number; demo?: boolean; pendingReviews?: number | undefined }): string {
  const pending = c.pendingReviews ? ` · ${c.pendingReviews} chờ thẩm định` : '';
  return `Kế hoạch năm ${c.planYear}${c.demo ? ' (minh họa)' : ''}${pending}`;
}

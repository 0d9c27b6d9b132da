/**
 * Which items changed place between two orderings of the same keys: those outside a longest
 * common subsequence. Moving one line up two places marks that line, not the two it passed.
 * Keys present in only one list are ignored (they were added or removed, not moved).
 * Quadratic in the number of shared keys: lists here are paragraphs and budget siblings (≤ 500).
 */
export function movedKeys(before: readonly string[], after: readonly string[]): Set<string> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((k) => inAfter.has(k));
  const b = after.filter((k) => inBefore.has(k));
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
      // On a tie the item that came first in `after` is the one that moved (an adjacent swap
      // reads as "moved up", as the user pressed it on that line).
    } else if (lengths[i + 1]![j]! > lengths[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((k) => !kept.has(k)));
}

/** Keys for a list that may repeat an item: the item and its occurrence ("a", "a", "b" → "a#0", "a#1", "b#0"). */
export function occurrenceKeys(items: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = seen.get(item) ?? 0;
    seen.set(item, n + 1);
    return `${item}\u0000${n}`;
  });
}

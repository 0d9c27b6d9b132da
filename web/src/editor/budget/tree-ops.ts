import { lineTotal } from '../../../../src/domain/budget.ts';
import type { BudgetLine, StatedTotal } from '../../../../src/domain/report-schema.ts';

/**
 * Pure edits of a budget tree (add, add child, indent, outdent, move, delete, patch). Each
 * returns a new array and leaves the input untouched; an edit that cannot apply (outdent at the
 * top, move past the end) returns the input itself so callers can tell nothing changed.
 */
type Lines = BudgetLine[];

let counter = 0;
export function newId(): string {
  counter += 1;
  return `l-${Date.now().toString(36)}-${counter.toString(36)}`;
}

export function blankLine(over: Partial<BudgetLine> = {}): BudgetLine {
  return { id: newId(), title: '', kind: 'recurrent', amount: 0, children: [], ...over };
}

/** Where a line sits: its siblings array's owner chain and index. */
interface Location {
  parents: BudgetLine[];
  index: number;
}

function locate(lines: readonly BudgetLine[], id: string, parents: BudgetLine[] = []): Location | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as BudgetLine;
    if (line.id === id) return { parents, index: i };
    const inner = locate(line.children, id, [...parents, line]);
    if (inner) return inner;
  }
  return undefined;
}

/** Replaces the siblings array that `parents` leads to. */
function withSiblings(lines: Lines, parents: readonly BudgetLine[], change: (siblings: Lines) => Lines): Lines {
  if (parents.length === 0) return change(lines);
  const [first, ...rest] = parents as [BudgetLine, ...BudgetLine[]];
  return lines.map((l) => (l.id === first.id ? { ...l, children: withSiblings(l.children, rest, change) } : l));
}

export function updateLine(lines: Lines, id: string, patch: Partial<BudgetLine>): Lines {
  const loc = locate(lines, id);
  if (!loc) return lines;
  return withSiblings(lines, loc.parents, (s) => s.map((l) => (l.id === id ? { ...l, ...patch } : l)));
}

/** A new line right after `id` at the same level, inheriting its kind. */
export function addAfter(lines: Lines, id: string | undefined, line: BudgetLine): Lines {
  if (id === undefined) return [...lines, line];
  const loc = locate(lines, id);
  if (!loc) return [...lines, line];
  return withSiblings(lines, loc.parents, (s) => [...s.slice(0, loc.index + 1), line, ...s.slice(loc.index + 1)]);
}

/** A new last child of `id`. A leaf that becomes a group hands its amount to its first child. */
export function addChild(lines: Lines, id: string, line: BudgetLine): Lines {
  const loc = locate(lines, id);
  if (!loc) return lines;
  return withSiblings(lines, loc.parents, (s) =>
    s.map((l) => {
      if (l.id !== id) return l;
      if (l.children.length === 0) {
        return { ...l, amount: 0, children: [{ ...line, kind: l.kind, amount: line.amount || l.amount }] };
      }
      return { ...l, children: [...l.children, { ...line, kind: line.kind }] };
    }),
  );
}

export function removeLine(lines: Lines, id: string): Lines {
  const loc = locate(lines, id);
  if (!loc) return lines;
  return withSiblings(lines, loc.parents, (s) => s.filter((l) => l.id !== id));
}

export function moveLine(lines: Lines, id: string, delta: -1 | 1): Lines {
  const loc = locate(lines, id);
  if (!loc) return lines;
  const target = loc.index + delta;
  let changed = false;
  const next = withSiblings(lines, loc.parents, (s) => {
    if (target < 0 || target >= s.length) return s;
    changed = true;
    const copy = [...s];
    const [moved] = copy.splice(loc.index, 1);
    copy.splice(target, 0, moved as BudgetLine);
    return copy;
  });
  return changed ? next : lines;
}

/** The sibling a line would be indented under. */
export function lineAbove(lines: readonly BudgetLine[], id: string): BudgetLine | undefined {
  const loc = locate(lines, id);
  if (!loc || loc.index === 0) return undefined;
  const siblings = loc.parents.length ? (loc.parents[loc.parents.length - 1] as BudgetLine).children : lines;
  return siblings[loc.index - 1];
}

/** Indenting under this line first turns it into a group (it is a leaf with an amount of its own). */
export const indentSplits = (lines: readonly BudgetLine[], id: string): BudgetLine | undefined => {
  const above = lineAbove(lines, id);
  return above && above.children.length === 0 && above.amount !== 0 ? above : undefined;
};

/**
 * Makes the line the last child of the sibling above it; the line is moved, never copied. Above a
 * group or a leaf without an amount, that is all. Above a leaf with an amount, nothing happens
 * unless `split` (the user agreed): the leaf becomes a group and its own amount moves into a first
 * child that keeps its title and kind, so the total does not change. Outdenting the line back
 * undoes the split.
 */
export function indentLine(lines: Lines, id: string, options: { split?: boolean } = {}): Lines {
  const loc = locate(lines, id);
  if (!loc || loc.index === 0) return lines;
  if (indentSplits(lines, id) && !options.split) return lines;
  return withSiblings(lines, loc.parents, (s) => {
    const line = s[loc.index] as BudgetLine;
    const above = s[loc.index - 1] as BudgetLine;
    let grownAbove: BudgetLine;
    if (above.children.length === 0 && above.amount !== 0) {
      const own = blankLine({ title: above.title, kind: above.kind, amount: above.amount });
      grownAbove = { ...above, amount: 0, children: [own, line] };
      delete grownAbove.statedAmount;
      delete grownAbove.statedWords;
    } else {
      grownAbove = { ...above, amount: 0, children: [...above.children, line] };
    }
    return [...s.slice(0, loc.index - 1), grownAbove, ...s.slice(loc.index + 1)];
  });
}

/** A group left with only the child holding its former own amount becomes that leaf again. */
function unsplit(group: BudgetLine): BudgetLine {
  const [only] = group.children;
  if (group.children.length !== 1 || !only || only.children.length > 0 || only.title !== group.title) return group;
  if (only.field !== undefined || only.budgetCode !== undefined || only.statedAmount !== undefined) return group;
  return { ...group, kind: only.kind, amount: only.amount, children: [] };
}

/** Makes the line the sibling right after its parent. */
export function outdentLine(lines: Lines, id: string): Lines {
  const loc = locate(lines, id);
  if (!loc || loc.parents.length === 0) return lines;
  const parent = loc.parents[loc.parents.length - 1] as BudgetLine;
  const line = parent.children[loc.index] as BudgetLine;
  const withoutLine = withSiblings(lines, loc.parents.slice(0, -1), (s) =>
    s.map((l) => (l.id === parent.id ? unsplit({ ...l, children: l.children.filter((c) => c.id !== id) }) : l)),
  );
  return addAfter(withoutLine, parent.id, line);
}

/**
 * Once figures change, a group total the imported document *stated* no longer describes the group:
 * drops a group's statedAmount (and the line's amount in words, statedWords) when its sum changed. Titles and codes leave them alone. The set's
 * stated grand total and words are kept: a finding about them ("Tổng dự toán ghi 3.600…") must not
 * vanish because some line was edited; the totals panel shows them with a button to drop them.
 */
export function dropStaleStated(before: readonly BudgetLine[], after: Lines, stated: StatedTotal): { lines: Lines; stated: StatedTotal } {
  const oldTotals = new Map<string, number>();
  const collect = (ls: readonly BudgetLine[]) => ls.forEach((l) => { oldTotals.set(l.id, lineTotal(l)); collect(l.children); });
  collect(before);
  const clean = (ls: Lines): Lines => {
    let changed = false;
    const out = ls.map((l) => {
      const children = clean(l.children);
      const moved = oldTotals.get(l.id) !== lineTotal(l);
      const stale = l.statedAmount !== undefined && (l.children.length === 0 || moved);
      // The amount in words the document wrote beside the line goes with the figure it spelled.
      const staleWords = l.statedWords !== undefined && (stale || moved);
      if (!stale && !staleWords && children === l.children) return l;
      changed = true;
      const next: BudgetLine = { ...l, children };
      if (stale) delete next.statedAmount;
      if (staleWords) delete next.statedWords;
      return next;
    });
    return changed ? out : ls;
  };
  return { lines: clean(after), stated };
}

import { addDong, type Dong } from './money.ts';
import type { BudgetLine, Field, Kind } from './report-schema.ts';

// These functions run on every keystroke of the budget editor (web/src) and in every check: plain
// loops and running sums, no intermediate arrays, so a 200-line tree costs microseconds and little garbage.

/** A group's amount is the sum of its leaves; a leaf's is its own. */
export function lineTotal(line: BudgetLine): Dong {
  return line.children.length === 0 ? (line.amount as Dong) : linesTotal(line.children);
}

export function linesTotal(lines: readonly BudgetLine[]): Dong {
  let total = 0 as Dong;
  for (const line of lines) total = addDong(total, lineTotal(line));
  return total;
}

export interface LeafEntry {
  line: BudgetLine;
  /** Dotted JSON path from the budget array, e.g. "[2].children[0]". */
  path: string;
  /** Nearest field and Khoản going up the tree (leaves inherit their group's). */
  field: Field | undefined;
  budgetCode: string | undefined;
  kind: Kind;
  depth: number;
  /** Root first. Siblings share one array: read it, never change it. */
  ancestors: readonly BudgetLine[];
}

/** Every node in document order, with its inherited field/Khoản and its path. */
export function walkLines(lines: readonly BudgetLine[], basePath = ''): LeafEntry[] {
  const out: LeafEntry[] = [];
  const visit = (siblings: readonly BudgetLine[], prefix: string, ancestors: readonly BudgetLine[], field: Field | undefined, code: string | undefined) => {
    siblings.forEach((line, i) => {
      const path = `${prefix}[${i}]`;
      const f = line.field ?? field;
      const c = line.budgetCode ?? code;
      out.push({ line, path, field: f, budgetCode: c, kind: line.kind, depth: ancestors.length, ancestors });
      // One ancestors array per group, shared by its children (not one copy per child).
      if (line.children.length > 0) visit(line.children, `${path}.children`, [...ancestors, line], f, c);
    });
  };
  visit(lines, basePath, [], undefined, undefined);
  return out;
}

export const leaves = (lines: readonly BudgetLine[]): LeafEntry[] =>
  walkLines(lines).filter((e) => e.line.children.length === 0);

export interface BudgetBreakdown {
  total: Dong;
  byField: Record<Field | 'unassigned', Dong>;
  byKind: Record<Kind, Dong>;
  byCode: Record<string, Dong>;
}

/** Calls `visit` for every leaf in document order, with the field and Khoản it inherits as in walkLines (no paths: cheaper). */
function forEachLeaf(lines: readonly BudgetLine[], visit: (line: BudgetLine, field: Field | undefined, code: string | undefined) => void, field?: Field, code?: string): void {
  for (const line of lines) {
    const f = line.field ?? field;
    const c = line.budgetCode ?? code;
    if (line.children.length === 0) visit(line, f, c);
    else forEachLeaf(line.children, visit, f, c);
  }
}

const outsideSchema = (what: string, value: unknown): Error => new Error(`breakdown: ${what} ${String(value)} is not in the schema`);

/** Totals of a budget tree by field, kind and Khoản, all derived from the leaves. */
export function breakdown(lines: readonly BudgetLine[]): BudgetBreakdown {
  // Running sums in locals rather than `record[key] += amount`: keyed stores of large (non-Smi)
  // amounts into an object cost about three times the whole walk, and this runs at every keystroke.
  let science = 0 as Dong, innovation = 0 as Dong, digital = 0 as Dong, unassigned = 0 as Dong;
  let recurrent = 0 as Dong, investment = 0 as Dong;
  const byCode = new Map<string, Dong>();
  forEachLeaf(lines, (line, field, code) => {
    const a = line.amount;
    switch (field) {
      case 'science': science = addDong(science, a); break;
      case 'innovation': innovation = addDong(innovation, a); break;
      case 'digital': digital = addDong(digital, a); break;
      case undefined: unassigned = addDong(unassigned, a); break;
      default: throw outsideSchema('field', field satisfies never);
    }
    switch (line.kind) {
      case 'recurrent': recurrent = addDong(recurrent, a); break;
      case 'investment': investment = addDong(investment, a); break;
      default: throw outsideSchema('kind', line.kind satisfies never);
    }
    const key = code ?? '';
    byCode.set(key, addDong(byCode.get(key) ?? 0, a));
  });
  return {
    total: linesTotal(lines),
    byField: { science, innovation, digital, unassigned },
    byKind: { recurrent, investment },
    byCode: Object.fromEntries(byCode),
  };
}

/** Finds a line by id anywhere in the tree. */
export function findLine(lines: readonly BudgetLine[], id: string): BudgetLine | undefined {
  for (const line of lines) {
    if (line.id === id) return line;
    const found = findLine(line.children, id);
    if (found) return found;
  }
  return undefined;
}

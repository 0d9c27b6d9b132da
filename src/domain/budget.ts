import { sumDong, type Dong } from './money.ts';
import type { BudgetLine, Field, Kind } from './report-schema.ts';

/** A group's amount is the sum of its leaves; a leaf's is its own. */
export function lineTotal(line: BudgetLine): Dong {
  if (line.children.length === 0) return line.amount as Dong;
  return sumDong(line.children.map(lineTotal));
}

export const linesTotal = (lines: readonly BudgetLine[]): Dong => sumDong(lines.map(lineTotal));

export interface LeafEntry {
  line: BudgetLine;
  /** Dotted JSON path from the budget array, e.g. "[2].children[0]". */
  path: string;
  /** Nearest field and Khoản going up the tree (leaves inherit their group's). */
  field: Field | undefined;
  budgetCode: string | undefined;
  kind: Kind;
  depth: number;
  ancestors: BudgetLine[];
}

/** Every node in document order, with its inherited field/Khoản and its path. */
export function walkLines(lines: readonly BudgetLine[], basePath = ''): LeafEntry[] {
  const out: LeafEntry[] = [];
  const visit = (line: BudgetLine, path: string, ancestors: BudgetLine[], field?: Field, code?: string) => {
    const f = line.field ?? field;
    const c = line.budgetCode ?? code;
    out.push({ line, path, field: f, budgetCode: c, kind: line.kind, depth: ancestors.length, ancestors });
    line.children.forEach((child, i) => visit(child, `${path}.children[${i}]`, [...ancestors, line], f, c));
  };
  lines.forEach((line, i) => visit(line, `${basePath}[${i}]`, []));
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

/** Totals of a budget tree by field, kind and Khoản, all derived from the leaves. */
export function breakdown(lines: readonly BudgetLine[]): BudgetBreakdown {
  const byField = { science: 0, innovation: 0, digital: 0, unassigned: 0 } as Record<Field | 'unassigned', Dong>;
  const byKind = { recurrent: 0, investment: 0 } as Record<Kind, Dong>;
  const byCode: Record<string, Dong> = {};
  for (const leaf of leaves(lines)) {
    const a = leaf.line.amount;
    byField[leaf.field ?? 'unassigned'] = sumDong([byField[leaf.field ?? 'unassigned'], a]);
    byKind[leaf.kind] = sumDong([byKind[leaf.kind], a]);
    const code = leaf.budgetCode ?? '';
    byCode[code] = sumDong([byCode[code] ?? 0, a]);
  }
  return { total: linesTotal(lines), byField, byKind, byCode };
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

import { readFileSync } from 'node:fs';
import { FIELDS, type BudgetLine, type Report } from '../../src/domain/report-schema.ts';

/**
 * Reports built right at the limits of src/domain/limits.ts (and just past them), for the schema,
 * API and fuzz tests. Plain objects, not parsed: the point is to see what the schema says.
 */
export const seedJson = (): Report => JSON.parse(readFileSync(new URL('../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')) as Report;

const leaf = (id: string, title: string, amount = 1_000_000): BudgetLine => ({ id, title, kind: 'recurrent', amount, children: [] });

/** A chain of `depth` nested lines (depth 1: one leaf), built without recursion so 100.000 is fine. */
export function budgetChain(depth: number, prefix = 'd'): BudgetLine {
  let node = leaf(`${prefix}-${depth}`, `Cấp ${depth}`);
  for (let level = depth - 1; level >= 1; level--) node = { id: `${prefix}-${level}`, field: level === 1 ? 'digital' : undefined, title: `Cấp ${level}`, kind: 'recurrent', amount: 0, children: [node] };
  return node;
}

/** A budget of exactly `count` lines (groups and leaves): groups of at most 500 nodes, one per field in turn. */
export function budgetOfLines(count: number, prefix = 'p'): BudgetLine[] {
  const groups: BudgetLine[] = [];
  for (let left = count, g = 0; left > 0; g++) {
    const size = Math.min(500, left);
    const children = Array.from({ length: size - 1 }, (_, i) => leaf(`${prefix}-${g}-${i}`, `Khoản chi ${g + 1}.${i + 1}`));
    groups.push({ id: `${prefix}-${g}`, field: FIELDS[g % FIELDS.length], title: `Nhóm ${g + 1}`, kind: 'recurrent', amount: size === 1 ? 1_000_000 : 0, children });
    left -= size;
  }
  return groups;
}

/** The seed report with `implementation` lines in Part I and `plan` lines in Part II, nothing else changed. */
export function reportWithLines(plan: number, implementation = 0): Report {
  const r = seedJson();
  r.implementation.budget.lines = budgetOfLines(implementation, 'i');
  r.plan.budget = budgetOfLines(plan, 'p');
  return r;
}

/** The seed report whose Part II is one chain `depth` deep. */
export function reportWithDepth(depth: number): Report {
  const r = seedJson();
  r.plan.budget = [budgetChain(depth)];
  return r;
}

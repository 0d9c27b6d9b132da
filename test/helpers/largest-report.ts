import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_BUDGET_DEPTH, MAX_BUDGET_LINES } from '../../src/domain/limits.ts';
import type { BudgetLine, Field, Report } from '../../src/domain/report-schema.ts';

const FIELDS: Field[] = ['science', 'innovation', 'digital'];
const KIEN_THUY = resolve(import.meta.dirname, '../../examples/kien-thuy-2026.json');

const countLines = (lines: readonly BudgetLine[]): number => lines.reduce((n, l) => n + 1 + countLines(l.children), 0);

/**
 * The largest report the schema allows in budget lines: Kiến Thụy's report whose plan budget
 * (Part II) brings the report to exactly MAX_BUDGET_LINES lines (groups included, Part I's
 * counted), MAX_BUDGET_DEPTH levels deep, every line titled and noted at realistic length. What
 * the renderers must survive on a commune's behalf.
 */
export function largestReport(): Report {
  const base = JSON.parse(readFileSync(KIEN_THUY, 'utf8')) as Report;
  const available = MAX_BUDGET_LINES - countLines(base.implementation.budget.lines);
  const line = (path: string, field: Field, children: BudgetLine[], amount = 0): BudgetLine => ({
    id: `l-${path}`,
    field,
    budgetCode: '111',
    title: `Nội dung ${path}: ứng dụng khoa học, công nghệ và chuyển đổi số trong quản lý hành chính, dịch vụ công trực tuyến của xã`,
    kind: 'recurrent',
    amount,
    children,
    note: 'Ghi chú: kinh phí sự nghiệp khoa học và công nghệ năm kế hoạch, thực hiện theo hướng dẫn của Sở.',
  });
  // Groups: one per field at level 1, each split in two at every level down to the last but one;
  // the leaves, at the last level, share what is left of the limit.
  const lastGroupLevel = MAX_BUDGET_DEPTH - 1;
  const deepestGroups = FIELDS.length * 2 ** (lastGroupLevel - 1);
  const groups = FIELDS.length * (2 ** lastGroupLevel - 1);
  const leaves = available - groups;
  let leafIndex = 0;
  let deepest = 0;
  const build = (path: string, field: Field, level: number): BudgetLine => {
    if (level === lastGroupLevel) {
      const n = Math.floor(leaves / deepestGroups) + (deepest++ < leaves % deepestGroups ? 1 : 0);
      return line(path, field, Array.from({ length: n }, (_, i) => line(`${path}.${i + 1}`, field, [], 1_000_000 * (1 + (leafIndex++ % 97)))));
    }
    return line(path, field, [build(`${path}.1`, field, level + 1), build(`${path}.2`, field, level + 1)]);
  };
  const budget = FIELDS.map((field, i) => build(String(i + 1), field, 1));
  const report = { ...base, plan: { ...base.plan, budget, stated: {} } };
  if (countLines(budget) + countLines(base.implementation.budget.lines) !== MAX_BUDGET_LINES) throw new Error('largestReport: wrong number of lines');
  return report;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BudgetLine, Field, Report } from '../../src/domain/report-schema.ts';

/** The domain's limits on a plan's budget tree (DESIGN: field → group → line, a few levels). */
export const LARGEST_LINES = 2_000;
export const LARGEST_DEPTH = 6;

const FIELDS: Field[] = ['science', 'innovation', 'digital'];
const KIEN_THUY = resolve(import.meta.dirname, '../../examples/kien-thuy-2026.json');

/**
 * The largest report the schema allows in budget lines: Kiến Thụy's report whose plan budget is a
 * tree of exactly LARGEST_LINES lines (groups included), LARGEST_DEPTH levels deep, every line
 * titled and noted at realistic length. What the renderers must survive on a commune's behalf.
 */
export function largestReport(): Report {
  const base = JSON.parse(readFileSync(KIEN_THUY, 'utf8')) as Report;
  let made = 0;
  const line = (path: string, field: Field, children: BudgetLine[], amount = 0): BudgetLine => {
    made += 1;
    return {
      id: `l-${path}`,
      field,
      budgetCode: '111',
      title: `Nội dung ${path}: ứng dụng khoa học, công nghệ và chuyển đổi số trong quản lý hành chính, dịch vụ công trực tuyến của xã`,
      kind: 'recurrent',
      amount,
      children,
      note: 'Ghi chú: kinh phí sự nghiệp khoa học và công nghệ năm kế hoạch, thực hiện theo hướng dẫn của Sở.',
    };
  };
  // Groups: 3 fields × 2 × 2 × 2 × 2 at depths 1–5 (93 groups); leaves at depth 6 share the rest.
  const groupsAtDepth5 = 3 * 2 ** 4;
  const groupCount = 3 + 6 + 12 + 24 + 48;
  const leaves = LARGEST_LINES - groupCount;
  let leafIndex = 0;
  let deepest = 0;
  const build = (path: string, field: Field, depth: number): BudgetLine => {
    if (depth === 5) {
      const n = Math.floor(leaves / groupsAtDepth5) + (deepest++ < leaves % groupsAtDepth5 ? 1 : 0);
      const children = Array.from({ length: n }, (_, i) => line(`${path}.${i + 1}`, field, [], 1_000_000 * (1 + (leafIndex++ % 97))));
      return line(path, field, children);
    }
    return line(path, field, [build(`${path}.1`, field, depth + 1), build(`${path}.2`, field, depth + 1)]);
  };
  const budget = FIELDS.map((field, i) => build(String(i + 1), field, 1));
  if (made !== LARGEST_LINES) throw new Error(`largestReport built ${made} lines`);
  return { ...base, plan: { ...base.plan, budget, stated: {} } };
}

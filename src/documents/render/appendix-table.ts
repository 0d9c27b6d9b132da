import { breakdown, lineTotal, linesTotal } from '../../domain/budget.ts';
import type { BudgetLine, Report } from '../../domain/report-schema.ts';
import { numberLine, placeDate, unitTitle } from '../../domain/report-text.ts';

/**
 * The "Biểu chi tiết dự toán năm N+1" as rows, shared by the XLSX and the DOCX appendix so the
 * two always show the same lines. Amounts are whole đồng; writers convert to triệu đồng.
 * Nothing here is invented: a figure the model does not hold stays `undefined` (a blank cell).
 */
export interface AppendixRow {
  kind: 'total' | 'group' | 'line';
  /** "I", "1", "1.1" — empty on the total row. */
  stt: string;
  title: string;
  budgetCode: string;
  depth: number;
  /** Dự toán năm N (Part I); only where the model can attribute it to this row. */
  estimateN?: number | undefined;
  /** Ước thực hiện năm N: the model holds no full-year execution estimate, so always blank. */
  actualN?: number | undefined;
  total: number;
  investment: number;
  recurrent: number;
  note: string;
  /** Indexes (into rows) of the rows this row sums; empty for a leaf. */
  children: number[];
}

export interface AppendixTable {
  issuerParent: string;
  issuerName: string;
  title: string;
  subtitle: string;
  /** "(Kèm theo Báo cáo số … ngày … của Ủy ban nhân dân xã …)": the report the table belongs to. */
  reference: string;
  reportYear: number;
  planYear: number;
  rows: AppendixRow[];
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

const kindSums = (line: BudgetLine): { investment: number; recurrent: number } => {
  const b = breakdown([line]).byKind;
  return { investment: b.investment, recurrent: b.recurrent };
};

const noteOf = (line: BudgetLine): string =>
  [line.note, line.fundingSource ? `Nguồn: ${line.fundingSource}` : undefined].filter(Boolean).join('; ');

export function appendixTable(r: Report): AppendixTable {
  const rows: AppendixRow[] = [];
  const plan = r.plan.budget;
  const partI = r.implementation.budget.lines;
  const partIBreakdown = breakdown(partI);
  // Part I is usually split by kind of spending, not by field; a per-field "Dự toán năm N" is
  // only shown when every Part I line says which field it belongs to.
  const byFieldKnown = partI.length > 0 && partIBreakdown.byField.unassigned === 0;

  rows.push({
    kind: 'total',
    stt: '',
    title: 'TỔNG SỐ',
    budgetCode: '',
    depth: -1,
    estimateN: partI.length > 0 ? linesTotal(partI) : undefined,
    total: linesTotal(plan),
    ...kindSums({ id: '', title: '', kind: 'recurrent', amount: 0, children: plan }),
    note: '',
    children: [],
  });

  const visit = (line: BudgetLine, stt: string, depth: number, parent: AppendixRow): void => {
    const index = rows.length;
    parent.children.push(index);
    const row: AppendixRow = {
      kind: depth === 0 ? 'group' : 'line',
      stt,
      title: line.title,
      budgetCode: line.budgetCode ?? '',
      depth,
      estimateN: depth === 0 && byFieldKnown && line.field ? partIBreakdown.byField[line.field] : undefined,
      total: lineTotal(line),
      ...kindSums(line),
      note: noteOf(line),
      children: [],
    };
    rows.push(row);
    line.children.forEach((child, i) => visit(child, depth === 0 ? String(i + 1) : `${stt}.${i + 1}`, depth + 1, row));
  };
  const totalRow = rows[0] as AppendixRow;
  plan.forEach((group, i) => visit(group, roman(i + 1), 0, totalRow));

  return {
    issuerParent: 'ỦY BAN NHÂN DÂN',
    issuerName: unitTitle(r).toLocaleUpperCase('vi'),
    title: `BIỂU CHI TIẾT DỰ TOÁN NĂM ${r.planYear}`,
    subtitle: `Kinh phí khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của ${unitTitle(r)}`,
    reference: `(Kèm theo Báo cáo số ${numberLine(r.document.number).replace(/^Số:\s*/, '')} ${placeDate(r).replace(/^[^,]*,\s*/, '')} của Ủy ban nhân dân ${unitTitle(r)})`,
    reportYear: r.reportYear,
    planYear: r.planYear,
    rows,
  };
}

/** Column headings, shared by both writers (row 1 and row 2 of the table head). */
export const appendixHeadings = (t: Pick<AppendixTable, 'reportYear' | 'planYear'>) => ({
  stt: 'STT',
  title: 'Nội dung',
  code: 'Mã Khoản',
  estimateN: `Dự toán năm ${t.reportYear}`,
  actualN: `Ước thực hiện năm ${t.reportYear}`,
  plan: `Dự toán năm ${t.planYear}`,
  total: 'Tổng số',
  investment: 'Chi đầu tư phát triển',
  recurrent: 'Chi thường xuyên',
  note: 'Ghi chú',
  ofWhich: 'Trong đó',
});

/** The row of column numbers under the head, as budget forms print it. */
export const COLUMN_NUMBERS = ['A', 'B', 'C', '1', '2', '3=4+5', '4', '5', 'D'] as const;

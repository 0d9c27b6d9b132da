import { FIELD_LABELS, LINE_FIELD_LABELS, fallbackLabel } from './diff-labels.ts';
import { formatMillions } from './format.ts';
import type { BudgetLine, Report } from './report-schema.ts';

/**
 * What changed between two versions of a report, field by field and budget line by budget line,
 * named in Vietnamese ("II.2. Dự toán › Đổi mới sáng tạo › …: số tiền"). Budget lines are matched
 * by id (moving a line is not "everything changed"); other arrays by position. Pure: used by the
 * API's /diff and review, and by the web's history and conflict screens.
 */
export interface Change {
  /** Where, for programs and tests ("implementation.dossiers.total", "plan.budget#p-2-1.amount"). */
  path: string;
  /** What, for people: the Vietnamese name, never the raw path. */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before?: Value;
  after?: Value;
}

type Value = string | number | boolean | null;
type Flat = Map<string, { label: string; value: Value }>;

const isLines = (v: unknown): v is BudgetLine[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && 'id' in x && 'children' in x);

const asValue = (v: unknown): Value =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);

function flattenLines(lines: readonly BudgetLine[], path: string, label: string, out: Flat): void {
  for (const line of lines) {
    const base = `${path}#${line.id}`;
    const name = `${label} › ${line.title.trim() || '(chưa đặt tên)'}`;
    for (const [key, what] of Object.entries(LINE_FIELD_LABELS)) {
      const value = line[key as keyof BudgetLine];
      if (value === undefined || (key === 'amount' && line.children.length > 0)) continue;
      const shown = key === 'amount' || key === 'statedAmount' ? `${formatMillions(value as number)} triệu đồng` : asValue(value);
      out.set(`${base}.${key}`, { label: `${name}: ${what}`, value: shown });
    }
    flattenLines(line.children, path, name, out);
  }
}

function flatten(value: unknown, path: string, out: Flat): void {
  if (value === undefined) return;
  const label = FIELD_LABELS[path.replace(/\[\d+\]/g, '')] ?? fallbackLabel(path);
  if (isLines(value)) return flattenLines(value, path, label, out);
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.set(`${path}[${i}]`, { label: value.length > 1 ? `${label} (mục ${i + 1})` : label, value: asValue(v) }));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, { label, value: value as Value });
}

/** Field-by-field and line-by-line differences from `before` to `after`. */
export function diffReports(before: Report, after: Report): Change[] {
  const a: Flat = new Map();
  const b: Flat = new Map();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: Change[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (x && y && x.value === y.value) continue;
    const label = (y ?? x)?.label ?? fallbackLabel(path);
    if (!x && y) changes.push({ path, label, kind: 'added', after: y.value });
    else if (x && !y) changes.push({ path, label, kind: 'removed', before: x.value });
    else if (x && y) changes.push({ path, label, kind: 'changed', before: x.value, after: y.value });
  }
  return changes;
}

import { formatMillions } from './format.ts';
import type { Report } from './report-schema.ts';

/**
 * What changed between two versions of a report, field by field. Arrays of budget lines are
 * matched by line id (so moving a line is not "everything changed"); other arrays by position.
 */
export interface Change {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string | number | boolean | null;
  after?: string | number | boolean | null;
}

type Primitive = string | number | boolean | null;

function flatten(value: unknown, path: string, out: Map<string, Primitive>, titles: Map<string, string>): void {
  if (value === null || typeof value !== 'object') {
    if (value !== undefined) out.set(path, value as Primitive);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id : undefined;
      if (id !== undefined && 'title' in item) titles.set(`${path}#${id}`, String(item.title));
      flatten(item, id !== undefined ? `${path}#${id}` : `${path}[${i}]`, out, titles);
    });
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out, titles);
}

const SECTION_LABELS: [RegExp, string][] = [
  [/^plan\.budget/, 'Dự toán năm kế hoạch'],
  [/^implementation\.budget/, 'Ngân sách năm báo cáo'],
  [/^implementation\.dossiers/, 'Số liệu hồ sơ'],
  [/^implementation\.results/, 'Kết quả theo lĩnh vực'],
  [/^implementation\.leadership/, 'Lãnh đạo, chỉ đạo'],
  [/^implementation\.assessment/, 'Đánh giá chung'],
  [/^implementation\.digitalTeams/, 'Tổ công nghệ số cộng đồng'],
  [/^document/, 'Thông tin văn bản'],
  [/^plan/, 'Kế hoạch'],
];

function label(path: string, titles: Map<string, string>): string {
  const section = SECTION_LABELS.find(([re]) => re.test(path))?.[1] ?? 'Báo cáo';
  const lineMatch = /^(.*#[^.]+)\.([a-zA-Z]+)$/.exec(path);
  if (lineMatch) {
    const title = titles.get(lineMatch[1]!);
    if (title !== undefined) return `${section} — "${title}" (${lineMatch[2]})`;
  }
  return `${section} — ${path}`;
}

export function diffReports(before: Report, after: Report): Change[] {
  const a = new Map<string, Primitive>();
  const b = new Map<string, Primitive>();
  const titles = new Map<string, string>();
  flatten(before, '', a, titles);
  flatten(after, '', b, titles);
  const changes: Change[] = [];
  const show = (path: string, v: Primitive | undefined) => (v !== undefined && /amount|Amount|total$/.test(path) && typeof v === 'number' ? `${formatMillions(v)} tr.đ` : v);
  for (const [path, v] of b) {
    if (!a.has(path)) changes.push({ path, label: label(path, titles), kind: 'added', after: show(path, v) ?? null });
    else if (a.get(path) !== v) changes.push({ path, label: label(path, titles), kind: 'changed', before: show(path, a.get(path)) ?? null, after: show(path, v) ?? null });
  }
  for (const [path, v] of a) {
    if (!b.has(path)) changes.push({ path, label: label(path, titles), kind: 'removed', before: show(path, v) ?? null });
  }
  return changes;
}

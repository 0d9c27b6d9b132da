import { FIELD_LABELS, LINE_FIELD_LABELS, fallbackLabel, valueKind } from './diff-labels.ts';
import { movedKeys, occurrenceKeys } from './diff-order.ts';
import { formatMillions, formatNumber, formatPercent } from './format.ts';
import { LIMIT_CODES, MAX_CHANGES } from './limits.ts';
import { FIELD_LABELS as FIELD_NAMES, KIND_LABELS, type BudgetLine, type Field, type Kind, type Report } from './report-schema.ts';

/**
 * What changed between two versions of a report, field by field and budget line by budget line,
 * named in Vietnamese ("II.2. Dự toán › Đổi mới sáng tạo › …: số tiền") with values as people read
 * them (amounts in triệu đồng, rates in %, dates dd/mm/yyyy, "Chi thường xuyên" — never the
 * stored code). Budget lines are matched by id, paragraphs by their text, so a line or paragraph
 * that changed place is one "moved" change, not a removal and an addition. Empty values count as
 * absent (no "— → —" rows). Pure: used by the API's /diff and review, and by the web's history and
 * conflict screens.
 */
export interface Change {
  /** Where, for programs and tests ("implementation.dossiers.total", "plan.budget#p-2-1.amount"). */
  path: string;
  /** What, for people: the Vietnamese name, never the raw path. */
  label: string;
  /** `omitted`: the last entry of a capped list, counting the changes not listed (`count`). */
  kind: 'added' | 'removed' | 'changed' | 'moved' | 'omitted';
  /** For "moved": where it was and where it is ("Đổi mới sáng tạo, dòng 2"; "đoạn 3"). */
  before?: Value;
  after?: Value;
  count?: number;
}

type Value = string | number | boolean | null;
type Flat = Map<string, { label: string; value: Value }>;
/** Where each budget line sits: its parent's id and name, and its place among its siblings. */
type Places = Map<string, { path: string; label: string; parent: string; parentName: string; index: number }>;
/** Lists of paragraphs (and other texts), compared by content. */
type Texts = Map<string, { label: string; items: string[] }>;
interface Flattened { values: Flat; places: Places; siblings: Map<string, string[]>; texts: Texts }

const isLines = (v: unknown): v is BudgetLine[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && 'id' in x && 'children' in x);

const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A stored value as people read it, by what the field holds. */
function shown(path: string, v: unknown): Value {
  if (typeof v === 'number') {
    const kind = valueKind(path);
    if (kind === 'amount') return `${formatMillions(v)} triệu đồng`;
    if (kind === 'rate') return formatPercent(v);
  }
  if (typeof v === 'string' && valueKind(path) === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('/');
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
}

function lineValue(key: string, value: unknown): Value {
  if (key === 'amount' || key === 'statedAmount') return `${formatMillions(value as number)} triệu đồng`;
  if (key === 'field') return FIELD_NAMES[value as Field] ?? String(value);
  if (key === 'kind') return KIND_LABELS[value as Kind] ?? String(value);
  return shown('', value);
}

function flattenLines(lines: readonly BudgetLine[], path: string, label: string, parent: { id: string; name: string }, out: Flattened): void {
  out.siblings.set(`${path}#${parent.id}`, lines.map((l) => l.id));
  lines.forEach((line, index) => {
    const base = `${path}#${line.id}`;
    const title = line.title.trim() || '(chưa đặt tên)';
    const name = `${label} › ${title}`;
    out.places.set(base, { path: base, label: name, parent: parent.id, parentName: parent.name, index });
    for (const [key, what] of Object.entries(LINE_FIELD_LABELS)) {
      const value = line[key as keyof BudgetLine];
      if (isEmpty(value) || (key === 'amount' && line.children.length > 0)) continue;
      out.values.set(`${base}.${key}`, { label: `${name}: ${what}`, value: lineValue(key, value) });
    }
    flattenLines(line.children, path, name, { id: line.id, name: parent.id ? `${parent.name} › ${title}` : title }, out);
  });
}

function flatten(value: unknown, path: string, out: Flattened): void {
  if (isEmpty(value)) return;
  const label = FIELD_LABELS[path.replace(/\[\d+\]/g, '')] ?? fallbackLabel(path);
  if (isLines(value)) return flattenLines(value, path, label, { id: '', name: '' }, out);
  // Notes (paragraphs an import could not place) compare by content, like paragraphs, each shown with where it stood.
  if (path === 'notes' && Array.isArray(value)) {
    out.texts.set(path, { label, items: (value as { text: string; section: string }[]).map((n) => `${n.text} [${n.section}]`) });
    return;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    out.texts.set(path, { label, items: (value as string[]).filter((v) => !isEmpty(v)) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as object)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.values.set(path, { label, value: shown(path, value) });
}

const flattened = (report: Report): Flattened => {
  const out: Flattened = { values: new Map(), places: new Map(), siblings: new Map(), texts: new Map() };
  flatten(report, '', out);
  return out;
};

const snippet = (text: string): string => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

/** Paragraph lists by content: an edited one is paired with the new text between the same neighbours; moved ones are named once. */
function diffTexts(path: string, label: string, a: readonly string[], b: readonly string[], changes: Change[]): void {
  const ka = occurrenceKeys(a);
  const kb = occurrenceKeys(b);
  const inA = new Set(ka);
  const inB = new Set(kb);
  // Each text missing from the other side, with how many shared texts precede it: the gap it sits in.
  const gaps = (keys: string[], other: Set<string>) => {
    let shared = 0;
    return keys.flatMap((k, i) => (other.has(k) ? (shared++, []) : [{ i, gap: shared }]));
  };
  const gone = gaps(ka, inB);
  const come = gaps(kb, inA);
  const item = (i: number, n: number) => (n > 1 ? `${label} (đoạn ${i + 1})` : label);
  const used = new Set<number>();
  for (const g of gone) {
    const match = come.find((c) => c.gap === g.gap && !used.has(c.i));
    if (match) {
      used.add(match.i);
      changes.push({ path: `${path}[${match.i}]`, label: item(match.i, b.length), kind: 'changed', before: a[g.i]!, after: b[match.i]! });
    } else changes.push({ path: `${path}[${g.i}]`, label: item(g.i, a.length), kind: 'removed', before: a[g.i]! });
  }
  for (const c of come) if (!used.has(c.i)) changes.push({ path: `${path}[${c.i}]`, label: item(c.i, b.length), kind: 'added', after: b[c.i]! });
  const moved = movedKeys(ka, kb);
  kb.forEach((k, j) => {
    if (moved.has(k)) changes.push({ path: `${path}[${j}]`, label: `${label}: «${snippet(b[j]!)}»`, kind: 'moved', before: `đoạn ${ka.indexOf(k) + 1}`, after: `đoạn ${j + 1}` });
  });
}

const placeName = (p: { parentName: string; index: number }) => `${p.parentName || 'cấp đầu'}, dòng ${p.index + 1}`;

/**
 * Field-by-field and line-by-line differences from `before` to `after`: at most `max` (MAX_CHANGES)
 * of them, then one `omitted` entry "… và N thay đổi khác" (its path is the limit's code), so that
 * a diff of two large reports stays a page a person can read and a response of bounded size.
 */
export function diffReports(before: Report, after: Report, max: number = MAX_CHANGES): Change[] {
  const a = flattened(before);
  const b = flattened(after);
  const changes: Change[] = [];
  for (const path of new Set([...a.values.keys(), ...b.values.keys()])) {
    const x = a.values.get(path);
    const y = b.values.get(path);
    if (x && y && x.value === y.value) continue;
    const label = (y ?? x)?.label ?? fallbackLabel(path);
    if (!x && y) changes.push({ path, label, kind: 'added', after: y.value });
    else if (x && !y) changes.push({ path, label, kind: 'removed', before: x.value });
    else if (x && y) changes.push({ path, label, kind: 'changed', before: x.value, after: y.value });
  }
  for (const path of new Set([...a.texts.keys(), ...b.texts.keys()])) {
    const x = a.texts.get(path);
    const y = b.texts.get(path);
    diffTexts(path, (y ?? x)!.label, x?.items ?? [], y?.items ?? [], changes);
  }
  // Budget lines that changed parent, or changed place among the siblings they kept.
  const movedWithin = new Set<string>();
  for (const [key, siblings] of b.siblings) {
    const old = a.siblings.get(key);
    if (old) for (const id of movedKeys(old, siblings)) movedWithin.add(`${key.slice(0, key.indexOf('#'))}#${id}`);
  }
  for (const [path, place] of b.places) {
    const was = a.places.get(path);
    if (!was || (was.parent === place.parent && !movedWithin.has(path))) continue;
    changes.push({ path, label: place.label, kind: 'moved', before: placeName(was), after: placeName(place) });
  }
  if (changes.length <= max) return changes;
  const omitted = changes.length - max;
  return [...changes.slice(0, max), { path: LIMIT_CODES.CHANGES_TRUNCATED, label: `… và ${formatNumber(omitted)} thay đổi khác (chỉ hiện ${formatNumber(max)} thay đổi đầu)`, kind: 'omitted', count: omitted }];
}

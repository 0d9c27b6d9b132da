import type { BudgetLine, Kind } from '../../domain/report-schema.ts';
import { AMOUNT_SOURCE, amountToDong, type ParsedAmount } from './amounts.ts';
import { splitMarker } from './headings.ts';
import type { Paragraph } from './types.ts';

/**
 * Budget lines as the genre writes them, the inverse of `lineBlocks` in report-text.ts:
 *   "- title: 60 triệu đồng."                               a leaf
 *   "- title: 60 triệu đồng, được bố trí từ nguồn …."       a leaf with its funding source
 *   "- title: a (500 triệu đồng); b (150 triệu đồng)."      a group with one leaf per amount
 *   "- title: 1.300 triệu đồng, gồm:" then "+ …" lines      a group whose total is stated
 * also "title – 60 triệu đồng", "title (60 triệu đồng)" and amounts in đồng.
 */
export interface ParsedLine {
  title: string;
  amount?: ParsedAmount;
  parts?: { title: string; amount: ParsedAmount }[];
  fundingSource?: string;
  /** What the amount is for, written in parentheses after it. */
  note?: string;
  /** Ends with "gồm:": the lines after it, one bullet level deeper, are its children. */
  opens: boolean;
  /** Character ranges of the figures read (for the unread-figure check). */
  spans: [number, number][];
}

const SOURCE = String.raw`(?:,\s*được bố trí từ\s+(.+?))?`;
const OPENS = String.raw`(,?\s*(?:bao )?gồm\s*:?)?`;
// Greedy title: the amount follows the last separator that still leaves a well-formed line,
// so titles may contain ":" or " - " themselves.
// An amount may be followed by what it is for, in parentheses: "…: 1.000 triệu đồng (dự án trạm thu phát sóng)." (kept as the line's note).
const LEAF = new RegExp(String.raw`^(.+)(?::|\s[-–—]\s|\s(?=\())\s*(\(?)${AMOUNT_SOURCE}\)?(?:\s*\(([^()\d][^()]*)\))?${SOURCE}${OPENS}\s*[.;]?$`, 'u');

/** Reads one budget line (its bullet or number already removed); undefined when it has no amount in a known form. */
export function parseLineText(text: string, offset = 0): ParsedLine | undefined {
  // "title: a (500 triệu đồng); b (150 triệu đồng)." first: its last part would also read as a leaf.
  return parseParts(text, offset) ?? parseLeaf(text, offset) ?? parseOpener(text);
}

/** "Nâng cấp mạng nội bộ, gồm:" — a group that states no total of its own. */
function parseOpener(text: string): ParsedLine | undefined {
  const m = /^(.+?),?\s*(?:bao )?gồm\s*:$/u.exec(text);
  return m?.[1] ? { title: m[1].trim(), opens: true, spans: [] } : undefined;
}

function parseLeaf(text: string, offset: number): ParsedLine | undefined {
  const m = LEAF.exec(text);
  if (!m) return undefined;
  const [, title = '', paren = '', num = '', unit = '', note, source, opens] = m;
  const numberAt = text.indexOf(num, title.length);
  return {
    title: title.trim(),
    amount: amountToDong(num, unit),
    ...(source ? { fundingSource: source.trim() } : {}),
    ...(note ? { note: note.trim() } : {}),
    opens: Boolean(opens) && !paren,
    spans: [[offset + numberAt, offset + numberAt + num.length]],
  };
}

/** One "title (amount)" of a line listing several, with what separates it from the previous one. */
const PIECE = new RegExp(String.raw`\s*(?:[;,]\s*)?(?:và\s+)?(.+?)\s*\(${AMOUNT_SOURCE}\)`, 'duy');

function parseParts(text: string, offset: number): ParsedLine | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  let body = text.slice(colon + 1).replace(/\s*[.;]\s*$/, '');
  let fundingSource: string | undefined;
  const src = /,\s*được bố trí từ\s+(.+)$/u.exec(body);
  if (src) {
    fundingSource = src[1]?.trim();
    body = body.slice(0, src.index);
  }
  const parts: NonNullable<ParsedLine['parts']> = [];
  const spans: [number, number][] = [];
  const start = colon + 1;
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < body.length) {
    const p = PIECE.exec(body);
    if (!p) return undefined;
    const [, title = '', num = '', unit = ''] = p;
    parts.push({ title: title.trim(), amount: amountToDong(num, unit) });
    const at = p.indices?.[2]?.[0] ?? 0;
    spans.push([offset + start + at, offset + start + at + num.length]);
    if (PIECE.lastIndex === 0) break;
  }
  if (parts.length === 0) return undefined;
  return { title: text.slice(0, colon).trim(), parts, opens: false, spans, ...(fundingSource ? { fundingSource } : {}) };
}

/** True when a reading of the line was a choice ("12,345 triệu": comma read as decimal mark). */
export const isAmbiguous = (p: ParsedLine): boolean => Boolean(p.amount?.ambiguous || p.parts?.some((x) => x.amount.ambiguous));

/** "Chi đầu tư phát triển" is investment; everything else recurrent (the genre names the kind in the title). */
export const kindOf = (title: string): Kind => (/đầu tư/iu.test(title) ? 'investment' : 'recurrent');

const leafLine = (title: string, dong: number): BudgetLine => ({ id: '', title, kind: kindOf(title), amount: dong, children: [] });

/** One parsed line → a model line (ids are given later). */
export function toBudgetLine(p: ParsedLine): BudgetLine {
  const source = p.fundingSource ? { fundingSource: p.fundingSource } : {};
  if (p.parts) {
    return { id: '', title: p.title, kind: kindOf(p.title), amount: 0, children: p.parts.map((x) => leafLine(x.title, x.amount.dong)), ...source };
  }
  if (p.opens) {
    const stated = p.amount ? { statedAmount: p.amount.dong } : {};
    return { id: '', title: p.title, kind: kindOf(p.title), amount: 0, ...stated, children: [], ...source };
  }
  const dong = p.amount?.dong ?? 0;
  return { ...leafLine(p.title, dong), ...source, ...(p.note ? { note: p.note } : {}) };
}

/** The source line each budget line was read from (for ImportSource); lines built elsewhere are absent. */
export const LINE_ORIGIN = new WeakMap<BudgetLine, number>();

/**
 * Where each value of a budget tree was read: for every line read from the text, its title and
 * its amount (a leaf), stated amount and words (a group), as dot paths under `prefix`.
 */
export function lineSources(lines: readonly BudgetLine[], prefix: string, out: { path: string; line: number }[]): void {
  lines.forEach((line, i) => {
    const path = `${prefix}.${i}`;
    const at = LINE_ORIGIN.get(line);
    if (at !== undefined) {
      out.push({ path: `${path}.title`, line: at });
      if (line.children.length === 0) out.push({ path: `${path}.amount`, line: at });
      if (line.statedAmount !== undefined) out.push({ path: `${path}.statedAmount`, line: at });
      if (line.statedWords !== undefined) out.push({ path: `${path}.statedWords`, line: at });
    }
    lineSources(line.children, `${path}.children`, out);
  });
}

export interface LineItem {
  paragraph: Paragraph;
  /** 1 for "-", "•", "*", numbers; 2 for "+". */
  depth: number;
  /** The kind of marker ("-", "*", "•", "number", "letter"…): lines under an opener use another one. */
  mark: string;
  parsed: ParsedLine;
}

/** A paragraph as a budget line, or undefined when it is not one. */
export function readLineParagraph(paragraph: Paragraph): LineItem | undefined {
  const m = splitMarker(paragraph.text);
  const offset = paragraph.text.length - m.rest.length;
  let parsed: ParsedLine | undefined;
  try {
    parsed = parseLineText(m.rest, offset);
  } catch {
    // An amount that is not a whole number of đồng: the line stays unread and is reported.
    return undefined;
  }
  if (!parsed) return undefined;
  const mark = m.kind === 'bullet' ? m.mark.replace(/[–—]/u, '-') : m.kind;
  return { paragraph, depth: m.mark === '+' ? 2 : 1, mark, parsed };
}

/**
 * Builds the tree: a line that opens ("gồm:") takes as children the lines after it that are "+"
 * lines or use another marker than its own ("* An toàn thông tin, gồm:" then "- …" lines), until
 * a line with its own marker comes again. A child line that itself opens takes the following
 * child lines (the genre never nests deeper), and a "+" line with no open parent is kept at the
 * top rather than dropped.
 */
export function buildTree(items: readonly LineItem[]): BudgetLine[] {
  const roots: BudgetLine[] = [];
  let open: { line: BudgetLine; mark: string } | undefined;
  for (const item of items) {
    const line = toBudgetLine(item.parsed);
    LINE_ORIGIN.set(line, item.paragraph.line);
    for (const child of line.children) LINE_ORIGIN.set(child, item.paragraph.line);
    const isChild = open !== undefined && (item.depth === 2 || item.mark !== open.mark);
    if (open && isChild) open.line.children.push(line);
    else roots.push(line);
    if (item.parsed.opens) open = { line, mark: open && isChild ? open.mark : item.mark };
    else if (!isChild) open = undefined;
    for (const span of item.parsed.spans) item.paragraph.used.push(span);
  }
  return roots;
}

/** Ids as in the examples: "p-1", "p-1-2", "p-3-1-1". */
export function assignIds(lines: BudgetLine[], prefix: string): void {
  lines.forEach((line, i) => {
    line.id = `${prefix}-${i + 1}`;
    assignIds(line.children, line.id);
  });
}

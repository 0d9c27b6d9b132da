import type { BudgetLine, StatedTotal } from '../../domain/report-schema.ts';
import { findAmounts, type FoundAmount } from './amounts.ts';
import { assignIds, buildTree, isAmbiguous, kindOf, LINE_ORIGIN, readLineParagraph, type LineItem } from './budget-lines.ts';
import { fieldOf, isFieldLabel, splitMarker } from './headings.ts';
import { statesPlanTotal } from './segment.ts';
import type { ImportWarning, Paragraph } from './types.ts';

/**
 * The two budgets: the current year's (Part I, "Tình hình phân bổ, giải ngân") and the plan
 * year's (Part II, "Dự toán chi tiết"), each with the total and amount in words it states.
 */
const WORDS = /[([]?\s*(?:viết\s+)?bằng chữ\s*:\s*([^)\]]*?)\s*(?:[)\]]|[.;]?\s*$)/diu;

/** The total a sentence states and its amount in words ("… là 8.212 triệu đồng (Bằng chữ: …)"). */
function readStated(p: Paragraph, warnings: ImportWarning[]): StatedTotal {
  const stated: StatedTotal = {};
  const words = WORDS.exec(p.text);
  const list = LIST_OPENER.exec(p.text);
  const end = Math.min(words?.index ?? Infinity, list?.index ?? Infinity);
  const amounts = findAmounts(p.text).filter((a) => a.index < end);
  const total = amounts[amounts.length - 1];
  if (total) {
    stated.total = total.dong;
    p.used.push([total.index, total.end]);
    if (total.ambiguous) warnings.push(ambiguous(p, total.text));
  }
  if (words?.[1]) {
    stated.totalWords = words[1].replace(/[.\s]+$/, '').trim();
    const r = words.indices?.[1];
    if (r) p.used.push([r[0], r[1]]);
  }
  return stated;
}

/** Where a sentence starts listing its parts: "…, gồm: chi thường xuyên 835 trđ; chi đầu tư phát triển 1.675 trđ." */
const LIST_OPENER = /(?:,\s*|\s)(?:bao gồm|gồm|trong đó|cụ thể)\s*:?\s*/iu;

/**
 * The parts a total's sentence lists after "gồm:" ("chi thường xuyên 835 trđ; chi đầu tư phát
 * triển 1.675 trđ"), as budget lines; none unless every part reads as a title and an amount.
 */
function inlineLines(p: Paragraph): BudgetLine[] {
  const list = LIST_OPENER.exec(p.text);
  if (!list) return [];
  const start = list.index + list[0].length;
  // The list ends with its sentence ("… 700 triệu đồng chi đầu tư phát triển. Đến ngày …").
  const end = /\.\s+(?=\p{Lu})/u.exec(p.text.slice(start));
  const body = p.text.slice(start, end ? start + end.index : undefined).replace(/[.;\s]+$/u, '');
  if (!body) return [];
  const out: BudgetLine[] = [];
  const spans: [number, number][] = [];
  let at = start;
  // Parts split at ";" and, between two amounts, at "và" or "," ("gồm chi thường xuyên 620.000.000 đồng và chi đầu tư …").
  const pieces = body.split(/\s*;\s*|\s+và\s+(?=\d)|,\s+(?=\d)/u).flatMap((piece) => {
    const found = findAmounts(piece);
    if (found.length < 2) return [piece];
    const cuts = found.slice(0, -1).map((a) => a.end);
    return [0, ...cuts].map((from, i) => piece.slice(from, cuts[i] ?? piece.length).replace(/^\s*(?:,|và)?\s*/u, ''));
  });
  for (const piece of pieces) {
    const offset = p.text.indexOf(piece, at);
    const amounts = findAmounts(piece);
    const amount = amounts[0];
    if (amounts.length !== 1 || !amount) return [];
    // "chi thường xuyên 835 trđ" or "450 triệu đồng chi thường xuyên".
    const before = piece.slice(0, amount.index).replace(/[\s:–-]+$/u, '').trim();
    const after = piece.slice(amount.end).replace(/^[\s:–-]+/u, '').trim();
    // The title before the amount ("chi đầu tư phát triển 600 triệu đồng cho hạng mục …") or after it.
    const title = before || after;
    if (!title) return [];
    const name = title.charAt(0).toLocaleUpperCase('vi') + title.slice(1);
    const line = partILine(name, amount.dong);
    LINE_ORIGIN.set(line, p.line);
    out.push(line);
    spans.push([offset + amount.index, offset + amount.end]);
    at = offset + piece.length;
  }
  p.used.push(...spans);
  return out;
}

/** A Part I line: its kind from its title, its field when the title is a field's name ("Khoa học, công nghệ: 160 triệu đồng"). */
function partILine(title: string, amount: number): BudgetLine {
  const field = isFieldLabel(title) ? fieldOf(title) : undefined;
  return { id: '', ...(field ? { field } : {}), title, kind: kindOf(title), amount, children: [] };
}

/** A sentence stating the current year's budget: an amount and what it is ("Tổng dự toán …", "Dự toán … được giao … là …"). */
function statesCurrentTotal(text: string): boolean {
  const first = text.split(/\.\s+(?=\p{Lu})/u)[0] ?? '';
  return findAmounts(first).length > 0 && !/giải ngân/iu.test(first) && /tổng|dự toán|kinh phí|ngân sách|được giao/iu.test(first);
}

/** "… đã giải ngân được 612 triệu đồng, đạt 53,2% …": the first amount after "giải ngân". */
function disbursedIn(p: Paragraph): FoundAmount | undefined {
  const at = p.text.search(/giải ngân/iu);
  if (at < 0) return undefined;
  return findAmounts(p.text).find((a) => a.index > at);
}

export const ambiguous = (p: Paragraph, figure: string): ImportWarning => ({
  code: 'IMPORT_AMBIGUOUS',
  message: `Đã đọc "${figure}" với dấu phẩy là dấu thập phân (theo cách viết số của Việt Nam); nếu ý là phân nhóm nghìn, hãy sửa lại số liệu.`,
  line: p.line,
  text: p.text,
});

function lineItems(paragraphs: Paragraph[], warnings: ImportWarning[]): { items: LineItem[]; rest: Paragraph[] } {
  const items: LineItem[] = [];
  const rest: Paragraph[] = [];
  for (const p of paragraphs) {
    const item = splitMarker(p.text).kind !== 'none' ? readLineParagraph(p) : undefined;
    if (item) {
      items.push(item);
      if (isAmbiguous(item.parsed)) warnings.push(ambiguous(p, p.text));
    } else rest.push(p);
  }
  return { items, rest };
}

export interface CurrentBudget {
  lines: BudgetLine[];
  stated: StatedTotal;
  /** Source lines of the stated total and of the disbursed amount. */
  statedLine?: number;
  disbursedLine?: number;
  disbursed?: number;
  expectedCompletion?: string;
  progress: string[];
}

const DISBURSED_TEMPLATE = /^Kinh phí đã giải ngân đến thời điểm báo cáo: .*\.$/u;
// The gap is bounded: over a line repeating "hoàn thành … " with no date, an unbounded lazy gap
// tried from every "hoàn thành" to the end of the sentence (40 such lines of 19.000 characters: 2 s).
const COMPLETION = /(?:hoàn thành|đưa vào sử dụng)[^.;]{0,300}?\b(?:trong|vào|trước)\s+((?:[Qq]uý\s+[IVX]+|tháng\s+\d{1,2})(?:\s+năm\s+\d{4})?|năm\s+\d{4})/u;

export function readCurrentBudget(paragraphs: Paragraph[], warnings: ImportWarning[]): CurrentBudget {
  const { items, rest } = lineItems(paragraphs, warnings);
  const lines = buildTree(items);
  for (const line of lines) {
    const field = line.field ?? (isFieldLabel(line.title) ? fieldOf(line.title) : undefined);
    if (field) line.field = field;
  }
  const out: CurrentBudget = { lines, stated: {}, progress: [] };
  for (const p of rest) {
    if (out.stated.total === undefined && statesCurrentTotal(p.text)) {
      out.stated = readStated(p, warnings);
      out.statedLine = p.line;
      if (lines.length === 0) lines.push(...inlineLines(p));
      const disbursed = out.disbursed === undefined ? disbursedIn(p) : undefined;
      if (disbursed) {
        out.disbursed = disbursed.dong;
        out.disbursedLine = p.line;
        p.used.push([disbursed.index, disbursed.end]);
        // The paragraph also tells the progress: kept as narrative too.
        out.progress.push(p.text);
      }
      continue;
    }
    if (/giải ngân/iu.test(p.text) && out.disbursed === undefined) {
      const amount = disbursedIn(p) ?? findAmounts(p.text)[0];
      if (amount) {
        out.disbursed = amount.dong;
        out.disbursedLine = p.line;
        p.used.push([amount.index, amount.end]);
        // The template's own sentence is derived from `disbursed`; any other wording is narrative too.
        if (DISBURSED_TEMPLATE.test(p.text)) {
          for (const m of p.text.matchAll(/\d[\d.]*(?:,\d+)?%/gu)) p.used.push([m.index, m.index + m[0].length]);
          continue;
        }
      }
    }
    const completion = COMPLETION.exec(p.text);
    if (completion?.[1] && out.expectedCompletion === undefined) out.expectedCompletion = completion[1];
    out.progress.push(p.text);
  }
  assignIds(lines, 'i');
  return out;
}

export interface PlanBudget {
  groups: BudgetLine[];
  stated: StatedTotal;
  statedLine?: number;
  unplaced: Paragraph[];
}

const KHOAN = /\(?\s*[-–]?\s*Khoản\s+(\d{3})\s*\)?/u;

/** A field group heading → the group (amount stated, Khoản, field from the title or the code). */
function readGroup(p: Paragraph, warnings: ImportWarning[]): BudgetLine {
  const m = splitMarker(p.text);
  const offset = p.text.length - m.rest.length;
  let rest = m.rest;
  const amounts = findAmounts(rest);
  const amount = amounts[amounts.length - 1];
  if (amount) {
    p.used.push([offset + amount.index, offset + amount.end]);
    if (amount.ambiguous) warnings.push(ambiguous(p, amount.text));
    rest = rest.slice(0, amount.index) + rest.slice(amount.end);
  }
  const code = KHOAN.exec(rest);
  if (code) rest = rest.slice(0, code.index) + rest.slice(code.index + code[0].length);
  const title = rest.replace(/\s*[:–—-]?\s*$/u, '').replace(/\s*:\s*$/, '').trim();
  const codeField = code?.[1] === '111' ? 'innovation' : code?.[1] === '121' ? 'digital' : code?.[1] && /^10[1-8]$/.test(code[1]) ? 'science' : undefined;
  const field = fieldOf(title) ?? codeField;
  return {
    id: '',
    ...(field ? { field } : {}),
    ...(code?.[1] ? { budgetCode: code[1] } : {}),
    title,
    kind: 'recurrent',
    amount: 0,
    ...(amount ? { statedAmount: amount.dong } : {}),
    children: [],
  };
}

/** "(Đơn vị tính: nghìn đồng)", "ĐVT: triệu đồng": the unit of the figures that follow without one. */
export const UNIT_LINE = /^\(?\s*(?:Đơn vị tính|Đơn vị|ĐVT)\s*:\s*(đồng|nghìn đồng|ngàn đồng|triệu đồng|tỷ đồng|triệu|tỷ)\s*\)?\s*\.?$/iu;

/** A figure with no unit where an amount stands ("…: 140.000;", "… là 230.000, gồm:", "… (185.000)"). */
const BARE = /(?<=(?::|–|—|\s-|\blà|\()\s*)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?=\s*(?:[;.,:)(]|$))(?!\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|đồng|%))/gu;

/**
 * The paragraph as read with the unit of the context written after each bare figure, for
 * parsing only: the figures keep their offsets (the unit is inserted after them) and the read
 * ranges go to the paragraph's own `used`.
 */
function withUnit(p: Paragraph, unit: string | undefined): Paragraph {
  if (!unit) return p;
  let shift = 0;
  let text = p.text;
  for (const m of p.text.matchAll(BARE)) {
    const at = m.index + m[0].length + shift;
    text = `${text.slice(0, at)} ${unit}${text.slice(at)}`;
    shift += unit.length + 1;
  }
  return text === p.text ? p : { text, line: p.line, used: p.used };
}

export function readPlanBudget(paragraphs: Paragraph[], warnings: ImportWarning[], isGroup: (text: string) => boolean): PlanBudget {
  const out: PlanBudget = { groups: [], stated: {}, unplaced: [] };
  // Group headings share one numbering style ("2.1.", "a)"…); other numbered lines are lines.
  const first = paragraphs.find((p) => isGroup(p.text));
  const groupKind = first ? splitMarker(first.text).kind : undefined;
  let group: { line: BudgetLine; items: Paragraph[] } | undefined;
  const pending: { line: BudgetLine; items: Paragraph[] }[] = [];
  const real = new Map<Paragraph, Paragraph>();
  let unit: string | undefined;
  for (const source of paragraphs) {
    const unitLine = UNIT_LINE.exec(source.text);
    if (unitLine) {
      unit = unitLine[1];
      continue;
    }
    const p = withUnit(source, unit);
    real.set(p, source);
    const kind = splitMarker(p.text).kind;
    if (group && kind === 'none' && group.items.length === 0 && group.line.statedAmount === undefined && /(?:^|\s)(?:là|gồm)(?=[\s:,]|$)/u.test(p.text) && findAmounts(p.text).length > 0) {
      // "Kinh phí thực hiện các nhiệm vụ khoa học, công nghệ là 230.000, gồm:": the group's amount.
      const stated = readStated(p, warnings);
      if (stated.total !== undefined) group.line.statedAmount = stated.total;
      continue;
    }
    if (group && /^Tổng\s*(?:số|cộng)?\s*:/u.test(p.text) && group.line.statedAmount === undefined && group.items.length > 0 && findAmounts(p.text).length === 1) {
      // "Tổng: 135 triệu đồng" under a group's lines: the group's subtotal.
      const stated = readStated(p, warnings);
      if (stated.total !== undefined) group.line.statedAmount = stated.total;
      group = undefined;
    } else if (out.stated.total === undefined && statesPlanTotal(p.text)) {
      out.stated = readStated(p, warnings);
      out.statedLine = p.line;
    } else if (kind === groupKind && isGroup(p.text)) {
      group = { line: readGroup(p, warnings), items: [] };
      LINE_ORIGIN.set(group.line, p.line);
      pending.push(group);
    } else if (group && kind !== 'none') {
      group.items.push(p);
    } else if (!group && out.stated.total === undefined && findAmounts(p.text).length > 0) {
      out.stated = readStated(p, warnings);
      out.statedLine = p.line;
    } else {
      out.unplaced.push(p);
    }
  }
  for (const g of pending) {
    const { items, rest } = lineItems(g.items, warnings);
    g.line.children = buildTree(items);
    out.unplaced.push(...rest);
    out.unplaced = out.unplaced.map((p) => real.get(p) ?? p);
    // A group with no lines is a single line: its stated amount is its amount.
    if (g.line.children.length === 0 && g.line.statedAmount !== undefined) {
      g.line.amount = g.line.statedAmount;
      delete g.line.statedAmount;
    }
    out.groups.push(g.line);
  }
  out.unplaced = out.unplaced.map((p) => real.get(p) ?? p);
  assignIds(out.groups, 'p');
  return out;
}

import { linesTotal } from '../../domain/budget.ts';
import { formatNumber } from '../../domain/format.ts';
import { KIND_LABELS, type BudgetLine, type Field, type Kind } from '../../domain/report-schema.ts';
import { kindOf } from './budget-lines.ts';
import { fieldOf, splitMarker } from './headings.ts';
import {
  cellFigure, distinct, figureDong, keyOf, refOf,
  type CellRef, type Column, type GridCell, type MoneyUnit, type TableHeader,
} from './tables.ts';
import type { ImportWarning, SourceTable } from './types.ts';

/**
 * A budget table → budget lines. Rows become a tree by the style of their STT (or of the marker
 * the title starts with): a style met for the first time opens a level under the row before it
 * ("I" → "1" → "1.1" → "a" → "-"), a style met before goes back to that level; rows with no STT
 * nest under a bold row with none. A row with children is a group: its figure is the subtotal it
 * states (`statedAmount`, for BUDGET_GROUP_SUM); "Tổng cộng" / "Tổng số" / "Cộng" (at the end)
 * is the stated total (for BUDGET_TOTAL). The field comes from the Khoản column (102/103 → KH-CN,
 * 111 → ĐMST, 121 → CĐS) or from a group's title, and is inherited; the kind from the "Loại chi"
 * column, from the sub-column holding the figure ("Chi đầu tư phát triển" / "Chi thường xuyên"),
 * from the nearest group that names it, else from the title (as for text lines).
 *
 * Figures: "-" and empty cells are "no figure" (a leaf with none gets 0, a group states no
 * subtotal); a figure needs a unit (the cell's own, its column header's, the table caption's, or
 * the "Đơn vị tính" line next to the table): without one it is not read and IMPORT_AMBIGUOUS says so.
 */
export interface BudgetTableContext {
  /** Index of the table in `SourceDocument.tables` (for sources). */
  table: number;
  /** The year whose estimate is wanted (plan year for Part II, report year for Part I). */
  year: number;
  /** Unit from a "Đơn vị tính" line next to the table. */
  nearbyUnit?: MoneyUnit;
}

export type ValueKey = 'title' | 'amount' | 'statedAmount' | 'budgetCode' | 'kind' | 'note' | 'fundingSource';

export interface BudgetTableRead {
  lines: BudgetLine[];
  /** The "Tổng cộng" row's figure. */
  total?: { dong: number; ref: CellRef };
  /** The "Tổng cộng" row's figure in a "Đã giải ngân" column of the year. */
  disbursed?: { dong: number; ref: CellRef };
  /** Figures were left unread for want of a unit (the caller may find it from the text). */
  missingUnit: boolean;
  /** Where each value of each line was read; paths are made when the lines are placed. */
  refs: Map<BudgetLine, Partial<Record<ValueKey, CellRef>>>;
  warnings: ImportWarning[];
  /** The amount columns read, as their headers say (for messages). */
  columns: string[];
}

interface Figure {
  dong: number;
  sub: Kind | 'total';
  ref: CellRef;
}

interface Row {
  title: string;
  titleRef: CellRef;
  style: string;
  bold: boolean;
  figures: Figure[];
  kind?: { kind: Kind; ref: CellRef };
  code?: { code: string; ref: CellRef };
  note?: { text: string; ref: CellRef };
  funding?: { text: string; ref: CellRef };
  children: Row[];
  /** A "Cộng" row between groups: the subtotal of the top-level group above it. */
  subtotal?: boolean;
}

const warn = (line: number, text: string, message: string): ImportWarning => ({ code: 'IMPORT_AMBIGUOUS', message, line, text });

const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

/** The numbering style of an STT ("I", "1", "1.1", "a", "-", "A", "(1)"); "" for none. */
export function styleOf(stt: string): string {
  const t = stt.trim().replace(/[.)]+$/, '');
  if (t === '') return '';
  if (ROMAN.test(t)) return 'roman';
  if (/^\d+$/.test(t)) return 'number';
  if (/^\d+(?:\.\d+)+$/.test(t)) return `sub${t.split('.').length}`;
  if (/^[A-Z]$/.test(t)) return 'upper';
  if (/^[a-zđ]$/.test(t)) return 'letter';
  if (/^\(\d+\)$/.test(t)) return 'paren';
  if (/^[-–—•*·]$/.test(t)) return 'dash';
  if (t === '+') return 'plus';
  return 'other';
}

const TOTAL = /^(?:tổng cộng|tổng số|tổng|cộng)(?!\p{L})(?!\s+(?:hợp|kết))/u;
const IN_WHICH = /^trong đó\s*:?\s*$/u;

function kindFromCell(text: string): Kind | undefined {
  const k = keyOf(text);
  if (/dau tu|dtpt|^dt$/.test(k)) return 'investment';
  if (/thuong xuyen|^tx$|^ctx$/.test(k)) return 'recurrent';
  return undefined;
}

/** The kind a group's title names ("Chi đầu tư phát triển", "Chi thường xuyên"). */
function kindNamed(title: string): Kind | undefined {
  const k = keyOf(title);
  if (/^(?:chi |von )?dau tu(?: phat trien)?\b|chi dau tu phat trien/.test(k)) return 'investment';
  if (/^(?:chi |kinh phi )?thuong xuyen\b|chi thuong xuyen/.test(k)) return 'recurrent';
  return undefined;
}

const KNOWN = new Set(['101', '102', '103', '104', '105', '106', '107', '108', '111', '121']);

/** "102", "Khoản 111", "100-121", "Loại 100, Khoản 121" → the Khoản. */
function codeFromCell(text: string): string | undefined {
  const codes = [...text.matchAll(/(?<!\d)(\d{3})(?!\d)/g)].map((m) => m[1] ?? '');
  return codes.filter((c) => KNOWN.has(c)).at(-1) ?? codes.filter((c) => c !== '100').at(-1);
}

export function fieldOfCode(code: string | undefined): Field | undefined {
  if (code === undefined) return undefined;
  if (code === '111') return 'innovation';
  if (code === '121') return 'digital';
  return /^10[1-8]$/.test(code) ? 'science' : undefined;
}

/** Which amount columns hold the wanted year's estimate, and which sub-column each is. */
function pickColumns(header: TableHeader, year: number): { columns: Column[]; problem?: string } {
  const amounts = header.columns.filter((c) => c.role === 'amount' && c.amount);
  const main = amounts.some((c) => !c.amount?.source) ? amounts.filter((c) => !c.amount?.source) : amounts;
  const ofYear = main.filter((c) => c.amount?.years.includes(year));
  let chosen: Column[];
  if (ofYear.length > 0) {
    const estimate = ofYear.filter((c) => !c.amount?.actual);
    chosen = estimate.length > 0 ? estimate : ofYear;
  } else {
    chosen = main.filter((c) => c.amount?.years.length === 0 && !c.amount.actual);
    if (chosen.length === 0) {
      const years = [...new Set(main.flatMap((c) => c.amount?.years ?? []))];
      return { columns: [], problem: years.length > 0 ? `bảng không có cột dự toán năm ${year} (chỉ có năm ${years.join(', ')})` : 'không xác định được cột kinh phí' };
    }
  }
  // One column per sub-column kind; a column that says none of them is the total.
  const seen = new Set<string>();
  for (const c of chosen) {
    const sub = c.amount?.sub ?? 'total';
    if (seen.has(sub)) return { columns: [], problem: `có nhiều cột kinh phí cùng nghĩa (${chosen.map((x) => `"${x.labels.join(' / ')}"`).join(', ')})` };
    seen.add(sub);
  }
  return { columns: chosen };
}

export function readBudgetTable(
  source: SourceTable,
  tableGrid: (GridCell | undefined)[][],
  header: TableHeader,
  ctx: BudgetTableContext,
): BudgetTableRead {
  let grid = tableGrid;
  const warnings: ImportWarning[] = [];
  const refs: BudgetTableRead['refs'] = new Map();
  const fallback = source.firstLine;
  const picked = pickColumns(header, ctx.year);
  const out: BudgetTableRead = { lines: [], refs, warnings, columns: picked.columns.map((c) => c.labels.join(' / ')), missingUnit: false };
  if (picked.problem) {
    warnings.push(warn(fallback, '', `Bảng dự toán (dòng ${fallback}): ${picked.problem}; số liệu của bảng chưa được đọc, hãy nhập tay.`));
    return out;
  }
  const col = (role: string) => header.columns.find((c) => c.role === role);
  const sttCol = col('stt');
  const titleCol = col('title');
  const codeCol = col('code');
  const kindCol = col('kind');
  const noteCol = col('note');
  const fundingCol = col('funding');
  const disbursedCol = header.columns.find((c) => c.role === 'amount' && c.amount?.actual && /giai ngan/.test(keyOf(c.labels.join(' '))) && (c.amount.years.length === 0 || c.amount.years.includes(ctx.year)));
  const tableUnit = header.columns.filter((c) => c.role === 'amount').map((c) => c.unit).find(Boolean);
  let missingUnit = false;

  grid = joinWrappedRows(grid, header.headerRows, sttCol?.index);
  let lastFilled = -1;
  grid.forEach((l, r) => {
    if (l.some((g) => g && g.first === r && g.cell.text.trim() !== '')) lastFilled = r;
  });
  const rows: Row[] = [];
  let total: BudgetTableRead['total'];
  let afterTotal = false;
  for (let r = header.headerRows; r < grid.length; r += 1) {
    const line = grid[r] ?? [];
    const own = (c: Column | undefined): GridCell | undefined => {
      const g = c ? line[c.index] : undefined;
      return g && g.first === r ? g : undefined;
    };
    const cells = distinct(line).filter((g) => g.first === r && g.cell.text.trim() !== '');
    if (cells.length === 0) continue;
    // Title: the title column, else the first text cell that is not the STT.
    const sttCell = own(sttCol);
    let titleCell = own(titleCol) ?? cells.find((g) => g !== sttCell && cellFigure(g.cell.text).kind === 'text');
    let stt = sttCell && sttCell !== titleCell ? sttCell.cell.text.trim() : '';
    let title = titleCell?.cell.text.trim() ?? '';
    if ((!titleCell || titleCell.cell.text.trim() === '') && sttCell && cellFigure(sttCell.cell.text).kind === 'text' && styleOf(sttCell.cell.text) === 'other') {
      titleCell = sttCell;
      title = stt;
      stt = '';
    }
    if (stt === '' && title) {
      const m = splitMarker(title);
      if (m.kind !== 'none') {
        stt = m.mark;
        title = m.rest.trim();
      }
    }
    const lower = title.normalize('NFC').toLocaleLowerCase('vi');
    // Figures of the chosen columns (a cell merged over two of them is read once).
    const figures: Figure[] = [];
    const read = new Set<GridCell>();
    for (const c of picked.columns) {
      const g = own(c);
      if (!g || read.has(g)) continue;
      read.add(g);
      const f = cellFigure(g.cell.text);
      const ref = refOf(ctx.table, g, fallback);
      if (f.kind === 'empty') continue;
      if (f.kind === 'text') {
        warnings.push(warn(ref.line, g.cell.text, `Ô kinh phí "${f.text}" (dòng ${ref.line}) không phải là một số tiền nên chưa được đọc.`));
        continue;
      }
      const unit = f.unit ?? c.unit ?? tableUnit ?? header.captionUnit ?? ctx.nearbyUnit;
      if (!unit) {
        missingUnit = true;
        continue;
      }
      const parsed = figureDong(f.number, unit);
      if (!parsed) {
        warnings.push(warn(ref.line, g.cell.text, `Số tiền "${f.text} ${unit}" (dòng ${ref.line}) không quy ra được số nguyên đồng nên chưa được đọc.`));
        continue;
      }
      if (parsed.ambiguous) {
        warnings.push(warn(ref.line, g.cell.text, `Đã đọc "${f.text}" ${unit} với dấu phẩy là dấu thập phân (theo cách viết số của Việt Nam); nếu ý là phân nhóm nghìn, hãy sửa lại số liệu.`));
      }
      figures.push({ dong: parsed.dong, sub: c.amount?.sub ?? 'total', ref });
    }
    if (title === '' && stt === '' && figures.length === 0) continue;
    const titleRef = refOf(ctx.table, titleCell ?? cells[0] ?? { cell: { text: '', lines: [], colSpan: 1, rowSpan: 1, bold: false }, row: r, col: 0, first: r }, fallback);
    if (TOTAL.test(lower) && styleOf(stt) === '') {
      const sum = statedOf(figures);
      // "Cộng" followed by more lines is the subtotal of the group above it.
      if (/^cộng(?!\p{L})/u.test(lower) && sum !== undefined) {
        const later = r < lastFilled;
        if (later && rows.length > 0) {
          rows.push({ title, titleRef: refOf(ctx.table, titleCell ?? cells[0] as GridCell, fallback), style: '', bold: false, figures, children: [], subtotal: true });
          continue;
        }
      }
      if (sum !== undefined && total === undefined) total = { dong: sum.dong, ref: sum.ref };
      const d = own(disbursedCol);
      const df = d ? cellFigure(d.cell.text) : undefined;
      const dUnit = df?.kind === 'figure' ? df.unit ?? disbursedCol?.unit ?? tableUnit ?? header.captionUnit ?? ctx.nearbyUnit : undefined;
      const dDong = df?.kind === 'figure' && dUnit ? figureDong(df.number, dUnit) : undefined;
      if (d && dDong && out.disbursed === undefined) out.disbursed = { dong: dDong.dong, ref: refOf(ctx.table, d, fallback) };
      afterTotal = true;
      continue;
    }
    if (IN_WHICH.test(lower)) continue;
    // "Trong đó: chi đầu tư …" right under the total: a breakdown of the total, not more lines.
    if (afterTotal && styleOf(stt) === '' && (/^trong đó/u.test(lower) || kindNamed(title) !== undefined)) continue;
    afterTotal = false;
    if (title === '') {
      if (figures.length > 0) {
        const at = figures[0]?.ref.line ?? fallback;
        warnings.push(warn(at, '', `Dòng ${at} của bảng dự toán có số tiền nhưng không có nội dung nên chưa được đọc.`));
      }
      continue;
    }
    const row: Row = { title, titleRef, style: styleOf(stt), bold: Boolean(titleCell?.cell.bold), figures, children: [] };
    const kindCell = kindCol ? line[kindCol.index] : undefined;
    const kind = kindCell ? kindFromCell(kindCell.cell.text) : undefined;
    if (kindCell && kind) row.kind = { kind, ref: refOf(ctx.table, kindCell, fallback) };
    const codeCell = codeCol ? own(codeCol) : undefined;
    const code = codeCell ? codeFromCell(codeCell.cell.text) : undefined;
    if (codeCell && code) row.code = { code, ref: refOf(ctx.table, codeCell, fallback) };
    const noteCell = own(noteCol);
    if (noteCell && noteCell.cell.text.trim()) row.note = { text: noteCell.cell.text.trim(), ref: refOf(ctx.table, noteCell, fallback) };
    const fundingCell = own(fundingCol);
    if (fundingCell && fundingCell.cell.text.trim()) row.funding = { text: fundingCell.cell.text.trim(), ref: refOf(ctx.table, fundingCell, fallback) };
    rows.push(row);
  }
  out.missingUnit = missingUnit;
  if (missingUnit) {
    warnings.push(warn(fallback, '', `Bảng dự toán (dòng ${fallback}) không ghi đơn vị tính (đồng, nghìn đồng, triệu đồng, tỷ đồng) ở tiêu đề cột hay dòng "Đơn vị tính" nên các số tiền chưa được đọc.`));
  }
  out.lines = flattenKindGroups(toLines(nest(rows), undefined, refs, warnings, true), warnings, refs).map((l) => (l.field ? l : withCommonField(l)));
  if (total) out.total = total;
  return out;
}

/** Rows → tree by the style of their numbering (see the module comment). */
function nest(rows: Row[]): Row[] {
  const roots: Row[] = [];
  const stack: Row[] = [];
  const key = (row: Row) => (row.style === '' ? (row.bold ? 'bold' : '') : row.style);
  for (const row of rows) {
    if (row.subtotal) {
      const group = stack[0];
      if (group && group.figures.length === 0) group.figures = row.figures;
      continue;
    }
    const k = key(row);
    const at = stack.findIndex((s) => key(s) === k);
    if (at >= 0) stack.length = at;
    else if (k === 'bold') {
      // A bold unnumbered row does not go under a plain one.
      while (stack.length > 0 && key(stack[stack.length - 1] as Row) === '') stack.pop();
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(row);
    stack.push(row);
  }
  return roots;
}

/** The figure a row states as a whole: its total column, else the sum of its sub-columns. */
function statedOf(figures: readonly Figure[]): { dong: number; ref: CellRef } | undefined {
  const total = figures.find((f) => f.sub === 'total');
  if (total) return { dong: total.dong, ref: total.ref };
  const first = figures[0];
  return first ? { dong: figures.reduce((s, f) => s + f.dong, 0), ref: first.ref } : undefined;
}

function toLines(rows: Row[], inherited: Kind | undefined, refs: BudgetTableRead['refs'], warnings: ImportWarning[], top: boolean): BudgetLine[] {
  return rows.map((row) => {
    const named = row.kind?.kind ?? (row.children.length > 0 || top ? kindNamed(row.title) : undefined);
    const code = row.code?.code;
    const field = fieldOfCode(code) ?? (row.children.length > 0 || top ? fieldOf(row.title) : undefined);
    const line: BudgetLine = {
      id: '',
      ...(field ? { field } : {}),
      ...(code ? { budgetCode: code } : {}),
      title: row.title,
      kind: named ?? inherited ?? kindOf(row.title),
      amount: 0,
      children: [],
      ...(row.note ? { note: row.note.text } : {}),
      ...(row.funding ? { fundingSource: row.funding.text } : {}),
    };
    const r: Partial<Record<ValueKey, CellRef>> = { title: row.titleRef };
    if (row.code) r.budgetCode = row.code.ref;
    if (row.kind) r.kind = row.kind.ref;
    if (row.note) r.note = row.note.ref;
    if (row.funding) r.fundingSource = row.funding.ref;
    refs.set(line, r);
    if (row.children.length > 0) {
      line.children = toLines(row.children, named ?? inherited, refs, warnings, false);
      const stated = statedOf(row.figures);
      if (stated) {
        line.statedAmount = stated.dong;
        r.statedAmount = stated.ref;
      }
      return line;
    }
    const nonZero = (sub: Kind) => row.figures.find((f) => f.sub === sub && f.dong > 0);
    const inv = nonZero('investment');
    const rec = nonZero('recurrent');
    const total = row.figures.find((f) => f.sub === 'total');
    if (inv && rec) {
      // Figures in both sub-columns: one line of each kind under the row, whose total is stated.
      line.children = ([[inv, 'investment'], [rec, 'recurrent']] as const).map(([f, kind]) => {
        const child: BudgetLine = { id: '', title: KIND_LABELS[kind], kind, amount: f.dong, children: [] };
        refs.set(child, { amount: f.ref });
        return child;
      });
      if (total) {
        line.statedAmount = total.dong;
        r.statedAmount = total.ref;
      }
      return line;
    }
    const figure = inv ?? rec ?? total ?? row.figures[0];
    if (figure) {
      line.amount = figure.dong;
      r.amount = figure.ref;
    }
    if (inv || rec) {
      const kind: Kind = inv ? 'investment' : 'recurrent';
      if (row.kind && row.kind.kind !== kind) {
        warnings.push(warn(row.titleRef.line, row.title, `Dòng "${row.title}" ghi loại chi "${KIND_LABELS[row.kind.kind]}" nhưng số tiền nằm ở cột "${KIND_LABELS[kind]}"; đã theo cột số tiền.`));
      }
      line.kind = kind;
      if (total && total.dong !== figure?.dong) {
        warnings.push(warn(total.ref.line, row.title, `Dòng "${row.title}" ghi tổng số ${formatNumber(total.dong)} đồng khác với số ở cột "${KIND_LABELS[kind]}"; đã đọc số ở cột "${KIND_LABELS[kind]}".`));
      }
    }
    return line;
  });
}

/** A top-level group without a field of its own takes the one all its lines name (REQUIRED asks for it). */
function withCommonField(line: BudgetLine): BudgetLine {
  const fields = new Set<Field | undefined>();
  const visit = (l: BudgetLine, f: Field | undefined) => {
    const mine = l.field ?? f;
    if (l.children.length === 0) fields.add(mine);
    else for (const c of l.children) visit(c, mine);
  };
  for (const c of line.children) visit(c, undefined);
  const [only] = [...fields];
  if (fields.size === 1 && only) line.field = only;
  return line;
}

/**
 * "A. Chi thường xuyên" / "B. Chi đầu tư phát triển" at the top with the fields beneath: the model
 * wants the fields at the top (REQUIRED asks each top group for its field), so a kind group whose
 * lines all name a field gives way to them, their kind kept. Its stated subtotal, which no check
 * would then see, is compared here.
 */
function flattenKindGroups(lines: BudgetLine[], warnings: ImportWarning[], refs: BudgetTableRead['refs']): BudgetLine[] {
  return lines.flatMap((line) => {
    if (line.field || line.children.length === 0 || kindNamed(line.title) === undefined) return [line];
    const fields = line.children.map((c) => c.field ?? fieldOf(c.title));
    if (fields.some((f) => f === undefined)) return [line];
    line.children.forEach((c, i) => {
      c.field ??= fields[i];
    });
    const sum = linesTotal(line.children);
    const ref = refs.get(line)?.statedAmount;
    if (line.statedAmount !== undefined && line.statedAmount !== sum && ref) {
      warnings.push(warn(ref.line, line.title, `Nhóm "${line.title}" ghi ${formatNumber(line.statedAmount)} đồng nhưng các dòng của nhóm cộng lại là ${formatNumber(sum)} đồng.`));
    }
    return line.children;
  });
}

/**
 * Cells wrapped onto a row of their own (tables rebuilt from a PDF's layout): a row with no STT and
 * no figure whose every text starts in lower case ("tường lửa", "xuyên") continues the row above,
 * cell by cell. Returns a new grid; the source cells are not changed.
 */
function joinWrappedRows(grid: (GridCell | undefined)[][], from: number, sttIndex: number | undefined): (GridCell | undefined)[][] {
  const out = grid.map((row) => [...row]);
  let previous = -1;
  for (let r = from; r < out.length; r += 1) {
    const row = out[r] ?? [];
    const own = distinct(row).filter((g) => g.first === r && g.cell.text.trim() !== '');
    if (own.length === 0) continue;
    const noStt = sttIndex === undefined || !own.includes(row[sttIndex] as GridCell);
    const words = own.every((g) => cellFigure(g.cell.text).kind === 'text');
    const lower = (g: GridCell) => /^\p{Ll}/u.test(g.cell.text.trim());
    if (previous >= 0 && noStt && words && own.every(lower)) {
      join(out, r, previous, own, 'after');
      continue;
    }
    // Vertically centred cells: the first line of a title alone above the row that carries the
    // STT and the figures, whose title goes on in lower case.
    const next = out[r + 1] ?? [];
    const nextOwn = distinct(next).filter((g) => g.first === r + 1 && g.cell.text.trim() !== '');
    if (sttIndex !== undefined && noStt && words && !own.some(lower) && nextOwn.some((g) => lower(g) && own.some((o) => row.indexOf(o) === next.indexOf(g)))) {
      join(out, r, r + 1, own, 'before');
      continue;
    }
    previous = r;
  }
  return out;
}

/** Moves the texts of row `from` into the cells of row `into` in the same columns. */
function join(out: (GridCell | undefined)[][], from: number, into: number, own: readonly GridCell[], where: 'before' | 'after'): void {
  const row = out[from] ?? [];
  const target = out[into] ?? [];
  for (const g of own) {
    const c = row.indexOf(g);
    const t = target[c];
    const text = g.cell.text.trim();
    const joined: GridCell = t
      ? { ...t, cell: { ...t.cell, text: where === 'after' ? `${t.cell.text} ${text}` : `${text} ${t.cell.text}`, lines: where === 'after' ? [...t.cell.lines, ...g.cell.lines] : [...g.cell.lines, ...t.cell.lines] } }
      : { ...g, first: into };
    if (t) {
      // Only the rows the cell spans hold it.
      for (let r = t.first; r < Math.min(out.length, t.first + Math.max(1, t.cell.rowSpan)); r += 1) {
        const line = out[r] ?? [];
        for (let k = 0; k < line.length; k += 1) if (line[k] === t) line[k] = joined;
      }
    } else {
      target[c] = joined;
    }
  }
  out[from] = row.map(() => undefined);
}

import type { Kind } from '../../domain/report-schema.ts';
import { searchKey } from '../../domain/text.ts';
import { amountToDong } from './amounts.ts';
import type { SourceCell, SourceTable } from './types.ts';

/**
 * Tables read by the meaning of their header cells. A table of the source is one of:
 *  - a budget table: a header row (or two or three split header rows with merged cells) whose
 *    cells say STT / Nội dung / Mã Khoản / Loại chi / Kinh phí … / Ghi chú;
 *  - a dossier table: labels saying hồ sơ tiếp nhận / trong kỳ / trực tuyến / đúng hạn …, in a
 *    header row or down the first column, with their figures;
 *  - a layout table (the header, the signature, anything else): its lines stay in the running text.
 * Header words are matched on `searchKey` (no case, no diacritics), never as exact strings.
 */

/** A position of the table's rectangular grid: the source cell covering it and where that cell is. */
export interface GridCell {
  cell: SourceCell;
  /** Index of the cell in `table.rows` / `table.rows[row]` (what an ImportSource's `cell` names). */
  row: number;
  col: number;
  /** The grid row where the cell starts (the row it belongs to; the rows below it spans are not its own). */
  first: number;
  /** The table the cell belongs to, when rows of a table continued on the next page were joined to it. */
  table?: number;
}

/** Where a value was read: the source cell and its first line. */
export interface CellRef {
  table: number;
  row: number;
  col: number;
  line: number;
}

/**
 * Columns of a table's grid at most: a budget or dossier table has ten or twenty. Cells (or parts
 * of spans) beyond it stay out of the grid (their text is still in the lines), so that a hostile
 * table (hundreds of cells a row, colspan 100000) cannot make a grid of millions of positions.
 */
export const MAX_GRID_COLUMNS = 64;

/** Spans expanded: `grid[r][c]` is the cell covering grid row r, column c (undefined for a hole). */
export function toGrid(table: SourceTable): (GridCell | undefined)[][] {
  const grid: (GridCell | undefined)[][] = table.rows.map(() => []);
  table.rows.forEach((cells, r) => {
    let c = 0;
    cells.forEach((cell, i) => {
      const line = grid[r] ?? [];
      while (line[c] !== undefined) c += 1;
      if (c >= MAX_GRID_COLUMNS) return;
      const g: GridCell = { cell, row: r, col: i, first: r };
      const colSpan = Math.min(Math.max(1, cell.colSpan), MAX_GRID_COLUMNS - c);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr += 1) {
        const target = grid[r + dr];
        if (!target) break;
        for (let dc = 0; dc < colSpan; dc += 1) target[c + dc] = g;
      }
      c += colSpan;
    });
  });
  const width = grid.reduce((m, l) => Math.max(m, l.length), 0);
  for (const line of grid) for (let c = 0; c < width; c += 1) line[c] ??= undefined;
  return grid;
}

export const refOf = (table: number, g: GridCell, fallbackLine: number): CellRef =>
  ({ table: g.table ?? table, row: g.row, col: g.col, line: g.cell.lines[0] ?? fallbackLine });

// ---------------------------------------------------------------------------------------------
// Money units

export type MoneyUnit = 'đồng' | 'nghìn đồng' | 'triệu đồng' | 'tỷ đồng';

/**
 * The money unit a text names: "(triệu đồng)", "Tr.đ", "trđ", "tr đồng", "tỷ", "nghìn đồng",
 * "đồng", "VNĐ". "tỷ lệ" is a rate, not a unit; "hoạt động" is not "đồng".
 */
export function unitOf(text: string): MoneyUnit | undefined {
  const t = text.normalize('NFC').toLocaleLowerCase('vi');
  if (/(?<!\p{L})(?:nghìn|ngàn)\s*(?:đồng|đ)(?!\p{L})/u.test(t)) return 'nghìn đồng';
  if (/(?<!\p{L})(?:tỷ|tỉ)(?!\s*lệ)(?!\p{L})/u.test(t)) return 'tỷ đồng';
  if (/(?<!\p{L})(?:triệu(?!\p{L})|tr\.?\s?đ(?:ồng)?(?!\p{L})|trđ(?!\p{L}))/u.test(t)) return 'triệu đồng';
  if (/(?<!\p{L})(?:đồng|vnđ|vnd|đ)(?!\p{L})/u.test(t)) return 'đồng';
  return undefined;
}

/** "Đơn vị tính: triệu đồng", "(ĐVT: đồng)", "Đơn vị: Triệu đồng" → the unit. */
export function unitLine(text: string): MoneyUnit | undefined {
  const m = /^\s*\(?\s*(?:đơn vị tính|đvt|đơn vị)\s*[:.]?\s*(.{1,40}?)\s*\)?\s*$/iu.exec(text.normalize('NFC'));
  return m?.[1] ? unitOf(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Figures in cells

/**
 * A cell of an amount column:
 *  - `empty`: nothing, "-", "–", "—", "x" (the genre's "no figure here"): no figure, not zero.
 *    A leaf whose amount cells are all empty gets amount 0 (LEAF_AMOUNT then says so); a group
 *    with no figure states no subtotal.
 *  - `figure`: "1.320", "12,5", "1.205.500.000", "1 320", with or without the cell's own unit
 *    ("450 triệu đồng"); "0" is a figure (zero).
 *  - `text`: anything else ("Lồng ghép", "1,320,000"): not read, warned.
 */
export type CellFigure =
  | { kind: 'empty' }
  | { kind: 'figure'; number: string; unit?: MoneyUnit; text: string }
  | { kind: 'text'; text: string };

const NUMBER = /^(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?)$/u;

export function cellFigure(text: string): CellFigure {
  const t = text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === '' || /^[-–—x×]+$/iu.test(t) || /^\(?\s*\)?$/.test(t)) return { kind: 'empty' };
  // A unit of its own: "450 triệu đồng", "1.205.500.000 đ", "(đồng) 500".
  const numberPart = /^\d[\d. ,]*\d|^\d/u.exec(t)?.[0]?.trim() ?? '';
  const rest = t.slice(numberPart.length).trim();
  if (numberPart && NUMBER.test(numberPart)) {
    if (rest === '') return { kind: 'figure', number: numberPart.replace(/ /g, '.'), text: t };
    const unit = unitOf(rest);
    if (unit && rest.length <= 14) return { kind: 'figure', number: numberPart.replace(/ /g, '.'), unit, text: t };
  }
  return { kind: 'text', text: t };
}

/** The figure in đồng (digit-exact, amounts.ts), or undefined when it is not a whole number of đồng. */
export function figureDong(number: string, unit: MoneyUnit): { dong: number; ambiguous: boolean } | undefined {
  try {
    return amountToDong(number, unit);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Header cells

export type ColumnRole = 'stt' | 'title' | 'code' | 'kind' | 'amount' | 'rate' | 'unit' | 'note' | 'funding';

export interface AmountMeta {
  years: number[];
  /** "Ước thực hiện", "Đã giải ngân", "Thực hiện năm …": what was spent, not the estimate. */
  actual: boolean;
  /** Sub-column: "Chi đầu tư phát triển" / "Chi thường xuyên" / "Tổng số". */
  sub?: Kind | 'total';
  /** A funding-source breakdown ("Ngân sách xã", "Nguồn khác", "Xã hội hóa"). */
  source: boolean;
}

export interface Column {
  index: number;
  role?: ColumnRole;
  /** Header texts of the column, top to bottom (merged cells once). */
  labels: string[];
  unit?: MoneyUnit;
  amount?: AmountMeta;
  /** The header cell of the column (lowest), for sources. */
}

const K = {
  stt: /^(?:stt|tt|so tt|so thu tu)\.?$/,
  note: /ghi chu/,
  unit: /^(?:dvt|don vi tinh|don vi)\.?$/,
  code: /ma khoan|ma so|^khoan$|^khoan \d|^ma$|ma loai|loai,? khoan|ma nganh|ma chuong|ma muc|ma nhiem vu/,
  kind: /loai chi|tinh chat|nhom chi|^loai$|^phan loai$/,
  rate: /ty le|%/,
  amount: /kinh phi|du toan|so tien|thanh tien|tong so|tong cong|^tong$|^cong$|thuc hien|chi dau tu|chi thuong xuyen|nhu cau|giai ngan|ngan sach|nguon von|^nam \d{4}|dau tu phat trien|thuong xuyen|von|gia tri|ke hoach nam|^kh (?:nam )?\d{4}/,
  title: /noi dung|danh muc|^ten\b|hang muc|chi tieu|nhiem vu|du an|cong viec|linh vuc|khoan chi|muc chi/,
};

const ACTUAL = /\buoc\b|giai ngan|da chi|luy ke|quyet toan|da thuc hien|thuc hien (?:nam|\d|6 thang|ca nam|den)|^thuc hien$/;
const SOURCE = /ngan sach (?:cap|tinh|xa|trung uong|dia phuong|nha nuoc)|nguon khac|xa hoi hoa|von khac|huy dong|doi ung|von vay/;

export const keyOf = (text: string): string => searchKey(text).replace(/[():;,]+/g, (m) => (m.includes(',') ? ',' : ' ')).replace(/\s+/g, ' ').trim();

/** The role a header label gives its column (first the most specific words). */
function roleOf(label: string): ColumnRole | undefined {
  const k = keyOf(label).replace(/\(.*?\)/g, '').trim();
  if (K.stt.test(k)) return 'stt';
  // "Thời gian thực hiện", "Tiến độ", "Đơn vị thực hiện": not figures of money.
  if (/\b(?:thoi gian|tien do|thoi han|thoi diem|don vi (?:thuc hien|chu tri|phoi hop)|co quan)\b/.test(k)) return undefined;
  if (K.note.test(k)) return 'note';
  if (K.unit.test(k)) return 'unit';
  if (K.code.test(k)) return 'code';
  if (K.kind.test(k)) return 'kind';
  if (/^nguon(?: von| kinh phi)?(?: bo tri)?$|^nguon von|^nguon kinh phi/.test(k)) return 'funding';
  if (K.rate.test(k) && !/kinh phi|so tien/.test(k)) return 'rate';
  if (K.amount.test(k) && !/^noi dung|^danh muc|^ten\b/.test(k)) return 'amount';
  if (K.title.test(k)) return 'title';
  return undefined;
}

/** True when a cell reads like a header word of a budget table (used to find the header rows). */
export const isBudgetHeaderWord = (text: string): boolean => {
  const k = keyOf(text);
  return k.length <= 80 && roleOf(text) !== undefined && !/^\d/.test(k);
};

function amountMeta(labels: readonly string[]): AmountMeta {
  const all = keyOf(labels.join(' '));
  const last = keyOf(labels[labels.length - 1] ?? '');
  const years = [...all.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const subOf = (k: string): AmountMeta['sub'] =>
    /dau tu|dtpt/.test(k) ? 'investment' : /thuong xuyen/.test(k) ? 'recurrent' : /^(?:tong so|tong cong|tong|cong)\b/.test(k) ? 'total' : undefined;
  const sub = labels.length > 1 ? subOf(last) : subOf(all);
  return { years, actual: ACTUAL.test(all), ...(sub ? { sub } : {}), source: SOURCE.test(last) && labels.length > 1 };
}

export interface TableHeader {
  /** Grid rows above the data (captions and header rows, the column-number row). */
  headerRows: number;
  columns: Column[];
  /** A unit given in a caption row inside the table ("Đơn vị tính: triệu đồng"). */
  captionUnit?: MoneyUnit;
}

/** A row of column numbers under the header: "1 2 3 4 5", "(1) (2) (3)", "A B 1 2 3". */
function isNumberingRow(cells: readonly (GridCell | undefined)[]): boolean {
  const texts = distinct(cells).map((g) => g.cell.text.trim()).filter(Boolean);
  return texts.length >= 2 && texts.every((t) => /^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d+\-()\s]+)?$/.test(t));
}

export function distinct(cells: readonly (GridCell | undefined)[]): GridCell[] {
  // A Set, not out.includes: a row of thousands of cells (hostile input) must stay linear.
  const seen = new Set<GridCell>();
  for (const g of cells) if (g) seen.add(g);
  return [...seen];
}

/**
 * The header of a table: leading caption rows (one text across the table), then the rows whose
 * cells are header words, or are held down by a merged header cell above (split headers), then
 * a column-number row. Undefined when the first rows hold no header word.
 */
export function readHeader(grid: (GridCell | undefined)[][]): TableHeader | undefined {
  let r = 0;
  let captionUnit: MoneyUnit | undefined;
  // Captions: a single text spanning the table ("BIỂU CHI TIẾT …", "Đơn vị tính: triệu đồng").
  while (r < grid.length && r < 3) {
    const cells = distinct(grid[r] ?? []).filter((g) => g.cell.text.trim() !== '');
    if (cells.length !== 1 || isBudgetHeaderWord(cells[0]?.cell.text ?? '')) break;
    captionUnit ??= unitLine(cells[0]?.cell.text ?? '') ?? (/đơn vị|đvt/iu.test(cells[0]?.cell.text ?? '') ? unitOf(cells[0]?.cell.text ?? '') : undefined);
    r += 1;
  }
  const start = r;
  while (r < grid.length && r - start < 4) {
    const row = grid[r] ?? [];
    const cells = distinct(row);
    const fromAbove = r > start && row.some((g, c) => g !== undefined && g === grid[r - 1]?.[c]);
    const words = cells.filter((g) => g.first === r && isBudgetHeaderWord(g.cell.text)).length;
    const own = cells.filter((g) => g.first === r && g.cell.text.trim() !== '');
    const figures = own.filter((g) => cellFigure(g.cell.text).kind === 'figure').length;
    const yearOnly = own.every((g) => /^(?:năm\s+)?20\d\d$/iu.test(g.cell.text.trim()));
    // A second header row sits under a merged cell of the one above (split headers), or is
    // made of header words only (a split header rebuilt without spans).
    const under = r > start && row.some((g, c) => g !== undefined && g.first === r && (grid[r - 1]?.[c]?.cell.colSpan ?? 1) > 1);
    const allWords = own.length >= 2 && words === own.length;
    const split = (fromAbove || under) && own.length > 0 && (yearOnly || own.every((g) => g.cell.text.length <= 60));
    // A row of units under the header ("(triệu đồng)", "ĐVT: đồng") belongs to it.
    const units = own.length > 0 && own.every((g) => g.cell.text.trim().length <= 24 && unitOf(g.cell.text) !== undefined);
    if (r === start ? words >= 2 : figures === 0 && (split || allWords || units)) {
      r += 1;
      continue;
    }
    break;
  }
  if (r === start) return undefined;
  const headerEnd = r;
  if (r < grid.length && isNumberingRow(grid[r] ?? [])) r += 1;
  const width = grid.reduce((m, l) => Math.max(m, l.length), 0);
  const columns: Column[] = [];
  for (let c = 0; c < width; c += 1) {
    const labels: string[] = [];
    let seen: GridCell | undefined;
    for (let hr = start; hr < headerEnd; hr += 1) {
      const g = grid[hr]?.[c];
      if (g && g !== seen && g.cell.text.trim() !== '') labels.push(g.cell.text.trim());
      seen = g ?? seen;
    }
    const column: Column = { index: c, labels };
    // The lowest label names the column; a merged one above ("Dự toán năm 2027") qualifies it.
    const role = labels.length === 0 ? undefined : (roleOf(labels.join(' ')) === 'amount' ? 'amount' : roleOf(labels[labels.length - 1] ?? '') ?? roleOf(labels.join(' ')));
    if (role) column.role = role;
    // A column whose cells hold words, not figures ("Nguồn vốn: Ngân sách xã"), is not an amount column.
    if (role === 'amount' || role === 'funding') {
      const data = grid.slice(r).map((l) => l[c]).filter((g): g is GridCell => g !== undefined && g.cell.text.trim() !== '');
      const texts = data.filter((g) => cellFigure(g.cell.text).kind === 'text').length;
      const textual = data.length > 0 && texts * 2 > data.length;
      if (role === 'amount' && textual) column.role = /nguon/.test(keyOf(labels.join(' '))) ? 'funding' : undefined;
      if (role === 'funding' && !textual) column.role = 'amount';
      if (column.role === undefined) delete column.role;
    }
    const unit = [...labels].reverse().map(unitOf).find(Boolean);
    if (unit && (column.role === 'amount' || column.role === 'rate' || column.role === undefined)) column.unit = unit;
    if (column.role === 'amount') column.amount = amountMeta(labels);
    columns.push(column);
  }
  return { headerRows: r, columns, ...(captionUnit ? { captionUnit } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Dossier labels

export type DossierKey =
  | 'total' | 'receivedInPeriod' | 'carriedOver' | 'fields' | 'online' | 'direct'
  | 'resolvedOnTime' | 'resolvedLate' | 'pendingOnTime' | 'supplementRequested'
  | 'digitizationRate' | 'onlinePaymentRate';

/** The dossier figure a label names (on searchKey; the most specific phrases first). */
export function dossierKeyOf(label: string): DossierKey | undefined {
  const k = keyOf(label);
  if (/thanh toan truc tuyen/.test(k)) return 'onlinePaymentRate';
  if (/so hoa/.test(k)) return 'digitizationRate';
  if (/dang giai quyet|chua den han|trong han/.test(k) && !/da giai quyet/.test(k)) return 'pendingOnTime';
  if (/bo sung/.test(k)) return 'supplementRequested';
  if (/qua han|tre han|\bcham\b/.test(k)) return 'resolvedLate';
  if (/dung han|truoc han/.test(k)) return 'resolvedOnTime';
  if (/truc tuyen|qua mang|dich vu cong/.test(k)) return 'online';
  if (/truc tiep|mot cua|buu chinh/.test(k)) return 'direct';
  if (/ky truoc|chuyen sang|\bton\b/.test(k)) return 'carriedOver';
  if (/trong ky|tiep nhan moi|moi tiep nhan|nhan moi/.test(k)) return 'receivedInPeriod';
  if (/linh vuc/.test(k)) return 'fields';
  if (/tong so|tong cong|da tiep nhan|tiep nhan|tong ho so|^tong\b/.test(k)) return 'total';
  return undefined;
}

export type TableKind = 'budget' | 'dossier' | 'layout';

const DOSSIER_CONTEXT = /ho so|thu tuc hanh chinh|tthc|tiep nhan|giai quyet/;

/** What a table is, from its header cells (or, for a dossier table, its first column). */
const MONEY = /kinh phi|du toan|so tien|thanh tien|\bvon\b|ngan sach|chi dau tu|chi thuong xuyen|nhu cau|giai ngan|gia tri/;

/**
 * What a table is. A budget table needs money in its header — a money word ("Kinh phí", "Dự
 * toán", "Số tiền" …) or a unit (in a header cell, a caption row, or the "Đơn vị tính" line next
 * to it: `unitNearby`) — so that a table of targets ("Chỉ tiêu | Kế hoạch năm 2026 | Thực hiện")
 * stays text.
 */
export function classifyTable(table: SourceTable, unitNearby = false): { kind: TableKind; grid: (GridCell | undefined)[][]; header?: TableHeader } {
  const grid = toGrid(table);
  const header = readHeader(grid);
  if (header) {
    const roles = header.columns.map((c) => c.role);
    const dossierWords = new Set(header.columns.flatMap((c) => c.labels.map(dossierKeyOf)).filter((k) => k && k !== 'total' && k !== 'fields'));
    const amounts = header.columns.filter((c) => c.role === 'amount');
    const money = unitNearby || header.captionUnit !== undefined || amounts.some((c) => c.unit !== undefined || MONEY.test(keyOf(c.labels.join(' '))))
      || grid.slice(header.headerRows).some((row) => amounts.some((c) => { const f = row[c.index] ? cellFigure(row[c.index]?.cell.text ?? '') : undefined; return f?.kind === 'figure' && f.unit !== undefined; }));
    if (amounts.length > 0 && money && (roles.includes('title') || roles.includes('stt')) && dossierWords.size < 2) return { kind: 'budget', grid, header };
  }
  if (isDossierTable(grid)) return { kind: 'dossier', grid };
  return { kind: 'layout', grid };
}

/** At least three distinct dossier labels (short text cells) and a figure, in a table that speaks of hồ sơ. */
function isDossierTable(grid: (GridCell | undefined)[][]): boolean {
  const cells = distinct(grid.flat());
  if (!DOSSIER_CONTEXT.test(keyOf(cells.map((g) => g.cell.text).join(' ')))) return false;
  const labels = new Set(cells.map((g) => (g.cell.text.length <= 80 && cellFigure(g.cell.text).kind === 'text' ? dossierKeyOf(g.cell.text) : undefined)).filter(Boolean));
  const figures = cells.some((g) => cellFigure(g.cell.text.replace(/\s*%$/, '')).kind === 'figure');
  return labels.size >= 3 && figures;
}

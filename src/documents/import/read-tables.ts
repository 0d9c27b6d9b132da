import { linesTotal } from '../../domain/budget.ts';
import { formatMillions } from '../../domain/format.ts';
import type { BudgetLine, Dossiers, StatedTotal } from '../../domain/report-schema.ts';
import { assignIds } from './budget-lines.ts';
import { readBudgetTable, type BudgetTableRead } from './budget-table.ts';
import { readDossierTable } from './dossier-table.ts';
import { classifyTable, unitLine, type GridCell, type MoneyUnit, type TableHeader } from './tables.ts';
import type { ImportSource, ImportWarning, SourceDocument, SourceTable } from './types.ts';

/**
 * The data tables of a document, placed and merged with what the text gave.
 *
 * Before segmenting, `prepareTables` classifies every table (tables.ts) and takes the lines of the
 * data tables (budget, dossier figures) — and the "Đơn vị tính" line read with a budget table —
 * out of the running text: they are read as cells here, so they are neither parsed as text nor
 * reported unread/unplaced. Layout tables (header, signature) keep their lines in the text.
 *
 * After segmenting, `applyTables` places each data table by where the reading stood (segment's
 * trail): a budget table in Part II, or after the signature (the appendix, "Biểu chi tiết"), is
 * the plan year's budget; in Part I, the current year's. A dossier table anywhere fills the
 * dossier figures.
 *
 * Not counted twice: when the text of a part already gives budget lines, the text wins and a
 * table of the same budget is compared (a warning when its lines add up to another sum), not
 * added — except when the text gives the plan only as lines without detail (one per field) and
 * a table gives the same total in more lines: the table is that budget in detail and replaces
 * them. When the text gives none, the first table of the part gives the lines and any later one
 * (an appendix repeating it) is compared. The stated total is the text's sentence when there is
 * one, else the table's "Tổng cộng" row; when both exist and differ, a warning names both, and
 * when the sentence (with no amount in words) agrees with the lines the table's row is kept
 * instead, so that BUDGET_TOTAL reports it. Dossier figures: the text's win; a table fills those
 * the text did not state, and a different figure is a warning.
 */
interface DataTable {
  index: number;
  kind: 'budget' | 'dossier';
  source: SourceTable;
  grid: (GridCell | undefined)[][];
  header?: TableHeader;
  nearbyUnit?: MoneyUnit;
  /** "(Bằng chữ: …)" just below the table: the words of its total. */
  words?: { text: string; line: number };
}

export interface PreparedTables {
  /** The source lines with the data tables' lines (and their "Đơn vị tính" line) blanked. */
  lines: string[];
  tables: DataTable[];
}

const WORDS_LINE = /^\(?\s*(?:viết\s+)?bằng chữ\s*:\s*(.+?)\s*\)?\s*[.;]?\s*\)?$/iu;

export function prepareTables(doc: SourceDocument): PreparedTables {
  const lines = [...doc.lines];
  const inTable = new Set<number>();
  for (const t of doc.tables) for (const row of t.rows) for (const c of row) for (const l of c.lines) inTable.add(l);
  const blank = (source: SourceTable) => {
    for (const row of source.rows) for (const cell of row) for (const l of cell.lines) lines[l - 1] = '';
  };
  const tables: DataTable[] = [];
  const unitNear = (source: SourceTable) => source.firstLine > 0
    && [...nearLines(doc.lines, source.firstLine, -1, inTable), ...nearLines(doc.lines, source.lastLine, 1, inTable)].some((l) => unitLine(doc.lines[l - 1] ?? '') !== undefined);
  doc.tables.forEach((source, index) => {
    const c = classifyTable(source, unitNear(source));
    const previous = tables[tables.length - 1];
    // A budget table continued on the next page (a PDF, a table split by hand): its rows join the previous one.
    if (previous?.kind === 'budget' && previous.source.lastLine > 0 && continues(doc.lines, previous, source, c, inTable)) {
      const skip = c.kind === 'budget' ? (c.header?.headerRows ?? 0) : 0;
      const offset = previous.grid.length - skip;
      const moved = new Map<GridCell, GridCell>();
      const move = (g: GridCell | undefined) => {
        if (!g) return undefined;
        const m = moved.get(g) ?? { ...g, table: index, first: g.first + offset };
        moved.set(g, m);
        return m;
      };
      previous.grid.push(...c.grid.slice(skip).map((row) => row.map(move)));
      previous.source = { ...previous.source, lastLine: Math.max(previous.source.lastLine, source.lastLine) };
      blank(source);
      return;
    }
    if (c.kind === 'layout') return;
    const table: DataTable = { index, kind: c.kind, source, grid: c.grid, ...(c.header ? { header: c.header } : {}) };
    blank(source);
    tables.push(table);
  });
  for (const table of tables) {
    if (table.kind !== 'budget' || table.source.firstLine === 0) continue;
    // "Đơn vị tính: triệu đồng" just above the table (up to three text lines), else just below.
    const above = nearLines(doc.lines, table.source.firstLine, -1, inTable);
    const below = nearLines(doc.lines, table.source.lastLine, 1, inTable);
    for (const l of [...above, ...below]) {
      const unit = unitLine(doc.lines[l - 1] ?? '');
      if (unit) {
        table.nearbyUnit = unit;
        lines[l - 1] = '';
        break;
      }
    }
    for (const l of below) {
      const m = WORDS_LINE.exec(lines[l - 1] ?? '');
      if (m?.[1]) {
        table.words = { text: m[1].replace(/[.\s]+$/u, ''), line: l };
        lines[l - 1] = '';
        break;
      }
    }
  }
  return { lines, tables };
}

/** The next table goes on with the previous budget table: nothing but blank lines between, same width, and either the same header or none. */
function continues(lines: readonly string[], previous: DataTable, next: SourceTable, c: ReturnType<typeof classifyTable>, inTable: ReadonlySet<number>): boolean {
  if (next.firstLine === 0) return false;
  for (let l = previous.source.lastLine + 1; l < next.firstLine; l += 1) if (!inTable.has(l) && (lines[l - 1] ?? '').trim() !== '') return false;
  const width = (g: (GridCell | undefined)[][]) => g.reduce((m, r) => Math.max(m, r.length), 0);
  if (width(c.grid) !== width(previous.grid)) return false;
  if (c.kind === 'budget') {
    const labels = (h: TableHeader | undefined) => h?.columns.map((x) => x.labels.join('/')).join('|');
    return labels(c.header) === labels(previous.header);
  }
  return c.kind === 'layout' && c.grid.some((row) => row.some((g) => g && /^\d[\d.,]*$/.test(g.cell.text.trim())));
}

/** Up to three non-empty lines from `from` going `step`, stopping at another table. */
function nearLines(lines: readonly string[], from: number, step: 1 | -1, inTable: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let l = from + step; l >= 1 && l <= lines.length && out.length < (step < 0 ? 3 : 2); l += step) {
    if (inTable.has(l)) break;
    if ((lines[l - 1] ?? '').trim() !== '') out.push(l);
  }
  return out;
}

export interface TableTargets {
  reportYear: number;
  planYear: number;
  current: { lines: BudgetLine[]; stated: StatedTotal; disbursed?: number };
  plan: { groups: BudgetLine[]; stated: StatedTotal };
  dossiers: Dossiers;
  warnings: ImportWarning[];
  sources: ImportSource[];
}

type Trail = readonly { line: number; zone: string; slot: string | undefined }[];

const UNITS: MoneyUnit[] = ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'];
const tr = (dong: number) => `${formatMillions(dong)} triệu đồng`;

export function applyTables(prepared: PreparedTables, trail: Trail, t: TableTargets): void {
  const textHad = { plan: t.plan.groups.length > 0, current: t.current.lines.length > 0 };
  const fromTable = { plan: false, current: false };
  for (const table of prepared.tables) {
    const at = trail.find((x) => x.line > table.source.lastLine) ?? trail[trail.length - 1];
    const zone = at?.zone ?? 'header';
    if (table.kind === 'dossier') {
      const read = readDossierTable(table.source, table.grid, table.index);
      t.warnings.push(...read.warnings);
      const d = t.dossiers as Record<string, number | string | undefined>;
      for (const [key, value] of Object.entries(read.dossiers)) {
        const ref = read.refs[key as keyof Dossiers];
        if (d[key] === undefined) {
          d[key] = value;
          if (ref) t.sources.push({ path: `implementation.dossiers.${key}`, line: ref.line, cell: { table: ref.table, row: ref.row, col: ref.col } });
        } else if (d[key] !== value && ref) {
          t.warnings.push({ code: 'IMPORT_AMBIGUOUS', message: `Bảng số liệu hồ sơ (dòng ${ref.line}) ghi ${String(value)}, khác với số trong văn bản (${String(d[key])}); đã giữ số trong văn bản.`, line: ref.line, text: String(value) });
        }
      }
      continue;
    }
    let part: 'current' | 'plan' | undefined = zone === 'partI' ? 'current' : ['partII', 'proposals', 'signature', 'recipients', 'appendix'].includes(zone) ? 'plan' : undefined;
    // A table whose money columns name only the other year is that year's budget wherever it
    // stands ("Biểu tình hình thực hiện năm 2026" in the appendix, a plan table in Part I).
    const years = new Set(table.header?.columns.flatMap((c) => (c.role === 'amount' ? c.amount?.years ?? [] : [])));
    if (part === 'current' && years.has(t.planYear) && !years.has(t.reportYear)) part = 'plan';
    else if (part === 'plan' && years.has(t.reportYear) && !years.has(t.planYear)) part = 'current';
    if (!part || !table.header) {
      t.warnings.push({ code: 'IMPORT_UNPLACED', message: `Bảng dự toán ở dòng ${table.source.firstLine} đứng ngoài phần I và phần II của báo cáo nên chưa được nhập.`, line: table.source.firstLine, text: '' });
      continue;
    }
    const year = part === 'plan' ? t.planYear : t.reportYear;
    const lines = part === 'plan' ? t.plan.groups : t.current.lines;
    const stated = part === 'plan' ? t.plan.stated : t.current.stated;
    const header = table.header;
    const readWith = (unit?: MoneyUnit) => readBudgetTable(table.source, table.grid, header, { table: table.index, year, ...(unit ? { nearbyUnit: unit } : {}) });
    let read = readWith(table.nearbyUnit);
    if (read.missingUnit && stated.total !== undefined) {
      // No unit anywhere in the table: the one unit that makes it add up to the total the text
      // states is the table's (confirmed by the document, not guessed); none or several: not read.
      const fits = UNITS.map((u) => readWith(u)).filter((r) => !r.missingUnit && (r.total?.dong ?? linesTotal(r.lines)) === stated.total);
      if (fits.length === 1 && fits[0]) read = fits[0];
    }
    t.warnings.push(...read.warnings);
    const prefix = part === 'plan' ? 'plan.budget' : 'implementation.budget.lines';
    const statedPath = part === 'plan' ? 'plan.stated.total' : 'implementation.budget.stated.total';
    const label = part === 'plan' ? `năm ${t.planYear}` : `năm ${t.reportYear}`;
    if (read.lines.length === 0) continue;
    const mine = linesTotal(read.lines);
    const theirs = linesTotal(lines);
    // The text gives the plan only by field ("Khoa học, công nghệ: 1.320 triệu đồng" …, no lines
    // beneath) and the table the same total in detail: the table is the detail of that budget.
    const detail = part === 'plan' && textHad.plan && !fromTable.plan && lines.every((l) => l.children.length === 0)
      && leafCount(read.lines) > lines.length && mine === theirs;
    if (detail) {
      lines.splice(0, lines.length);
      for (let i = t.sources.length - 1; i >= 0; i -= 1) if (t.sources[i]?.path.startsWith(`${prefix}.`)) t.sources.splice(i, 1);
    } else if (textHad[part] || fromTable[part]) {
      // Already read (from the text, or an earlier table): compare, do not add.
      if (mine !== theirs) {
        t.warnings.push({
          code: 'IMPORT_AMBIGUOUS',
          message: `Bảng dự toán ${label} ở dòng ${table.source.firstLine} cộng được ${tr(mine)}, khác với dự toán đã đọc (${tr(theirs)}); bảng chỉ được đối chiếu, không cộng thêm: hãy kiểm tra.`,
          line: table.source.firstLine,
          text: '',
        });
      }
      continue;
    }
    fromTable[part] = true;
    lines.push(...read.lines);
    if (table.words && stated.totalWords === undefined) {
      stated.totalWords = table.words.text;
      t.sources.push({ path: part === 'plan' ? 'plan.stated.totalWords' : 'implementation.budget.stated.totalWords', line: table.words.line });
    }
    if (part === 'current' && read.disbursed && t.current.disbursed === undefined) {
      t.current.disbursed = read.disbursed.dong;
      t.sources.push(source('implementation.budget.disbursed', read.disbursed.ref));
    }
    assignIds(lines, part === 'plan' ? 'p' : 'i');
    pushSources(lines, prefix, read, t.sources);
    if (read.total) {
      const sum = linesTotal(lines);
      if (stated.total === undefined) {
        stated.total = read.total.dong;
        t.sources.push(source(statedPath, read.total.ref));
      } else if (stated.total !== read.total.dong) {
        const text = stated.total;
        t.warnings.push({
          code: 'IMPORT_AMBIGUOUS',
          message: `Tổng dự toán ${label}: văn bản ghi ${tr(text)}, bảng ghi ${tr(read.total.dong)} (dòng ${read.total.ref.line}).`,
          line: read.total.ref.line,
          text: '',
        });
        // The sentence's total goes with its amount in words; only without words does the
        // table's (disagreeing) row take its place, so that BUDGET_TOTAL sees it.
        if (text === sum && stated.totalWords === undefined) {
          stated.total = read.total.dong;
          t.sources.push(source(statedPath, read.total.ref));
        }
      }
    }
  }
}

const leafCount = (lines: readonly BudgetLine[]): number => lines.reduce((n, l) => n + (l.children.length === 0 ? 1 : leafCount(l.children)), 0);

const source = (path: string, ref: { line: number; table: number; row: number; col: number }): ImportSource =>
  ({ path, line: ref.line, cell: { table: ref.table, row: ref.row, col: ref.col } });

function pushSources(lines: readonly BudgetLine[], prefix: string, read: BudgetTableRead, out: ImportSource[]): void {
  lines.forEach((line, i) => {
    const path = `${prefix}.${i}`;
    const refs = read.refs.get(line);
    if (refs) for (const [key, ref] of Object.entries(refs)) out.push(source(`${path}.${key}`, ref));
    pushSources(line.children, `${path}.children`, read, out);
  });
}

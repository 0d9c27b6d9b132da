import type { ImportSource, SourceTable } from '../../../../src/documents/import/types.ts';

/**
 * Where a value of the import preview was read, and back: the pure part of "hover a figure, see
 * its line; click a line, see its figures". A preview item stands for one place of the report
 * ("plan.budget.0.children.2"); the importer records sources per field of it (".amount",
 * ".title", ".statedAmount"), so an item owns the sources at its path and at its own fields — not
 * those of its children (a group row does not light up every line under it).
 */

export interface CellRef {
  table: number;
  row: number;
  col: number;
}

export const cellKey = (c: CellRef): string => `${c.table}:${c.row}:${c.col}`;

/** True when a source recorded at `sourcePath` belongs to the preview item at `itemPath`. */
export function ownsPath(itemPath: string, sourcePath: string): boolean {
  if (sourcePath === itemPath) return true;
  if (!sourcePath.startsWith(`${itemPath}.`)) return false;
  return !sourcePath.slice(itemPath.length + 1).includes('.');
}

/** What the source view lights up: whole lines of running text and table cells. */
export interface Spot {
  lines: Set<number>;
  cells: Set<string>;
}

export const EMPTY_SPOT: Spot = { lines: new Set(), cells: new Set() };

/** The source lines and cells of the value at `itemPath`. */
export function spotOf(sources: readonly ImportSource[], itemPath: string): Spot {
  const spot: Spot = { lines: new Set(), cells: new Set() };
  for (const s of sources) {
    if (!ownsPath(itemPath, s.path)) continue;
    if (s.cell) spot.cells.add(cellKey(s.cell));
    else if (s.line > 0) spot.lines.add(s.line);
  }
  return spot;
}

/** The number the source view shows before a table row: the first line of its cells. */
export function rowLine(tables: readonly SourceTable[], table: number, row: number): number | undefined {
  const lines = tables[table]?.rows[row]?.flatMap((c) => c.lines) ?? [];
  return lines.length ? Math.min(...lines) : undefined;
}

/**
 * Where the value at `itemPath` was read, as the source view numbers it: lines of running text,
 * and for a value read from a table the number before its row (a row's cells span several lines;
 * "dòng 45, 46, 47" matched nothing the reader could see). `rows` name the table rows, 1-based.
 */
export function placeOf(sources: readonly ImportSource[], tables: readonly SourceTable[], itemPath: string): { lines: number[]; rows: { table: number; row: number }[] } {
  const lines = new Set<number>();
  const rows = new Map<string, { table: number; row: number }>();
  for (const s of sources) {
    if (!ownsPath(itemPath, s.path)) continue;
    const at = s.cell ? (rowLine(tables, s.cell.table, s.cell.row) ?? s.line) : s.line;
    if (at > 0) lines.add(at);
    if (s.cell) rows.set(`${s.cell.table}:${s.cell.row}`, { table: s.cell.table, row: s.cell.row });
  }
  return { lines: [...lines].sort((a, b) => a - b), rows: [...rows.values()] };
}

/** A place picked in the source view: a line of running text, or a table cell. */
export type SourcePick = { line: number; cell?: undefined } | { line?: undefined; cell: CellRef };

/** Report paths of the values read from a picked line or cell. */
export function pathsFrom(sources: readonly ImportSource[], tables: readonly SourceTable[], pick: SourcePick): string[] {
  const out: string[] = [];
  if (pick.cell) {
    const key = cellKey(pick.cell);
    const cellLines = new Set(tables[pick.cell.table]?.rows[pick.cell.row]?.[pick.cell.col]?.lines ?? []);
    for (const s of sources) if ((s.cell && cellKey(s.cell) === key) || (!s.cell && cellLines.has(s.line))) out.push(s.path);
  } else {
    for (const s of sources) if (s.line === pick.line && !s.cell) out.push(s.path);
    // A line inside a table cell picked by its number reads as the cell.
    for (const s of sources) if (s.line === pick.line && s.cell) out.push(s.path);
  }
  return [...new Set(out)];
}

/** True when the preview item at `itemPath` shows one of `paths` (values read from the picked place). */
export const itemShowsAny = (itemPath: string, paths: readonly string[]): boolean => paths.some((p) => ownsPath(itemPath, p));

/** The source in reading order: running-text lines and whole tables, each table where its first line stands. */
export type SourceBlock = { kind: 'line'; line: number } | { kind: 'table'; table: number };

export function sourceBlocks(lineCount: number, tables: readonly SourceTable[]): SourceBlock[] {
  const startsAt = new Map<number, number>();
  const covered = new Set<number>();
  tables.forEach((t, i) => {
    if (t.firstLine < 1 || t.firstLine > lineCount) return;
    // A table nested in another starts inside it: its text shows in the outer table's cell.
    if (covered.has(t.firstLine)) return;
    if (!startsAt.has(t.firstLine)) startsAt.set(t.firstLine, i);
    for (const row of t.rows) for (const cell of row) for (const l of cell.lines) covered.add(l);
  });
  const blocks: SourceBlock[] = [];
  for (let line = 1; line <= lineCount; line++) {
    const table = startsAt.get(line);
    if (table !== undefined) blocks.push({ kind: 'table', table });
    // A line of the table's range that no cell holds stays visible as running text.
    if (!covered.has(line)) blocks.push({ kind: 'line', line });
  }
  return blocks;
}

/** Where a cell sits in the source, said in words ("bảng 2, hàng 5, cột 3"), 1-based for people. */
export const cellWords = (c: CellRef): string => `bảng ${c.table + 1}, hàng ${c.row + 1}, cột ${c.col + 1}`;

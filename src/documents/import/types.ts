import type { Report } from '../../domain/report-schema.ts';

/** Something the importer read but could not place or trust; shown with its source line. */
export interface ImportWarning {
  /** IMPORT_UNREAD (figures no rule consumed), IMPORT_UNPLACED (text with no place in the model), IMPORT_AMBIGUOUS (a reading that was a choice). */
  code: string;
  /** Vietnamese, for the official. */
  message: string;
  /** 1-based index into `ImportResult.lines`; 0 when the warning concerns the whole document. */
  line: number;
  text: string;
}

export interface ImportResult {
  report: Report;
  warnings: ImportWarning[];
  /** The source text, one paragraph per line, as read (the web shows it beside the parsed data). */
  lines: string[];
  /** The tables of the source (their cells' text is in `lines` too). */
  tables: SourceTable[];
  /** Where each imported value was read. */
  sources: ImportSource[];
}

export interface ImportOptions {
  /** Used when the document names no province (the uploader's own province, for instance). */
  province?: string;
  /**
   * When the reading must be over (epoch ms): the import worker's task deadline, so that
   * LibreOffice is stopped (and its temporary files removed) before the pool ends the worker.
   */
  deadline?: number;
}

/** One paragraph of the source after cleaning; `line` is where it starts in `lines`. */
export interface Paragraph {
  text: string;
  line: number;
  /** Character ranges of `text` that some rule turned into data (see unread.ts). */
  used: [number, number][];
}

/**
 * A table of the source as read (Word tables; tables rebuilt from a PDF's layout). Its cells'
 * paragraphs are lines of `SourceDocument.lines` too, so a line number points into a table as
 * well as into running text. Layout tables (header, signature) read like text; data tables
 * (budget, dossier figures) are read by the meaning of their header cells.
 */
export interface SourceCell {
  /** The cell's text, its paragraphs joined by a space. */
  text: string;
  /** 1-based lines of `SourceDocument.lines` holding the cell's paragraphs (empty for an empty cell). */
  lines: number[];
  colSpan: number;
  rowSpan: number;
  /** The whole cell is bold (group rows of budget tables often are). */
  bold: boolean;
}

export interface SourceTable {
  rows: SourceCell[][];
  /** First and last 1-based line the table covers (0 when it holds no text). */
  firstLine: number;
  lastLine: number;
}

/** What the extractors give the reader: the text, one paragraph per line, and the tables in it. */
export interface SourceDocument {
  lines: string[];
  tables: SourceTable[];
}

/**
 * Where an imported value came from: `path` is the value's place in the report, dot-separated
 * ("plan.budget.0.children.2.amount", "implementation.dossiers.total", "plan.stated.total");
 * `line` the 1-based source line; `cell` the table cell when the value was read from a table.
 */
export interface ImportSource {
  path: string;
  line: number;
  cell?: { table: number; row: number; col: number };
}

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
}

export interface ImportOptions {
  /** Used when the document names no province (the uploader's own province, for instance). */
  province?: string;
}

/** One paragraph of the source after cleaning; `line` is where it starts in `lines`. */
export interface Paragraph {
  text: string;
  line: number;
  /** Character ranges of `text` that some rule turned into data (see unread.ts). */
  used: [number, number][];
}

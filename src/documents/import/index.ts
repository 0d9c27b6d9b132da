import { extractDocument } from './extract.ts';
import { parseReport } from './parse-report.ts';
import type { ImportOptions, ImportResult } from './types.ts';

export type { ImportOptions, ImportResult, ImportSource, ImportWarning, SourceCell, SourceDocument, SourceTable } from './types.ts';

/**
 * Reads a commune report (.docx or .txt, in the genre of the reference report) into the report
 * model. Unreadable input is an AppError with a stable code (IMPORT_EMPTY, IMPORT_ENCODING,
 * IMPORT_BINARY, IMPORT_DOCX_INVALID, IMPORT_DOCX_ENCRYPTED, IMPORT_ZIP_BOMB, IMPORT_TOO_LARGE, IMPORT_TOO_LONG,
 * IMPORT_UNSUPPORTED, IMPORT_NOT_REPORT, IMPORT_NO_PROVINCE, IMPORT_NO_YEAR, IMPORT_INVALID);
 * a readable report comes back with warnings for whatever it could not place or read.
 */
export async function importReport(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const doc = await extractDocument(bytes, fileName);
  const { report, warnings, sources } = parseReport(doc, options);
  return { report, warnings, lines: doc.lines, tables: doc.tables, sources };
}

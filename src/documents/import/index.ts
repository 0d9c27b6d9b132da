import { extractDocument } from './extract.ts';
import { parseReport } from './parse-report.ts';
import type { ImportOptions, ImportResult } from './types.ts';

export type { ImportOptions, ImportResult, ImportSource, ImportWarning, SourceCell, SourceDocument, SourceTable } from './types.ts';

/**
 * Reads a commune report (.docx, .doc, .odt, .pdf with a text layer, or .txt; in the genre of the
 * reference report) into the report model. What a file is, is decided by its bytes (extract.ts).
 * Unreadable input is an AppError with a stable code:
 *  - any file: IMPORT_EMPTY, IMPORT_TOO_LARGE, IMPORT_TOO_LONG, IMPORT_UNSUPPORTED, IMPORT_NOT_REPORT;
 *  - text: IMPORT_ENCODING, IMPORT_BINARY;
 *  - Word/OpenDocument: IMPORT_DOCX_INVALID, IMPORT_DOCX_ENCRYPTED (password-protected DOCX),
 *    IMPORT_ZIP_BOMB, IMPORT_DOC_INVALID (damaged .doc/.odt), IMPORT_DOC_ENCRYPTED (password-protected
 *    .doc), IMPORT_NEEDS_LIBREOFFICE (.doc/.odt without LibreOffice on the server),
 *    IMPORT_CONVERT_FAILED (LibreOffice did not finish in time);
 *  - PDF: IMPORT_PDF_INVALID, IMPORT_PDF_ENCRYPTED, IMPORT_PDF_NO_TEXT (a scan),
 *    IMPORT_PDF_TOO_COMPLEX (not read within the deadline), IMPORT_NEEDS_POPPLER (no pdftotext);
 *  - the report: IMPORT_UNIT_AMBIGUOUS (a unit name several provinces share, no province named or
 *    given: the candidates are in `details`), IMPORT_NO_PROVINCE, IMPORT_NO_YEAR, IMPORT_INVALID.
 * A readable report comes back with warnings for whatever it could not place or read
 * (IMPORT_UNIT_UNKNOWN: a unit the national register does not have, kept as written;
 * IMPORT_UNIT_MISMATCH: header, intro and signature name different units).
 */
export async function importReport(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const doc = await extractDocument(bytes, fileName, options.deadline === undefined ? {} : { deadline: options.deadline });
  const { report, warnings, sources } = parseReport(doc, options);
  return { report, warnings, lines: doc.lines, tables: doc.tables, sources };
}

import type { Report } from '../../domain/report-schema.ts';
import { stripInvisible } from '../../domain/safe-text.ts';

/**
 * Characters that XML 1.0 forbids (C0 controls except tab/newline/return, U+FFFE/U+FFFF) and
 * lone UTF-16 surrogates. A DOCX or XLSX part containing one is rejected by Word/Excel as
 * corrupt ("repair" prompt), so user text is cleaned of them before it reaches any writer.
 * Everything else — "<script>", "=cmd|…", emoji — is kept verbatim: writers escape markup and
 * store text as text.
 *
 * Invisible formatting (zero-width spaces, bidi overrides and isolates: see safe-text.ts) is
 * removed too: the schema removes it on every save, and this catches what was stored before, so
 * that no line of an official document displays differently from its data.
 */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (text: string): string => stripInvisible(text.replace(ILLEGAL_XML, ''));

/** A copy of the report whose every string is safe to put in an XML part. */
export function sanitizeReport(report: Report): Report {
  return JSON.parse(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'string' ? cleanText(value) : value))) as Report;
}

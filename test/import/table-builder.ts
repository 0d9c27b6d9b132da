import type { SourceCell, SourceDocument, SourceTable } from '../../src/documents/import/types.ts';

/** A cell as written in a test: its text, or the text with spans / bold. Paragraphs are split on "\n". */
export type CellSpec = string | { text: string; colSpan?: number; rowSpan?: number; bold?: boolean };

/**
 * Builds a SourceDocument the way the DOCX extractor gives one: the running text one paragraph a
 * line, and each table's cell paragraphs also lines of `lines`, row by row, with `cell.lines`
 * pointing at them. `parts` are text lines and tables in document order.
 */
export function sourceDocument(...parts: (string | CellSpec[][])[]): SourceDocument {
  const lines: string[] = [];
  const tables: SourceTable[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      lines.push(part);
      continue;
    }
    const first = lines.length + 1;
    const rows: SourceCell[][] = part.map((row) =>
      row.map((spec) => {
        const s = typeof spec === 'string' ? { text: spec } : spec;
        const paragraphs = s.text.split('\n').map((t) => t.trim()).filter(Boolean);
        const at: number[] = [];
        for (const p of paragraphs) {
          lines.push(p);
          at.push(lines.length);
        }
        return { text: paragraphs.join(' '), lines: at, colSpan: s.colSpan ?? 1, rowSpan: s.rowSpan ?? 1, bold: s.bold ?? false };
      }),
    );
    const last = lines.length;
    tables.push({ rows, firstLine: last >= first ? first : 0, lastLine: last >= first ? last : 0 });
  }
  return { lines, tables };
}

/** The one table of a document built from a single table. */
export const tableOf = (rows: CellSpec[][]): SourceTable => {
  const t = sourceDocument(rows).tables[0];
  if (!t) throw new Error('no table');
  return t;
};

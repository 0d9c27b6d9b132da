import mammoth from 'mammoth';
import { AppError } from '../../domain/errors.ts';
import type { SourceCell, SourceDocument, SourceTable } from './types.ts';
import { safeRepackZip } from './zip-guard.ts';
import { decodeEntities } from './xml-entities.ts';

/**
 * Paragraphs of a DOCX, one per line, in reading order (table cells row by row, each of their
 * paragraphs on its own line), and the document's tables with their rows and cells. Mammoth
 * gives HTML; we keep only the text, the block boundaries and the tables' structure. Word's
 * automatic list numbering is not part of the text, so it is written back ("1. ", "- ") to let
 * the report parser see the same markers as in a typed document.
 */
export async function docxDocument(bytes: Uint8Array): Promise<SourceDocument> {
  const safe = safeRepackZip(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      // Images carry no figures we read; dropping them keeps memory flat.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new AppError('IMPORT_DOCX_INVALID', 'Tệp .docx không đọc được (không có phần nội dung văn bản Word hợp lệ).');
  }
  return htmlToDocument(html);
}

/** The lines alone (see docxDocument). */
export async function docxLines(bytes: Uint8Array): Promise<string[]> {
  return (await docxDocument(bytes)).lines;
}

/** A cell being read: its lines, and whether all of its visible text was inside <strong>. */
interface OpenCell {
  cell: SourceCell;
  sawText: boolean;
  allBold: boolean;
}

interface OpenTable {
  table: SourceTable;
  row: SourceCell[] | undefined;
  cell: OpenCell | undefined;
  /** Nested deeper than MAX_TABLE_DEPTH: not a table of its own, its text is its enclosing cell's. */
  hidden?: boolean;
}

/**
 * Tables nested deeper than this are read as the text of their enclosing cell, not as tables of
 * their own: every enclosing cell holds the text of the tables inside it, so 300 tables nested
 * in a 4 KB DOCX would otherwise make 300 copies of the whole text (measured: 2 minutes, 750 MB).
 * A report laid out in a frame holding a budget table needs two levels.
 */
const MAX_TABLE_DEPTH = 3;

const spanOf = (token: string, name: string): number => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"?(\\d+)`, 'i').exec(token);
  const n = m ? Number(m[1]) : 1;
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

/** Mammoth's HTML lines alone (see htmlToDocument). */
export function htmlToLines(html: string): string[] {
  return htmlToDocument(html).lines;
}

/**
 * Mammoth's HTML is flat and regular; a tokenizer over tags is enough.
 *
 * Tables: each <table> becomes a SourceTable whose rows are its <tr> and whose cells are its
 * <td>/<th>, as HTML has them: Word's horizontal merges (gridSpan) arrive as colspan and its
 * vertical merges (vMerge) as rowspan on the first cell, the cells they cover being absent from
 * the rows below (mammoth does this; test/import/extract-docx-tables.test.ts checks it). A cell's
 * paragraphs stay lines of their own, in reading order, exactly as without tables.
 *
 * Nested tables (a table inside a cell; e.g. a whole report laid out in a one-cell frame) are
 * flattened: the inner table's lines are also lines of the enclosing cell (its text reads them
 * in order), and the inner table is listed as a table of its own too, after its enclosing table
 * (tables are listed in the order they open), so a budget table inside a layout frame is still
 * found. A cell is bold when every piece of its visible text is inside <strong>.
 */
export function htmlToDocument(html: string): SourceDocument {
  const lines: string[] = [];
  const tables: SourceTable[] = [];
  const open: OpenTable[] = [];
  let current = '';
  let strong = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  const flush = () => {
    const text = decodeEntities(current).replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) {
      lines.push(text);
      for (const t of open) {
        if (t.cell) t.cell.cell.lines.push(lines.length);
      }
    }
    current = '';
  };
  const closeCell = (t: OpenTable) => {
    if (!t.cell) return;
    const { cell, sawText, allBold } = t.cell;
    cell.text = cell.lines.map((n) => lines[n - 1]).join(' ');
    cell.bold = sawText && allBold;
    t.cell = undefined;
  };
  const closeRow = (t: OpenTable) => {
    closeCell(t);
    t.row = undefined;
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      current += token;
      if (/[^\s\u00a0]/.test(decodeEntities(token))) {
        for (const t of open) {
          if (!t.cell) continue;
          t.cell.sawText = true;
          if (strong === 0) t.cell.allBold = false;
        }
      }
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    const closing = token.startsWith('</');
    if (tag === 'strong' || tag === 'b') {
      if (!token.endsWith('/>')) strong = Math.max(0, strong + (closing ? -1 : 1));
      continue;
    }
    if (tag === 'br') {
      flush();
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists[lists.length - 1];
      if (!closing && list) {
        list.n += 1;
        current = list.ordered ? `${list.n}. ` : '- ';
      }
    } else if (/^(p|h[1-6]|td|th|tr|table|div)$/.test(tag)) {
      // Keep a list marker written at <li> when the item's text sits in a <p>.
      if (/^(\d+\. |- )$/.test(current) && !closing) continue;
      flush();
      const t = open[open.length - 1];
      if (tag === 'table') {
        if (!closing) {
          const table: SourceTable = { rows: [], firstLine: 0, lastLine: 0 };
          const hidden = open.length >= MAX_TABLE_DEPTH;
          if (!hidden) tables.push(table);
          open.push({ table, row: undefined, cell: undefined, hidden });
        } else if (t) {
          closeRow(t);
          open.pop();
        }
      } else if (tag === 'tr' && t && !t.hidden) {
        closeRow(t);
        if (!closing) {
          t.row = [];
          t.table.rows.push(t.row);
        }
      } else if ((tag === 'td' || tag === 'th') && t && !t.hidden) {
        closeCell(t);
        if (!closing) {
          if (!t.row) {
            t.row = [];
            t.table.rows.push(t.row);
          }
          const cell: SourceCell = { text: '', lines: [], colSpan: spanOf(token, 'colspan'), rowSpan: spanOf(token, 'rowspan'), bold: false };
          t.row.push(cell);
          t.cell = { cell, sawText: false, allBold: true };
        }
      }
    }
  }
  flush();
  for (let t = open.pop(); t; t = open.pop()) closeRow(t);
  for (const table of tables) {
    const all = table.rows.flatMap((r) => r.flatMap((c) => c.lines));
    if (all.length > 0) {
      table.firstLine = all.reduce((m, n) => Math.min(m, n), Infinity);
      table.lastLine = all.reduce((m, n) => Math.max(m, n), 0);
    }
  }
  return { lines, tables };
}

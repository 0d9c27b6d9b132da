import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { findExecutable, runChild, type ChildResult } from './child.ts';
import { LIMITS } from './limits.ts';
import { findGrids, type Grid } from './pdf-grid.ts';
import type { SourceCell, SourceDocument, SourceTable } from './types.ts';
import { decodeEntities } from './xml-entities.ts';

/**
 * A PDF's text layer → lines (paragraphs, as the DOCX path gives) and tables, with poppler
 * (Debian: poppler-utils): `pdfinfo` first (encryption, page count), then `pdftotext
 * -bbox-layout` (every word with its box, in poppler's reading order: flows, blocks, lines),
 * then, for the pages that look tabular, `pdftoppm` renders the page at 72 dpi without
 * anti-aliasing so that the ruling lines of bordered tables can be found (pdf-grid.ts): the
 * text layer says nothing of borders; and `pdftohtml -xml` tells which words are bold. Each tool
 * runs as a bounded child (child.ts): all share one deadline (LIMITS.pdfMs), their output and
 * memory are capped; past the deadline the reading fails (IMPORT_PDF_TOO_COMPLEX) unless only
 * the optional steps (rulings, bold) are left, which are then skipped.
 *
 * What is made of the words:
 *  - page headers and footers are dropped: lines in the top or bottom margin that are a page
 *    number ("3", "- 3 -", "Trang 3", "3/12") or that repeat on several pages (digits aside);
 *  - a bordered table becomes a SourceTable: rows and cells from the rulings (merged cells from
 *    the missing rulings: colSpan, rowSpan), each word in the cell under its centre; a cell's
 *    wrapped lines are joined into one paragraph; a table continued on the next page (same
 *    columns, nothing in between) is one table. A cell is `bold` when all its words are set in a
 *    bold font (`pdftohtml -xml` marks them). Tables without vertical rulings are read as running text;
 *  - running text is joined into paragraphs: a line continues the previous one unless the
 *    previous line stopped short of the right edge, the line starts a list item ("-", "+", "•",
 *    "1.", "1.1.", "a)", "II."), is indented, or follows a larger vertical gap than the page's
 *    usual line pitch; a paragraph may continue across a page break. Vietnamese is not
 *    hyphenated: joined lines get a space, except after a compound broken at its hyphen.
 */

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Line {
  words: Word[];
  block: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Page {
  width: number;
  height: number;
  lines: Line[];
  /** Poppler's blocks; `column` when another block stands beside it (a layout column). */
  blocks: { x0: number; x1: number; y0: number; y1: number; column: boolean }[];
}

const NAME_OF_TOOLS = 'poppler-utils';

const needsPoppler = (): AppError =>
  new AppError(
    'IMPORT_NEEDS_POPPLER',
    `Máy chủ chưa cài công cụ đọc PDF (pdftotext, pdfinfo của poppler) nên chưa đọc được tệp PDF. Hãy cài gói ${NAME_OF_TOOLS} (Debian/Ubuntu: apt-get install ${NAME_OF_TOOLS}), hoặc tải lên tệp Word (.docx, .doc).`,
    { status: 503 },
  );

/** A poppler tool: in KHCN_POPPLER_DIR when set, else on the PATH. */
const tool = (name: string): string | undefined => findExecutable(process.env.KHCN_POPPLER_DIR ? join(process.env.KHCN_POPPLER_DIR, name) : name);

export async function pdfDocument(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const pdfinfo = tool('pdfinfo');
  const pdftotext = tool('pdftotext');
  if (!pdfinfo || !pdftotext) throw needsPoppler();
  const deadline = performance.now() + LIMITS.pdfMs;
  const dir = await mkdtemp(join(tmpdir(), 'khcn-pdf-import-'));
  try {
    const input = join(dir, 'input.pdf');
    await writeFile(input, bytes);
    /** Runs a tool within the deadline; past it, the reading fails, unless the step is optional. */
    const run = async (command: string, args: string[], maxOutputBytes: number, memoryMb?: number, optional = false): Promise<ChildResult> => {
      const timeoutMs = Math.max(50, Math.round(deadline - performance.now()));
      let result: ChildResult;
      try {
        result = await runChild(command, args, { timeoutMs, maxOutputBytes, ...(memoryMb ? { memoryMb } : {}) }, { cwd: dir });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw needsPoppler();
        throw e;
      }
      if (result.timedOut && !optional) throw tooComplex(fileName);
      return result;
    };

    const info = await run(pdfinfo, [input], 64 * 1024, LIMITS.pdfChildMemoryMb);
    const infoText = info.stdout.toString('utf8');
    if (info.code !== 0 || info.overflow) {
      if (/password/i.test(info.stderr)) throw encrypted(fileName);
      throw invalid(fileName);
    }
    const pages = Number(/^Pages:\s+(\d+)/m.exec(infoText)?.[1] ?? 0);
    if (!(pages > 0)) throw invalid(fileName);
    if (pages > LIMITS.maxPdfPages) {
      throw new AppError('IMPORT_TOO_LONG', `Tệp ${fileName} có ${pages} trang; một báo cáo không dài như vậy (tối đa ${LIMITS.maxPdfPages} trang), tệp bị từ chối.`);
    }
    const text = await run(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', '-f', '1', '-l', String(pages), input, '-'], LIMITS.maxPdfTextBytes, LIMITS.pdfChildMemoryMb);
    if (text.overflow) {
      throw new AppError('IMPORT_TOO_LONG', `Tệp ${fileName} có quá nhiều chữ để là một báo cáo (hơn ${LIMITS.maxPdfTextBytes / 1024 / 1024} MB khi đọc); tệp bị từ chối.`);
    }
    if (text.code !== 0) {
      if (/password/i.test(text.stderr)) throw encrypted(fileName);
      throw invalid(fileName);
    }
    const parsed = parseBboxLayout(text.stdout.toString('utf8'));
    if (!parsed.some((p) => p.lines.length > 0)) {
      throw new AppError('IMPORT_PDF_NO_TEXT', `Tệp ${fileName} không có lớp chữ: bản quét chưa đọc được; hãy tải tệp Word hoặc PDF có lớp chữ.`);
    }
    // Rulings, for the pages that look like they hold a table, while time remains.
    const grids = new Map<number, Grid[]>();
    const pdftoppm = tool('pdftoppm');
    let rendered = 0;
    for (let p = 0; p < parsed.length && pdftoppm; p++) {
      if (!looksTabular(parsed[p]!) || rendered >= LIMITS.maxPdfPagesRendered || deadline - performance.now() < 200) continue;
      rendered += 1;
      const ppm = await run(pdftoppm, ['-gray', '-r', '72', '-aa', 'no', '-aaVector', 'no', '-f', String(p + 1), '-l', String(p + 1), input, join(dir, `p${p + 1}`)], 64 * 1024, LIMITS.pdfChildMemoryMb, true);
      if (ppm.code !== 0 || ppm.timedOut) continue;
      const file = (await readdir(dir)).find((f) => f.startsWith(`p${p + 1}-`) && f.endsWith('.pgm'));
      if (!file) continue;
      const image = await readFile(join(dir, file));
      await rm(join(dir, file), { force: true });
      grids.set(p, findGrids(image));
    }
    // Which words are bold, for the tables' cells (group rows often are): pdftohtml marks the
    // text set in a bold font with <b>. Optional, like the rulings.
    const bold = new Set<Word>();
    const pdftohtml = tool('pdftohtml');
    const tablePages = [...grids.entries()].filter(([, g]) => g.length > 0).map(([p]) => p);
    if (pdftohtml && tablePages.length > 0 && deadline - performance.now() > 200) {
      const from = tablePages.reduce((m, x) => Math.min(m, x), Infinity) + 1;
      const to = tablePages.reduce((m, x) => Math.max(m, x), -Infinity) + 1;
      const html = await run(pdftohtml, ['-xml', '-i', '-q', '-stdout', '-zoom', '1', '-f', String(from), '-l', String(to), input], LIMITS.maxPdfTextBytes, LIMITS.pdfChildMemoryMb, true);
      if (html.code === 0 && !html.timedOut && !html.overflow) markBold(html.stdout.toString('utf8'), parsed, new Set(tablePages), bold);
    }
    return assemble(parsed, grids, bold);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const encrypted = (fileName: string) =>
  new AppError('IMPORT_PDF_ENCRYPTED', `Tệp ${fileName} là PDF được đặt mật khẩu; hãy gỡ mật khẩu (hoặc tải tệp Word) rồi tải lên lại.`);
const invalid = (fileName: string) => new AppError('IMPORT_PDF_INVALID', `Tệp ${fileName} không phải PDF hợp lệ hoặc bị hỏng, không đọc được.`);
const tooComplex = (fileName: string) =>
  new AppError('IMPORT_PDF_TOO_COMPLEX', `Tệp PDF ${fileName} không đọc xong trong ${LIMITS.pdfMs / 1000} giây (quá lớn, quá phức tạp hoặc hỏng); hãy tải tệp Word của báo cáo.`);


const num = (attrs: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? 0);

/** pdftotext -bbox-layout's XHTML: <page><flow><block><line><word …>text</word>… */
export function parseBboxLayout(xhtml: string): Page[] {
  const pages: Page[] = [];
  let page: Page | undefined;
  let line: Line | undefined;
  let block = -1;
  const re = /<page ([^>]*)>|<block ([^>]*)>|<line [^>]*>|<\/line>|<word ([^>]*)>([^<]*)<\/word>/g;
  for (let m = re.exec(xhtml); m; m = re.exec(xhtml)) {
    if (m[1] !== undefined) {
      page = { width: num(m[1], 'width'), height: num(m[1], 'height'), lines: [], blocks: [] };
      pages.push(page);
    } else if (m[2] !== undefined && page) {
      page.blocks.push({ x0: num(m[2], 'xMin'), x1: num(m[2], 'xMax'), y0: num(m[2], 'yMin'), y1: num(m[2], 'yMax'), column: false });
      block = page.blocks.length - 1;
    } else if (m[0] === '</line>') {
      if (line && page && line.words.length > 0) page.lines.push(line);
      line = undefined;
    } else if (m[0].startsWith('<line')) {
      line = { words: [], block, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    } else if (m[3] !== undefined && line) {
      const text = decodeEntities(m[4] ?? '').trim();
      if (!text) continue;
      const w: Word = { text, x0: num(m[3], 'xMin'), y0: num(m[3], 'yMin'), x1: num(m[3], 'xMax'), y1: num(m[3], 'yMax') };
      line.words.push(w);
      line.x0 = Math.min(line.x0, w.x0);
      line.y0 = Math.min(line.y0, w.y0);
      line.x1 = Math.max(line.x1, w.x1);
      line.y1 = Math.max(line.y1, w.y1);
    }
  }
  for (const p of pages) {
    for (const b of p.blocks) {
      b.column = p.blocks.some((o) => o !== b && o.y0 < b.y1 && b.y0 < o.y1 && (o.x0 >= b.x1 || o.x1 <= b.x0));
    }
  }
  return pages;
}

/** Two visual rows or more made of separate pieces of text side by side: maybe a table. */
function looksTabular(page: Page): boolean {
  const rows = new Map<number, Word[]>();
  for (const l of page.lines) {
    const key = Math.round((l.y0 + l.y1) / 4);
    rows.set(key, [...(rows.get(key) ?? []), ...l.words]);
  }
  let pieces = 0;
  for (const words of rows.values()) {
    words.sort((a, b) => a.x0 - b.x0);
    let parts = 1;
    for (let i = 1; i < words.length; i++) if (words[i]!.x0 - words[i - 1]!.x1 > 9) parts += 1;
    if (parts >= 2) pieces += 1;
  }
  return pieces >= 2;
}

const lineText = (words: Word[]) => words.map((w) => w.text).join(' ');

/** Page numbers as they are printed in headers and footers. */
const PAGE_NUMBER = /^(trang\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(\/|trên)\s*\d{1,4})?$/i;
const LIST_MARKER = /^([-+•*–—▪◦]\s|\(?\d{1,2}[.)]\s|\d{1,2}(\.\d{1,2})+\.?\s|\(?[a-zđ]\)\s|[IVXL]{1,6}[.)]\s)/u;

/** Lines of the top and bottom margins that are page furniture, by page. */
function furniture(pages: Page[]): Set<Line> {
  const drop = new Set<Line>();
  const inMargin = (p: Page, l: Line) => l.y1 <= p.height * 0.08 || l.y0 >= p.height * 0.92;
  const seen = new Map<string, number>();
  const key = (l: Line) => lineText(l.words).replace(/\d+/g, '#').toLowerCase();
  for (const p of pages) for (const k of new Set(p.lines.filter((l) => inMargin(p, l)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const p of pages) {
    for (const l of p.lines) {
      if (!inMargin(p, l)) continue;
      if (PAGE_NUMBER.test(lineText(l.words)) || (pages.length > 1 && (seen.get(key(l)) ?? 0) >= 2)) drop.add(l);
    }
  }
  return drop;
}

/** The usual distance between the tops of consecutive lines of a page (its line pitch). */
function usualPitch(page: Page): number {
  const pitches: number[] = [];
  for (let i = 1; i < page.lines.length; i++) {
    const a = page.lines[i - 1]!;
    const b = page.lines[i]!;
    if (a.block === b.block && b.y0 > a.y0) pitches.push(Math.round(b.y0 - a.y0));
  }
  if (pitches.length === 0) return Infinity;
  const counts = new Map<number, number>();
  for (const p of pitches) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
}

interface Placed {
  table: SourceTable;
  grid: Grid;
  page: number;
  /** Per cell (same order as the rows' cells), its words. */
  words: Map<SourceCell, Word[]>;
  emitted: boolean;
}

/**
 * pdftohtml -xml's <text> fragments (top, left, width, height in points with -zoom 1) whose text
 * is all inside <b>: the words of `pages` (0-based numbers in `only`) whose centre lies in one
 * are added to `bold`.
 */
function markBold(xml: string, pages: Page[], only: Set<number>, bold: Set<Word>): void {
  let page = -1;
  const boxes = new Map<number, { x0: number; y0: number; x1: number; y1: number }[]>();
  const re = /<page number="(\d+)"|<text ([^>]*)>(.*?)<\/text>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) {
      page = Number(m[1]) - 1;
      continue;
    }
    const inner = (m[3] ?? '').replace(/<\/?i>/g, '');
    if (!inner.includes('<b>') || decodeEntities(inner.replace(/<b>.*?<\/b>/g, '').replace(/<[^>]*>/g, '')).trim() !== '') continue;
    const a = m[2] ?? '';
    const left = num(a, 'left');
    const top = num(a, 'top');
    const list = boxes.get(page) ?? [];
    list.push({ x0: left, y0: top, x1: left + num(a, 'width'), y1: top + num(a, 'height') });
    boxes.set(page, list);
  }
  for (const p of only) {
    const list = boxes.get(p) ?? [];
    for (const l of pages[p]?.lines ?? []) {
      for (const w of l.words) {
        const cx = (w.x0 + w.x1) / 2;
        const cy = (w.y0 + w.y1) / 2;
        if (list.some((b) => b.x0 - 1 <= cx && cx <= b.x1 + 1 && b.y0 - 1 <= cy && cy <= b.y1 + 1)) bold.add(w);
      }
    }
  }
}

function assemble(pages: Page[], grids: Map<number, Grid[]>, bold: Set<Word> = new Set()): SourceDocument {
  const lines: string[] = [];
  const tables: SourceTable[] = [];
  const drop = furniture(pages);
  /** The running paragraph: its text so far and the line it ended on. */
  let para: Paragraph | undefined;
  let lastTable: Placed | undefined;
  const endParagraph = () => {
    if (para) lines.push(para.text.replace(/\s+/g, ' ').trim());
    para = undefined;
  };
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!;
    const pitch = usualPitch(page);
    // The right edge of the page's text: a line reaching it wrapped (a block's own edge would
    // make the longer of two short centred lines look full).
    const kept = page.lines.filter((l) => !drop.has(l));
    const right = kept.reduce((a, l) => Math.max(a, l.x1), 0);
    const left = kept.reduce((a, l) => Math.min(a, l.x0), Infinity);
    const placed: Placed[] = (grids.get(p) ?? []).map((grid) => ({ table: { rows: [], firstLine: 0, lastLine: 0 }, grid, page: p, words: new Map(), emitted: false }));
    for (const t of placed) t.table.rows = t.grid.rows.map((r) => r.map((c) => ({ text: '', lines: [], colSpan: c.colSpan, rowSpan: c.rowSpan, bold: false })));
    // Each word inside a grid goes to its cell.
    const owner = new Map<Word, Placed>();
    for (const l of page.lines) {
      for (const w of l.words) {
        const cx = (w.x0 + w.x1) / 2;
        const cy = (w.y0 + w.y1) / 2;
        for (const t of placed) {
          const at = t.grid.cellAt(cx, cy);
          if (!at) continue;
          const cell = t.table.rows[at.row]![at.col]!;
          t.words.set(cell, [...(t.words.get(cell) ?? []), w]);
          owner.set(w, t);
          break;
        }
      }
    }
    for (const l of page.lines) {
      if (drop.has(l)) continue;
      const table = l.words.map((w) => owner.get(w)).find((t) => t !== undefined);
      if (table && !table.emitted) {
        endParagraph();
        lastTable = emitTable(table, lastTable, lines, tables, bold);
      }
      const free = l.words.filter((w) => !owner.has(w));
      if (free.length === 0) continue;
      const line: Line = { ...l, words: free, x0: free.reduce((m, w) => Math.min(m, w.x0), Infinity), x1: free.reduce((m, w) => Math.max(m, w.x1), -Infinity) };
      const text = lineText(free);
      if (para && continues(para, line, page, text, pitch)) {
        // Vietnamese is not hyphenated: a line ending in a hyphen broke a compound ("HĐND-UBND").
        para.text += /\S-$/.test(para.text) ? text : ` ${text}`;
        para.last = line;
        para.page = page;
        para.pitch = pitch;
        para.left = left;
        para.right = right;
      } else {
        endParagraph();
        para = { text, last: line, page, pitch, left, right };
      }
      lastTable = undefined;
    }
  }
  endParagraph();
  for (const t of tables) {
    const all = t.rows.flatMap((r) => r.flatMap((c) => c.lines));
    if (all.length > 0) {
      t.firstLine = all.reduce((a, b) => Math.min(a, b));
      t.lastLine = all.reduce((a, b) => Math.max(a, b));
    }
  }
  return { lines, tables };
}

/** A paragraph being joined: its text, its last line and the page measures that line is judged by. */
interface Paragraph {
  text: string;
  last: Line;
  page: Page;
  pitch: number;
  /** The page's text edges (of the running text, headers and footers aside). */
  left: number;
  right: number;
}

/**
 * Does `line` continue the paragraph `para`? The previous line must have wrapped: it reached the
 * right edge of the text; the line is no list item, not indented further (a first-line indent, a
 * centred line under a longer one start paragraphs) unless both are centred on the same axis and
 * the previous one is full (a long centred title), and not after a larger gap than the page's
 * usual pitch. In a column (a block beside another: "Nơi nhận" beside the signature, the two
 * halves of the header) only a left-aligned line under one that filled the column continues.
 */
function continues(para: Paragraph, line: Line, page: Page, text: string, pitch: number): boolean {
  if (LIST_MARKER.test(`${text} `)) return false;
  const prev = para.last;
  const prevBlock = para.page.blocks[prev.block];
  const block = page.blocks[line.block];
  if (!prevBlock || !block) return false;
  if (prevBlock.column) {
    // In a column (header, "Nơi nhận", signature), lines are short and often centred: only a
    // left-aligned line under a line that filled the column continues it.
    if (line.block !== prev.block || Math.abs(line.x0 - prev.x0) > 3 || prev.x1 < prevBlock.x1 - 45) return false;
  } else {
    if (prev.x1 < para.right - 45) return false;
    const centred = Math.abs((prev.x0 + prev.x1) / 2 - (line.x0 + line.x1) / 2) < 4 && prev.x0 <= para.left + 45;
    if (line.x0 > prev.x0 + 8 && !centred) return false;
  }
  if (para.page === page) {
    if (line.block !== prev.block && Math.abs(block.x0 - prevBlock.x0) > 8) return false;
    const gap = line.y0 - prev.y0;
    if (gap <= 0 || gap > Math.max(pitch, 1) * 1.3) return false;
  }
  return true;
}

/** A cell's words → its paragraphs: visual lines, joined unless a list item or a gap starts a new one. */
function cellParagraphs(words: Word[]): string[] {
  const rows: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const last = rows[rows.length - 1];
    const cy = (w.y0 + w.y1) / 2;
    if (last && Math.abs(cy - (last[0]!.y0 + last[0]!.y1) / 2) < (w.y1 - w.y0) / 2) last.push(w);
    else rows.push([w]);
  }
  const paragraphs: string[] = [];
  let prevTop = -Infinity;
  let prevHeight = 0;
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    const text = lineText(row);
    const top = row.reduce((m, w) => Math.min(m, w.y0), Infinity);
    const newParagraph = paragraphs.length === 0 || LIST_MARKER.test(`${text} `) || top - prevTop > prevHeight * 1.6;
    if (newParagraph) paragraphs.push(text);
    else paragraphs[paragraphs.length - 1] += ` ${text}`;
    prevTop = top;
    prevHeight = row.reduce((m, w) => Math.max(m, w.y1 - w.y0), -Infinity);
  }
  return paragraphs;
}

/**
 * Emits a table's cells as lines; a table continuing the previous one (next page, same columns,
 * nothing in between) joins it. A row that the page break cut in two (its second part first on
 * the new page: no number in the first cell, and each of its pieces of text a lower-case
 * continuation of a cell above) is joined back into the row it belongs to.
 */
function emitTable(t: Placed, previous: Placed | undefined, lines: string[], tables: SourceTable[], bold: Set<Word>): Placed {
  t.emitted = true;
  const continued = previous !== undefined && previous.page === t.page - 1 && sameColumns(previous.grid, t.grid);
  let rows = t.table.rows;
  const last = continued ? previous.table.rows[previous.table.rows.length - 1] : undefined;
  const first = rows[0];
  if (last && first && cutRow(last, first, t)) {
    first.forEach((cell, i) => {
      const above = last[i]!;
      const [head, ...rest] = cellParagraphs(t.words.get(cell) ?? []);
      if (head === undefined) return;
      const n = above.lines[above.lines.length - 1]!;
      lines[n - 1] = /\S-$/.test(lines[n - 1]!) ? `${lines[n - 1]}${head}` : `${lines[n - 1]} ${head}`;
      for (const text of rest) {
        lines.push(text);
        above.lines.push(lines.length);
      }
      above.text = above.lines.map((k) => lines[k - 1]).join(' ');
    });
    rows = rows.slice(1);
  }
  for (const row of rows) {
    for (const cell of row) {
      for (const text of cellParagraphs(t.words.get(cell) ?? [])) {
        lines.push(text);
        cell.lines.push(lines.length);
      }
      cell.text = cell.lines.map((n) => lines[n - 1]).join(' ');
      const words = t.words.get(cell) ?? [];
      cell.bold = words.length > 0 && words.every((w) => bold.has(w));
    }
  }
  if (continued) {
    previous.table.rows.push(...rows);
    previous.page = t.page;
    return previous;
  }
  t.table.rows = rows;
  tables.push(t.table);
  return t;
}

/** Is `row`, first on a new page, the rest of `above` (the last row before the break)? */
function cutRow(above: SourceCell[], row: SourceCell[], t: Placed): boolean {
  if (above.length !== row.length || above.some((c, i) => c.colSpan !== row[i]!.colSpan)) return false;
  const texts = row.map((c) => lineText([...(t.words.get(c) ?? [])].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)));
  if (texts[0] !== '' || texts.every((x) => x === '')) return false;
  return texts.every((x, i) => x === '' || (/^\p{Ll}/u.test(x) && above[i]!.lines.length > 0));
}

const sameColumns = (a: Grid, b: Grid) => a.columns.length === b.columns.length && a.columns.every((x, i) => Math.abs(x - b.columns[i]!) <= 3);

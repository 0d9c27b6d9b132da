import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../src/documents/import/index.ts';
import { toGrid } from '../../src/documents/import/tables.ts';
import type { SourceCell, SourceTable } from '../../src/documents/import/types.ts';
import { runChecks } from '../../src/domain/checks.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { budgetHeader, colspanDocx, head, nestedTablesDocx, run, tbl, tc, wordDocument } from './hostile-files.ts';

/**
 * Issue 12's acceptance for the rebuilt reader: hostile text and tables end in a report or in a
 * coded error, within 2 seconds and bounded memory, whatever the regular expressions over lines
 * and cells meet. Each case is an ordinary report (a corpus file written by hand) with the hostile
 * part inserted where the reader looks hardest (budget, dossier sentence, header).
 */
const SECOND_BUDGET_MS = 2000;
/**
 * The time asserted is the CPU time the import took (this test file runs in a process of its own):
 * 2 s of work, whatever else the machine runs at the same time (wall time under a load of 10 on
 * 2 cores is 2–5× longer). Wall time is held to a loose bound so that minutes are still caught.
 */
const WALL_BUDGET_MS = 10_000;
const base = readFileSync(new URL('../fixtures/corpus/hand-xa-cai-be-2026.txt', import.meta.url), 'utf8').split(/\r?\n/);
const after = (start: string, extra: readonly string[]): string => {
  const at = base.findIndex((l) => l.startsWith(start));
  if (at < 0) throw new Error(`no line "${start}"`);
  return [...base.slice(0, at + 1), ...extra, ...base.slice(at + 1)].join('\n');
};
/** `n` copies of a line of ~`chars` characters made of `unit`. */
const lines = (prefix: string, unit: string, chars: number, n: number) => Array.from({ length: n }, () => prefix + run(unit, chars));

interface Outcome {
  /** CPU time (user + system) of the import and checks, ms. */
  ms: number;
  wallMs: number;
  heapMb: number;
  code: string;
}

/** Imports and checks; returns the error code ('ok' when a report came out), the time and heap growth. */
async function outcome(bytes: Uint8Array, name: string): Promise<Outcome> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let code = 'ok';
  try {
    const result = await importReport(bytes, name);
    runChecks(result.report);
  } catch (e) {
    if (!isAppError(e)) throw e;
    expect(e.message).toMatch(/[ăâđêôơưáàảãạệếềểễ]/u);
    code = e.code;
  }
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  expect(wallMs).toBeLessThan(WALL_BUDGET_MS);
  if (process.env.HOSTILE_LOG) console.log(`${name}: ${code} cpu ${((used.user + used.system) / 1000).toFixed(0)} ms wall ${wallMs.toFixed(0)} ms heap +${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(0)} MB`);
  return { code, ms: (used.user + used.system) / 1000, wallMs, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 };
}

beforeAll(async () => {
  // Modules and the national register loaded once, so that the cases time the reading alone.
  expect((await outcome(strToU8(base.join('\n')), 'cai-be.txt')).code).toBe('ok');
});

describe('hostile text near the limits: a report or a coded error within 2 s (issue 12)', () => {
  // ~40 lines of ~19.000 characters (under maxLineChars 20.000): ~800.000 characters, under the
  // 1.000.000 of text a document may have.
  const long = (unit: string, prefix = '• ') => lines(prefix, unit, 19_000, 40);
  it.each([
    ['runs of "1.1.1.…" in the budget', '3) Kinh phí', long('1.')],
    ['runs of "1,1,1,…"', '3) Kinh phí', long('1,')],
    ['"triệu đồng" repeated after a colon', '2) Dự toán', long('1 triệu đồng ', '• Chi: ')],
    ['"12,5 tr.đ" with no spaces', '2) Dự toán', long('12,5 tr.đ')],
    ['runs of spaces inside a budget line', '3) Kinh phí', Array.from({ length: 40 }, () => `• Chi${' '.repeat(19_000)}x: 5 triệu đồng`)],
    ['an endless "Bằng chữ"', '2) Dự toán', long('một trăm ', 'Tổng 1 triệu đồng (Bằng chữ: ')],
    ['unclosed parentheses with amounts', '2) Dự toán', long('(1 triệu đồng ')],
    ['"I.I.I." and "1 1 1"', '2) Dự toán', [...long('I.').slice(0, 20), ...long('1 ').slice(0, 20)]],
    ['dossier words repeated in the dossier sentence', '1) Kết quả', long('tiếp nhận 1 hồ sơ, đúng hạn 2 hồ sơ, đạt 99,82% ')],
    ['dates and years everywhere', 'ỦY BAN', long('ngày 1/1/2026 năm 2026 ')],
    ['the unit named a thousand times a line', 'Kính gửi', long('Ủy ban nhân dân xã Cái Bè tỉnh Đồng Tháp ', '')],
    ['bullets and dashes only', '2) Dự toán', long('- + • * – ', '')],
    // Runs of em spaces (U+2003) survived the cleaning of spaces: 50–120 s before.
    ['runs of em spaces in the header', 'ỦY BAN', Array.from({ length: 40 }, () => `x${'\u2003'.repeat(19_000)}y`)],
    ['runs of em spaces in a budget line', '3) Kinh phí', Array.from({ length: 40 }, () => `• x${'\u2003'.repeat(19_000)}y`)],
    ['runs of em spaces in the assessment', '4) Đánh giá', Array.from({ length: 40 }, () => `x${'\u2003'.repeat(19_000)}y`)],
    ['vertical tabs and ideographic spaces', '2) Dự toán', long('\u000b\u3000\u2028', '• x')],
    // "hoàn thành … " without a date: the completion pattern's gap was unbounded (2 s before).
    ['"hoàn thành trong x" repeated', '3) Kinh phí', long('hoàn thành trong x ', '• Chi: ')],
    ['19.000 short budget lines', '2) Dự toán', Array.from({ length: 19_000 }, (_, i) => `• Mục ${i}: ${i + 1} triệu đồng;`)],
    ['19.000 lines alternating field headings and lines', '2) Dự toán', Array.from({ length: 19_000 }, (_, i) => (i % 2 ? `• Mục ${i}: 1 triệu đồng;` : `Khoa học, công nghệ – ${i} triệu đồng:`))],
    ['19.000 "Căn cứ" lines', 'Kính gửi', Array.from({ length: 19_000 }, (_, i) => `Căn cứ Quyết định số ${i}/QĐ-UBND;`)],
  ])('%s', async (_, where, extra) => {
    const text = after(where, extra);
    expect(text.length).toBeLessThan(1_000_000);
    const { ms, heapMb } = await outcome(strToU8(text), 'bao-cao.txt');
    expect(ms).toBeLessThan(SECOND_BUDGET_MS);
    expect(heapMb).toBeLessThan(400);
  }, 30_000);

  it('more than a million characters of text is refused before it is read (IMPORT_NOT_REPORT)', async () => {
    // 20 MB is accepted as a file; 1.100.000 characters of text is no report of the genre.
    const text = after('3) Kinh phí', lines('• ', '1 triệu đồng ', 19_000, 58));
    expect(text.length).toBeGreaterThan(1_000_000);
    const { code, ms } = await outcome(strToU8(text), 'bao-cao.txt');
    expect(code).toBe('IMPORT_NOT_REPORT');
    expect(ms).toBeLessThan(SECOND_BUDGET_MS);
  });
});

describe('hostile Word tables: bounded grids, bounded nesting, within 2 s', () => {
  it('colspan 100000 (capped at 1000 by the reader) on 4.000 cells: the grid stays at most 64 columns wide', async () => {
    const cell = (colSpan: number): SourceCell => ({ text: '1.1.1', lines: [], colSpan, rowSpan: 1, bold: false });
    const table: SourceTable = { rows: Array.from({ length: 40 }, () => Array.from({ length: 100 }, () => cell(1000))), firstLine: 0, lastLine: 0 };
    const grid = toGrid(table);
    expect(grid).toHaveLength(40);
    expect(Math.max(...grid.map((l) => l.length))).toBeLessThanOrEqual(64);
    const docx = colspanDocx();
    // Before: 18 s for this 3 KB file (a grid of 4 million positions, scanned quadratically).
    const { ms } = await outcome(docx, 'span.docx');
    expect(ms).toBeLessThan(SECOND_BUDGET_MS);
  }, 30_000);

  it('a table of 500 columns and one of 900 budget rows', async () => {
    const wide = wordDocument(head + tbl([budgetHeader + Array.from({ length: 495 }, () => tc('Kinh phí')).join(''), ...Array.from({ length: 8 }, (_, r) => Array.from({ length: 500 }, (_, c) => tc(`${r}.${c}.1.1.1`)).join(''))]));
    expect((await outcome(wide, 'wide.docx')).ms).toBeLessThan(SECOND_BUDGET_MS);
    const rows = wordDocument(head + tbl([budgetHeader, ...Array.from({ length: 900 }, (_, r) => [tc(r % 3 ? String(r) : 'I'), tc(r % 3 ? `Nhiệm vụ ${r}` : 'KHOA HỌC, CÔNG NGHỆ'), tc('338'), tc('Thường xuyên'), tc(`${r},5`)].join(''))]));
    expect((await outcome(rows, 'rows.docx')).ms).toBeLessThan(SECOND_BUDGET_MS);
  }, 30_000);

  it('rowspan 1000 down a 400-row table', async () => {
    const docx = wordDocument(head + tbl([budgetHeader, ...Array.from({ length: 400 }, (_, r) => (r === 0 ? Array.from({ length: 10 }, () => tc('1', 1000, '<w:vMerge w:val="restart"/>')).join('') : `${Array.from({ length: 10 }, () => tc('', 1000, '<w:vMerge/>')).join('')}${tc('2')}`))]));
    expect((await outcome(docx, 'rowspan.docx')).ms).toBeLessThan(SECOND_BUDGET_MS);
  }, 30_000);

  it('300 nested tables around 900.000 characters: no copy of the text per level (before: 2 minutes, 750 MB)', async () => {
    const docx = nestedTablesDocx();
    expect(docx.length).toBeLessThan(10_000);
    const { ms, heapMb } = await outcome(docx, 'nested.docx');
    expect(ms).toBeLessThan(SECOND_BUDGET_MS);
    expect(heapMb).toBeLessThan(400);
    // Three levels are tables of their own; deeper ones are their enclosing cell's text.
    const result = await importReport(docx, 'nested.docx');
    expect(result.tables).toHaveLength(3);
  }, 30_000);
});

describe('hostile Word XML: elements are counted while inflating, before mammoth parses them', () => {
  // Before: 1.000.000 empty rows, cells, runs or tables in 3–30 KB went over the import worker's
  // 768 MB (200.000: 2–4 s of CPU and ~450 MB; 200.000 empty rows: "Maximum call stack size
  // exceeded", a 500).
  it.each([
    ['a million empty rows', () => `<w:tbl>${'<w:tr/>'.repeat(1_000_000)}</w:tbl>`],
    ['a million empty cells', () => `<w:tbl>${`<w:tr>${'<w:tc/>'.repeat(60)}</w:tr>`.repeat(17_000)}</w:tbl>`],
    ['a million empty runs in one paragraph', () => `<w:p>${'<w:r/>'.repeat(1_000_000)}</w:p>`],
    ['200.000 one-cell tables', () => '<w:tbl><w:tr><w:tc/></w:tr></w:tbl>'.repeat(200_000)],
    ['a million properties of one paragraph', () => `<w:p><w:pPr>${'<w:b/>'.repeat(1_000_000)}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`],
  ])('%s: IMPORT_TOO_LONG at once', async (_, body) => {
    const docx = wordDocument(head + body());
    expect(docx.length).toBeLessThan(40_000);
    const { code, ms } = await outcome(docx, 'bom.docx');
    expect(code).toBe('IMPORT_TOO_LONG');
    expect(ms).toBeLessThan(500);
  }, 30_000);

  it.each([
    ['24.000 empty rows', () => `<w:tbl>${'<w:tr/>'.repeat(24_000)}</w:tbl>`],
    ['190.000 properties', () => `<w:p><w:pPr>${'<w:b/>'.repeat(190_000)}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`],
  ])('just under the caps (%s): read within 2 s', async (_, body) => {
    const { code, ms, heapMb } = await outcome(wordDocument(head + body()), 'gan-gioi-han.docx');
    expect(code).not.toBe('IMPORT_TOO_LONG');
    expect(ms).toBeLessThan(SECOND_BUDGET_MS);
    expect(heapMb).toBeLessThan(400);
  }, 30_000);
});

describe('hostile OpenDocument: counted before LibreOffice opens it', () => {
  it('an .odt of 400.000 empty table rows is IMPORT_TOO_LONG at once', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>BÁO CÁO năm 2026</text:p><table:table>${'<table:table-row/>'.repeat(400_000)}</table:table></office:text></office:body></office:document-content>`;
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) }, { level: 9 });
    expect(odt.length).toBeLessThan(100_000);
    const { code, ms } = await outcome(odt, 'bom.odt');
    expect(code).toBe('IMPORT_TOO_LONG');
    expect(ms).toBeLessThan(500);
  });
});

import ExcelJS from 'exceljs';
import type { Report } from '../../domain/report-schema.ts';
import { appendixHeadings, appendixTable, COLUMN_NUMBERS, type AppendixRow } from './appendix-table.ts';
import { sanitizeReport } from './sanitize.ts';
import { DEFAULT_GENERATED_AT, DRAFT_MARK, type RenderOptions } from './types.ts';
import { normalizePackage } from './zip-fix.ts';

/**
 * Number format for amounts in triệu đồng.
 *
 * `#,##0` is stored as "use the viewer's thousands separator": LibreOffice and Excel show
 * "1.320" only when the computer's regional setting is Vietnamese, and "1,320" — which a
 * Vietnamese reader takes for one point three two — on the many office PCs left on English
 * settings (checked with LibreOffice 7.4: `#,##0` shows "1,320" under en-US and "1.320" under vi-VN;
 * the format below shows "1.320" under both). So whole amounts
 * use literal dots instead, chosen by conditions on the value: the cell stays a number (SUM,
 * sorting and the cached values all work) and reads "1.320" / "3.480" / "60" on every computer.
 * Amounts with a fraction of a million (rare; "12,5 triệu") fall back to the locale-aware format
 * with decimals rather than being rounded out of sight.
 */
export const MILLIONS_FORMAT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0';
export const MILLIONS_FRACTION_FORMAT = '#,##0.0##';

const FONT = 'Times New Roman';
const COLS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
const WIDTHS = [7, 52, 9, 12, 12, 12, 13, 12, 22];
const HEAD_FIRST = 7; // rows 7–9: the three rows of the table head; row 10: column numbers
const FIRST_DATA = 11;
// Excel's SUM takes at most 255 arguments; longer lists are summed in nested chunks.
const SUM_CHUNK = 200;

const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const millions = (dong: number): number => dong / 1_000_000;

export function sumFormula(refs: string[]): string {
  if (refs.length <= SUM_CHUNK) return `SUM(${refs.join(',')})`;
  const parts: string[] = [];
  for (let i = 0; i < refs.length; i += SUM_CHUNK) parts.push(sumFormula(refs.slice(i, i + SUM_CHUNK)));
  return sumFormula(parts);
}

/** An amount in triệu đồng (live formula with its cached result, or a plain number) and its format. */
function amount(value: number | undefined, formula?: string): { value: ExcelJS.CellValue; numFmt: string } | undefined {
  if (value === undefined && !formula) return undefined;
  const m = millions(value ?? 0);
  return { value: formula ? { formula, result: m } : m, numFmt: Number.isInteger(m) ? MILLIONS_FORMAT : MILLIONS_FRACTION_FORMAT };
}

type Styles = (key: string, make: () => Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>;

/**
 * One style object per distinct look (named by `key`), for the whole workbook. ExcelJS gives
 * each cell a style object of its own and, when writing, serialises every one of them to find
 * its cell format; a style object it has already seen is looked up instead. Sharing them was
 * most of the cost of the styles (profiled). The objects are never changed after they are
 * handed out: a cell's look is assigned whole (`cell.style = …`), never patched (`cell.font =
 * …` would write into the shared object).
 */
function sharedStyles(): Styles {
  const seen = new Map<string, Partial<ExcelJS.Style>>();
  return (key, make) => {
    let style = seen.get(key);
    if (!style) seen.set(key, (style = make()));
    return style;
  };
}

/** Rough row height for wrapped text: Excel does not grow rows on open, LibreOffice does. */
function rowHeight(texts: Array<[string, number]>): number {
  const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(t.length / Math.max(1, width * 1.45))));
  return Math.min(409, 16.5 * lines);
}

function head(ws: ExcelJS.Worksheet, r: Report, styles: Styles): void {
  const t = appendixHeadings(r);
  const top = HEAD_FIRST;
  const put = (ref: string, text: string) => {
    ws.getCell(ref).value = text;
  };
  ws.mergeCells(`A${top}:A${top + 2}`);
  put(`A${top}`, t.stt);
  ws.mergeCells(`B${top}:B${top + 2}`);
  put(`B${top}`, t.title);
  ws.mergeCells(`C${top}:C${top + 2}`);
  put(`C${top}`, t.code);
  ws.mergeCells(`D${top}:D${top + 2}`);
  put(`D${top}`, t.estimateN);
  ws.mergeCells(`E${top}:E${top + 2}`);
  put(`E${top}`, t.actualN);
  ws.mergeCells(`F${top}:H${top}`);
  put(`F${top}`, t.plan);
  ws.mergeCells(`F${top + 1}:F${top + 2}`);
  put(`F${top + 1}`, t.total);
  ws.mergeCells(`G${top + 1}:H${top + 1}`);
  put(`G${top + 1}`, t.ofWhich);
  put(`G${top + 2}`, t.investment);
  put(`H${top + 2}`, t.recurrent);
  ws.mergeCells(`I${top}:I${top + 2}`);
  put(`I${top}`, t.note);
  for (let row = top; row <= top + 3; row++) {
    for (const c of COLS) {
      ws.getCell(`${c}${row}`).style = styles(`head ${row - top}`, () => ({
        border: BORDER,
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        font: { name: FONT, size: 12, bold: row < top + 3, italic: row === top + 3 },
      }));
    }
  }
  COLUMN_NUMBERS.forEach((n, i) => {
    ws.getCell(`${COLS[i]}${top + 3}`).value = n;
  });
  ws.getRow(top).height = 20;
  ws.getRow(top + 1).height = 20;
  ws.getRow(top + 2).height = 34;
}

function bodyRow(ws: ExcelJS.Worksheet, row: AppendixRow, index: number, rows: AppendixRow[], styles: Styles): void {
  const n = FIRST_DATA + index;
  const bold = row.kind !== 'line';
  const refs = (col: string) => row.children.map((c) => `${col}${FIRST_DATA + c}`);
  const r = ws.getRow(n);
  // Text from the report is assigned as plain strings: ExcelJS only writes a formula for a
  // { formula } object, so "=cmd|…" or "+1" typed by a user is stored as text, never evaluated.
  const text = (col: number, value: string) => {
    if (value) r.getCell(col).value = value;
  };
  text(1, row.stt);
  text(2, row.title);
  text(3, row.budgetCode);
  text(9, row.note);
  // Amounts by column (4–8), each with its number format.
  const amounts = new Map<number, ReturnType<typeof amount>>([
    [4, amount(row.estimateN)],
    [5, amount(row.actualN)],
  ]);
  if (row.children.length > 0) {
    // Group and total rows: live sums of the rows directly beneath, cached for viewers that
    // do not recalculate (previewers, mail clients, some phones).
    amounts.set(6, amount(row.total, sumFormula(refs('F'))));
    amounts.set(7, amount(row.investment, sumFormula(refs('G'))));
    amounts.set(8, amount(row.recurrent, sumFormula(refs('H'))));
    const estimates = row.children.map((c) => rows[c]?.estimateN);
    if (row.kind === 'total' && estimates.length > 0 && estimates.every((v) => v !== undefined)) {
      amounts.set(4, amount(row.estimateN, sumFormula(refs('D'))));
    }
  } else {
    amounts.set(6, amount(row.total, `SUM(G${n}:H${n})`)); // column 3 = 4 + 5
    amounts.set(7, amount(row.investment || undefined));
    amounts.set(8, amount(row.recurrent || undefined));
  }
  const total = row.kind === 'total';
  for (let c = 1; c <= 9; c++) {
    const cell = r.getCell(c);
    const a = amounts.get(c);
    if (a) cell.value = a.value;
    cell.style = styles(`body ${c} ${bold} ${total} ${a?.numFmt ?? ''}`, () => {
      const horizontal = c === 2 || c === 9 ? (total && c === 2 ? 'center' : 'left') : c >= 4 && c <= 8 ? 'right' : 'center';
      return {
        ...(a ? { numFmt: a.numFmt } : {}),
        border: BORDER,
        font: { name: FONT, size: 12, bold: bold && c !== 9 },
        alignment: { horizontal, vertical: 'middle', wrapText: c === 2 || c === 9 },
      };
    });
  }
  r.height = rowHeight([
    [row.title, WIDTHS[1] ?? 50],
    [row.note, WIDTHS[8] ?? 20],
  ]);
}

/** The appendix "Biểu chi tiết dự toán năm N+1" as an XLSX with live SUM formulas. */
export async function renderAppendixXlsx(report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const r = sanitizeReport(report);
  const table = appendixTable(r);
  const generatedAt = new Date(options.generatedAt ?? DEFAULT_GENERATED_AT);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'khcn';
  wb.lastModifiedBy = 'khcn';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  wb.title = table.title;
  wb.calcProperties.fullCalcOnLoad = true;

  const ws = wb.addWorksheet(`Biểu dự toán ${r.planYear}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEAD_FIRST}:${HEAD_FIRST + 3}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N', ...(options.draft ? { oddHeader: `&R&"Times New Roman,Bold"&12${DRAFT_MARK}` } : {}) },
    views: [{ state: 'frozen', ySplit: HEAD_FIRST + 3, xSplit: 0 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const styles = sharedStyles();

  const title = (ref: string, range: string, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'right' = 'center') => {
    const cell = ws.getCell(ref);
    cell.value = text;
    cell.style = { font: { name: FONT, size: 12, ...font }, alignment: { horizontal, vertical: 'middle', wrapText: true } };
    // After the style: merging gives the other cells of the range the first cell's style.
    ws.mergeCells(range);
  };
  title('A1', 'A1:C1', table.issuerParent, { bold: true });
  if (options.draft) title('H1', 'H1:I1', DRAFT_MARK, { bold: true }, 'right');
  title('A2', 'A2:C2', table.issuerName, { bold: true });
  title('A4', 'A4:I4', table.title, { bold: true, size: 14 });
  title('A5', 'A5:I5', table.subtitle, { bold: true });
  title('A6', 'A6:G6', table.reference, { italic: true });
  title('H6', 'H6:I6', 'Đơn vị tính: triệu đồng', { italic: true }, 'right');
  ws.getRow(4).height = 20;

  head(ws, r, styles);
  table.rows.forEach((row, i) => bodyRow(ws, row, i, table.rows, styles));

  // Stored, not deflated: normalizePackage re-zips every part anyway, so compressing here was
  // done twice (profiled: ~30% of the render). The final bytes are the same.
  const bytes = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return normalizePackage(new Uint8Array(bytes as ArrayBuffer), options.generatedAt ?? DEFAULT_GENERATED_AT);
}

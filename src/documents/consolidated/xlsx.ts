import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { FIELD_KEYS, KPI_KEYS, KPI_LABELS, type ConsolidatedLine, type FieldKey } from '../../domain/consolidate.ts';
import { TIMELINESS_LABELS } from '../../domain/progress.ts';
import { KINDS } from '../../domain/report-schema.ts';
import { cleanText } from '../render/sanitize.ts';
import { DEFAULT_GENERATED_AT } from '../render/types.ts';
import { MILLIONS_FORMAT, MILLIONS_FRACTION_FORMAT } from '../render/xlsx.ts';
import { normalizePackage } from '../render/zip-fix.ts';
import { codeLabel, FIELD_KEY_LABELS, FIELD_SHORT, fundingLabel, kindLabel, sortedEntries, type ConsolidatedModel } from './model.ts';

/**
 * The province workbook: "Tổng hợp" (per commune and by field × kind, Khoản and funding source,
 * totals as formulas with cached results), "Tình trạng nộp" (one row per expected unit), one
 * sheet per field (every accepted leaf line) and "Chỉ số hồ sơ" (KPIs with their distribution).
 *
 * Written with ExcelJS's streaming WorkbookWriter, row by row, so a national workbook (3,321
 * units, ~100,000 lines) never holds the whole sheet in memory; `writeConsolidatedXlsx` streams
 * to any Writable, `renderConsolidatedXlsx` buffers and normalises for byte-identical output.
 */
const FONT = 'Times New Roman';
const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const STATUS: Record<string, string> = { draft: 'Đang soạn', submitted: 'Đã nộp, chờ thẩm định', returned: 'Bị trả lại', accepted: 'Đã tiếp nhận', approved: 'Đã phê duyệt' };

export const SHEET = {
  summary: 'Tổng hợp',
  status: 'Tình trạng nộp',
  kpis: 'Chỉ số hồ sơ',
  field: (f: FieldKey): string => FIELD_KEY_LABELS[f].slice(0, 31),
};

const millions = (dong: number): number => dong / 1_000_000;
const text = (s: string): string => cleanText(s);

type Value = string | number | { formula: string; result: number } | null | undefined;
interface Col { header: string; width: number; money?: boolean; percent?: boolean }

/**
 * Body cells share one style object per combination, made once. ExcelJS recognises a style
 * object it has seen (a WeakMap by identity) and otherwise serialises the whole style to XML to
 * find its id — per cell, which was most of the national workbook's time (profiled: ~60% of
 * 3.321 units). Picking the object is per cell too, so it is a property lookup, not a string key
 * built and hashed (~5% of writing the national workbook). Shared objects must never be mutated:
 * cells get them whole, through `cell.style`.
 */
type NumFormat = 'none' | 'millions' | 'millionsFraction' | 'percent';

function bodyStyle(bold: boolean, isText: boolean, numFmt: string | undefined): Partial<ExcelJS.Style> {
  return {
    ...(numFmt ? { numFmt } : {}),
    font: { name: FONT, size: 11, bold },
    border: BORDER,
    alignment: { vertical: 'middle', wrapText: isText, horizontal: isText ? 'left' : 'right' },
  };
}
const bodyStyles = (bold: boolean) => ({
  text: bodyStyle(bold, true, undefined),
  number: {
    none: bodyStyle(bold, false, undefined),
    millions: bodyStyle(bold, false, MILLIONS_FORMAT),
    millionsFraction: bodyStyle(bold, false, MILLIONS_FRACTION_FORMAT),
    percent: bodyStyle(bold, false, '0.00'),
  } satisfies Record<NumFormat, Partial<ExcelJS.Style>>,
});
const BODY_STYLES = { plain: bodyStyles(false), bold: bodyStyles(true) };

/** A sheet being written: a title block, a header row, then rows committed one at a time. */
class SheetWriter {
  row = 0;
  constructor(readonly ws: ExcelJS.Worksheet, readonly cols: Col[]) {
    ws.columns = cols.map((c) => ({ width: c.width }));
  }

  title(value: string, opts: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
    this.row++;
    const r = this.ws.getRow(this.row);
    r.getCell(1).value = text(value);
    r.getCell(1).font = { name: FONT, size: opts.size ?? 12, bold: opts.bold ?? false, italic: opts.italic ?? false };
    r.commit();
  }

  blank(): void {
    this.row++;
    this.ws.getRow(this.row).commit();
  }

  header(labels: string[] = this.cols.map((c) => c.header)): number {
    this.row++;
    const r = this.ws.getRow(this.row);
    labels.forEach((h, i) => {
      const cell = r.getCell(i + 1);
      cell.value = h;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    r.height = 32;
    r.commit();
    return this.row;
  }

  put(values: Value[], opts: { bold?: boolean } = {}): number {
    this.row++;
    const r = this.ws.getRow(this.row);
    const styles = opts.bold ? BODY_STYLES.bold : BODY_STYLES.plain;
    values.forEach((v, i) => {
      const cell = r.getCell(i + 1);
      const col = this.cols[i];
      // Text a person typed is always a string value: ExcelJS writes a formula only for a
      // { formula } object, so "=cmd|…" in a title is stored and shown as text.
      if (typeof v === 'string') {
        cell.value = text(v);
        cell.style = styles.text;
        return;
      }
      let format: NumFormat = 'none';
      if (v !== null && v !== undefined) {
        const value = typeof v === 'number' ? v : v.result;
        const shown = col?.money ? millions(value) : value;
        cell.value = typeof v === 'number' ? shown : { formula: v.formula, result: shown };
        if (col?.money) format = Number.isInteger(shown) ? 'millions' : 'millionsFraction';
        if (col?.percent) format = 'percent';
      }
      cell.style = styles.number[format];
    });
    r.commit();
    return this.row;
  }
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const sumRange = (col: number, from: number, to: number, result: number) => ({ formula: to >= from ? `SUM(${colLetter(col)}${from}:${colLetter(col)}${to})` : '0', result });
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function pageSetup(landscape = true): Partial<ExcelJS.AddWorksheetOptions> {
  return { pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 } } };
}

function writeSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, m: ConsolidatedModel, fieldSheets: Map<FieldKey, { amountCol: number; kindCol: number; first: number; last: number }>): void {
  const c = m.consolidation;
  const fieldCols = FIELD_KEYS;
  const cols: Col[] = [
    { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 26 }, { header: 'Trạng thái', width: 16 },
    ...fieldCols.map((f) => ({ header: FIELD_KEY_LABELS[f], width: 14, money: true })),
    { header: 'Tổng cộng', width: 14, money: true }, { header: 'Chi thường xuyên', width: 14, money: true }, { header: 'Chi đầu tư phát triển', width: 14, money: true },
    { header: 'Được phê duyệt', width: 14, money: true }, { header: 'Đã giải ngân', width: 14, money: true },
  ];
  const s = new SheetWriter(wb.addWorksheet(SHEET.summary, pageSetup()), cols);
  s.title(`TỔNG HỢP DỰ TOÁN KINH PHÍ KH, CN, ĐMST VÀ CĐS NĂM ${m.cycle.planYear}`, { bold: true, size: 14 });
  s.title(`${m.province.name} — từ các báo cáo đã được Sở KH&CN tiếp nhận: ${c.included}/${m.progress.expected} đơn vị`, { italic: true });
  s.title('Đơn vị tính: triệu đồng', { italic: true });
  s.blank();
  s.header();
  const first = s.row + 1;
  const totalCol = 4 + fieldCols.length;
  c.units.filter((u) => u.included).forEach((u, i) => {
    const r = s.row + 1;
    s.put([
      i + 1, `${u.unit.kind} ${u.unit.name}`, STATUS[u.status] ?? u.status,
      ...fieldCols.map((f) => u.totals.byField[f]),
      { formula: `SUM(${colLetter(4)}${r}:${colLetter(3 + fieldCols.length)}${r})`, result: u.totals.total },
      u.totals.byKind.recurrent, u.totals.byKind.investment, u.approved ?? null, u.disbursed ?? null,
    ]);
  });
  const last = s.row;
  s.put([
    null, 'Tổng cộng', null,
    ...fieldCols.map((f, i) => sumRange(4 + i, first, last, c.totals.byField[f])),
    sumRange(totalCol, first, last, c.totals.total), sumRange(totalCol + 1, first, last, c.totals.byKind.recurrent), sumRange(totalCol + 2, first, last, c.totals.byKind.investment),
    sumRange(totalCol + 3, first, last, c.approved), sumRange(totalCol + 4, first, last, c.disbursed),
  ], { bold: true });

  // By field × kind: each cell sums its field sheet by kind, so the figures trace to the lines.
  s.blank();
  s.title('Theo lĩnh vực và loại chi', { bold: true });
  s.header(['STT', 'Lĩnh vực', 'Chi thường xuyên', 'Chi đầu tư phát triển', 'Tổng cộng']);
  const fk = s.row + 1;
  const fkCols = new SheetWriterCols(s, [false, false, true, true, true]);
  FIELD_KEYS.forEach((f, i) => {
    const sheet = fieldSheets.get(f);
    const r = s.row + 1;
    const byKind = KINDS.map((k) => {
      const result = c.totals.byFieldKind[f][k];
      if (!sheet) return result;
      const sheetRef = quoted(SHEET.field(f));
      const amount = `${sheetRef}!${colLetter(sheet.amountCol)}${sheet.first}:${colLetter(sheet.amountCol)}${sheet.last}`;
      const kinds = `${sheetRef}!${colLetter(sheet.kindCol)}${sheet.first}:${colLetter(sheet.kindCol)}${sheet.last}`;
      return { formula: `SUMIF(${kinds},"${kindLabel(k)}",${amount})`, result };
    });
    fkCols.put([i + 1, FIELD_KEY_LABELS[f], ...byKind, { formula: `SUM(C${r}:D${r})`, result: c.totals.byField[f] }]);
  });
  const fkLast = s.row;
  fkCols.put([null, 'Tổng cộng', sumRange(3, fk, fkLast, c.totals.byKind.recurrent), sumRange(4, fk, fkLast, c.totals.byKind.investment), sumRange(5, fk, fkLast, c.totals.total)], true);

  for (const [heading, record, label] of [
    ['Theo mã Khoản (Loại 100)', c.totals.byCode, codeLabel],
    ['Theo nguồn kinh phí', c.totals.byFunding, fundingLabel],
  ] as const) {
    s.blank();
    s.title(heading, { bold: true });
    s.header(['STT', 'Nội dung', 'Dự toán']);
    const from = s.row + 1;
    const cols3 = new SheetWriterCols(s, [false, false, true]);
    sortedEntries(record).forEach(([key, amount], i) => cols3.put([i + 1, label(key), amount]));
    cols3.put([null, 'Tổng cộng', sumRange(3, from, s.row, c.totals.total)], true);
  }
  s.ws.commit();
}

/** Writes rows under the summary sheet's own columns, with per-block money columns. */
class SheetWriterCols {
  constructor(readonly s: SheetWriter, readonly money: boolean[]) {}
  put(values: Value[], bold = false): void {
    const saved = this.s.cols.map((c) => c.money);
    this.money.forEach((m, i) => {
      if (this.s.cols[i]) this.s.cols[i]!.money = m;
    });
    this.s.put(values, { bold });
    saved.forEach((m, i) => {
      if (this.s.cols[i]) this.s.cols[i]!.money = m;
    });
  }
}

function writeStatus(wb: ExcelJS.stream.xlsx.WorkbookWriter, m: ConsolidatedModel): void {
  const accepted = new Map(m.consolidation.units.map((u) => [u.unit.id, u]));
  const s = new SheetWriter(wb.addWorksheet(SHEET.status, pageSetup()), [
    { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 26 }, { header: 'Loại đơn vị', width: 10 }, { header: 'Trạng thái', width: 20 },
    { header: 'Hạn nộp', width: 12 }, { header: 'Nộp lần đầu', width: 18 }, { header: 'Tình hình', width: 18 }, { header: 'Số ngày trễ', width: 10 },
    { header: 'Số lần trả lại', width: 10 }, { header: 'Dự toán đã tiếp nhận (triệu đồng)', width: 16, money: true },
  ]);
  const p = m.progress;
  s.title(`TÌNH TRẠNG NỘP BÁO CÁO KẾ HOẠCH NĂM ${m.cycle.planYear}`, { bold: true, size: 14 });
  s.title(`Phải nộp: ${p.expected}; đã nộp: ${p.everSubmitted} (đúng hạn ${p.onTime}, trễ hạn ${p.late}); quá hạn chưa nộp: ${p.overdue}; bị trả lại: ${p.returned}; đã tiếp nhận: ${p.accepted + p.approved}`, { italic: true });
  s.blank();
  s.header();
  p.rows.forEach((r, i) => {
    const u = accepted.get(r.unit.id);
    s.put([
      i + 1, `${r.unit.kind} ${r.unit.name}`, r.unit.kind, STATUS[r.status] ?? r.status, r.deadline, r.firstSubmittedAt ? r.firstSubmittedAt.slice(0, 16).replace('T', ' ') : '—',
      TIMELINESS_LABELS[r.timeliness], r.daysLate, r.returns, u?.included ? u.totals.total : null,
    ]);
  });
  s.ws.commit();
}

function writeField(wb: ExcelJS.stream.xlsx.WorkbookWriter, m: ConsolidatedModel, field: FieldKey, lines: ConsolidatedLine[]) {
  const s = new SheetWriter(wb.addWorksheet(SHEET.field(field), pageSetup()), [
    { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 22 }, { header: 'Nhóm', width: 22 }, { header: 'Nội dung', width: 48 }, { header: 'Mã Khoản', width: 9 },
    { header: 'Loại chi', width: 16 }, { header: 'Nguồn kinh phí', width: 20 }, { header: 'Dự toán', width: 13, money: true }, { header: 'Được phê duyệt', width: 13, money: true }, { header: 'Đã giải ngân', width: 13, money: true },
  ]);
  s.title(`${FIELD_KEY_LABELS[field].toUpperCase()} — DỰ TOÁN NĂM ${m.cycle.planYear} (${FIELD_SHORT[field]})`, { bold: true, size: 13 });
  s.title('Đơn vị tính: triệu đồng', { italic: true });
  s.blank();
  s.header();
  const first = s.row + 1;
  lines.forEach((l, i) => s.put([i + 1, `${l.unit.kind} ${l.unit.name}`, l.groups.join(' / '), l.title, l.budgetCode, kindLabel(l.kind), l.fundingSource, l.amount, l.approved ?? null, l.disbursed ?? null]));
  const last = Math.max(s.row, first - 1);
  const total = (pick: (l: ConsolidatedLine) => number | undefined) => lines.reduce((a, l) => a + (pick(l) ?? 0), 0);
  s.put([null, 'Tổng cộng', null, null, null, null, null, sumRange(8, first, last, total((l) => l.amount)), sumRange(9, first, last, total((l) => l.approved)), sumRange(10, first, last, total((l) => l.disbursed))], { bold: true });
  s.ws.commit();
  return { amountCol: 8, kindCol: 6, first, last: Math.max(first, last) };
}

function writeKpis(wb: ExcelJS.stream.xlsx.WorkbookWriter, m: ConsolidatedModel): void {
  const s = new SheetWriter(wb.addWorksheet(SHEET.kpis, pageSetup(false)), [
    { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 26 }, ...KPI_KEYS.map((k) => ({ header: `${KPI_LABELS[k]} (%)`, width: 15, percent: true })),
  ]);
  s.title(`CHỈ SỐ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM ${m.cycle.reportYear}`, { bold: true, size: 13 });
  s.title('Tính từ số liệu hồ sơ của các báo cáo đã tiếp nhận; tỷ lệ tính bằng %, không nhập tay', { italic: true });
  s.blank();
  s.header();
  const first = s.row + 1;
  const units = m.consolidation.units.filter((u) => u.included);
  units.forEach((u, i) => s.put([i + 1, `${u.unit.kind} ${u.unit.name}`, ...KPI_KEYS.map((k) => (u.kpis[k] === undefined ? null : Math.round(u.kpis[k]! * 100) / 100))]));
  const last = s.row;
  const dist = m.consolidation.kpis;
  for (const [label, fn, pick] of [
    ['Thấp nhất', 'MIN', (i: number) => dist[i]!.min],
    ['Cao nhất', 'MAX', (i: number) => dist[i]!.max],
    ['Trung bình', 'AVERAGE', (i: number) => dist[i]!.mean],
    ['Trung vị', 'MEDIAN', (i: number) => dist[i]!.median],
  ] as const) {
    s.put([null, label, ...KPI_KEYS.map((_k, i) => {
      const v = pick(i);
      return v === undefined || last < first ? null : { formula: `${fn}(${colLetter(3 + i)}${first}:${colLetter(3 + i)}${last})`, result: Math.round(v * 100) / 100 };
    })], { bold: true });
  }
  s.ws.commit();
}

export async function writeConsolidatedXlsx(m: ConsolidatedModel, stream: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const at = new Date(m.generatedAt ?? DEFAULT_GENERATED_AT);
  wb.creator = 'khcn';
  wb.lastModifiedBy = 'khcn';
  wb.created = at;
  wb.modified = at;
  // The summary goes first in the workbook but refers to the field sheets; their row ranges are
  // known beforehand from the lines, so it can be written first without a second pass.
  const byField = new Map<FieldKey, ConsolidatedLine[]>();
  for (const l of m.consolidation.lines) {
    if (!byField.has(l.field)) byField.set(l.field, []);
    byField.get(l.field)!.push(l);
  }
  const fields = FIELD_KEYS.filter((f) => f !== 'unassigned' || (byField.get(f)?.length ?? 0) > 0);
  const FIELD_FIRST = 5; // title, unit line, blank, header
  const ranges = new Map(fields.map((f) => {
    const n = byField.get(f)?.length ?? 0;
    return [f, { amountCol: 8, kindCol: 6, first: FIELD_FIRST, last: Math.max(FIELD_FIRST, FIELD_FIRST + n - 1) }] as const;
  }));
  writeSummary(wb, m, ranges);
  writeStatus(wb, m);
  for (const f of fields) writeField(wb, m, f, byField.get(f) ?? []);
  writeKpis(wb, m);
  await wb.commit();
}

export async function renderConsolidatedXlsx(m: ConsolidatedModel): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeConsolidatedXlsx(m, sink);
  sink.end();
  await done;
  return normalizePackage(new Uint8Array(Buffer.concat(chunks)), m.generatedAt ?? DEFAULT_GENERATED_AT);
}

import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { breakdown } from '../src/domain/budget.ts';
import { runChecks } from '../src/domain/checks.ts';
import { Report } from '../src/domain/report-schema.ts';
import { createRng } from '../src/demo/random.ts';
import { generateReport } from '../src/demo/generate-report.ts';
import { extractDocument } from '../src/documents/import/extract.ts';
import { importReport } from '../src/documents/import/index.ts';
import { renderAppendixXlsx, renderDocx } from '../src/documents/render/index.ts';
import { absoluteFigure, compare, ratioFigure, timeOne, type BenchContext, type Figure } from './lib.ts';

const ROOT = new URL('../', import.meta.url);
const kienThuy = (): Report => Report.parse(JSON.parse(readFileSync(new URL('examples/kien-thuy-2026.json', ROOT), 'utf8')));

/** The cells of a workbook as written values (formulas included), to write again with exceljs alone. */
export async function workbookCells(bytes: Uint8Array): Promise<{ sheet: string; cells: [string, ExcelJS.CellValue][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: [string, ExcelJS.CellValue][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push([cell.address, cell.value])));
    return { sheet: ws.name, cells };
  });
}

export async function writeCellsPlain(sheets: { sheet: string; cells: [string, ExcelJS.CellValue][] }[]): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    for (const [address, value] of s.cells) ws.getCell(address).value = value;
  }
  return wb.xlsx.writeBuffer();
}

export async function documentFigures(ctx: BenchContext): Promise<Figure[]> {
  const report = kienThuy();
  const figures: Figure[] = [];

  ctx.log('DOCX…');
  const docx = await renderDocx(report);
  const parts = unzipSync(docx);
  const d = await compare(ctx, () => renderDocx(report), () => zipSync(parts, { level: 6 }), 4000);
  figures.push(ratioFigure('render report DOCX (Kiến Thụy)', 'ms', d.subject, d.baseline, { max: 3 }, 'baseline: zip the same XML parts with fflate'));

  ctx.log('XLSX…');
  const xlsx = await renderAppendixXlsx(report);
  const cells = await workbookCells(xlsx);
  const x = await compare(ctx, () => renderAppendixXlsx(report), () => writeCellsPlain(cells), 4000);
  figures.push(ratioFigure('render appendix XLSX (Kiến Thụy)', 'ms', x.subject, x.baseline, { max: 1.5 }, 'baseline: the same cells written with exceljs, no styles'));

  ctx.log('import…');
  const seedText = readFileSync(new URL('test/fixtures/seed-kien-thuy-2026.txt', ROOT));
  // The seed as a commune sends it: a Word file. We have its text; the DOCX is that text's report rendered.
  const seedReport = (await importReport(seedText, 'seed.txt')).report;
  const seedDocx = await renderDocx(seedReport);
  const i = await compare(ctx, () => importReport(seedDocx, 'seed.docx'), () => extractDocument(seedDocx, 'seed.docx'), 4000);
  figures.push(ratioFigure('import the seed (.docx)', 'ms', i.subject, i.baseline, { max: 2 }, 'baseline: extracting its raw text lines alone'));
  const t = await compare(ctx, () => importReport(seedText, 'seed.txt'), () => extractDocument(seedText, 'seed.txt'), 2000);
  figures.push({ ...ratioFigure('import the seed (.txt), for information', 'ms', t.subject, t.baseline, { max: 2 }), ok: null, goal: 'none (text decode is nearly free)' });

  ctx.log('budget recompute…');
  const big = generateReport({ name: 'Thử', kind: 'xã', province: 'Hải Phòng' }, 2026, createRng(200), { lines: 200 });
  const r = await timeOne(ctx, () => {
    runChecks(big);
    breakdown(big.plan.budget);
  }, 3000);
  figures.push(absoluteFigure('recompute totals + checks, 200-line budget (p99)', 'ms', r.p99, { max: 5 }, `p50 ${r.p50.toFixed(3)} ms`));
  return figures;
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MILLIONS_FORMAT, renderAppendixXlsx } from '../../src/documents/render/index.ts';
import { sumFormula } from '../../src/documents/render/xlsx.ts';
import { seedReport, unzip } from './render-helpers.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

/** Row number of the first row whose column A (STT) or B (Nội dung) is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let n = 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    if (row.getCell(1).value === label || row.getCell(2).value === label) return row;
  }
  throw new Error(`no row ${label}`);
}

const formulaOf = (cell: ExcelJS.Cell): { formula: string; result: unknown } => cell.value as { formula: string; result: unknown };

describe('appendix XLSX "Biểu chi tiết dự toán năm 2027"', () => {
  it('has the title block, the unit and the column heads of issue 3', async () => {
    const ws = await load(await renderAppendixXlsx(seedReport()));
    const texts = new Set<string>();
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.add(c.value)));
    for (const t of [
      'ỦY BAN NHÂN DÂN',
      'XÃ KIẾN THỤY',
      'BIỂU CHI TIẾT DỰ TOÁN NĂM 2027',
      'Đơn vị tính: triệu đồng',
      'STT',
      'Nội dung',
      'Mã Khoản',
      'Dự toán năm 2026',
      'Ước thực hiện năm 2026',
      'Dự toán năm 2027',
      'Tổng số',
      'Chi đầu tư phát triển',
      'Chi thường xuyên',
      'Ghi chú',
    ]) {
      expect(texts, t).toContain(t);
    }
  });

  it('totals the seed to 3.480 with a live SUM over the groups, cached', async () => {
    const ws = await load(await renderAppendixXlsx(seedReport()));
    const total = rowOf(ws, 'TỔNG SỐ');
    const f = formulaOf(total.getCell(6));
    expect(f.formula).toMatch(/^SUM\(F\d+,F\d+,F\d+\)$/);
    expect(f.result).toBe(3480);
    expect(formulaOf(total.getCell(8)).result).toBe(3480);
    expect(formulaOf(total.getCell(7)).formula).toMatch(/^SUM\(G/); // no investment in the seed: 0
    // Dự toán năm N from Part I (8.212); Ước thực hiện năm N is not in the model: blank.
    expect(total.getCell(4).value).toBe(8212);
    expect(total.getCell(5).value).toBeNull();
    expect(total.font?.bold ?? total.getCell(2).font?.bold).toBe(true);
  });

  it('gives every group a SUM of its lines, with the right cached value, STT I/II/III, 1, 1.1 and Khoản', async () => {
    const ws = await load(await renderAppendixXlsx(seedReport()));
    const groups: Array<[string, string, string, number]> = [
      ['I', 'Khoa học, công nghệ', '', 1320],
      ['II', 'Đổi mới sáng tạo', '111', 450],
      ['III', 'Chuyển đổi số', '121', 1710],
    ];
    for (const [stt, title, code, sum] of groups) {
      const row = rowOf(ws, stt);
      expect(row.getCell(2).value).toBe(title);
      expect(row.getCell(3).value ?? '').toBe(code);
      const f = formulaOf(row.getCell(6));
      expect(f.formula).toMatch(/^SUM\(/);
      expect(f.result).toBe(sum);
      expect(row.getCell(2).font?.bold).toBe(true);
      // The formula really is the sum of the cells it names.
      const refs = f.formula.slice(4, -1).split(',');
      const values = refs.map((ref) => {
        const v = ws.getCell(ref).value;
        return typeof v === 'number' ? v : Number((v as { result: number }).result);
      });
      expect(values.reduce((a, b) => a + b, 0)).toBe(sum);
    }
    const sub = rowOf(ws, '1.1');
    expect(sub.getCell(2).value).toBe('trang bị máy tính, máy quét tốc độ cao');
    expect(formulaOf(sub.getCell(6))).toEqual({ formula: `SUM(G${sub.number}:H${sub.number})`, result: 500 });
    expect(sub.getCell(8).value).toBe(500);
    expect(sub.getCell(2).font?.bold).toBeFalsy();
    const nested = formulaOf(rowOf(ws, 'Nâng cấp hạ tầng số').getCell(6));
    expect(nested.result).toBe(650);
  });

  it('formats every amount in triệu đồng with Vietnamese thousands dots, whatever the viewer locale', async () => {
    const ws = await load(await renderAppendixXlsx(seedReport()));
    let amounts = 0;
    ws.eachRow((row) => {
      for (let c = 4; c <= 8; c++) {
        const cell = row.getCell(c);
        if (typeof cell.value === 'number' || (cell.value && typeof cell.value === 'object' && 'formula' in cell.value)) {
          expect(cell.numFmt).toBe(MILLIONS_FORMAT);
          amounts++;
        }
      }
    });
    expect(amounts).toBeGreaterThan(40);
    expect(MILLIONS_FORMAT).toContain('[>=1000]#"."##0');
  });

  it('is set up to print on A4 landscape, fit to width, with the head rows repeated', async () => {
    const bytes = await renderAppendixXlsx(seedReport());
    const parts = unzip(bytes);
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(parts['xl/workbook.xml']).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*!\$7:\$10</);
    const ws = await load(bytes);
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
  });

  it('marks a draft "DỰ THẢO" at the top right of the sheet and of every printed page, and a submitted one not', async () => {
    const ws = await load(await renderAppendixXlsx(seedReport(), { draft: true }));
    expect(ws.getCell('H1').value).toBe('DỰ THẢO');
    expect(ws.getCell('H1').font?.bold).toBe(true);
    expect(ws.headerFooter.oddHeader).toContain('DỰ THẢO');
    const plain = await load(await renderAppendixXlsx(seedReport()));
    expect(plain.getCell('H1').value).toBeNull();
    expect(plain.headerFooter.oddHeader ?? '').not.toContain('DỰ THẢO');
  });

  it('is byte-identical for the same input, with fixed package timestamps', async () => {
    const a = await renderAppendixXlsx(seedReport());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = await renderAppendixXlsx(seedReport());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(unzip(a)['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>2000-01-01T00:00:00Z</);
  });

  it('nests SUM beyond 200 arguments (Excel takes at most 255)', () => {
    const refs = Array.from({ length: 450 }, (_, i) => `F${i + 1}`);
    const f = sumFormula(refs);
    expect(f.startsWith('SUM(SUM(F1,')).toBe(true);
    expect(f.match(/SUM\(/g)).toHaveLength(4);
    expect(sumFormula(['F1', 'F2'])).toBe('SUM(F1,F2)');
  });
});

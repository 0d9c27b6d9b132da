import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderAppendixXlsx, renderDocx } from '../../src/documents/render/index.ts';
import { cleanText } from '../../src/documents/render/sanitize.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { docxParagraphs, seedReport, unzip } from './render-helpers.ts';

const SCRIPT = '<script>alert("x")</script>';
const DDE = "=cmd|' /C calc'!A0";
const FORMULA_STARTS = ['+1+2', '-3+4', '@SUM(A1:A2)', DDE];
const EMOJI = 'Chuyển đổi số 🚀👩‍💻';
const CONTROL = 'a\u0000b\u0001c\u0007d\u001be\uFFFEf\uD800g';
const LONG = 'Dài '.repeat(2500); // 10.000 characters

function hostileReport(): Report {
  const r = seedReport();
  r.document.legalBases = [SCRIPT, DDE, CONTROL];
  r.document.recipients = [SCRIPT, EMOJI];
  r.document.signer.name = `${EMOJI} ${CONTROL}`;
  r.implementation.leadership.paragraphs = [LONG, ...FORMULA_STARTS];
  const group = r.plan.budget[0];
  if (!group) throw new Error('seed has no plan');
  group.children = FORMULA_STARTS.concat(SCRIPT, EMOJI, CONTROL).map((title, i) => ({
    id: `h-${i}`,
    title,
    kind: 'recurrent',
    amount: 1_000_000,
    children: [],
    note: i === 0 ? DDE : CONTROL,
  }));
  // Not parsed again: the schema now refuses control characters, and the writers must still be
  // safe with reports stored before it did.
  return r;
}

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('hostile text', () => {
  it('is cleaned of characters XML forbids, and nothing else', () => {
    expect(cleanText(CONTROL)).toBe('abcdefg');
    expect(cleanText(`${EMOJI}\t\n`)).toBe(`${EMOJI}\t\n`);
    expect(cleanText(DDE)).toBe(DDE);
  });

  it('stays text in the DOCX: markup escaped, emoji and 10.000 characters kept, no illegal characters', async () => {
    const parts = unzip(await renderDocx(hostileReport(), { appendix: true }));
    const xml = parts['word/document.xml'] ?? '';
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;');
    for (const [name, content] of Object.entries(parts)) expect(ILLEGAL.test(content), name).toBe(false);
    const texts = docxParagraphs(xml).map((p) => p.text);
    expect(texts).toContain(SCRIPT);
    expect(texts).toContain(DDE);
    expect(texts).toContain(LONG);
    expect(texts).toContain('abcdefg');
    expect(texts.some((t) => t.includes('🚀👩‍💻'))).toBe(true);
    expect(texts).toContain(`- ${SCRIPT}`);
  });

  it('stays text in the XLSX: cells starting with =, +, -, @ are strings, never formulas', async () => {
    const bytes = await renderAppendixXlsx(hostileReport());
    const parts = unzip(bytes);
    for (const [name, content] of Object.entries(parts)) expect(ILLEGAL.test(content), name).toBe(false);
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    const formulas = [...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1] ?? '');
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^SUM\([A-I0-9:,()SUM]+\)$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells = new Map<string, ExcelJS.Cell>();
    ws?.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && cells.set(c.value, c)));
    for (const t of [...FORMULA_STARTS, SCRIPT, EMOJI, 'abcdefg']) {
      const cell = cells.get(t);
      expect(cell, t).toBeDefined();
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      // Stored through the shared-string table (t="s"), never inline as a formula.
      expect(sheet).toMatch(new RegExp(`<c r="${cell?.address}"[^>]* t="s"`));
    }
  });

  it('never writes bidi overrides, isolates or zero-width spaces, even from a report stored before the schema removed them', async () => {
    // "Chi 500 triệu" displayed as "Chi 005 triệu" by a right-to-left override: the data and the page would differ.
    const INVISIBLE = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B'];
    const r = seedReport();
    const line = r.plan.budget[0]?.children[0];
    if (!line) throw new Error('seed has no plan line');
    line.title = `Chi \u202E005\u202C triệu cho hội\u200Bthảo \u2066A\u2069 \u2067B\u2069 \u2068C\u2069 \u202AD\u202C \u202BE\u202C \u202DF\u202C`;
    r.document.signer.name = 'Lưu\u200B Văn\u202E Thụy';
    const docx = unzip(await renderDocx(r, { appendix: true }));
    const xlsx = unzip(await renderAppendixXlsx(r));
    for (const [name, content] of Object.entries({ ...docx, ...xlsx })) {
      for (const c of INVISIBLE) expect(content.includes(c), `${name} U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    }
    const texts = docxParagraphs(docx['word/document.xml'] ?? '').map((p) => p.text);
    expect(texts.some((t) => t.includes('Chi 005 triệu cho hộithảo A B C D E F'))).toBe(true);
    expect(texts.some((t) => t.includes('Lưu Văn Thụy'))).toBe(true);
  });
});

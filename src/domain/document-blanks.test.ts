import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from './checks.ts';
import { submitChecks } from './document-blanks.ts';
import { Report } from './report-schema.ts';

const seed = (): Report => Report.parse(JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')));

describe('blank number and date before submitting (DOCUMENT_BLANK)', () => {
  it('warns about each blank, at its field, with what the printed document will show', () => {
    const found = submitChecks(seed());
    expect(found.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['DOCUMENT_BLANK', 'warning', 'document.number'],
      ['DOCUMENT_BLANK', 'warning', 'document.date'],
    ]);
    expect(found[0]!.message).toBe('Chưa ghi số, ký hiệu văn bản: bản in sẽ để trống “Số: …/BC-UBND”. Ghi số đã lấy ở văn thư trước khi nộp.');
  });

  it('is silent once both are filled; a number of spaces is still blank', () => {
    const r = seed();
    r.document.number = '   ';
    r.document.date = '2026-07-05';
    expect(submitChecks(r).map((f) => f.path)).toEqual(['document.number']);
    r.document.number = '125/BC-UBND';
    expect(submitChecks(r)).toEqual([]);
  });

  it('is not part of the document checks (an imported report or khcn check is not asked for them)', () => {
    expect(runChecks(seed()).some((f) => f.code === 'DOCUMENT_BLANK')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { budgetChain, reportWithDepth, reportWithLines, seedJson } from '../../test/helpers/limit-reports.ts';
import { capFindings, validateReport, type Finding } from './checks.ts';
import { diffReports } from './diff.ts';
import { MAX_BUDGET_DEPTH, MAX_BUDGET_LINES, MAX_CHANGES, MAX_FINDINGS, MAX_PARAGRAPHS, MAX_TEXT } from './limits.ts';
import { Report } from './report-schema.ts';

const codes = (input: unknown) => {
  const v = validateReport(input);
  return v.ok ? [] : [...new Set(v.findings.map((f) => f.code))];
};

describe('budget tree depth', () => {
  it('is 6 levels: field → group → line and room for sub-lines', () => {
    expect(MAX_BUDGET_DEPTH).toBe(6);
    expect(validateReport(reportWithDepth(6)).ok).toBe(true);
  });

  it('refuses a 7th level with BUDGET_TOO_DEEP at the level that is one too many', () => {
    const v = validateReport(reportWithDepth(7));
    expect(v.ok).toBe(false);
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ code: 'BUDGET_TOO_DEEP', severity: 'error', path: 'plan.budget[0].children[0].children[0].children[0].children[0].children[0].children' });
    expect(v.findings[0]?.message).toMatch(/^Cây dự toán sâu quá 6 cấp/);
  });

  it('refuses 850 and 100.000 levels without overflowing the stack (the recursive schema did), in milliseconds', () => {
    for (const depth of [850, 100_000]) {
      const started = performance.now();
      expect(codes(reportWithDepth(depth))).toContain('BUDGET_TOO_DEEP');
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('bounds Part I the same way', () => {
    const r = seedJson();
    r.implementation.budget.lines = [budgetChain(7, 'i')];
    expect(codes(r)).toEqual(['BUDGET_TOO_DEEP']);
  });
});

describe('budget lines per report', () => {
  it('accepts 2.000 lines counted over both parts, groups included', () => {
    expect(MAX_BUDGET_LINES).toBe(2000);
    expect(validateReport(reportWithLines(2000)).ok).toBe(true);
    expect(validateReport(reportWithLines(1500, 500)).ok).toBe(true);
  });

  it('refuses the 2.001st line, wherever it is, with BUDGET_TOO_MANY_LINES', () => {
    for (const r of [reportWithLines(2001), reportWithLines(1, 2000), reportWithLines(1001, 1000)]) {
      const v = validateReport(r);
      expect(v.ok).toBe(false);
      expect(v.findings).toEqual([expect.objectContaining({ code: 'BUDGET_TOO_MANY_LINES', path: 'plan.budget', message: 'Báo cáo có 2.001 dòng dự toán (kể cả nhóm, phần I và phần II); tối đa 2.000 dòng. (plan.budget)' })]);
    }
  });
});

describe('texts and lists', () => {
  const withTitle = (title: string) => {
    const r = reportWithLines(3);
    r.plan.budget[0]!.children[0]!.title = title;
    return r;
  };

  it('accepts every text at its maximum length and refuses one character more with TEXT_TOO_LONG', () => {
    expect(validateReport(withTitle('x'.repeat(MAX_TEXT.title))).ok).toBe(true);
    expect(codes(withTitle('x'.repeat(MAX_TEXT.title + 1)))).toEqual(['TEXT_TOO_LONG']);
    const r = seedJson();
    r.plan.objectives = ['y'.repeat(MAX_TEXT.paragraph)];
    expect(validateReport(r).ok).toBe(true);
    r.plan.objectives = ['y'.repeat(MAX_TEXT.paragraph + 1)];
    const v = validateReport(r);
    expect(v.ok ? [] : v.findings).toEqual([expect.objectContaining({ code: 'TEXT_TOO_LONG', path: 'plan.objectives[0]', message: 'Văn bản dài quá 20.000 ký tự. (plan.objectives[0])' })]);
    r.plan.objectives = [];
    r.commune.name = 'n'.repeat(MAX_TEXT.name + 1);
    expect(codes(r)).toEqual(['TEXT_TOO_LONG']);
  });

  it('accepts 200 paragraphs and refuses 201 with TOO_MANY_ITEMS', () => {
    const r = seedJson();
    r.plan.basis = Array.from({ length: MAX_PARAGRAPHS }, (_, i) => `Căn cứ ${i + 1}`);
    expect(validateReport(r).ok).toBe(true);
    r.plan.basis.push('Một căn cứ nữa');
    expect(codes(r)).toEqual(['TOO_MANY_ITEMS']);
  });
});

describe('text hygiene', () => {
  const withTitle = (title: string) => {
    const r = reportWithLines(2);
    r.plan.budget[0]!.children[0]!.title = title;
    return r;
  };
  const parsedTitle = (title: string) => Report.parse(withTitle(title)).plan.budget[0]!.children[0]!.title;

  it('refuses NUL and the other control characters with TEXT_CONTROL_CHAR, saying which and where', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F', '\uFFFE', '\uFFFF']) {
      expect(codes(withTitle(`Mua máy${c}tính`)), `U+${c.charCodeAt(0).toString(16)}`).toEqual(['TEXT_CONTROL_CHAR']);
    }
    const v = validateReport(withTitle('ab\u0000c'));
    expect(v.ok ? '' : v.findings[0]?.message).toMatch(/^Văn bản có ký tự điều khiển không in được \(U\+0000\) ở vị trí 3;/);
  });

  it('allows tab and line breaks where a text may have several lines, and refuses them in one-line fields', () => {
    expect(parsedTitle('Dòng 1\nDòng 2\r\n\tDòng 3')).toBe('Dòng 1\nDòng 2\r\n\tDòng 3');
    const r = seedJson();
    r.commune.name = 'Kiến\nThụy';
    const v = validateReport(r);
    expect(v.ok ? [] : v.findings).toEqual([expect.objectContaining({ code: 'TEXT_CONTROL_CHAR', path: 'commune.name' })]);
    r.commune.name = 'Kiến Thụy';
    r.document.number = '125/BC\tUBND';
    expect(codes(r)).toEqual(['TEXT_CONTROL_CHAR']);
  });

  it('refuses lone surrogates with TEXT_INVALID_UNICODE, keeps real pairs (emoji)', () => {
    expect(codes(withTitle('a\uD800b'))).toEqual(['TEXT_INVALID_UNICODE']);
    expect(codes(withTitle('a\uDC00'))).toEqual(['TEXT_INVALID_UNICODE']);
    expect(codes(withTitle('\uDFFF\uD800'))).toEqual(['TEXT_INVALID_UNICODE']);
    expect(parsedTitle('Chuyển đổi số 🚀👩‍💻')).toBe('Chuyển đổi số 🚀👩‍💻');
  });

  it('removes bidi overrides, isolates, marks and zero-width spaces silently, keeping everything visible', () => {
    expect(parsedTitle('Chi \u202E005\u202C triệu')).toBe('Chi 005 triệu');
    expect(parsedTitle('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200E\u200F\u2060\uFEFF\u061CHội\u200Bthảo')).toBe('Hộithảo');
    // Removed before the length is counted: invisible padding does not make a text too long.
    expect(parsedTitle(`${'x'.repeat(MAX_TEXT.title)}\u200B\u200B`)).toHaveLength(MAX_TEXT.title);
    const r = seedJson();
    r.commune.name = '\u200B';
    expect(codes(r)).toEqual(['RANGE']); // nothing left: "Thiếu tên xã/phường."
  });
});

describe('caps on what one answer carries', () => {
  const many = (n: number, severity: Finding['severity']): Finding[] => Array.from({ length: n }, (_, i) => ({ code: 'LEAF_AMOUNT', severity, message: `m${i}`, path: `plan.budget[${i}]` }));

  it('lists 500 findings, then one counting the rest, as severe as the worst of them', () => {
    expect(MAX_FINDINGS).toBe(500);
    expect(capFindings(many(500, 'warning'))).toHaveLength(500);
    const capped = capFindings([...many(500, 'warning'), ...many(600, 'warning'), ...many(100, 'error')]);
    expect(capped).toHaveLength(501);
    expect(capped[500]).toEqual({ code: 'FINDINGS_TRUNCATED', severity: 'error', message: '… và 700 lỗi, cảnh báo (trong đó 100 lỗi) khác; sửa các mục trên rồi kiểm tra lại để xem tiếp.', path: '', actual: 700 });
    expect(capFindings(many(1234, 'warning')).at(-1)).toMatchObject({ severity: 'warning', message: '… và 734 cảnh báo khác; sửa các mục trên rồi kiểm tra lại để xem tiếp.' });
  });

  it('runs the checks of the largest allowed report and lists every line finding of it within the cap', () => {
    const r = Report.parse(reportWithLines(2000));
    for (const g of r.plan.budget) for (const l of g.children) l.amount = 0;
    const v = validateReport(r);
    expect(v.ok).toBe(true);
    const leafWarnings = v.findings.filter((f) => f.code === 'LEAF_AMOUNT');
    expect(leafWarnings).toHaveLength(1996);
    expect(capFindings(v.findings)).toHaveLength(MAX_FINDINGS + 1);
  });

  it('lists 1.000 changes of a diff, then "… và N thay đổi khác"', () => {
    expect(MAX_CHANGES).toBe(1000);
    const before = Report.parse(reportWithLines(2000));
    const after = structuredClone(before);
    for (const g of after.plan.budget) for (const l of g.children) l.amount = 2_000_000;
    const changes = diffReports(before, after);
    expect(changes).toHaveLength(1001);
    expect(changes.slice(0, 1000).every((c) => c.kind === 'changed')).toBe(true);
    expect(changes[1000]).toEqual({ path: 'CHANGES_TRUNCATED', label: '… và 996 thay đổi khác (chỉ hiện 1.000 thay đổi đầu)', kind: 'omitted', count: 996 });
    expect(diffReports(before, after, 5000)).toHaveLength(1996);
  });
});

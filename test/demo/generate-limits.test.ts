import { describe, expect, it } from 'vitest';
import { generateReport, MAX_GENERATED_LINES } from '../../src/demo/generate-report.ts';
import { createRng, seedFrom } from '../../src/demo/random.ts';
import { walkLines } from '../../src/domain/budget.ts';
import { validateReport } from '../../src/domain/checks.ts';
import { MAX_BUDGET_CHILDREN, MAX_BUDGET_DEPTH, MAX_BUDGET_LINES } from '../../src/domain/limits.ts';
import { countBudgetLines, type Report } from '../../src/domain/report-schema.ts';

/** The demo and national generators (generateReport under seedNational, seedDemo, seedDepartment) stay within the report limits. */
const unit = { name: 'Thử Nghiệm', kind: 'xã' as const, province: 'Hải Phòng', provinceCode: '31' };
const lines = (r: Report) => countBudgetLines(r.implementation.budget.lines) + countBudgetLines(r.plan.budget);
const depth = (r: Report) => Math.max(...[...walkLines(r.plan.budget), ...walkLines(r.implementation.budget.lines)].map((e) => e.depth + 1));

describe('generated demo reports respect the limits', () => {
  it('every report as the national generator makes them (300 seeds) passes the schema, well within the limits', () => {
    for (let i = 0; i < 300; i++) {
      const r = generateReport(unit, 2026, createRng(seedFrom(`limits/${i}`)), { slips: i % 2 === 0 });
      const v = validateReport(r);
      expect(v.ok, `seed ${i}: ${v.ok ? '' : JSON.stringify(v.findings.slice(0, 2))}`).toBe(true);
      expect(lines(r)).toBeLessThanOrEqual(3 + 40 + 2 + 2);
      expect(depth(r)).toBe(2);
    }
  });

  it('the largest plan it makes (1.500 lines: three groups of 500) is allowed; one more is refused before anything is made', () => {
    expect(MAX_GENERATED_LINES).toBe(3 * MAX_BUDGET_CHILDREN);
    const r = generateReport(unit, 2026, createRng(1), { lines: MAX_GENERATED_LINES });
    expect(r.plan.budget.map((g) => g.children.length)).toEqual([500, 500, 500]);
    expect(lines(r)).toBeLessThanOrEqual(MAX_BUDGET_LINES);
    expect(depth(r)).toBeLessThanOrEqual(MAX_BUDGET_DEPTH);
    expect(validateReport(r).ok).toBe(true);
    expect(() => generateReport(unit, 2026, createRng(1), { lines: MAX_GENERATED_LINES + 1 })).toThrow(RangeError);
  });

  it('keeps the usual sizes as they were (the same seed gives the same plan)', () => {
    const r = generateReport(unit, 2026, createRng(7), { lines: 20 });
    expect(r.plan.budget.map((g) => g.children.length)).toEqual([7, 5, 8]);
  });
});

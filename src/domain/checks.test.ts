import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasErrors, runChecks, validateReport } from './checks.ts';
import { Report } from './report-schema.ts';

const seed = (): Report => Report.parse(JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')));

/** The seed with its three dossier slips corrected: a report that should pass every check. */
export function correctedSeed(): Report {
  const r = seed();
  Object.assign(r.implementation.dossiers, { receivedInPeriod: 6609, carriedOver: 188, total: 6797, online: 6608, direct: 1, pendingOnTime: 69 });
  // The paragraph that states the figures says the same (TEXT_FIGURE_MISMATCH).
  r.implementation.results.digital = r.implementation.results.digital.map((p) =>
    p.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ'));
  return r;
}

describe('checks on the seed', () => {
  it('finds exactly the three dossier mismatches, with figures', () => {
    const findings = runChecks(seed());
    expect(findings.map((f) => [f.code, f.severity, f.expected, f.actual])).toEqual([
      ['DOSSIER_TOTAL', 'error', 6796, 6797],
      ['DOSSIER_CHANNELS', 'error', 6609, 6608],
      ['DOSSIER_OUTCOMES', 'warning', 6798, 6797],
    ]);
    expect(findings[0]!.message).toContain('6.608');
    expect(findings[0]!.path).toBe('implementation.dossiers.total');
  });

  it('passes a corrected report', () => {
    expect(runChecks(correctedSeed())).toEqual([]);
  });
});

describe('budget checks', () => {
  it('flags a group that does not add up, a wrong total and wrong words', () => {
    const r = correctedSeed();
    r.plan.budget[1]!.statedAmount = 460_000_000;
    r.plan.stated.total = 3_490_000_000;
    r.plan.stated.totalWords = 'Ba tỷ bốn trăm chín mươi triệu đồng chẵn';
    const codes = runChecks(r).map((f) => f.code);
    expect(codes).toEqual(['BUDGET_GROUP_SUM', 'BUDGET_TOTAL']);
    r.plan.stated.total = 3_480_000_000;
    const words = runChecks(r).find((f) => f.code === 'AMOUNT_WORDS');
    expect(words?.expected).toBe('Ba tỷ bốn trăm tám mươi triệu đồng chẵn');
    expect(words?.path).toBe('plan.stated.totalWords');
  });

  it('compares every amount in words: a group, a leaf and a sentence of the narrative', () => {
    const r = correctedSeed();
    // 2.2 states 450 triệu; its words say 460 triệu.
    r.plan.budget[1]!.statedWords = 'Bốn trăm sáu mươi triệu đồng';
    // A leaf of 2.1 (60 triệu) with the right words: no finding.
    r.plan.budget[0]!.children[0]!.statedWords = 'Sáu mươi triệu đồng';
    r.implementation.budget.progress.push('Đến nay đã giải ngân 1.250 triệu đồng (Bằng chữ: Một tỷ hai trăm năm mươi lăm triệu đồng).');
    r.notes = [{ text: 'Kinh phí hỗ trợ là 12,5 triệu đồng (bằng chữ: mười hai triệu năm trăm nghìn đồng).', section: 'Phần I' }];
    const words = runChecks(r).filter((f) => f.code === 'AMOUNT_WORDS');
    expect(words.map((f) => [f.path, f.expected, f.actual])).toEqual([
      ['plan.budget[1].statedWords', 'Bốn trăm năm mươi triệu đồng chẵn', 'Bốn trăm sáu mươi triệu đồng'],
      [`implementation.budget.progress[${r.implementation.budget.progress.length - 1}]`, 'Một tỷ hai trăm năm mươi triệu đồng chẵn', 'Một tỷ hai trăm năm mươi lăm triệu đồng'],
    ]);
    expect(words[0]!.paths).toEqual(['plan.budget[1].statedWords', 'plan.budget[1].statedAmount']);
  });

  it('flags stated rates that do not follow from the figures', () => {
    const r = correctedSeed();
    r.implementation.dossiers.statedOnlineRate = 98.5;
    const f = runChecks(r);
    expect(f.map((x) => x.code)).toEqual(['RATE_STATED']);
    expect(f[0]!.expected).toBe(99.98);
  });

  it('takes a stated online rate computed over the dossiers received in the period as well, when the counts disagree', () => {
    const r = correctedSeed();
    // 6.500 received in the period, 6.400 online + 20 direct (DOSSIER_CHANNELS): 6.400 / 6.500 = 98,46 %; 6.400 / 6.420 = 99,69 %.
    Object.assign(r.implementation.dossiers, { receivedInPeriod: 6500, online: 6400, direct: 20, statedOnlineRate: 98.46 });
    r.implementation.results.digital = [];
    const codes = (x: Report) => runChecks(x).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(codes(r)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS']);
    r.implementation.dossiers.statedOnlineRate = 99.69;
    expect(codes(r)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS']);
    r.implementation.dossiers.statedOnlineRate = 97.5;
    expect(codes(r)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'RATE_STATED']);
  });

  it('flags years, unknown Khoản and missing signer', () => {
    const r = correctedSeed();
    r.planYear = 2028;
    r.plan.budget[0]!.budgetCode = '999';
    r.document.signer.name = '';
    const codes = runChecks(r).map((f) => f.code);
    expect(codes).toContain('YEARS');
    expect(codes).toContain('BUDGET_CODE');
    expect(codes).toContain('REQUIRED');
    expect(hasErrors(runChecks(r))).toBe(true);
  });
});

describe('validateReport', () => {
  it('turns schema problems into coded findings', () => {
    const raw = JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8'));
    raw.plan.budget[0].children[0].amount = -5;
    raw.plan.budget[0].children[1].amount = 12.5;
    raw.implementation.dossiers.digitizationRate = 120;
    const v = validateReport(raw);
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => [f.code, f.path])).toEqual([
      ['RANGE', 'implementation.dossiers.digitizationRate'],
      ['RANGE', 'plan.budget[0].children[0].amount'],
      ['RANGE', 'plan.budget[0].children[1].amount'],
    ]);
    expect(v.findings[1]!.message).toMatch(/âm/);
  });

  it('reports unknown fields and missing ones', () => {
    const v = validateReport({ commune: { name: 'X', province: 'Y', extra: 1 }, reportYear: 2026 });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['SCHEMA', 'REQUIRED']));
  });
});

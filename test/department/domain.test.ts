import { describe, expect, it } from 'vitest';
import { consolidate, distribution } from '../../src/domain/consolidate.ts';
import { progress, timeliness } from '../../src/domain/progress.ts';
import type { BudgetLine, Report } from '../../src/domain/report-schema.ts';
import { csvCell } from '../../src/server/routes/csv.ts';

const leaf = (id: string, amount: number, kind: 'recurrent' | 'investment' = 'recurrent', fundingSource?: string): BudgetLine => ({ id, title: id, kind, amount, children: [], ...(fundingSource ? { fundingSource } : {}) });
const report = (lines: BudgetLine[]): Report => ({
  schemaVersion: 1, commune: { name: 'A', kind: 'xã', province: 'Hải Phòng' }, reportYear: 2026, planYear: 2027,
  document: { place: 'A', legalBases: [], signer: { onBehalfOf: '', title: '', name: '' }, recipients: [] },
  implementation: { leadership: { paragraphs: [] }, digitalTeams: {}, results: { science: [], innovation: [], digital: [] }, dossiers: { online: 99, direct: 1, resolvedOnTime: 50, resolvedLate: 0, digitizationRate: 90 }, budget: { lines: [], stated: {}, progress: [] }, assessment: { achievements: [], limitations: [], causes: [] } },
  plan: { basis: [], objectives: [], budget: lines, stated: {}, attachments: [] },
});

describe('consolidation (pure)', () => {
  const body = report([
    { id: 'g1', field: 'science', title: 'KH-CN', kind: 'recurrent', amount: 0, children: [leaf('a', 100_000_000), leaf('b', 50_000_000, 'investment', 'đấu giá đất')] },
    { id: 'g3', field: 'digital', budgetCode: '121', title: 'CĐS', kind: 'recurrent', amount: 0, children: [leaf('c', 500_000_000, 'investment')] },
  ]);
  const c = consolidate([
    { unit: { id: 'u1', name: 'A', kind: 'xã' }, status: 'approved', report: body, approved: new Map([['a', 80_000_000], ['b', 50_000_000], ['c', 500_000_000]]), disbursed: new Map([['c', 200_000_000]]) },
    { unit: { id: 'u2', name: 'B', kind: 'phường' }, status: 'submitted' },
  ]);

  it('sums leaves by field, kind, Khoản and funding source, only from accepted versions', () => {
    expect(c.totals.total).toBe(650_000_000);
    expect(c.totals.byField).toEqual({ science: 150_000_000, innovation: 0, digital: 500_000_000, unassigned: 0 });
    expect(c.totals.byKind).toEqual({ recurrent: 100_000_000, investment: 550_000_000 });
    expect(c.totals.byFieldKind.science).toEqual({ recurrent: 100_000_000, investment: 50_000_000 });
    expect(c.totals.byCode).toEqual({ '': 150_000_000, '121': 500_000_000 });
    expect(c.totals.byFunding).toEqual({ '': 600_000_000, 'đấu giá đất': 50_000_000 });
    expect(c.included).toBe(1);
    expect(c.units[1]).toMatchObject({ included: false, approved: undefined });
  });

  it('follows approved and disbursed amounts by field', () => {
    expect(c.approved).toBe(630_000_000);
    expect(c.disbursed).toBe(200_000_000);
    expect(c.approvedByField.science).toBe(130_000_000);
    expect(c.disbursedByField.digital).toBe(200_000_000);
  });

  it('derives dossier KPIs and their distribution', () => {
    expect(c.units[0]!.kpis.onlineRate).toBeCloseTo(99, 9);
    expect(c.units[0]!.kpis.onTimeRate).toBe(100);
    const d = distribution('onlineRate', [100, 99.5, 80, 95]);
    expect(d).toMatchObject({ count: 4, min: 80, max: 100, median: 97.25 });
    expect(d.buckets.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 1]);
  });
});

describe('completeness and timeliness (pure)', () => {
  const base = { unit: { id: 'u', name: 'A', kind: 'xã' }, reportId: 'r', status: 'submitted', deadline: '2026-07-31', returns: 0 };
  it('counts a submission up to the end of the deadline day in Vietnam time as on time', () => {
    expect(timeliness({ ...base, firstSubmittedAt: '2026-07-31T16:59:00Z' }, 0).timeliness).toBe('on_time');
    expect(timeliness({ ...base, firstSubmittedAt: '2026-07-31T17:00:01Z' }, 0)).toEqual({ timeliness: 'late', daysLate: 1 });
    expect(timeliness({ ...base, status: 'draft', firstSubmittedAt: null }, Date.parse('2026-08-05T00:00:00Z')).timeliness).toBe('overdue');
    expect(timeliness({ ...base, status: 'draft', firstSubmittedAt: null }, Date.parse('2026-07-01T00:00:00Z')).timeliness).toBe('pending');
  });
  it('summarises a cycle and lists who to remind', () => {
    const p = progress([
      { ...base, firstSubmittedAt: '2026-07-01T00:00:00Z' },
      { ...base, unit: { id: 'v', name: 'B', kind: 'xã' }, status: 'returned', firstSubmittedAt: '2026-08-03T00:00:00Z', returns: 1 },
      { ...base, unit: { id: 'w', name: 'C', kind: 'xã' }, status: 'draft', firstSubmittedAt: null },
    ], Date.parse('2026-09-01T00:00:00Z'));
    expect(p).toMatchObject({ expected: 3, submitted: 1, returned: 1, drafting: 1, everSubmitted: 2, onTime: 1, late: 1, overdue: 1 });
    expect(p.reminders.map((r) => r.unit.name)).toEqual(['B', 'C']);
    expect(p.lateUnits[0]!.unit.name).toBe('C');
  });
});

describe('CSV cells', () => {
  it('quotes and defuses formulas typed by people', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('xã An Lão')).toBe('"xã An Lão"');
  });
});

import { describe, expect, it } from 'vitest';
import { compareApproval, latestRecords } from './approval.ts';

describe('compareApproval', () => {
  it('totals approved against proposed and lists the lines approved above their request', () => {
    const c = compareApproval([
      { lineId: 'a', title: 'Hội thảo', requested: 145_000_000, approved: 10_500_000 },
      { lineId: 'b', title: 'Đào tạo', requested: 65_000_000, approved: 80_000_000 },
      { lineId: 'c', title: 'Phần mềm', requested: 30_000_000, approved: 30_000_000 },
    ]);
    expect(c.requestedTotal).toBe(240_000_000);
    expect(c.approvedTotal).toBe(120_500_000);
    expect(c.lines.map((l) => l.difference)).toEqual([-134_500_000, 15_000_000, 0]);
    expect(c.above.map((l) => l.lineId)).toEqual(['b']);
  });

  it('has nothing above when every line is approved as requested or less', () => {
    expect(compareApproval([{ lineId: 'a', title: 'x', requested: 1_000_000, approved: 1_000_000 }]).above).toEqual([]);
    expect(compareApproval([]).approvedTotal).toBe(0);
  });
});

describe('latestRecords', () => {
  it('drops the records that a correction replaced, along a chain of corrections', () => {
    const records = [
      { id: 'd1', corrects: null, amount: 105_000_000 },
      { id: 'd2', corrects: 'd1', amount: 10_500_000 },
      { id: 'd3', corrects: 'd2', amount: 10_000_000 },
      { id: 'd4', corrects: null, amount: 2_000_000 },
    ];
    expect(latestRecords(records).map((r) => r.id)).toEqual(['d3', 'd4']);
  });
});

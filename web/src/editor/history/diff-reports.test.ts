import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../../src/domain/report-schema.ts';
import { updateLine } from '../budget/tree-ops.ts';
import { diffReports, formatValue } from './diff-reports.ts';

const seed = Report.parse(JSON.parse(readFileSync(new URL('../../../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')));

describe('diffReports', () => {
  it('names changed fields and budget lines in Vietnamese', () => {
    const after = {
      ...seed,
      implementation: { ...seed.implementation, digitalTeams: { teams: 20, members: 128 } },
      plan: { ...seed.plan, budget: updateLine(seed.plan.budget, 'p-2-1', { amount: 60_000_000 }) },
    };
    const changes = diffReports(seed, after);
    expect(changes.map((c) => c.label)).toEqual(['Số Tổ công nghệ số', 'II.2. Dự toán › Đổi mới sáng tạo › Tổ chức Ngày hội đổi mới sáng tạo: số tiền']);
    expect(changes[1]?.before).toBe('50 triệu đồng');
    expect(changes[1]?.after).toBe('60 triệu đồng');
    expect(diffReports(seed, seed)).toEqual([]);
  });

  it('formats values for the comparison table', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue(6797)).toBe('6.797');
    expect(formatValue(99.98)).toBe('99,98');
  });
});

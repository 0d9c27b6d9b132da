import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffReports } from './diff.ts';
import { Report } from './report-schema.ts';

const seed = Report.parse(JSON.parse(readFileSync(new URL('../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')));

describe('diffReports', () => {
  it('names changed fields and budget lines in Vietnamese, with the path for programs only', () => {
    const budget = seed.plan.budget.map((g) => ({ ...g, children: g.children.map((l) => (l.id === 'p-2-1' ? { ...l, amount: 60_000_000 } : l)) }));
    const after: Report = {
      ...seed,
      implementation: { ...seed.implementation, digitalTeams: { teams: 20, members: 128 }, dossiers: { ...seed.implementation.dossiers, receivedInPeriod: 6609 } },
      plan: { ...seed.plan, budget },
    };
    const changes = diffReports(seed, after);
    expect(changes.map((c) => c.label)).toEqual([
      'Số Tổ công nghệ số',
      'Hồ sơ: trong kỳ',
      'II.2. Dự toán › Đổi mới sáng tạo › Tổ chức Ngày hội đổi mới sáng tạo: số tiền',
    ]);
    expect(changes.map((c) => c.path)).toContain('implementation.dossiers.receivedInPeriod');
    expect(changes.map((c) => c.path)).toContain('plan.budget#p-2-1.amount');
    for (const c of changes) expect(c.label).not.toContain(c.path);
    const line = changes[2];
    expect(line).toMatchObject({ kind: 'changed', before: '50 triệu đồng', after: '60 triệu đồng' });
    expect(diffReports(seed, seed)).toEqual([]);
  });

  it('tells added and removed lines apart', () => {
    const removed: Report = { ...seed, plan: { ...seed.plan, budget: seed.plan.budget.slice(0, 2) } };
    const gone = diffReports(seed, removed);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((c) => c.kind === 'removed' && c.label.startsWith('II.2. Dự toán › Chuyển đổi số'))).toBe(true);
    expect(diffReports(removed, seed).every((c) => c.kind === 'added')).toBe(true);
  });
});

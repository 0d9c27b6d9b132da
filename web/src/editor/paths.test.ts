import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/checks.ts';
import { findingsAt, findingsForRow, findingsInvolving, setIn, tabOfPath, worst } from './paths.ts';

const f = (path: string, severity: Finding['severity'] = 'error', paths?: string[]): Finding => ({ code: 'X', severity, message: '', path, ...(paths ? { paths } : {}) });

describe('paths', () => {
  it('sets a value immutably, deleting keys set to undefined', () => {
    const r = { a: { b: 1, c: [1, 2] }, d: 2 };
    const next = setIn(r, ['a', 'c', 1], 5);
    expect(next).toEqual({ a: { b: 1, c: [1, 5] }, d: 2 });
    expect(r.a.c).toEqual([1, 2]);
    expect('b' in setIn(r, ['a', 'b'], undefined).a).toBe(false);
  });

  it('matches findings to fields and budget rows', () => {
    const all = [f('x.total', 'error', ['x.total', 'x.a']), f('plan.budget[1].children[0].amount', 'warning'), f('plan.budget[1].statedAmount', 'error', ['plan.budget[1].statedAmount', 'plan.budget[1].children'])];
    expect(findingsAt(all, 'x.total')).toHaveLength(1);
    expect(findingsInvolving(all, 'x.a')).toHaveLength(1);
    expect(findingsForRow(all, 'plan.budget[1]').map((x) => x.path)).toEqual(['plan.budget[1].statedAmount']);
    expect(findingsForRow(all, 'plan.budget[1].children[0]')).toHaveLength(1);
    expect(worst(all)).toBe('error');
    expect(worst([f('a', 'warning')])).toBe('warning');
    expect(worst([])).toBeUndefined();
    expect(tabOfPath('plan.budget[0]')).toBe('part2');
    expect(tabOfPath('implementation.dossiers.total')).toBe('part1');
  });
});

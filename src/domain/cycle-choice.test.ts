import { describe, expect, it } from 'vitest';
import { cycleOptionLabel, defaultCycle } from './cycle-choice.ts';

describe('defaultCycle', () => {
  it('opens on the newest cycle with reports waiting for review, not on a newer empty one', () => {
    const cycles = [
      { id: 'c2028', planYear: 2028, pendingReviews: 0 },
      { id: 'c2027', planYear: 2027, pendingReviews: 29 },
      { id: 'c2026', planYear: 2026, pendingReviews: 2 },
    ];
    expect(defaultCycle(cycles)?.id).toBe('c2027');
    expect(defaultCycle([...cycles].reverse())?.id).toBe('c2027');
  });

  it('falls back to the newest cycle when nothing waits, and to nothing without cycles', () => {
    expect(defaultCycle([{ id: 'a', planYear: 2026, pendingReviews: 0 }, { id: 'b', planYear: 2027 }])?.id).toBe('b');
    expect(defaultCycle([])).toBeUndefined();
  });
});

describe('cycleOptionLabel', () => {
  it('names the cycle with its pending count', () => {
    expect(cycleOptionLabel({ planYear: 2027, pendingReviews: 29 })).toBe('Kế hoạch năm 2027 · 29 chờ thẩm định');
    expect(cycleOptionLabel({ planYear: 2028, pendingReviews: 0 })).toBe('Kế hoạch năm 2028');
    expect(cycleOptionLabel({ planYear: 2026, demo: true, pendingReviews: 1 })).toBe('Kế hoạch năm 2026 (minh họa) · 1 chờ thẩm định');
  });
});

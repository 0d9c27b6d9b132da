import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.ts';

describe('formatValue', () => {
  it('formats values for the comparison table', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue(6797)).toBe('6.797');
    expect(formatValue(99.98)).toBe('99,98');
  });
});

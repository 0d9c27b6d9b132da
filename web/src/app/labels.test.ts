import { describe, expect, it } from 'vitest';
import { STATUS_LABELS as DOMAIN_LABELS } from '../../../src/domain/status.ts';
import { STATUS_LABELS, statusLabel } from './labels.ts';

describe('status labels', () => {
  it('are the domain ones, not a copy', () => {
    expect(STATUS_LABELS).toBe(DOMAIN_LABELS);
    expect(statusLabel('returned')).toBe('Bị trả lại');
    expect(statusLabel('unknown')).toBe('unknown');
  });
});

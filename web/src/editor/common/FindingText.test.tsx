// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/domain/checks.ts';
import { FindingText } from './FindingText.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('<FindingText>', () => {
  it('shows only the Vietnamese message; the check code is kept in data-code and title', async () => {
    const finding: Finding = { code: 'DOSSIER_TOTAL', severity: 'error', message: 'Tổng số hồ sơ không khớp.', path: 'implementation.dossiers.total' };
    const el = document.createElement('div');
    document.body.append(el);
    const root = createRoot(el);
    await act(async () => root.render(<FindingText finding={finding} />));
    expect(el.textContent).toBe('Tổng số hồ sơ không khớp.');
    expect(el.textContent).not.toContain('DOSSIER_TOTAL');
    const tagged = el.querySelector('[data-code="DOSSIER_TOTAL"]');
    expect(tagged?.getAttribute('title')).toBe('DOSSIER_TOTAL');
    await act(async () => root.unmount());
    el.remove();
  });
});

// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../../../src/domain/checks.ts';
import { Report } from '../../../../src/domain/report-schema.ts';
import { FindingsContext } from '../common/findings-context.ts';
import { DossierCard } from './DossierCard.tsx';
import { withDossierSentence } from './dossier-sentence.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const seed = Report.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/kien-thuy-2026.json'), 'utf8')));
// Figures fixed after import, the text still states 99,98%: RATE_STATED.
const fixed = withDossierSentence(seed);
const report: Report = { ...fixed, implementation: { ...fixed.implementation, dossiers: { ...fixed.implementation.dossiers, statedOnlineRate: 99.5 } } };

let root: Root | undefined;
let container: HTMLDivElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
});

describe('<DossierCard> stated rates', () => {
  it('shows the rate the document states next to the computed one, with the ways to fix it', async () => {
    const findings = runChecks(report);
    expect(findings.some((f) => f.code === 'RATE_STATED')).toBe(true);
    const set = vi.fn();
    const update = vi.fn();
    const el = document.createElement('div');
    container = el;
    document.body.append(el);
    root = createRoot(el);
    await act(async () => root?.render(
      <AntApp><FindingsContext.Provider value={findings}><DossierCard report={report} set={set} update={update} readOnly={false} /></FindingsContext.Provider></AntApp>,
    ));
    const group = el.querySelector('[aria-label="Tỷ lệ tiếp nhận trực tuyến"]');
    expect(group?.textContent).toContain('Văn bản ghi: 99,5%');
    expect(group?.textContent).toContain('khác tỷ lệ tính từ số liệu');
    expect(group?.querySelector('[data-code="RATE_STATED"]')).not.toBeNull();
    const button = (name: string) => [...(group?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(name));
    await act(async () => button('Bỏ tỷ lệ văn bản ghi')?.click());
    expect(set).toHaveBeenCalledWith(['implementation', 'dossiers', 'statedOnlineRate'], undefined);
    await act(async () => button('Cập nhật câu trong văn bản')?.click());
    expect(update).toHaveBeenCalledWith(withDossierSentence);
    // The other rate agrees with the figures: shown, no action offered.
    const onTime = el.querySelector('[aria-label="Tỷ lệ giải quyết đúng hạn"]');
    expect(onTime?.textContent).toContain('Văn bản ghi:');
    expect(onTime?.querySelectorAll('button')).toHaveLength(0);
  });
});

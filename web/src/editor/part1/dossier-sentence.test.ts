import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../../../src/domain/checks.ts';
import { Report } from '../../../../src/domain/report-schema.ts';
import { withDossierSentence } from './dossier-sentence.ts';

const seed = Report.parse(JSON.parse(readFileSync(new URL('../../../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')));

describe('regenerating the dossier sentence', () => {
  it('replaces the sentence from "Theo số liệu" and keeps the paragraph opening', () => {
    const fixed = { ...seed, implementation: { ...seed.implementation, dossiers: { ...seed.implementation.dossiers, receivedInPeriod: 6609 } } };
    const next = withDossierSentence(fixed);
    const p = next.implementation.results.digital[0] ?? '';
    expect(p.startsWith('Công tác chuyển đổi số')).toBe(true);
    expect(p).toContain('trong kỳ 6.609 hồ sơ');
    expect(p.match(/Theo số liệu/g)).toHaveLength(1);
    expect(next.implementation.results.digital).toHaveLength(seed.implementation.results.digital.length);
  });

  it('records the rates the sentence states, so RATE_STATED follows the figures', () => {
    const changed = { ...seed, implementation: { ...seed.implementation, dossiers: { ...seed.implementation.dossiers, direct: 0 } } };
    expect(validateReport(changed).findings.some((x) => x.code === 'RATE_STATED')).toBe(true);
    const next = withDossierSentence(changed);
    expect(next.implementation.dossiers.statedOnlineRate).toBe(100);
    expect(validateReport(next).findings.some((x) => x.code === 'RATE_STATED')).toBe(false);
  });
});

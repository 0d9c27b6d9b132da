import type { Dossiers, Report } from '../../../../src/domain/report-schema.ts';
import { dossierSentence } from '../../../../src/domain/report-text.ts';

const START = 'Theo số liệu';

/**
 * Puts the standard dossier sentence into "Về chuyển đổi số": it replaces the text from
 * "Theo số liệu…" to the end of the paragraph that has it, or is appended as a new paragraph.
 * Also records the rates the new sentence states (truncated, as the sentence writes them), so
 * RATE_STATED compares the text with the figures again.
 */
export function withDossierSentence(report: Report): Report {
  const d = report.implementation.dossiers;
  const sentence = dossierSentence(d, report);
  const paragraphs = [...report.implementation.results.digital];
  const at = paragraphs.findIndex((p) => p.includes(START) || p.includes('đã tiếp nhận'));
  if (at >= 0) {
    const p = paragraphs[at] ?? '';
    const cut = p.indexOf(START);
    paragraphs[at] = cut >= 0 ? `${p.slice(0, cut)}${sentence}` : sentence;
  } else {
    paragraphs.push(sentence);
  }
  const truncate = (v: number) => Math.floor(v * 100) / 100;
  const channels = d.online !== undefined && d.direct !== undefined ? d.online + d.direct : 0;
  const resolved = (d.resolvedOnTime ?? 0) + (d.resolvedLate ?? 0);
  const dossiers: Dossiers = { ...d };
  if (d.statedOnlineRate !== undefined || channels > 0) {
    dossiers.statedOnlineRate = channels > 0 ? truncate(((d.online ?? 0) / channels) * 100) : undefined;
  }
  if (d.statedOnTimeRate !== undefined || resolved > 0) {
    dossiers.statedOnTimeRate = resolved > 0 ? truncate(((d.resolvedOnTime ?? 0) / resolved) * 100) : undefined;
  }
  if (dossiers.statedOnlineRate === undefined) delete dossiers.statedOnlineRate;
  if (dossiers.statedOnTimeRate === undefined) delete dossiers.statedOnTimeRate;
  return {
    ...report,
    implementation: {
      ...report.implementation,
      dossiers,
      results: { ...report.implementation.results, digital: paragraphs },
    },
  };
}

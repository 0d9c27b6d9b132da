import { defaultClosing, defaultIntro, defaultSummary } from '../../src/domain/report-text.ts';
import type { BudgetLine, Report } from '../../src/domain/report-schema.ts';

/**
 * The comparison under which import(render(r)) = r holds, i.e. what a document does not carry:
 * - budget line ids (the importer numbers lines "i-1", "p-2-1" in document order);
 * - stated figures (`statedAmount`, `stated.total/totalWords`, `statedOnlineRate/OnTimeRate`):
 *   a rendered document states the derived figures, which the importer keeps as stated;
 * - commune/province codes (not in the text);
 * - equivalent spellings: place "" = the commune's name; a number without "/" gets "/BC-UBND";
 *   summary/intro/closing equal to the derived default = absent; a closing without "./." gets it.
 */
export function normalise(report: Report): unknown {
  const r = JSON.parse(JSON.stringify(report)) as Report;
  delete r.commune.code;
  delete r.commune.provinceCode;
  const d = r.document;
  if (!d.place) d.place = r.commune.name;
  if (d.number && !d.number.includes('/')) d.number = `${d.number}/BC-UBND`;
  if (d.summary === defaultSummary(r)) delete d.summary;
  if (d.intro === defaultIntro(r)) delete d.intro;
  if (d.closing !== undefined && !d.closing.endsWith('./.')) d.closing = `${d.closing.replace(/[.\s]+$/, '')}./.`;
  if (d.closing === defaultClosing(r)) delete d.closing;
  const lines = (ls: BudgetLine[]) =>
    ls.forEach((l) => {
      l.id = '';
      delete l.statedAmount;
      delete l.statedWords;
      delete l.note;
      lines(l.children);
    });
  lines(r.implementation.budget.lines);
  lines(r.plan.budget);
  r.implementation.budget.stated = {};
  r.plan.stated = {};
  delete r.implementation.dossiers.statedOnlineRate;
  delete r.implementation.dossiers.statedOnTimeRate;
  return r;
}

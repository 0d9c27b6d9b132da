import { AppError } from '../../domain/errors.ts';
import { MAX_PARAGRAPHS, MAX_TEXT } from '../../domain/limits.ts';
import { Report, type Note, type ReportInput } from '../../domain/report-schema.ts';
import { defaultClosing, defaultIntro, defaultSummary, isTemplateWording } from '../../domain/report-text.ts';
import { readCurrentBudget, readPlanBudget, type CurrentBudget, type PlanBudget } from './budget-sections.ts';
import { lineSources } from './budget-lines.ts';
import { readDossiers, readLeadership } from './dossiers.ts';
import { readHeader, readSignature } from './header.ts';
import { splitMarker } from './headings.ts';
import { identify, yearsIn } from './identity.ts';
import { toParagraphs } from './paragraphs.ts';
import { applyTables, prepareTables } from './read-tables.ts';
import { INTRO_END, isGroupHeading, segment } from './segment.ts';
import type { ImportOptions, ImportSource, ImportWarning, Paragraph, SourceDocument } from './types.ts';
import { unplacedWarnings, unreadFigures } from './unread.ts';

const BASIS = /^(Căn cứ|Thực hiện)(?=\s)/u;

/**
 * Paragraphs that fit no section become notes, in document order, each saying where it stood:
 * text is never dropped. Beyond the schema's limit of notes the rest stay in the warnings only.
 */
function toNotes(unplaced: readonly Paragraph[], where: ReadonlyMap<Paragraph, string>, sources: ImportSource[]): Note[] {
  const ordered = [...new Set(unplaced)].sort((a, b) => a.line - b.line).slice(0, MAX_PARAGRAPHS);
  return ordered.map((p, i) => {
    sources.push({ path: `notes.${i}.text`, line: p.line });
    return { text: p.text.slice(0, MAX_TEXT.paragraph), section: (where.get(p) ?? 'Không rõ vị trí').slice(0, MAX_TEXT.short) };
  });
}
const texts = (ps: readonly Paragraph[]) => ps.map((p) => p.text);

/** Where the budgets read from the text came from (tables add and replace theirs in applyTables). */
function textSources(current: CurrentBudget, plan: PlanBudget, sources: ImportSource[]): void {
  lineSources(current.lines, 'implementation.budget.lines', sources);
  lineSources(plan.groups, 'plan.budget', sources);
  const stated = (base: string, s: { total?: number; totalWords?: string }, line: number | undefined) => {
    if (line === undefined) return;
    if (s.total !== undefined) sources.push({ path: `${base}.total`, line });
    if (s.totalWords !== undefined) sources.push({ path: `${base}.totalWords`, line });
  };
  stated('implementation.budget.stated', current.stated, current.statedLine);
  stated('plan.stated', plan.stated, plan.statedLine);
  if (current.disbursed !== undefined && current.disbursedLine !== undefined) sources.push({ path: 'implementation.budget.disbursed', line: current.disbursedLine });
}
const UNIT_NAMED = /(?:ủy|uỷ)\s+ban\s+nhân\s+dân|\bUBND\b/iu;

/**
 * The intro among the paragraphs before Part I: the last one that announces the report ("…
 * báo cáo như sau:"), even when it opens with "Thực hiện …"; else the first that names the
 * people's committee and says "báo cáo" in running text (not the upper-case title).
 */
function findIntro(preamble: readonly Paragraph[]): Paragraph | undefined {
  const announcing = preamble.filter((p) => INTRO_END.test(p.text));
  if (announcing.length > 0) return announcing.at(-1);
  const running = preamble.filter((p) => !BASIS.test(p.text) && /báo cáo/iu.test(p.text) && p.text !== p.text.toLocaleUpperCase('vi'));
  return running.find((p) => UNIT_NAMED.test(p.text)) ?? running[0];
}

/**
 * Lines of a report in the genre → the report model, and what could not be read. The summary,
 * intro and closing are stored only when they differ from the wording the template derives, so
 * that rendering the result gives back the same document.
 */
export function parseReport(doc: SourceDocument, options: ImportOptions = {}): { report: Report; warnings: ImportWarning[]; sources: ImportSource[] } {
  // Data tables (budget, dossier figures) are read as cells (read-tables.ts), not as text.
  const tables = prepareTables(doc);
  const paragraphs = toParagraphs(tables.lines);
  const sources: ImportSource[] = [];
  const s = segment(paragraphs);
  const warnings: ImportWarning[] = [];
  const unplaced: Paragraph[] = [...s.unplaced];
  const header = readHeader(s.header);

  const intro = findIntro(s.preamble);
  const legalBases = s.preamble.filter((p) => p !== intro && BASIS.test(p.text));
  unplaced.push(...s.preamble.filter((p) => p !== intro && !legalBases.includes(p)));

  const body = [...(intro ? [intro] : []), ...Object.values(s.slots).flat(), ...s.closing];
  // The unit and its province, checked against the national register (identity.ts).
  const { commune, warnings: identityWarnings } = identify(paragraphs, options);
  warnings.push(...identityWarnings);

  const summaryYears = s.summary ? yearsIn(s.summary.text) : [];
  const partYear = (part: 'partI' | 'partII') => {
    const h = s.partHeadings.find((x) => x.part === part);
    return h ? yearsIn(h.paragraph.text).at(-1) : undefined;
  };
  let reportYear = summaryYears[0] ?? partYear('partI');
  let planYear = (summaryYears.length > 1 ? summaryYears.at(-1) : undefined) ?? partYear('partII');
  reportYear ??= planYear !== undefined ? planYear - 1 : header.year;
  if (reportYear === undefined) throw new AppError('IMPORT_NO_YEAR', 'Không xác định được năm báo cáo (ví dụ "… năm 2026") trong văn bản.');
  planYear ??= reportYear + 1;

  const ident = { commune, reportYear, planYear };
  const closing = s.closing.at(-1);
  unplaced.push(...s.closing.slice(0, -1));
  const { signature, rest: afterSignature } = readSignature(s.signature);
  unplaced.push(...afterSignature);

  const sl = s.slots;
  const leadership = readLeadership([...sl.leadership, ...sl.science, ...sl.innovation, ...sl.digital], sources);
  if (header.number && header.numberLine) sources.push({ path: 'document.number', line: header.numberLine });
  if (header.date && header.dateLine) sources.push({ path: 'document.date', line: header.dateLine });
  const dossiers = readDossiers([...sl.leadership, ...sl.results, ...sl.science, ...sl.innovation, ...sl.digital], sources);
  const current = readCurrentBudget(sl.budget, warnings);
  const plan = readPlanBudget(sl.detail, warnings, isGroupHeading);
  unplaced.push(...sl.results, ...sl.assessment, ...plan.unplaced);
  textSources(current, plan, sources);
  applyTables(tables, s.trail, { reportYear, planYear, current, plan, dossiers, warnings, sources });

  const objectives = sl.basis.filter((p) => splitMarker(p.text).kind === 'bullet');
  const attachmentText = s.attachments[0]?.text.replace(/^\(?\s*(?:Gửi\s+)?kèm theo\s*:?\s*/iu, '').replace(/\)?\s*\.?$/u, '');
  unplaced.push(...s.attachments.slice(1));

  const input: ReportInput = {
    schemaVersion: 1,
    commune,
    reportYear,
    planYear,
    document: {
      ...(header.number ? { number: header.number } : {}),
      place: header.place ?? commune.name,
      ...(header.date ? { date: header.date } : {}),
      ...(s.summary && !isTemplateWording(s.summary.text, defaultSummary(ident)) ? { summary: s.summary.text } : {}),
      legalBases: texts(legalBases),
      ...(intro && !isTemplateWording(intro.text, defaultIntro(ident)) ? { intro: intro.text } : {}),
      ...(closing && !isTemplateWording(closing.text, defaultClosing(ident)) ? { closing: closing.text } : {}),
      ...(signature ? { signer: signature } : {}),
      recipients: s.recipients.map((p) => splitMarker(p.text).rest),
    },
    implementation: {
      leadership: { ...(leadership.focalUnit ? { focalUnit: leadership.focalUnit } : {}), paragraphs: texts(sl.leadership) },
      digitalTeams: {
        ...(leadership.teams !== undefined ? { teams: leadership.teams } : {}),
        ...(leadership.members !== undefined ? { members: leadership.members } : {}),
      },
      results: { science: texts(sl.science), innovation: texts(sl.innovation), digital: texts(sl.digital) },
      dossiers,
      budget: {
        lines: current.lines,
        stated: current.stated,
        ...(current.disbursed !== undefined ? { disbursed: current.disbursed } : {}),
        ...(current.expectedCompletion ? { expectedCompletion: current.expectedCompletion } : {}),
        progress: current.progress,
      },
      assessment: { achievements: texts(sl.achievements), limitations: texts(sl.limitations), causes: texts(sl.causes) },
    },
    plan: {
      basis: texts(sl.basis.filter((p) => !objectives.includes(p))),
      objectives: objectives.map((p) => splitMarker(p.text).rest),
      budget: plan.groups,
      stated: plan.stated,
      attachments: attachmentText ? attachmentText.split(/\s+và\s+/u).map((a) => a.trim()).filter(Boolean) : [],
    },
  };
  const notes = toNotes(unplaced, s.where, sources);
  if (notes.length > 0) input.notes = notes;

  const parsed = Report.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('IMPORT_INVALID', `Đọc được văn bản nhưng số liệu không hợp lệ: ${issues}`, { details: parsed.error.issues });
  }
  const read = [...(s.summary ? [s.summary] : []), ...legalBases, ...body, ...s.attachments.slice(0, 1)];
  warnings.push(...unplacedWarnings(unplaced), ...unreadFigures(read.filter((p) => !unplaced.includes(p))));
  warnings.sort((a, b) => a.line - b.line);
  return { report: parsed.data, warnings, sources };
}

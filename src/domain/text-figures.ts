import { linesTotal } from './budget.ts';
import type { Finding, Rule } from './checks.ts';
import { formatMillions, formatNumber, formatPercent } from './format.ts';
import { dossierKpis, rateMatches } from './kpis.ts';
import { parseVietnameseNumber } from './parse-number.ts';
import type { Report } from './report-schema.ts';

/**
 * Figures that the narrative paragraphs state and that the form also holds: "đã tiếp nhận 6.797
 * hồ sơ", "trực tiếp là 01 hồ sơ", "Tỷ lệ số hóa … đạt 100%", "19 Tổ công nghệ số cộng đồng với
 * khoảng 128 thành viên", "dự toán … năm 2027 là 3.480 triệu đồng". The DOCX prints the
 * paragraphs as typed, so a figure changed in the form and not in the text makes the document
 * contradict the form; this reads the text back with the phrasings of the genre and compares.
 *
 * Limits: a phrase is recognised only with its keywords next to the figure (a figure in a sentence
 * of unusual wording is not read, never guessed); hedged figures ("khoảng 128") are compared as
 * stated. The rates 99,98% of online reception and on-time resolution are compared here only when
 * the document has no stated rate on record (otherwise RATE_STATED already speaks for them).
 */

/** A figure as written: "6.797", "6608", "01", "99,98", "8,212". Boundaries keep "99,98%" whole. */
const NUM = String.raw`(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?!\d|[.,]\d)`;
const IS = String.raw`(?:là\s+|:\s*)?`;
const NOT_RATE = String.raw`(?!\s*%)`;
/** Counts of dossiers are followed by "hồ sơ" in the genre; requiring it keeps other counts out. */
const DOSSIERS = String.raw`\s+hồ\s+sơ`;

export interface TextFigure {
  /** JSON path of the paragraph, e.g. "implementation.results.digital[0]". */
  path: string;
  /** What the figure is ("tổng số hồ sơ tiếp nhận"). */
  label: string;
  /** JSON path of the form's figure it restates. */
  dataPath: string;
  /** The words of the text that state it, as written. */
  quote: string;
  stated: number;
  actual: number;
  /** How to show a figure of this kind. */
  unit: 'count' | 'rate' | 'money';
  matches: boolean;
}

interface Fact {
  label: string;
  dataPath: string;
  unit: 'count' | 'rate' | 'money';
  /** The figure is the last capture group; for money the unit word ("triệu", "tỷ") follows it. */
  pattern: RegExp;
  actual(r: Report): number | undefined;
  /** Only paragraphs (or clauses) that talk about this, to keep unrelated figures out. */
  context?: RegExp;
}

const rx = (source: string) => new RegExp(source, 'giu');
const D = 'implementation.dossiers';
const DOSSIER_CONTEXT = /hồ\s+sơ/iu;
const dossier = (key: keyof Report['implementation']['dossiers'], label: string, pattern: string, unit: 'count' | 'rate' = 'count'): Fact => ({
  label,
  dataPath: `${D}.${key}`,
  unit,
  pattern: rx(pattern),
  actual: (r) => r.implementation.dossiers[key] as number | undefined,
  context: DOSSIER_CONTEXT,
});

const FACTS: readonly Fact[] = [
  // "số mới tiếp nhận 2.351 hồ sơ" is the period's count, not the total.
  dossier('total', 'tổng số hồ sơ tiếp nhận', String.raw`(?<!mới\s+|trực\s+tuyến\s+|trực\s+tiếp\s+)(?:đã\s+)?tiếp\s+nhận\s+(?:tổng\s+(?:số\s+|cộng\s+)?)?${NUM}\s+hồ\s+sơ`),
  dossier('total', 'tổng số hồ sơ tiếp nhận', String.raw`tổng\s+số\s+(?:hồ\s+sơ\s+)?(?:đã\s+)?tiếp\s+nhận\s+${IS}${NUM}${NOT_RATE}`),
  dossier('receivedInPeriod', 'số hồ sơ tiếp nhận trong kỳ', String.raw`(?<!trực\s+tuyến\s+|trực\s+tiếp\s+)trong\s+kỳ\s+${IS}${NUM}\s+hồ\s+sơ`),
  dossier('receivedInPeriod', 'số hồ sơ tiếp nhận trong kỳ', String.raw`(?:mới\s+tiếp\s+nhận|tiếp\s+nhận\s+mới)\s+${IS}${NUM}\s+hồ\s+sơ`),
  dossier('carriedOver', 'số hồ sơ kỳ trước chuyển sang', String.raw`kỳ\s+trước\s+chuyển\s+sang\s+${IS}${NUM}${DOSSIERS}`),
  dossier('fields', 'số lĩnh vực', String.raw`(?:liên\s+quan\s+(?:đến|tới)|thuộc)\s+${NUM}\s+lĩnh\s+vực`),
  dossier('online', 'số hồ sơ tiếp nhận trực tuyến', String.raw`(?<!thanh\s+toán\s+)trực\s+tuyến\s+(?:trong\s+kỳ\s+)?${IS}${NUM}(?:\s+hồ\s+sơ|(?=\s*,?\s*(?:đạt|chiếm)\s))`),
  dossier('direct', 'số hồ sơ tiếp nhận trực tiếp', String.raw`trực\s+tiếp\s+(?:trong\s+kỳ\s+)?${IS}${NUM}${DOSSIERS}`),
  dossier('resolvedOnTime', 'số hồ sơ giải quyết trước và đúng hạn', String.raw`đúng\s+hạn\s+${IS}${NUM}${DOSSIERS}`),
  dossier('resolvedLate', 'số hồ sơ giải quyết quá hạn', String.raw`quá\s+hạn\s+${IS}${NUM}${DOSSIERS}`),
  dossier('pendingOnTime', 'số hồ sơ đang giải quyết trong hạn', String.raw`đang\s+giải\s+quyết\s+(?:trong\s+hạn\s+)?${IS}${NUM}${DOSSIERS}`),
  dossier('supplementRequested', 'số hồ sơ yêu cầu bổ sung', String.raw`bổ\s+sung\s+(?:hồ\s+sơ\s+)?${IS}${NUM}${DOSSIERS}`),
  dossier('digitizationRate', 'tỷ lệ số hóa hồ sơ, kết quả', String.raw`số\s+h(?:óa|oá)[^;%]{0,60}?(?:đạt|là|:)\s*${NUM}\s*%`, 'rate'),
  dossier('onlinePaymentRate', 'tỷ lệ thanh toán trực tuyến', String.raw`thanh\s+toán\s+trực\s+tuyến[^;%]{0,40}?(?:đạt|là|:)\s*${NUM}\s*%`, 'rate'),
  {
    label: 'số Tổ công nghệ số cộng đồng',
    dataPath: 'implementation.digitalTeams.teams',
    unit: 'count',
    pattern: rx(String.raw`${NUM}\s+tổ\s+công\s+nghệ\s+số`),
    actual: (r) => r.implementation.digitalTeams.teams,
  },
  {
    label: 'số thành viên Tổ công nghệ số cộng đồng',
    dataPath: 'implementation.digitalTeams.members',
    unit: 'count',
    pattern: rx(String.raw`${NUM}\s+thành\s+viên`),
    actual: (r) => r.implementation.digitalTeams.members,
    context: /tổ\s+công\s+nghệ\s+số/iu,
  },
  {
    label: 'kinh phí đã giải ngân',
    dataPath: 'implementation.budget.disbursed',
    unit: 'money',
    pattern: rx(String.raw`giải\s+ngân[^;%]{0,80}?${NUM}\s*(triệu|tỷ)\s+đồng`),
    actual: (r) => r.implementation.budget.disbursed,
  },
];

/** "Tỷ lệ … trực tuyến … đạt 99,98%", compared with the rate computed from the figures. */
const RATE_FACTS = [
  {
    label: 'tỷ lệ tiếp nhận trực tuyến',
    stated: 'statedOnlineRate' as const,
    dataPath: `${D}.online`,
    patterns: [
      rx(String.raw`(?<!thanh\s+toán\s+)trực\s+tuyến\s+(?:trong\s+kỳ\s+)?${IS}\d[\d.]*(?:\s+hồ\s+sơ)?\s*,?\s*(?:đạt|chiếm)\s+(?:tỷ\s+lệ\s+)?${NUM}\s*%`),
      rx(String.raw`tỷ\s+lệ\s+(?:hồ\s+sơ\s+)?(?:tiếp\s+nhận\s+|nộp\s+)trực\s+tuyến\s+(?:đạt\s+|là\s+|:\s*)?${NUM}\s*%`),
    ],
    actual: (r: Report) => dossierKpis(r.implementation.dossiers).onlineRate,
  },
  {
    label: 'tỷ lệ giải quyết đúng hạn',
    stated: 'statedOnTimeRate' as const,
    dataPath: `${D}.resolvedOnTime`,
    patterns: [
      rx(String.raw`đúng\s+hạn\s+${IS}\d[\d.]*(?:\s+hồ\s+sơ)?\s*,?\s*(?:đạt|chiếm)\s+(?:tỷ\s+lệ\s+)?${NUM}\s*%`),
      rx(String.raw`tỷ\s+lệ\s+(?:hồ\s+sơ\s+)?giải\s+quyết\s+(?:trước\s+và\s+)?đúng\s+hạn\s+(?:đạt\s+|là\s+|:\s*)?${NUM}\s*%`),
    ],
    actual: (r: Report) => dossierKpis(r.implementation.dossiers).onTimeRate,
  },
];

/** "dự toán … năm 2027 là 3.480 triệu đồng": compared with the total of that year's lines. */
const BUDGET_TOTAL_PATTERN = rx(String.raw`(?:dự\s+toán|kinh\s+phí|ngân\s+sách)[^;%]{0,120}?năm\s+(\d{4})[^;%]{0,80}?(?:là|:|với)\s+(?:tổng\s+(?:số\s+|cộng\s+)?)?${NUM}\s*(triệu|tỷ)\s+đồng`);

/** The narrative paragraphs the official writes, with the name of their section for messages. */
export const NARRATIVE: readonly { label: string; path: string; get(r: Report): readonly string[] }[] = [
  { label: 'I.1. Công tác lãnh đạo, chỉ đạo', path: 'implementation.leadership.paragraphs', get: (r) => r.implementation.leadership.paragraphs },
  { label: 'a) Về khoa học, công nghệ', path: 'implementation.results.science', get: (r) => r.implementation.results.science },
  { label: 'b) Về đổi mới sáng tạo', path: 'implementation.results.innovation', get: (r) => r.implementation.results.innovation },
  { label: 'c) Về chuyển đổi số', path: 'implementation.results.digital', get: (r) => r.implementation.results.digital },
  { label: 'I.3. Tiến độ, giải ngân', path: 'implementation.budget.progress', get: (r) => r.implementation.budget.progress },
  { label: 'a) Kết quả đạt được', path: 'implementation.assessment.achievements', get: (r) => r.implementation.assessment.achievements },
  { label: 'b) Tồn tại, hạn chế', path: 'implementation.assessment.limitations', get: (r) => r.implementation.assessment.limitations },
  { label: 'c) Nguyên nhân', path: 'implementation.assessment.causes', get: (r) => r.implementation.assessment.causes },
  { label: 'II.1. Căn cứ xây dựng kế hoạch', path: 'plan.basis', get: (r) => r.plan.basis },
  { label: 'II.1. Mục tiêu', path: 'plan.objectives', get: (r) => r.plan.objectives },
];

/** Clauses: split at ";" and at a sentence-ending period (not the grouping dot of "6.797"). */
const clauses = (paragraph: string): string[] => paragraph.split(/;|\.(?=\s|$)/u);

const readFigure = (text: string, unitWord?: string): number | undefined => {
  try {
    return parseVietnameseNumber(text);
  } catch {
    // "8,212 tỷ đồng": three decimals after a comma read as grouping in English, but nobody writes
    // eight thousand tỷ for a commune, so before "tỷ" the comma is the decimal mark it is in Vietnamese.
    if (unitWord?.toLowerCase() === 'tỷ' && /^\d{1,3},\d{3}$/.test(text)) return Number(text.replace(',', '.'));
    return undefined;
  }
};

const decimals = (text: string): number => (text.includes(',') ? (text.split(',')[1] ?? '').length : 0);

/** Money stated in triệu or tỷ, rounded or truncated to the decimals it was written with. */
function moneyMatches(stated: number, written: string, unitWord: string, actual: number): boolean {
  const scale = unitWord.toLowerCase() === 'tỷ' ? 1e9 : 1e6;
  const d = decimals(written);
  const value = (actual / scale) * 10 ** d;
  const target = Math.round(stated * 10 ** d);
  return Math.round(value) === target || Math.floor(value + 1e-9) === target;
}

/** A figure as a paragraph states it, before it is compared with the data. */
type Mention =
  | { kind: 'fact'; fact: Fact; written: string; unitWord: string | undefined; quote: string }
  | { kind: 'rate'; fact: (typeof RATE_FACTS)[number]; written: string; quote: string }
  | { kind: 'budget'; year: number; written: string; unitWord: string; quote: string };

/**
 * What one paragraph states, in reading order. Depends on the text only, so it is kept per text:
 * the checks run at every keystroke and the narrative rarely changes between two of them.
 */
const mentionCache = new Map<string, Mention[]>();
const MENTION_CACHE_SIZE = 500;

function mentions(paragraph: string): Mention[] {
  const cached = mentionCache.get(paragraph);
  if (cached) return cached;
  const out: Mention[] = [];
  if (/\d/u.test(paragraph)) {
    const facts = FACTS.filter((f) => !f.context || f.context.test(paragraph));
    for (const clause of clauses(paragraph)) {
      if (!/\d/u.test(clause)) continue;
      for (const fact of facts) {
        for (const m of clause.matchAll(fact.pattern)) {
          const written = fact.unit === 'money' ? m[m.length - 2] : m[m.length - 1];
          if (written !== undefined) out.push({ kind: 'fact', fact, written, unitWord: fact.unit === 'money' ? m[m.length - 1] : undefined, quote: m[0].trim() });
        }
      }
      for (const fact of RATE_FACTS) {
        for (const pattern of fact.patterns) {
          for (const m of clause.matchAll(pattern)) out.push({ kind: 'rate', fact, written: m[m.length - 1] ?? '', quote: m[0].trim() });
        }
      }
      if (/giải\s+ngân/iu.test(clause)) continue;
      for (const m of clause.matchAll(BUDGET_TOTAL_PATTERN)) {
        const [, year, written = '', unitWord = 'triệu'] = m;
        out.push({ kind: 'budget', year: Number(year), written, unitWord, quote: m[0].trim() });
      }
    }
  }
  if (mentionCache.size >= MENTION_CACHE_SIZE) mentionCache.clear();
  mentionCache.set(paragraph, out);
  return out;
}

const toDong = (stated: number, unitWord: string | undefined) => Math.round(stated * (unitWord?.toLowerCase() === 'tỷ' ? 1e9 : 1e6));

/** Every figure the narrative states that the form also holds, matching or not. */
export function textFigures(r: Report): TextFigure[] {
  const out: TextFigure[] = [];
  const budgetTotals = new Map<number, { total: number; path: string }>();
  if (r.implementation.budget.lines.length > 0) budgetTotals.set(r.reportYear, { total: linesTotal(r.implementation.budget.lines), path: 'implementation.budget.lines' });
  if (r.plan.budget.length > 0) budgetTotals.set(r.planYear, { total: linesTotal(r.plan.budget), path: 'plan.budget' });

  for (const section of NARRATIVE) {
    section.get(r).forEach((paragraph, i) => {
      const path = `${section.path}[${i}]`;
      for (const m of mentions(paragraph)) {
        if (m.kind === 'fact') {
          const actual = m.fact.actual(r);
          const stated = readFigure(m.written, m.unitWord);
          if (actual === undefined || stated === undefined) continue;
          const unit = m.fact.unit;
          const matches = unit === 'money' ? moneyMatches(stated, m.written, m.unitWord ?? 'triệu', actual) : unit === 'rate' ? rateMatches(stated, actual) : stated === actual;
          out.push({ path, label: m.fact.label, dataPath: m.fact.dataPath, quote: m.quote, stated: unit === 'money' ? toDong(stated, m.unitWord) : stated, actual, unit, matches });
        } else if (m.kind === 'rate') {
          if (r.implementation.dossiers[m.fact.stated] !== undefined) continue;
          const actual = m.fact.actual(r);
          const stated = readFigure(m.written);
          if (actual === undefined || stated === undefined) continue;
          out.push({ path, label: m.fact.label, dataPath: m.fact.dataPath, quote: m.quote, stated, actual, unit: 'rate', matches: rateMatches(stated, actual) });
        } else {
          const budget = budgetTotals.get(m.year);
          const stated = readFigure(m.written, m.unitWord);
          if (!budget || stated === undefined) continue;
          out.push({
            path,
            label: `tổng dự toán năm ${m.year}`,
            dataPath: budget.path,
            quote: m.quote,
            stated: toDong(stated, m.unitWord),
            actual: budget.total,
            unit: 'money',
            matches: moneyMatches(stated, m.written, m.unitWord, budget.total),
          });
        }
      }
    });
  }
  return out;
}

const show = (f: Pick<TextFigure, 'unit'>, v: number): string =>
  f.unit === 'money' ? `${formatMillions(v)} triệu đồng` : f.unit === 'rate' ? formatPercent(v) : formatNumber(v);

const sectionLabel = (path: string): string => {
  const m = /^(.*)\[(\d+)\]$/.exec(path);
  const section = NARRATIVE.find((s) => s.path === m?.[1]);
  return `mục “${section?.label ?? path}”, đoạn ${Number(m?.[2] ?? 0) + 1}`;
};

/** TEXT_FIGURE_MISMATCH: a figure stated in a paragraph differs from the one in the form. */
export const TEXT_FIGURE_MISMATCH: Rule = {
  code: 'TEXT_FIGURE_MISMATCH',
  severity: 'error',
  description: 'Con số nêu trong các đoạn văn (số hồ sơ, tỷ lệ, số Tổ công nghệ số, tổng dự toán, kinh phí giải ngân) khớp với số liệu đã nhập.',
  run(r) {
    return textFigures(r)
      .filter((f) => !f.matches)
      .map((f): Finding => {
        const dossier = f.dataPath.startsWith(D);
        const computed = f.unit === 'rate' && !f.dataPath.endsWith('Rate') ? ' (tính từ số liệu)' : '';
        return {
          code: this.code,
          severity: this.severity,
          message:
            `Văn bản ${sectionLabel(f.path)} ghi “${f.quote}” nhưng ${f.label}${computed} trong số liệu là ${show(f, f.actual)}. ` +
            `Sửa đoạn văn cho khớp${dossier ? ' (hoặc bấm “Cập nhật câu số liệu vào văn bản”)' : ''}, hoặc sửa số liệu nếu văn bản đúng.`,
          path: f.path,
          paths: [f.path, f.dataPath],
          expected: f.actual,
          actual: f.stated,
        };
      });
  },
};

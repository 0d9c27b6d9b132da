import { lineTotal, linesTotal, walkLines, type LeafEntry } from './budget.ts';
import { formatMillions, formatNumber, formatPercent, isValidIsoDate, parseIsoDate } from './format.ts';
import { dossierKpis, rateMatches } from './kpis.ts';
import type { BudgetLine, Report, StatedTotal } from './report-schema.ts';
import { LIMIT_CODES, limitCodeOf, MAX_FINDINGS } from './limits.ts';
import { Report as ReportSchema } from './report-schema.ts';
import { TEXT_FIGURE_MISMATCH } from './text-figures.ts';
import { amountsWithWords } from './stated-words.ts';
import { amountInWords, parseAmountWords } from './words.ts';
import budgetCodes from '../../data/budget-codes.json' with { type: 'json' };

export type Severity = 'error' | 'warning';

export interface Finding {
  code: string;
  severity: Severity;
  /** Vietnamese, with the expected and actual figures. */
  message: string;
  /** JSON path of the main field involved, e.g. "implementation.dossiers.total". */
  path: string;
  /** Every field involved, when more than one. */
  paths?: string[];
  expected?: number | string;
  actual?: number | string;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** What the rule asks, in Vietnamese, for the catalogue shown in the UI and docs. */
  description: string;
  /** `budgets` is `budgetSets(report)`, walked once per runChecks and shared by the rules. */
  run(report: Report, budgets: readonly BudgetSet[]): Finding[];
}

const KNOWN_CODES = new Set(budgetCodes.khoan.map((k) => k.code));
const SCIENCE_CODES = new Set(['101', '102', '103', '104', '105', '106', '107', '108']);
const D = 'implementation.dossiers';
const tr = (amount: number) => `${formatMillions(amount)} triệu đồng`;
const n = (value: number) => formatNumber(value);

function finding(rule: Pick<Rule, 'code' | 'severity'>, f: Omit<Finding, 'code' | 'severity'>): Finding {
  return { code: rule.code, severity: rule.severity, ...f };
}

/** One budget of the report (this year's, next year's) with its lines walked: every node, with its JSON path. */
export interface BudgetSet {
  lines: BudgetLine[];
  path: string;
  stated: StatedTotal;
  label: string;
  entries: LeafEntry[];
}

function budgetSets(report: Report): BudgetSet[] {
  const set = (lines: BudgetLine[], path: string, stated: StatedTotal, year: number): BudgetSet =>
    ({ lines, path, stated, label: `năm ${year}`, entries: walkLines(lines, path) });
  return [
    set(report.implementation.budget.lines, 'implementation.budget.lines', report.implementation.budget.stated, report.reportYear),
    set(report.plan.budget, 'plan.budget', report.plan.stated, report.planYear),
  ];
}

const statedBase = (linesPath: string) => (linesPath === 'plan.budget' ? 'plan.stated' : 'implementation.budget.stated');

const BUDGET_GROUP_SUM: Rule = {
  code: 'BUDGET_GROUP_SUM',
  severity: 'error',
  description: 'Số tổng của một nhóm bằng tổng các dòng con của nhóm.',
  run(_report, budgets) {
    const out: Finding[] = [];
    for (const set of budgets) {
      for (const e of set.entries) {
        const { line } = e;
        if (line.children.length === 0 || line.statedAmount === undefined) continue;
        const sum = lineTotal(line);
        if (sum !== line.statedAmount) {
          out.push(finding(this, {
            message: `Nhóm "${line.title}" ghi ${tr(line.statedAmount)} nhưng tổng các dòng con là ${tr(sum)} (chênh ${tr(Math.abs(sum - line.statedAmount))}).`,
            path: `${e.path}.statedAmount`,
            paths: [`${e.path}.statedAmount`, `${e.path}.children`],
            expected: sum,
            actual: line.statedAmount,
          }));
        }
      }
    }
    return out;
  },
};

const BUDGET_TOTAL: Rule = {
  code: 'BUDGET_TOTAL',
  severity: 'error',
  description: 'Tổng dự toán ghi trong văn bản bằng tổng các lĩnh vực.',
  run(_report, budgets) {
    const out: Finding[] = [];
    for (const set of budgets) {
      if (set.stated.total === undefined) continue;
      const sum = linesTotal(set.lines);
      if (sum !== set.stated.total) {
        out.push(finding(this, {
          message: `Tổng dự toán ${set.label} ghi ${tr(set.stated.total)} nhưng tổng các khoản là ${tr(sum)}.`,
          path: `${statedBase(set.path)}.total`,
          expected: sum,
          actual: set.stated.total,
        }));
      }
    }
    return out;
  },
};

/** Reads words; undefined when they are not an amount in words. */
function wordsValue(words: string): bigint | undefined {
  try {
    return parseAmountWords(words);
  } catch {
    return undefined;
  }
}

/** The finding for words that do not say the figure, or undefined when they do. */
function wordsFinding(rule: Pick<Rule, 'code' | 'severity'>, words: string, figure: number, where: string, paths: string[]): Finding | undefined {
  const said = wordsValue(words);
  if (said !== undefined && said === BigInt(figure)) return undefined;
  return finding(rule, {
    message:
      said === undefined
        ? `${where}: không đọc được số tiền bằng chữ "${words}"; số tiền ${tr(figure)} viết là "${amountInWords(figure)}".`
        : `${where}: số tiền bằng chữ "${words}" là ${tr(Number(said))}, khác với con số ${tr(figure)} ("${amountInWords(figure)}").`,
    path: paths[0] ?? '',
    paths,
    expected: amountInWords(figure),
    actual: words,
  });
}

/** Every narrative text of the report with its JSON path (where a sentence may state an amount in words). */
function narrativeTexts(r: Report): [string, string][] {
  const i = r.implementation;
  const lists: [string, readonly string[]][] = [
    ['implementation.leadership.paragraphs', i.leadership.paragraphs],
    ['implementation.results.science', i.results.science],
    ['implementation.results.innovation', i.results.innovation],
    ['implementation.results.digital', i.results.digital],
    ['implementation.budget.progress', i.budget.progress],
    ['implementation.assessment.achievements', i.assessment.achievements],
    ['implementation.assessment.limitations', i.assessment.limitations],
    ['implementation.assessment.causes', i.assessment.causes],
    ['plan.basis', r.plan.basis],
    ['plan.objectives', r.plan.objectives],
  ];
  const out: [string, string][] = [];
  if (r.document.intro !== undefined) out.push(['document.intro', r.document.intro]);
  for (const [path, texts] of lists) texts.forEach((t, k) => out.push([`${path}[${k}]`, t]));
  (r.notes ?? []).forEach((note, k) => out.push([`notes[${k}].text`, note.text]));
  if (r.document.closing !== undefined) out.push(['document.closing', r.document.closing]);
  return out;
}

const AMOUNT_WORDS: Rule = {
  code: 'AMOUNT_WORDS',
  severity: 'error',
  description: 'Số tiền viết bằng chữ đọc ra đúng con số (tổng dự toán, tổng nhóm, từng khoản và mọi câu có "Bằng chữ").',
  run(report, budgets) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => void (f && out.push(f));
    for (const set of budgets) {
      const words = set.stated.totalWords;
      if (words !== undefined) {
        const base = statedBase(set.path);
        push(wordsFinding(this, words, set.stated.total ?? linesTotal(set.lines), `Tổng dự toán ${set.label}`, [`${base}.totalWords`, `${base}.total`]));
      }
      for (const e of set.entries) {
        const { line } = e;
        if (line.statedWords === undefined) continue;
        const group = line.children.length > 0;
        const figure = group ? (line.statedAmount ?? lineTotal(line)) : line.amount;
        const field = group && line.statedAmount !== undefined ? 'statedAmount' : 'amount';
        push(wordsFinding(this, line.statedWords, figure, `Dòng "${line.title}" ${set.label}`, [`${e.path}.statedWords`, `${e.path}.${field}`]));
      }
    }
    for (const [path, text] of narrativeTexts(report)) {
      for (const w of amountsWithWords(text)) {
        if (w.amount === undefined) continue;
        push(wordsFinding(this, w.words, w.amount, `Câu ghi "${w.figure}"`, [path]));
      }
    }
    return out;
  },
};

function equation(
  rule: Pick<Rule, 'code' | 'severity'>,
  left: { value: number | undefined; path: string; label: string },
  parts: { value: number | undefined; path: string; label: string }[],
): Finding[] {
  if (left.value === undefined || parts.some((p) => p.value === undefined)) return [];
  const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
  if (sum === left.value) return [];
  const formula = parts.map((p) => `${p.label} ${n(p.value ?? 0)}`).join(' + ');
  return [
    finding(rule, {
      message: `${left.label} là ${n(left.value)} nhưng ${formula} = ${n(sum)} (chênh ${n(Math.abs(sum - left.value))}).`,
      path: left.path,
      paths: [left.path, ...parts.map((p) => p.path)],
      expected: sum,
      actual: left.value,
    }),
  ];
}

const dossierField = (report: Report, key: keyof Report['implementation']['dossiers'], label: string) => ({
  value: report.implementation.dossiers[key] as number | undefined,
  path: `${D}.${key}`,
  label,
});

const DOSSIER_TOTAL: Rule = {
  code: 'DOSSIER_TOTAL',
  severity: 'error',
  description: 'Tổng hồ sơ tiếp nhận = tiếp nhận trong kỳ + kỳ trước chuyển sang.',
  run(r) {
    return equation(this, dossierField(r, 'total', 'Tổng số hồ sơ tiếp nhận'), [
      dossierField(r, 'receivedInPeriod', 'trong kỳ'),
      dossierField(r, 'carriedOver', 'kỳ trước chuyển sang'),
    ]);
  },
};

const DOSSIER_CHANNELS: Rule = {
  code: 'DOSSIER_CHANNELS',
  severity: 'error',
  description: 'Hồ sơ tiếp nhận trong kỳ = trực tuyến + trực tiếp.',
  run(r) {
    return equation(this, dossierField(r, 'receivedInPeriod', 'Số hồ sơ tiếp nhận trong kỳ'), [
      dossierField(r, 'online', 'trực tuyến'),
      dossierField(r, 'direct', 'trực tiếp'),
    ]);
  },
};

const DOSSIER_OUTCOMES: Rule = {
  code: 'DOSSIER_OUTCOMES',
  severity: 'warning',
  description: 'Tổng hồ sơ = giải quyết đúng hạn + quá hạn + đang giải quyết trong hạn + yêu cầu bổ sung (cảnh báo: báo cáo có thể thiếu nhóm).',
  run(r) {
    return equation(this, dossierField(r, 'total', 'Tổng số hồ sơ tiếp nhận'), [
      dossierField(r, 'resolvedOnTime', 'đúng hạn'),
      dossierField(r, 'resolvedLate', 'quá hạn'),
      dossierField(r, 'pendingOnTime', 'đang giải quyết trong hạn'),
      dossierField(r, 'supplementRequested', 'yêu cầu bổ sung'),
    ]);
  },
};

const RATE_STATED: Rule = {
  code: 'RATE_STATED',
  severity: 'error',
  description: 'Tỷ lệ ghi trong văn bản bằng tỷ lệ tính từ số liệu (sai lệch tối đa 0,01 điểm phần trăm).',
  run(r) {
    const d = r.implementation.dossiers;
    const k = dossierKpis(d);
    const out: Finding[] = [];
    // Offices compute the online rate over the dossiers received in the period or over the
    // channels' sum (the seed's 99,98 % is 6.608 / 6.609); the two differ only when the counts
    // themselves disagree, which DOSSIER_CHANNELS reports. A stated rate that follows either is
    // not a second mistake.
    const inPeriod = d.online !== undefined && d.receivedInPeriod ? (d.online / d.receivedInPeriod) * 100 : undefined;
    const cases = [
      // `how` is a function: the formula is spelled out only for a rate that does not match.
      { stated: d.statedOnlineRate, computed: k.onlineRate, also: inPeriod, key: 'statedOnlineRate', label: 'Tỷ lệ tiếp nhận trực tuyến', how: () => `trực tuyến ${n(d.online ?? 0)} / (trực tuyến + trực tiếp) ${n(k.channelsTotal ?? 0)}` },
      { stated: d.statedOnTimeRate, computed: k.onTimeRate, also: undefined, key: 'statedOnTimeRate', label: 'Tỷ lệ giải quyết đúng hạn', how: () => `đúng hạn ${n(d.resolvedOnTime ?? 0)} / đã giải quyết ${n(k.resolved ?? 0)}` },
    ];
    for (const c of cases) {
      if (c.stated === undefined || c.computed === undefined) continue;
      if (!rateMatches(c.stated, c.computed) && !(c.also !== undefined && rateMatches(c.stated, c.also))) {
        out.push(finding(this, {
          message: `${c.label} ghi ${formatPercent(c.stated)} nhưng tính từ số liệu (${c.how()}) là ${formatPercent(c.computed)}. Sửa tỷ lệ trong đoạn "Về chuyển đổi số" (hoặc cập nhật câu số liệu từ bảng) cho khớp.`,
          path: `${D}.${c.key}`,
          expected: Math.round(c.computed * 100) / 100,
          actual: c.stated,
        }));
      }
    }
    return out;
  },
};

const RANGE: Rule = {
  code: 'RANGE',
  severity: 'error',
  description: 'Số tiền ≥ 0 và là số nguyên đồng; tỷ lệ trong khoảng 0–100; số lượng nguyên, ≥ 0; ngày có thật.',
  run(r) {
    // Types and bounds are enforced by the schema (see validateReport); here what the schema cannot say.
    const out: Finding[] = [];
    const d = r.implementation.dossiers;
    for (const key of ['periodStart', 'periodEnd'] as const) {
      const v = d[key];
      if (v !== undefined && !isValidIsoDate(v)) {
        out.push(finding(this, { message: `Ngày ${v} không có thật.`, path: `${D}.${key}`, actual: v }));
      }
    }
    if (r.document.date !== undefined && !isValidIsoDate(r.document.date)) {
      out.push(finding(this, { message: `Ngày ban hành ${r.document.date} không có thật.`, path: 'document.date', actual: r.document.date }));
    }
    if (d.periodStart && d.periodEnd && isValidIsoDate(d.periodStart) && isValidIsoDate(d.periodEnd) && d.periodStart > d.periodEnd) {
      out.push(finding(this, {
        message: `Kỳ số liệu bắt đầu (${d.periodStart}) sau ngày kết thúc (${d.periodEnd}).`,
        path: `${D}.periodStart`,
        paths: [`${D}.periodStart`, `${D}.periodEnd`],
      }));
    }
    const dossierTotal = d.total;
    if (dossierTotal !== undefined) {
      for (const key of ['online', 'resolvedOnTime'] as const) {
        const v = d[key];
        if (v !== undefined && v > dossierTotal) {
          out.push(finding(this, { message: `Số hồ sơ (${n(v)}) lớn hơn tổng số hồ sơ tiếp nhận (${n(dossierTotal)}).`, path: `${D}.${key}`, expected: dossierTotal, actual: v }));
        }
      }
    }
    return out;
  },
};

const YEARS: Rule = {
  code: 'YEARS',
  severity: 'error',
  description: 'Năm kế hoạch = năm báo cáo + 1; các ngày nằm trong năm mà chúng mô tả.',
  run(r) {
    const out: Finding[] = [];
    if (r.planYear !== r.reportYear + 1) {
      out.push(finding(this, {
        message: `Năm kế hoạch phải là ${r.reportYear + 1} (năm báo cáo ${r.reportYear} + 1), đang ghi ${r.planYear}.`,
        path: 'planYear',
        paths: ['planYear', 'reportYear'],
        expected: r.reportYear + 1,
        actual: r.planYear,
      }));
    }
    const d = r.implementation.dossiers;
    for (const key of ['periodStart', 'periodEnd'] as const) {
      const v = d[key];
      if (v && isValidIsoDate(v) && parseIsoDate(v).year !== r.reportYear) {
        out.push(finding(this, { message: `Ngày ${v} của kỳ số liệu không thuộc năm báo cáo ${r.reportYear}.`, path: `${D}.${key}`, expected: r.reportYear, actual: parseIsoDate(v).year }));
      }
    }
    const date = r.document.date;
    if (date && isValidIsoDate(date)) {
      const y = parseIsoDate(date).year;
      if (y !== r.reportYear && y !== r.planYear) {
        out.push(finding(this, { message: `Ngày ban hành ${date} không thuộc năm ${r.reportYear} hoặc ${r.planYear}.`, path: 'document.date', expected: r.reportYear, actual: y }));
      }
    }
    return out;
  },
};

const REQUIRED: Rule = {
  code: 'REQUIRED',
  severity: 'error',
  description: 'Có đủ các phần của mẫu báo cáo: người ký, dự toán năm kế hoạch theo lĩnh vực, tên từng khoản.',
  run(r, budgets) {
    const out: Finding[] = [];
    // Path and message are built only for what is missing: this runs on every line at every keystroke.
    const missing = (path: string, message: string) => void out.push(finding(this, { message, path }));
    if (r.document.signer.name.trim() === '') missing('document.signer.name', 'Chưa có họ tên người ký báo cáo.');
    if (r.plan.budget.length === 0) missing('plan.budget', `Chưa có dự toán năm ${r.planYear}.`);
    r.plan.budget.forEach((group, i) => {
      if (group.field === undefined) missing(`plan.budget[${i}].field`, `Nhóm "${group.title || `thứ ${i + 1}`}" chưa chọn lĩnh vực (KH-CN, ĐMST hoặc CĐS).`);
    });
    for (const set of budgets) {
      for (const e of set.entries) {
        if (e.line.title.trim() === '') missing(`${e.path}.title`, `Dòng dự toán ${set.label} chưa có nội dung.`);
      }
    }
    return out;
  },
};

/** Missing narrative does not block a draft but must be acknowledged before submitting. */
const SECTIONS: Rule = {
  code: 'SECTIONS',
  severity: 'warning',
  description: 'Các phần thuyết minh của mẫu báo cáo không để trống.',
  run(r) {
    const i = r.implementation;
    const sections: [string[], string, string][] = [
      [r.document.legalBases, 'document.legalBases', 'Căn cứ pháp lý'],
      [i.leadership.paragraphs, 'implementation.leadership.paragraphs', 'I.1. Công tác lãnh đạo, chỉ đạo'],
      [i.results.science, 'implementation.results.science', 'I.2.a) Về khoa học, công nghệ'],
      [i.results.innovation, 'implementation.results.innovation', 'I.2.b) Về đổi mới sáng tạo'],
      [i.results.digital, 'implementation.results.digital', 'I.2.c) Về chuyển đổi số'],
      [i.assessment.achievements, 'implementation.assessment.achievements', 'I.4.a) Kết quả đạt được'],
      [i.assessment.limitations, 'implementation.assessment.limitations', 'I.4.b) Tồn tại, hạn chế'],
      [i.assessment.causes, 'implementation.assessment.causes', 'I.4.c) Nguyên nhân'],
      [[...r.plan.basis, ...r.plan.objectives], 'plan.basis', 'II.1. Căn cứ, mục tiêu xây dựng kế hoạch'],
    ];
    return sections
      .filter(([paragraphs]) => paragraphs.every((p) => p.trim() === ''))
      .map(([, path, label]) => finding(this, { message: `Mục "${label}" còn trống.`, path }));
  },
};

const BUDGET_CODE: Rule = {
  code: 'BUDGET_CODE',
  severity: 'error',
  description: 'Mã Khoản thuộc Loại 100 theo Thông tư 130/2025/TT-BTC và phù hợp với lĩnh vực.',
  run(_r, budgets) {
    const out: Finding[] = [];
    for (const set of budgets) {
      for (const e of set.entries) {
        const code = e.line.budgetCode;
        if (code === undefined) continue;
        if (!KNOWN_CODES.has(code)) {
          out.push(finding(this, { message: `Mã Khoản ${code} không thuộc Loại 100 (TT 130/2025/TT-BTC).`, path: `${e.path}.budgetCode`, actual: code }));
          continue;
        }
        const expectedField = code === '111' ? 'innovation' : code === '121' ? 'digital' : SCIENCE_CODES.has(code) ? 'science' : undefined;
        if (e.field && expectedField && e.field !== expectedField) {
          out.push({ ...finding(this, { message: `Mã Khoản ${code} không khớp với lĩnh vực của dòng "${e.line.title}".`, path: `${e.path}.budgetCode`, actual: code }), severity: 'warning' });
        }
      }
    }
    return out;
  },
};

const LEAF_AMOUNT: Rule = {
  code: 'LEAF_AMOUNT',
  severity: 'warning',
  description: 'Mỗi khoản chi có số tiền lớn hơn 0.',
  run(_r, budgets) {
    return budgets.flatMap((set) =>
      set.entries
        .filter((e) => e.line.children.length === 0 && e.line.amount === 0)
        .map((e) => finding(this, { message: `Khoản "${e.line.title || '(chưa đặt tên)'}" ${set.label} chưa có số tiền.`, path: `${e.path}.amount` })),
    );
  },
};

/** The catalogue, in the order findings are shown. */
export const RULES: readonly Rule[] = [
  REQUIRED, YEARS, RANGE, BUDGET_CODE, BUDGET_GROUP_SUM, BUDGET_TOTAL, AMOUNT_WORDS,
  DOSSIER_TOTAL, DOSSIER_CHANNELS, DOSSIER_OUTCOMES, RATE_STATED, TEXT_FIGURE_MISMATCH, SECTIONS, LEAF_AMOUNT,
];

/** Runs every rule on a valid report. */
export function runChecks(report: Report): Finding[] {
  const budgets = budgetSets(report);
  const out: Finding[] = [];
  for (const rule of RULES) out.push(...rule.run(report, budgets));
  return out;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/**
 * At most `max` findings, for answers sent over the wire: the first `max`, then one more finding
 * counting the rest ("… và 1.234 lỗi, cảnh báo khác"), whose severity is the worst of them so a
 * capped list still says whether the report can be submitted. Decisions (submitting, the counts
 * stored with a report) use the whole list; this only bounds what one response carries.
 */
export function capFindings(findings: readonly Finding[], max: number = MAX_FINDINGS): Finding[] {
  if (findings.length <= max) return [...findings];
  const rest = findings.slice(max);
  const errors = rest.filter((f) => f.severity === 'error').length;
  const what = errors === rest.length ? 'lỗi' : errors === 0 ? 'cảnh báo' : `lỗi, cảnh báo (trong đó ${formatNumber(errors)} lỗi)`;
  return [
    ...findings.slice(0, max),
    {
      code: LIMIT_CODES.FINDINGS_TRUNCATED,
      severity: errors > 0 ? 'error' : 'warning',
      message: `… và ${formatNumber(rest.length)} ${what} khác; sửa các mục trên rồi kiểm tra lại để xem tiếp.`,
      path: '',
      actual: rest.length,
    },
  ];
}

export type Validation = { ok: true; report: Report; findings: Finding[] } | { ok: false; findings: Finding[] };

/**
 * Validates unknown input against the schema and, when it parses, runs the checks.
 * Schema problems become findings too (RANGE for bad numbers, REQUIRED for missing fields,
 * SCHEMA for anything else) so that every caller reports them the same way.
 */
export function validateReport(input: unknown): Validation {
  const parsed = ReportSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, report: parsed.data, findings: runChecks(parsed.data) };
  return { ok: false, findings: parsed.error.issues.map(issueToFinding) };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function issueToFinding(issue: { code: string; path: PropertyKey[]; message: string; input?: unknown; origin?: unknown; params?: unknown }): Finding {
  const code = limitCodeOf(issue) ?? (issue.code === 'too_small' || issue.code === 'too_big' || (issue.code === 'invalid_type' && typeof issue.input === 'number')
    ? 'RANGE'
    : issue.code === 'invalid_type' && issue.input === undefined
      ? 'REQUIRED'
      : 'SCHEMA');
  const path = formatPath(issue.path);
  const message = code === 'REQUIRED' ? `Thiếu trường bắt buộc "${path}".` : issue.code === 'unrecognized_keys' ? `Trường không được hỗ trợ tại "${path || 'gốc'}": ${issue.message}` : `${issue.message} (${path || 'gốc'})`;
  return { code, severity: 'error', message, path, ...(issue.input !== undefined && typeof issue.input !== 'object' ? { actual: issue.input as number | string } : {}) };
}

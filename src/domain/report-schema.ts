import { z } from 'zod';
import { formatNumber } from './format.ts';
import { LIMIT_CODES, limitCodeOf, MAX_BUDGET_CHILDREN, MAX_BUDGET_DEPTH, MAX_BUDGET_LINES, MAX_LIST_ITEMS, MAX_PARAGRAPHS, MAX_TEXT } from './limits.ts';
import { dropRefused, SafeText } from './safe-text.ts';

// Every message a person may read is Vietnamese, including zod's own defaults.
z.config(z.locales.vi());

/**
 * The report model of DESIGN §3: one commune × one reporting cycle.
 * This module is the single source of the shapes shared by the importer, the renderers, the API,
 * the web UI and the CLI; `schema/report.schema.json` is generated from it (`npm run schema`).
 *
 * Narrative is kept as paragraphs (string[]), verbatim, so that a rendered document reproduces
 * the official's own wording. Figures live in typed fields; totals and rates are never stored,
 * they are derived (see derive.ts). Figures a document *stated* (an imported group total, a rate,
 * an amount in words) are kept in `stated*` fields so the checks can compare them with the data.
 */

const msg = (message: string) => ({ error: () => message });

export const Amount = z
  .number(msg('Số tiền phải là một số.'))
  .int(msg('Số tiền phải là số nguyên đồng.'))
  .min(0, msg('Số tiền không được âm.'))
  .max(Number.MAX_SAFE_INTEGER, msg('Số tiền vượt quá giới hạn.'));
export const Count = z
  .number(msg('Số lượng phải là một số.'))
  .int(msg('Số lượng phải là số nguyên.'))
  .min(0, msg('Số lượng không được âm.'))
  .max(1_000_000_000, msg('Số lượng quá lớn.'));
export const Rate = z
  .number(msg('Tỷ lệ phải là một số.'))
  .min(0, msg('Tỷ lệ không được âm.'))
  .max(100, msg('Tỷ lệ không được vượt quá 100%.'));
export const Year = z.number(msg('Năm phải là một số.')).int(msg('Năm phải là số nguyên.')).min(2000, msg('Năm không hợp lệ.')).max(2100, msg('Năm không hợp lệ.'));
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('Ngày phải có dạng YYYY-MM-DD.'));
// Every text goes through SafeText (limits, invisible formatting removed, control characters refused).
const Text = (max: number = MAX_TEXT.paragraph) => SafeText(max);
const Line = (max: number) => SafeText(max, { multiline: false });
const tooMany = (max: number, what: string) => msg(`Quá nhiều ${what} (tối đa ${formatNumber(max)}).`);
export const Paragraphs = z.array(Text()).max(MAX_PARAGRAPHS, tooMany(MAX_PARAGRAPHS, 'đoạn văn'));

export const FIELDS = ['science', 'innovation', 'digital'] as const;
export const Field = z.enum(FIELDS, msg('Lĩnh vực phải là science, innovation hoặc digital.'));
export type Field = z.infer<typeof Field>;

export const KINDS = ['recurrent', 'investment'] as const;
export const Kind = z.enum(KINDS, msg('Loại chi phải là recurrent (thường xuyên) hoặc investment (đầu tư phát triển).'));
export type Kind = z.infer<typeof Kind>;

export const UNIT_KINDS = ['xã', 'phường', 'đặc khu'] as const;
export const UnitKind = z.enum(UNIT_KINDS, msg('Loại đơn vị phải là xã, phường hoặc đặc khu.'));
export type UnitKind = z.infer<typeof UnitKind>;

/** Khoản codes of Loại 100 (TT 130/2025/TT-BTC, Phụ lục II). */
export const BudgetCode = z.string().regex(/^\d{3}$/, msg('Mã Khoản gồm 3 chữ số (ví dụ 111).'));

export interface BudgetLine {
  /** Stable id within the report (comments and approvals point at it). */
  id: string;
  field?: Field | undefined;
  budgetCode?: string | undefined;
  title: string;
  kind: Kind;
  /** Whole đồng. Meaningful on leaves only; a group's amount is the sum of its children. */
  amount: number;
  children: BudgetLine[];
  /** What an imported document stated as this group's total (kept for BUDGET_GROUP_SUM). */
  statedAmount?: number | undefined;
  /**
   * The amount in words an imported document wrote after this line's figure ("… 1.320 triệu đồng
   * (Bằng chữ: Một tỷ ba trăm hai mươi triệu đồng)"), compared by AMOUNT_WORDS with the stated
   * amount (a group) or the amount (a leaf).
   */
  statedWords?: string | undefined;
  fundingSource?: string | undefined;
  note?: string | undefined;
}

/**
 * The tree is built level by level, MAX_BUDGET_DEPTH levels and no more, rather than as one
 * recursive (z.lazy) schema: validation then never recurses deeper than the limit whatever the
 * input, so an 850- or 100.000-deep body is a 400 (BUDGET_TOO_DEEP), not a stack overflow. Below
 * the last level `children` must be empty; its items are not even looked at.
 */
const TooDeep = z
  .array(z.unknown())
  .superRefine((children, ctx) => {
    if (children.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Cây dự toán sâu quá ${MAX_BUDGET_DEPTH} cấp (lĩnh vực › nhóm › dòng chỉ cần vài cấp): hãy gộp bớt cấp con.`,
        params: { code: LIMIT_CODES.BUDGET_TOO_DEEP },
      });
    }
  })
  .meta({ maxItems: 0 });

function budgetLineAtLevel(level: number): z.ZodType<BudgetLine> {
  const children = level < MAX_BUDGET_DEPTH
    ? z.array(budgetLineAtLevel(level + 1)).max(MAX_BUDGET_CHILDREN, tooMany(MAX_BUDGET_CHILDREN, 'dòng con'))
    : TooDeep;
  return z
    .object({
      id: Line(MAX_TEXT.id).min(1, msg('Dòng dự toán thiếu mã định danh.')),
      field: Field.optional(),
      budgetCode: BudgetCode.optional(),
      title: Text(MAX_TEXT.title),
      kind: Kind.default('recurrent'),
      amount: Amount.default(0),
      children: children.default([]),
      statedAmount: Amount.optional(),
      statedWords: Text(MAX_TEXT.short).optional(),
      fundingSource: Text(MAX_TEXT.short).optional(),
      note: Text(MAX_TEXT.title).optional(),
    })
    .strict() as unknown as z.ZodType<BudgetLine>;
}

export const BudgetLine: z.ZodType<BudgetLine> = budgetLineAtLevel(1);

/** One budget's top level (Part I's lines, Part II's groups). */
const Budget = z.array(BudgetLine).max(MAX_BUDGET_CHILDREN, tooMany(MAX_BUDGET_CHILDREN, 'dòng dự toán'));

/**
 * Every node of a budget tree, groups and leaves. Iterative: it also runs on input refused for its
 * depth (the root refinement still sees the raw children below the last level).
 */
export function countBudgetLines(lines: readonly BudgetLine[]): number {
  let n = 0;
  const pending: (readonly unknown[])[] = [lines];
  for (let next = pending.pop(); next; next = pending.pop()) {
    n += next.length;
    for (const line of next) {
      const children = typeof line === 'object' && line !== null ? (line as { children?: unknown }).children : undefined;
      if (Array.isArray(children) && children.length > 0) pending.push(children);
    }
  }
  return n;
}

/** Figures a document states about a total, kept beside what the data implies. */
export const StatedTotal = z
  .object({
    total: Amount.optional(),
    /** "Tám tỷ hai trăm mười hai triệu đồng chẵn", as written after "Bằng chữ:". */
    totalWords: Text(MAX_TEXT.short).optional(),
  })
  .strict();

export const Dossiers = z
  .object({
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    fields: Count.optional(),
    total: Count.optional(),
    receivedInPeriod: Count.optional(),
    carriedOver: Count.optional(),
    online: Count.optional(),
    direct: Count.optional(),
    resolvedOnTime: Count.optional(),
    resolvedLate: Count.optional(),
    pendingOnTime: Count.optional(),
    supplementRequested: Count.optional(),
    digitizationRate: Rate.optional(),
    onlinePaymentRate: Rate.optional(),
    /** Only when imported: the rates as the document wrote them. */
    statedOnlineRate: Rate.optional(),
    statedOnTimeRate: Rate.optional(),
  })
  .strict();
export type Dossiers = z.infer<typeof Dossiers>;

/**
 * A paragraph of an imported document that has no place in the model (a section the template
 * does not have, a remark between two sections). It is kept, never dropped, with where it stood
 * ("Phần I, sau mục 3. Về chuyển đổi số"), so the official can move it where it belongs. Notes are
 * not printed by the renderers: the document khcn writes follows the template.
 */
export const Note = z
  .object({
    text: Text(),
    /** Where the paragraph stood in the source, in Vietnamese. */
    section: Text(MAX_TEXT.short),
  })
  .strict();
export type Note = z.infer<typeof Note>;

export const Signer = z
  .object({
    onBehalfOf: Text(MAX_TEXT.name).default('TM. ỦY BAN NHÂN DÂN'),
    title: Text(MAX_TEXT.name).default('CHỦ TỊCH'),
    name: Line(MAX_TEXT.name).default(''),
  })
  .strict();

export const Report = z
  .object({
    schemaVersion: z.literal(1).default(1),
    commune: z
      .object({
        code: Line(MAX_TEXT.code).optional(),
        name: Line(MAX_TEXT.name).min(1, msg('Thiếu tên xã/phường.')),
        kind: UnitKind.default('xã'),
        province: Line(MAX_TEXT.name).min(1, msg('Thiếu tên tỉnh/thành phố.')),
        provinceCode: Line(MAX_TEXT.code).optional(),
      })
      .strict(),
    reportYear: Year,
    planYear: Year,
    document: z
      .object({
        /** Number and symbol, e.g. "125/BC-UBND"; absent until the office assigns it. */
        number: Line(MAX_TEXT.number).optional(),
        place: Line(MAX_TEXT.name).default(''),
        date: IsoDate.optional(),
        /** The summary line under "BÁO CÁO"; derived from the years when absent. */
        summary: Text(MAX_TEXT.title).optional(),
        legalBases: Paragraphs.default([]),
        /** "Ủy ban nhân dân xã … báo cáo … như sau:"; derived when absent. */
        intro: Text(MAX_TEXT.title).optional(),
        /** The closing request before "./."; derived when absent. */
        closing: Text(MAX_TEXT.title).optional(),
        signer: Signer.default({ onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' }),
        recipients: z.array(Text(MAX_TEXT.short)).max(MAX_LIST_ITEMS, tooMany(MAX_LIST_ITEMS, 'nơi nhận')).default([]),
      })
      .strict(),
    implementation: z
      .object({
        leadership: z
          .object({ focalUnit: Text(MAX_TEXT.short).optional(), paragraphs: Paragraphs.default([]) })
          .strict()
          .default({ paragraphs: [] }),
        digitalTeams: z.object({ teams: Count.optional(), members: Count.optional() }).strict().default({}),
        results: z
          .object({ science: Paragraphs.default([]), innovation: Paragraphs.default([]), digital: Paragraphs.default([]) })
          .strict()
          .default({ science: [], innovation: [], digital: [] }),
        dossiers: Dossiers.default({}),
        budget: z
          .object({
            lines: Budget.default([]),
            stated: StatedTotal.default({}),
            disbursed: Amount.optional(),
            expectedCompletion: Text(MAX_TEXT.name).optional(),
            /** Paragraphs after the budget lines (progress of disbursement, projects). */
            progress: Paragraphs.default([]),
          })
          .strict()
          .default({ lines: [], stated: {}, progress: [] }),
        assessment: z
          .object({ achievements: Paragraphs.default([]), limitations: Paragraphs.default([]), causes: Paragraphs.default([]) })
          .strict()
          .default({ achievements: [], limitations: [], causes: [] }),
      })
      .strict(),
    plan: z
      .object({
        basis: Paragraphs.default([]),
        objectives: Paragraphs.default([]),
        /** Top level: one group per field (KH-CN, ĐMST, CĐS), lines beneath. */
        budget: Budget.default([]),
        stated: StatedTotal.default({}),
        attachments: z.array(Text(MAX_TEXT.short)).max(MAX_LIST_ITEMS, tooMany(MAX_LIST_ITEMS, 'tài liệu gửi kèm')).default([]),
      })
      .strict(),
    /** Paragraphs of an imported document that fit no section (see Note); absent when there are none. */
    notes: z.array(Note).max(MAX_PARAGRAPHS, tooMany(MAX_PARAGRAPHS, 'ghi chú')).optional(),
  })
  .strict()
  .superRefine((report, ctx) => {
    const lines = countBudgetLines(report.implementation.budget.lines) + countBudgetLines(report.plan.budget);
    if (lines > MAX_BUDGET_LINES) {
      ctx.addIssue({
        code: 'custom',
        path: ['plan', 'budget'],
        message: `Báo cáo có ${formatNumber(lines)} dòng dự toán (kể cả nhóm, phần I và phần II); tối đa ${formatNumber(MAX_BUDGET_LINES)} dòng.`,
        params: { code: LIMIT_CODES.BUDGET_TOO_MANY_LINES },
      });
    }
  });

export type Report = z.infer<typeof Report>;

/**
 * A report read back from storage. Every stored body passed the schema of its day; one saved
 * before the text rule (safe-text.ts) may hold a character the rule now refuses. Such characters
 * are dropped on reading — as the document writers always did — so the report stays readable and
 * the next save stores it clean, rather than failing every read with a 500.
 */
export function parseStoredReport(json: string): Report {
  const parsed = Report.safeParse(JSON.parse(json));
  if (parsed.success) return parsed.data;
  const cleaned: unknown = JSON.parse(json, (_key, value: unknown) => (typeof value === 'string' ? dropRefused(value) : value));
  const again = Report.safeParse(cleaned);
  if (again.success) return again.data;
  // Saved before the limits of limits.ts existed and over one of them (a tree deeper than six
  // levels, more lines, a longer text): it passed the schema in force when it was saved, so it
  // is read as stored rather than lost or answered with a 500. The person sees it and the next
  // save is refused with the limit's code until it is brought within the limits; rendering runs
  // in a worker with a memory limit, and checks and diffs cap what they return.
  if (again.error.issues.every((issue) => limitCodeOf(issue) !== undefined)) return cleaned as Report;
  throw again.error;
}
export type ReportInput = z.input<typeof Report>;
export type StatedTotal = z.infer<typeof StatedTotal>;

export const FIELD_LABELS: Record<Field, string> = {
  science: 'Khoa học, công nghệ',
  innovation: 'Đổi mới sáng tạo',
  digital: 'Chuyển đổi số',
};

export const KIND_LABELS: Record<Kind, string> = {
  recurrent: 'Chi thường xuyên',
  investment: 'Chi đầu tư phát triển',
};

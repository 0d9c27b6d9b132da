/**
 * Limits that follow from the domain (DESIGN §11), in one place: the report schema enforces them,
 * the checks and the diff cap what they return by them, and the demo generator, the fuzzers and
 * the "largest allowed report" tests build reports right at them.
 *
 * A commune's plan is small. Its budget is field → group → line, sometimes a sub-line under a line
 * ("Nâng cấp hạ tầng số" with its two purchases) or one more level for a project split into
 * items: four levels cover every plan we have seen, so six leaves room without letting a tree
 * grow deep enough to make walking, checking, diffing or rendering it costly. Likewise a real
 * plan has tens of lines; 2.000 over the whole report (Part I and Part II, groups and leaves
 * alike) is far above any of them, and small enough that rendering the largest allowed report
 * stays in seconds.
 */

/** Levels of one budget tree: a top-level line is at level 1, its children at 2, … */
export const MAX_BUDGET_DEPTH = 6;

/** Budget lines in one report: every node (group or leaf) of Part I's and Part II's budgets. */
export const MAX_BUDGET_LINES = 2_000;

/** Children of one group, and lines of one budget's top level. */
export const MAX_BUDGET_CHILDREN = 500;

/** Paragraphs of one narrative section (căn cứ, kết quả, đánh giá, …). */
export const MAX_PARAGRAPHS = 200;

/** Short lists of the document: recipients (Nơi nhận), attachments. */
export const MAX_LIST_ITEMS = 50;

/** Lengths, in UTF-16 code units (what a browser's maxLength counts), of every text the API accepts. */
export const MAX_TEXT = {
  /** One paragraph of narrative: a long one is a page (~3.000 characters). */
  paragraph: 20_000,
  /** A budget line's title or note, a summary, an intro or closing sentence. */
  title: 2_000,
  /** Names of people, units, places, signers' titles. */
  name: 200,
  /** A funding source, a recipient, an attachment, an amount in words, a focal unit. */
  short: 500,
  /** Document and decision numbers ("125/BC-UBND"). */
  number: 100,
  /** Identifiers: budget-line ids, report and unit ids in URLs. */
  id: 64,
  /** Administrative codes (unit, province). */
  code: 20,
  /** A Department comment, a return reason, an acceptance or approval note. */
  comment: 5_000,
  /** A login name. */
  username: 100,
} as const;

/** Findings returned by the API for one report; the rest are counted in a last "… và N mục khác" finding. */
export const MAX_FINDINGS = 500;

/** Changes returned by a diff of two versions; the rest are counted in a last "… và N thay đổi khác" entry. */
export const MAX_CHANGES = 1_000;

/** Stable codes of the limits, in errors (`error.code`, each finding's `code`) and truncation markers. */
export const LIMIT_CODES = {
  BUDGET_TOO_DEEP: 'BUDGET_TOO_DEEP',
  BUDGET_TOO_MANY_LINES: 'BUDGET_TOO_MANY_LINES',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  TOO_MANY_ITEMS: 'TOO_MANY_ITEMS',
  TEXT_CONTROL_CHAR: 'TEXT_CONTROL_CHAR',
  TEXT_INVALID_UNICODE: 'TEXT_INVALID_UNICODE',
  FINDINGS_TRUNCATED: 'FINDINGS_TRUNCATED',
  CHANGES_TRUNCATED: 'CHANGES_TRUNCATED',
} as const;
export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/**
 * The limit a schema issue reports, if any: a custom issue carries its code in `params.code`; a
 * built-in maximum of a string or an array is a text too long or a list too long. Takes zod's
 * issues and their Fastify form (where zod's issue, minus code and path, is `params`).
 */
export function limitCodeOf(issue: { code?: unknown; keyword?: unknown; origin?: unknown; params?: unknown }): LimitCode | undefined {
  const code = issue.code ?? issue.keyword;
  const fields = (issue.keyword !== undefined && typeof issue.params === 'object' && issue.params !== null ? issue.params : issue) as { origin?: unknown; params?: unknown };
  const custom = (fields.params as { code?: unknown } | undefined)?.code;
  if (code === 'custom' && typeof custom === 'string' && (Object.values(LIMIT_CODES) as string[]).includes(custom)) return custom as LimitCode;
  if (code === 'too_big' && fields.origin === 'string') return LIMIT_CODES.TEXT_TOO_LONG;
  if (code === 'too_big' && fields.origin === 'array') return LIMIT_CODES.TOO_MANY_ITEMS;
  return undefined;
}

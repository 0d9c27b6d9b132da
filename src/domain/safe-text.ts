import { z } from 'zod';
import { formatNumber } from './format.ts';
import { LIMIT_CODES } from './limits.ts';

/**
 * The one text schema of everything the API accepts (report body, comments, reasons, cycles,
 * approvals, login names), so that text is the same on SQLite and PostgreSQL and an official
 * document reads exactly as its data. Each kind of unwanted character gets the treatment that
 * fits what a person sees:
 *
 * - Invisible formatting — zero-width space, word joiner, BOM (U+200B, U+2060, U+FEFF), the
 *   directional marks (U+200E, U+200F, U+061C) and the bidi embeddings, overrides and isolates
 *   (U+202A–202E, U+2066–2069) — is REMOVED, silently. It cannot be seen, so removing it changes
 *   nothing a person read; it arrives innocently with text pasted from web pages and chat apps,
 *   so refusing would block an officer with an error about something he cannot find; Vietnamese
 *   is written left to right only, so it never carries meaning; and left in, an override makes a
 *   line of an official document display differently from its data (issue 13, point 11).
 *   Zero-width joiners (U+200C, U+200D) are kept: they are part of emoji sequences.
 * - Control characters — C0 (U+0000–U+001F; tab, line feed and carriage return allowed where the
 *   text may have several lines), DEL and C1 (U+007F–U+009F), and the non-characters U+FFFE and
 *   U+FFFF — are REFUSED (TEXT_CONTROL_CHAR). No keyboard and no pasted document produces them:
 *   they come from a broken client or a probe, and saying so is more useful than guessing. They
 *   cannot be stored the same everywhere (PostgreSQL refuses NUL in text: it used to answer 500)
 *   and XML forbids them in DOCX/XLSX.
 * - Lone UTF-16 surrogates are REFUSED (TEXT_INVALID_UNICODE): they are not text at all and have
 *   no UTF-8 form (PostgreSQL stored U+FFFD, SQLite kept them: the same save differed by database).
 */

const INVISIBLE_FORMATTING = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without what the rule refuses in any text (control characters, lone surrogates): for
 * data stored before the rule, never for input (input is refused, with its reason).
 */
export const dropRefused = (text: string): string => text.replace(REFUSED, '');

/** The text without invisible formatting characters (used on input and again by the document writers, for stored data). */
export const stripInvisible = (text: string): string => (INVISIBLE_FORMATTING.test(text) ? text.replace(INVISIBLE_FORMATTING, '') : text);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text cannot be accepted (after invisible formatting is removed), or undefined when it can. */
export function textProblem(text: string, multiline: boolean): { code: string; message: string } | undefined {
  const control = (multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).exec(text);
  if (control) {
    const c = control[0].charCodeAt(0);
    if (!multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) {
      return { code: LIMIT_CODES.TEXT_CONTROL_CHAR, message: 'Trường này chỉ có một dòng: bỏ dấu xuống dòng hoặc dấu tab.' };
    }
    return { code: LIMIT_CODES.TEXT_CONTROL_CHAR, message: `Văn bản có ký tự điều khiển không in được (${hex(c)}) ở vị trí ${formatNumber(control.index + 1)}; hãy gõ lại đoạn này.` };
  }
  const at = text.search(LONE_SURROGATE);
  if (at >= 0) {
    return { code: LIMIT_CODES.TEXT_INVALID_UNICODE, message: `Văn bản có ký tự Unicode không hợp lệ (${hex(text.charCodeAt(at))}, nửa cặp thay thế) ở vị trí ${formatNumber(at + 1)}; hãy gõ lại đoạn này.` };
  }
  return undefined;
}

export interface SafeTextOptions {
  /** Tab, line feed and carriage return allowed (narrative, notes, comments). Default true. */
  multiline?: boolean;
}

/**
 * A text of at most `max` characters, invisible formatting removed, control characters and lone
 * surrogates refused, each refusal a custom issue carrying its stable code in `params.code`.
 */
export function SafeText(max: number, options: SafeTextOptions = {}) {
  const multiline = options.multiline ?? true;
  return z
    .string({ error: () => 'Phải là văn bản.' })
    .overwrite(stripInvisible)
    .max(max, { error: () => `Văn bản dài quá ${formatNumber(max)} ký tự.` })
    .superRefine((text, ctx) => {
      const problem = textProblem(text, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
    });
}

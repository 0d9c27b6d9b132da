import { z } from 'zod';

/**
 * The version of the report a person acts on, sent as `If-Match` (a version number, quotes
 * allowed). Saving and every status change that freezes a version (submit, return, accept,
 * approval) require it: each is refused with 409 when the report is no longer that version, so
 * what is saved, submitted, decided on or approved is exactly what was on the person's screen.
 */
export const IfMatchHeaders = z
  .object({
    'if-match': z
      .string({ error: 'Thiếu tiêu đề If-Match: số phiên bản báo cáo đang xem.' })
      .regex(/^"?\d{1,9}"?$/, 'If-Match phải là số phiên bản.'),
  })
  .passthrough();

/** The version number of a header IfMatchHeaders accepted. */
export const ifMatchVersion = (headers: z.infer<typeof IfMatchHeaders>): number => Number(headers['if-match'].replace(/"/g, ''));

import type { Report } from '../../domain/report-schema.ts';

/** Options every renderer accepts. None of them changes the wording of the report itself. */
export interface RenderOptions {
  /** Add the budget table as a "Phụ lục" section at the end of the DOCX. */
  appendix?: boolean;
  /** SHA-256 of the submitted version; printed in small type in the DOCX footer. */
  contentHash?: string;
  /**
   * The report is not submitted (a draft, or returned for changes): every page is marked
   * "DỰ THẢO" at the top right, so a printed or forwarded copy is never taken for the real one.
   */
  draft?: boolean;
  /**
   * ISO date-time written into the package metadata (docProps, zip entries). Fixed by default so
   * that the same report always gives byte-identical files (a hash of a rendered file is then
   * meaningful, and tests can compare bytes).
   */
  generatedAt?: string;
}

/** The one renderer interface: the report model in, the bytes of a file out. No database. */
export type Renderer = (report: Report, options?: RenderOptions) => Promise<Uint8Array>;

export const DEFAULT_GENERATED_AT = '2000-01-01T00:00:00Z';

/** The mark on every page of a document rendered from a report that is not submitted. */
export const DRAFT_MARK = 'DỰ THẢO';

/**
 * Limits on what the importer accepts. A commune report is a few pages (tens of KB as text, a
 * few hundred KB as DOCX); these leave ample room while keeping memory and time bounded for
 * anything hostile.
 */
export const LIMITS = {
  /** Largest file accepted at all. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Largest total uncompressed size of a DOCX (sum over entries, declared and actual). */
  maxUnzippedBytes: 50 * 1024 * 1024,
  maxZipEntries: 2_000,
  /** Paragraphs beyond this are not a report of this genre. */
  maxLines: 20_000,
  maxLineChars: 20_000,
} as const;

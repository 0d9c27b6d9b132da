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
  /**
   * Largest total of a DOCX's XML parts once inflated, declared and actual. Word writes ~1–3 KB
   * of XML a paragraph: a 30-page report is ~1–2 MB (the Kiến Thụy report with its appendix,
   * 250 KB). Parsing XML costs ~50× its size in memory and ~1 s of CPU a few MB, so this, not
   * the whole archive's cap, is what bounds the work of reading a document.
   */
  maxXmlBytes: 8 * 1024 * 1024,
  /**
   * Paragraphs (w:p, table cells' included) across the Word parts, counted while inflating,
   * before anything is parsed. The reference report has ~300; a report of the genre never has
   * thousands.
   */
  maxParagraphs: 5_000,
  /**
   * Runs, tables, rows and cells (w:r, w:tbl, w:tr, w:tc) and paragraphs together, counted the
   * same way: mammoth makes an object of each, and 200.000 empty rows or cells in a 3 KB file
   * took 2–4 s of CPU and ~450 MB (one million: over the import worker's 768 MB); 49.000, 1,2 s.
   * The corpus's Word reports have 300–650 (~3 a paragraph).
   */
  maxWordElements: 25_000,
  /**
   * Elements of any kind in the Word parts, properties included (the corpus: ~18 a paragraph, 2.800–3.800
   * a report; 390.000 empty properties took 2,1 s and 500 MB).
   */
  maxXmlElements: 200_000,
  /** Paragraphs beyond this are not a report of this genre. */
  maxLines: 20_000,
  maxLineChars: 20_000,
  /**
   * Characters of text in all (table cells' included). The largest report the schema allows,
   * rendered by khcn, is ~290.000; an ordinary one 20–60.000. The reader's work grows with the
   * text (measured ~0,3–1 s a million characters of hostile text): this, not the 20 MB of the
   * file, is what bounds it.
   */
  maxTextChars: 1_000_000,
  /**
   * LibreOffice converting a .doc/.odt to DOCX: ~1,5 s measured for a report (fresh profile
   * included); under the import pool's 30 s deadline so that the process is ours to kill.
   */
  convertTimeoutMs: 20_000,
  /**
   * PDF: all of poppler's work on one file (pdfinfo, pdftotext; pdftoppm and pdftohtml for the pages that look
   * tabular) within this, so that a hostile PDF ends in a coded error within 2 s. A 30-page
   * report takes ~0,2 s.
   */
  pdfMs: 1_500,
  /** Pages of a PDF report; more is not a report of the genre (and checked before any reading). */
  maxPdfPages: 100,
  /** pdftotext's output (XHTML with every word's box, ~100 bytes a word). */
  maxPdfTextBytes: 16 * 1024 * 1024,
  /** Pages rendered to find table rulings. */
  maxPdfPagesRendered: 12,
  /** Address space of a poppler process. */
  pdfChildMemoryMb: 512,
} as const;

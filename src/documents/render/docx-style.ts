import { BorderStyle, Paragraph, TextRun, type IBorderOptions } from 'docx';

/**
 * Measurements of Nghị định 30/2020/NĐ-CP, Phụ lục I (DESIGN §8), in the units OOXML uses:
 * twips (1/20 pt; 1 mm ≈ 56.7 twips) for lengths and half-points for font sizes.
 */
export const FONT = 'Times New Roman';
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const pt = (v: number): number => v * 2; // font size in half-points

export const PAGE = {
  width: 11906, // A4 210 mm
  height: 16838, // A4 297 mm
  // Inside ND 30's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(8) },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const SIZE = {
  body: pt(14),
  quocHieu: pt(12.5) as number, // 12–13 pt; 12.5 keeps the Quốc hiệu on one line in its column
  tieuNgu: pt(13),
  issuer: pt(12.5) as number,
  number: pt(13),
  placeDate: pt(14),
  recipientsLabel: pt(12),
  recipients: pt(11),
  signer: pt(14),
  pageNumber: pt(13),
  hash: pt(8),
  table: pt(12),
};

/** First-line indent 1.27 cm, ≥ 6 pt after, line spacing between single and 1.5 (here 1.15). */
export const BODY = { indent: 720, after: 120, line: 276 };

export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
export const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const ALL_THIN = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/**
 * Approximate width in twips of a line of Times New Roman bold, for the "short line under the
 * issuing body" and the line under the Tiêu ngữ (ND 30 wants the latter exactly as long as the
 * text). Average advance widths per class of character, measured on Liberation Serif Bold
 * (metric-compatible with Times New Roman) — good to a few per cent, which is all a rule needs.
 */
export function boldTextWidth(text: string, halfPoints: number): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    const base = ch.normalize('NFD').charAt(0);
    if (ch === ' ') em += 0.25;
    else if (/[-–.,:;]/.test(ch)) em += 0.33;
    else if (/[IJ]/.test(base)) em += 0.42;
    else if (/[MW]/.test(base)) em += 0.94;
    else if (/[A-ZĐ]/.test(base)) em += 0.73;
    else if (/[ijlft]/.test(base)) em += 0.31;
    else if (/[mw]/.test(base)) em += 0.8;
    else em += 0.53;
  }
  return Math.round(em * halfPoints * 10); // em × size(pt) × 20 twips/pt = em × halfPoints × 10
}

/**
 * A thin rule of the given width, centred in its column: an empty paragraph of tiny exact
 * height whose bottom border is narrowed by equal left/right indents. A paragraph border (not a
 * drawing) survives every viewer, LibreOffice included, and prints where the text is.
 */
export function rule(width: number, columnWidth: number, afterTwips = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: afterTwips, line: 40, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2, font: FONT })],
  });
}

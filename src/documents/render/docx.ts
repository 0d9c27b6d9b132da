import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Report } from '../../domain/report-schema.ts';
import { documentOutline, type Block, type BlockKind, type DocumentOutline } from '../../domain/report-text.ts';
import { appendixSection } from './docx-appendix.ts';
import { packDocx } from './docx-package.ts';
import { BODY, boldTextWidth, FONT, NO_BORDERS, PAGE, rule, SIZE, TEXT_WIDTH } from './docx-style.ts';
import { sanitizeReport } from './sanitize.ts';
import { DEFAULT_GENERATED_AT, DRAFT_MARK, type RenderOptions } from './types.ts';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

// The header table is a little wider than the text block (it starts 5 mm into the left margin),
// as printed templates do, so that the Quốc hiệu fits on one line in 12–13 pt.
const HEADER_INDENT = -284;
const HEADER_LEFT = 3686;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_INDENT - HEADER_LEFT;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold ?? false, italics: style.italic ?? false });

const centred = (text: string, style: RunStyle, after = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240 }, children: [run(text, style)] });

// Explicit cell margins: the rules below are centred by paragraph indents, which count from the
// cell's content box, so their width must be computed from the same box.
const CELL_MARGIN = 57;
const inner = (width: number): number => width - 2 * CELL_MARGIN;

const cell = (width: number, children: Paragraph[]): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });

const borderless = (widths: number[], cells: TableCell[], indent = 0): Table =>
  new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });

/** Issuing body | Quốc hiệu and Tiêu ngữ, then number | place and date (ND 30, Phụ lục I). */
function headerTable(o: DocumentOutline): Table {
  const issuerWidth = Math.max(boldTextWidth(o.issuer.name, SIZE.issuer), boldTextWidth(o.issuer.parent, SIZE.issuer));
  const left = [
    centred(o.issuer.parent, { size: SIZE.issuer, bold: true }),
    centred(o.issuer.name, { size: SIZE.issuer, bold: true }),
    // "a short line": a third of the name, centred, 2 pt under it.
    rule(Math.round(issuerWidth / 3), inner(HEADER_LEFT), 160),
    centred(o.numberLine, { size: SIZE.number }),
  ];
  const right = [
    centred(QUOC_HIEU, { size: SIZE.quocHieu, bold: true }),
    centred(TIEU_NGU, { size: SIZE.tieuNgu, bold: true }),
    rule(boldTextWidth(TIEU_NGU, SIZE.tieuNgu), inner(HEADER_RIGHT), 160),
    centred(o.placeDate, { size: SIZE.placeDate, italic: true }),
  ];
  return borderless([HEADER_LEFT, HEADER_RIGHT], [cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)], HEADER_INDENT);
}

const STYLE: Record<BlockKind, { bold?: boolean; italic?: boolean; centre?: boolean; indent?: boolean }> = {
  title: { bold: true, centre: true },
  summary: { bold: true, centre: true },
  basis: { italic: true, indent: true },
  section: { bold: true, indent: true },
  heading: { bold: true, indent: true },
  item: { indent: true },
  subheading: { bold: true, indent: true },
  body: { indent: true },
  bullet: { indent: true },
};

/** One outline block as a paragraph: the block's kind gives the style, its runs the text. */
function blockParagraph(b: Block, previous: BlockKind | undefined, last: boolean): Paragraph {
  const s = STYLE[b.kind];
  const before = b.kind === 'title' ? 240 : b.kind === 'basis' && previous !== 'basis' ? 120 : 0;
  return new Paragraph({
    alignment: s.centre ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: s.indent ? { firstLine: BODY.indent } : undefined,
    spacing: { before, after: b.kind === 'title' ? 0 : BODY.after, line: BODY.line },
    // Headings stay with what follows; the closing paragraph stays with the signature block so
    // that a signature never stands alone on the last page.
    keepNext: last || b.kind === 'title' || b.kind === 'section' || b.kind === 'heading' || b.kind === 'subheading',
    keepLines: last,
    children: b.runs.map((r) => run(r.text, { bold: (s.bold ?? false) || (r.bold ?? false), italic: (s.italic ?? false) || (r.italic ?? false) })),
  });
}

function bodyParagraphs(o: DocumentOutline): Paragraph[] {
  const out: Paragraph[] = [];
  let previous: BlockKind | undefined;
  o.blocks.forEach((b, i) => {
    out.push(blockParagraph(b, previous, i === o.blocks.length - 1));
    // ND 30: a short solid line under the summary line of the document.
    if (b.kind === 'summary') out.push(rule(mmWidth(40), TEXT_WIDTH, 240));
    previous = b.kind;
  });
  return out;
}

const mmWidth = (v: number): number => Math.round((v * 1440) / 25.4);

/** "Nơi nhận:" and its list | the signature block, all bold, with room for signature and seal. */
function footerTable(o: DocumentOutline): Table {
  const leftW = 4000;
  const rightW = TEXT_WIDTH - leftW;
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italic: true })] }),
    ...o.recipients.map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: SIZE.recipients })] })),
  ];
  const right = [
    centred(o.signer.onBehalfOf, { size: SIZE.signer, bold: true }),
    centred(o.signer.title, { size: SIZE.signer, bold: true }),
    // Space for the signature and the seal (about 3 cm).
    new Paragraph({ spacing: { before: 0, after: 0, line: 1700, lineRule: 'exact' }, children: [run('', { size: SIZE.signer })] }),
    centred(o.signer.name, { size: SIZE.signer, bold: true }),
  ];
  return borderless([leftW, rightW], [cell(leftW, left), cell(rightW, right)]);
}

/** "DỰ THẢO" at the top right of every page of a document rendered from a draft. */
const draftMark = (): Paragraph =>
  new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(DRAFT_MARK, { size: SIZE.pageNumber, bold: true })] });

const pageNumberHeader = (draft = false): Header =>
  new Header({
    children: [
      ...(draft ? [draftMark()] : []),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber })],
      }),
    ],
  });

const hashFooter = (hash: string | undefined): Footer =>
  new Footer({
    children: hash
      ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(`Mã kiểm tra nội dung (SHA-256): ${hash}`, { size: SIZE.hash, italic: true })] })]
      : [new Paragraph({ children: [] })],
  });

/** The report as a DOCX in the administrative format of Nghị định 30/2020/NĐ-CP. */
export async function renderDocx(report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const safe = sanitizeReport(report);
  const outline = documentOutline(safe);
  const footer = hashFooter(options.contentHash?.replace(/[^0-9a-fA-F]/g, ''));
  const main: ISectionOptions = {
    properties: {
      titlePage: true, // no page number on page 1 (ND 30)
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
    },
    headers: { first: new Header({ children: [options.draft ? draftMark() : new Paragraph({ children: [] })] }), default: pageNumberHeader(options.draft) },
    footers: { first: footer, default: footer },
    children: [
      headerTable(outline),
      ...bodyParagraphs(outline),
      new Paragraph({ keepNext: true, spacing: { before: 0, after: 0 }, children: [] }),
      footerTable(outline),
    ],
  };
  const sections = [main];
  if (options.appendix) sections.push(appendixSection(safe, { header: pageNumberHeader(options.draft), footer }));
  const doc = new Document({
    creator: 'khcn',
    lastModifiedBy: 'khcn',
    title: outline.blocks[1] ? outline.blocks[1].runs.map((r) => r.text).join('').slice(0, 250) : 'Báo cáo',
    description: 'Báo cáo KH,CN,ĐMST&CĐS',
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections,
  });
  return packDocx(doc, options.generatedAt ?? DEFAULT_GENERATED_AT);
}

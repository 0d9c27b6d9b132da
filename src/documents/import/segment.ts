import { amountRegex } from './amounts.ts';
import { UNIT_LINE } from './budget-sections.ts';
import { AUTHORITY, isHeaderLine } from './header.ts';
import { fieldOf, headingOf, isFieldLabel, isMarkedPart, partOf, splitMarker, type Part, type Slot } from './headings.ts';
import type { Paragraph } from './types.ts';

/**
 * The document cut into the places of the model, by a single pass that follows the headings
 * it meets. Sections may come in any order; a paragraph that fits nowhere is kept in
 * `unplaced` so the importer can say so instead of dropping it.
 */
export interface Sections {
  header: Paragraph[];
  summary?: Paragraph;
  preamble: Paragraph[];
  /** Headings met, with the year they mention ("… NĂM 2026"). */
  partHeadings: { part: Part; paragraph: Paragraph }[];
  slots: Record<Slot, Paragraph[]>;
  closing: Paragraph[];
  attachments: Paragraph[];
  recipients: Paragraph[];
  signature: Paragraph[];
  unplaced: Paragraph[];
  /** Where each paragraph stood, in Vietnamese ("Phần I, sau mục 3. Về chuyển đổi số"): what a note says of its place. */
  where: Map<Paragraph, string>;
  /** Where the reading stood before each paragraph (and at the end): tables are placed by it (read-tables.ts). */
  trail: { line: number; zone: string; slot: Slot | undefined }[];
}

type Zone = 'header' | 'summary' | 'preamble' | Part | 'recipients' | 'signature' | 'appendix';

const emptySlots = (): Record<Slot, Paragraph[]> => ({
  leadership: [], results: [], science: [], innovation: [], digital: [], budget: [],
  assessment: [], achievements: [], limitations: [], causes: [], basis: [], detail: [],
});

const TITLE = /^BÁO CÁO(?:\s*[:\-–]?\s+(\S.*))?$/u;
const BASIS = /^(?:Căn cứ|Thực hiện|Kính gửi)(?=\s|:)/u;
/** The bases ("Căn cứ …", "Thực hiện …"), the addressee, or the intro ("… báo cáo như sau:"): the summary is over. */
const opensPreamble = (text: string): boolean => BASIS.test(text) || INTRO_END.test(text);
export const INTRO_END = /như sau\s*[:.]?\s*$/u;
const CLOSING = /\.\/\.\s*$|^Trên đây là/u;
const ATTACHMENT = /^\(?\s*(?:Gửi\s+)?kèm theo\b/iu;

/** "2.1. Khoa học, công nghệ (Khoản 102): 1.320 triệu đồng": a field group of the plan. */
export function isGroupHeading(text: string): boolean {
  const m = splitMarker(text);
  // Unnumbered or a bullet: only a field's name with its amount ("LĨNH VỰC KHOA HỌC, CÔNG NGHỆ:
  // 350.000.000 đồng", "Khoa học, công nghệ – 455 triệu đồng:", "* Lĩnh vực đổi mới sáng tạo (90 triệu đồng):").
  if (m.kind === 'bullet' || m.kind === 'none') {
    if (!amountRegex('u').test(m.rest) || m.rest.length > 160) return false;
    const label = m.rest.replace(/\(?\s*[\d.,]+\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|đồng|tr\.?\s?đ)[^)]*\)?/gu, ' ').split(/:|\s[–—-]\s/u)[0] ?? '';
    return isFieldLabel(label.trim());
  }
  return Boolean(fieldOf(m.rest.split(':')[0] ?? '')) || /\bKhoản\s+\d{3}\b/u.test(m.rest);
}

/**
 * A sentence stating a budget's total: "Tổng dự toán kinh phí năm 2027 là 1.050 triệu đồng (Bằng
 * chữ: …), cụ thể:", "Tổng cộng: 870.000.000 đồng", "… đề xuất dự toán kinh phí … năm 2027 là 3.480 triệu đồng".
 */
export function statesPlanTotal(text: string): boolean {
  const m = splitMarker(text);
  if (m.kind !== 'none' && m.kind !== 'bullet') return false;
  if (!amountRegex('u').test(m.rest)) return false;
  return /^(?:Tổng|TỔNG)\s*(?:cộng|CỘNG|số|SỐ)?\s*(?:[:(]|dự toán|kinh phí|nhu cầu|DỰ TOÁN|KINH PHÍ|NHU CẦU)/u.test(m.rest) || /(?:tổng|đề xuất|dự kiến)\s+(?:số\s+)?(?:dự toán|kinh phí|nhu cầu)[^.;]*?(?:\slà|:)\s*\d/iu.test(m.rest);
}

/** "3. Công tác phối hợp": numbered, short, not a sentence, no figure. */
function looksLikeHeading(text: string): boolean {
  const m = splitMarker(text);
  return (m.kind === 'number' || m.kind === 'roman' || m.kind === 'sub') && m.rest.length <= 100 && !/[.;:,]$/.test(m.rest) && !amountRegex('u').test(m.rest);
}

const ZONE_NAMES: Record<Zone, string> = {
  header: 'Phần đầu văn bản', summary: 'Phần đầu văn bản', preamble: 'Phần mở đầu (trước Phần I)',
  partI: 'Phần I', partII: 'Phần II', proposals: 'Phần kiến nghị, đề xuất',
  recipients: 'Nơi nhận', signature: 'Phần ký', appendix: 'Phụ lục',
};

/** "Phần I, sau mục 3. Về chuyển đổi số": where a paragraph stands, for the note that keeps it. */
function placeName(zone: Zone, heading: string | undefined): string {
  const name = ZONE_NAMES[zone];
  if (zone !== 'partI' && zone !== 'partII' && zone !== 'proposals') return name;
  if (!heading) return `${name}, trước mục đầu tiên`;
  const short = heading.length > 120 ? `${heading.slice(0, 117).trimEnd()}…` : heading;
  return `${name}, sau mục ${short}`;
}

export function segment(paragraphs: readonly Paragraph[]): Sections {
  const s: Sections = {
    header: [], preamble: [], partHeadings: [], slots: emptySlots(),
    closing: [], attachments: [], recipients: [], signature: [], unplaced: [], where: new Map(), trail: [],
  };
  let zone: Zone = 'header';
  let slot: Slot | undefined;
  let lastHeading: string | undefined;
  for (const p of paragraphs) {
    s.trail.push({ line: p.line, zone, slot });
    const text = p.text;
    s.where.set(p, placeName(zone, lastHeading));
    // The appendix after the signature ("Phụ lục" + the budget table) repeats Part II's figures
    // in table form; Part II is the source read, so the appendix is skipped.
    if (zone === 'appendix') continue;
    if ((zone === 'signature' || zone === 'recipients') && /^(?:PHỤ LỤC|Phụ lục)(?:\s+\S{1,4})?$/u.test(text)) {
      zone = 'appendix';
      continue;
    }
    if (/^Nơi nhận\s*:?/iu.test(text)) {
      zone = 'recipients';
      const rest = text.replace(/^Nơi nhận\s*:?\s*/iu, '');
      if (rest) s.recipients.push({ ...p, text: rest });
      continue;
    }
    if (AUTHORITY.test(text) && zone !== 'header') zone = 'signature';
    if (zone === 'signature') {
      s.signature.push(p);
      continue;
    }
    if (zone === 'recipients') {
      if (splitMarker(text).kind === 'bullet') s.recipients.push(p);
      else s.signature.push(p);
      continue;
    }
    // Before the body, only a numbered part heading counts: an upper-case summary is not one.
    // Inside a part, an unnumbered upper-case line that names one of the part's subjects
    // ("TÌNH HÌNH GIAO DỰ TOÁN VÀ GIẢI NGÂN" in Part I) is that subject's heading, not a new part.
    const early: boolean = zone === 'header' || zone === 'summary';
    const here = zone as Zone;
    const current: Part | undefined = here === 'partI' || here === 'partII' ? here : undefined;
    const candidate: Part | undefined = !early || isMarkedPart(text) ? partOf(text) : undefined;
    const part: Part | undefined = candidate && current && !isMarkedPart(text) && headingOf(text, current) ? undefined : candidate;
    if (part) {
      zone = part;
      slot = undefined;
      lastHeading = undefined;
      s.partHeadings.push({ part, paragraph: p });
      continue;
    }
    if (zone === 'header') {
      const title = TITLE.exec(text);
      if (title) {
        // "BÁO CÁO" alone, or with its summary on the same line ("BÁO CÁO KẾT QUẢ …").
        zone = 'summary';
        if (title[1]) s.summary = { ...p, text: title[1] };
        continue;
      }
      if (isHeaderLine(text)) {
        s.header.push(p);
        continue;
      }
      zone = opensPreamble(text) ? 'preamble' : 'summary';
    }
    if (zone === 'summary' && !s.summary && isHeaderLine(text)) {
      s.header.push(p);
      continue;
    }
    if (zone === 'summary') {
      // The summary may run over a few lines; it ends where the bases or the intro begin.
      if (!opensPreamble(text) && !s.summary?.text.endsWith('.') && (s.summary?.text.length ?? 0) + text.length <= 1_000) {
        s.summary = s.summary ? { ...s.summary, text: `${s.summary.text} ${text}` } : p;
        s.where.set(s.summary, ZONE_NAMES.summary);
        continue;
      }
      zone = 'preamble';
    }
    if (zone === 'preamble') {
      // "Kính gửi: Sở …" is the addressee of the letter (and the list under it): part of the header.
      if (/^Kính gửi\s*:/u.test(text) || (splitMarker(text).kind === 'bullet' && /^Kính gửi/u.test(s.header.at(-1)?.text ?? '') && s.preamble.length === 0)) {
        s.header.push(p.text.startsWith('Kính gửi') ? p : { ...p, text: `Kính gửi ${p.text}` });
      } else s.preamble.push(p);
      continue;
    }
    if (CLOSING.test(text)) {
      s.closing.push(p);
      continue;
    }
    if (zone === 'partII' && ATTACHMENT.test(text)) {
      s.attachments.push(p);
      continue;
    }
    if ((zone === 'partII' || zone === 'partI') && UNIT_LINE.test(text)) {
      // "(Đơn vị tính: nghìn đồng)": the unit of the budget figures that follow.
      s.slots[zone === 'partII' ? 'detail' : 'budget'].push(p);
      continue;
    }
    if (zone === 'partII' && statesPlanTotal(text)) {
      // The plan's total, wherever Part II states it (under "Căn cứ, mục tiêu", before the groups).
      s.slots.detail.push(p);
      continue;
    }
    if (zone === 'partII' && (slot === 'detail' || amountRegex('u').test(text) || /Khoản\s+\d{3}/u.test(text)) && isGroupHeading(text)) {
      slot = 'detail';
      s.slots.detail.push(p);
      lastHeading = text;
      continue;
    }
    const heading = zone === 'proposals' ? undefined : headingOf(text, zone);
    if (heading) {
      slot = heading.slot;
      lastHeading = heading.inline ? text.slice(0, text.length - heading.inline.length).replace(/\s*:\s*$/u, '') : text;
      if (heading.inline) {
        const inline = { text: heading.inline, line: p.line, used: [] };
        s.where.set(inline, placeName(zone, lastHeading));
        s.slots[slot].push(inline);
      }
      continue;
    }
    if (zone !== 'proposals' && looksLikeHeading(text)) {
      // A heading we do not know: what follows has no place in the model; say so rather than
      // pour it into the previous section.
      slot = undefined;
      s.unplaced.push(p);
      lastHeading = text;
      continue;
    }
    if (slot && zone !== 'proposals') s.slots[slot].push(p);
    else s.unplaced.push(p);
  }
  s.trail.push({ line: Number.MAX_SAFE_INTEGER, zone, slot });
  return s;
}

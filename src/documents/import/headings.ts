import { searchKey } from '../../domain/text.ts';
import { FIGURE } from './amounts.ts';

/**
 * Recognises the headings of the genre by what they say, not by their number or case, so that
 * "2. Kết quả thực hiện theo từng lĩnh vực", "II. KẾT QUẢ THEO LĨNH VỰC" and an unnumbered
 * "Về chuyển đổi số" all land in the same place, and sections may come in any order.
 */
export type Part = 'partI' | 'partII' | 'proposals';
export type Slot =
  | 'leadership' | 'results' | 'science' | 'innovation' | 'digital' | 'budget'
  | 'assessment' | 'achievements' | 'limitations' | 'causes' | 'basis' | 'detail';

export interface Marker {
  kind: 'roman' | 'number' | 'sub' | 'letter' | 'bullet' | 'none';
  /** The marker as written ("2.1.", "a)", "-"). */
  mark: string;
  rest: string;
}

export function splitMarker(text: string): Marker {
  const patterns: [Marker['kind'], RegExp][] = [
    ['bullet', /^([-–—•*+·])\s+/u],
    ['sub', /^(\d+(?:\.\d+)+\.?)\s+/u],
    ['roman', /^([IVXLC]+[.)])\s+/u],
    ['number', /^(\d+[.)])\s+/u],
    ['letter', /^([a-zđ][).])\s+/u],
  ];
  for (const [kind, re] of patterns) {
    const m = re.exec(text);
    if (m) return { kind, mark: m[1] ?? '', rest: text.slice(m[0].length) };
  }
  return { kind: 'none', mark: '', rest: text };
}

const isUpper = (text: string) => /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');

/** "PHẦN I.", "Phần thứ hai:", "A." before a part's title. */
const PART_MARK = /^(?:PHẦN|Phần)\s+(?:[IVX]+|thứ\s+\p{L}+|THỨ\s+\p{L}+|\d)\s*[.:–—-]?\s*|^[AB][.)]\s+/u;

/** A top-level part: "I. ĐÁNH GIÁ …", "II. XÂY DỰNG KẾ HOẠCH …", "PHẦN I: …", or an upper-case line saying so. */
export function partOf(text: string): Part | undefined {
  const mark = PART_MARK.exec(text);
  const m = mark ? { kind: 'roman' as const, rest: text.slice(mark[0].length) } : splitMarker(text);
  if (!(m.kind === 'roman' || (m.kind === 'none' && isUpper(text) && text.length <= 200))) return undefined;
  const k = searchKey(m.rest);
  if (mark && k === '') {
    // "Phần I" alone on its line, its title on the next.
    const n = searchKey(mark[0]).replace(/^phan\s+/, '').replace(/[^a-z0-9 ]/g, '').trim();
    return /^(?:i|1|thu nhat)$/.test(n) ? 'partI' : /^(?:ii|2|thu hai)$/.test(n) ? 'partII' : /^(?:iii|3|thu ba)$/.test(n) ? 'proposals' : undefined;
  }
  if (/danh gia|thuc hien|ket qua/.test(k) && !/^(?:xay dung|phuong huong|ke hoach)/.test(k)) return 'partI';
  if (/du toan|ke hoach|nhiem vu|phuong huong/.test(k)) return 'partII';
  if (/kien nghi|de xuat|de nghi/.test(k)) return 'proposals';
  return undefined;
}

/** True when the line opens a part by its marker ("I.", "PHẦN I", "A."), not only by its case. */
export const isMarkedPart = (text: string): boolean => PART_MARK.test(text) || splitMarker(text).kind === 'roman';

export interface Heading {
  slot: Slot;
  /** Text after the label on the same line ("a) Kết quả đạt được: Công tác …"). */
  inline: string;
}

const PART_II: [Slot, RegExp][] = [
  ['basis', /can cu|muc tieu|dinh huong|phuong huong|nhiem vu trong tam/],
  ['detail', /du toan|kinh phi|nhu cau|chi tiet/],
];

/** The fields a text names, in the order it names them (full names and the genre's abbreviations). */
export function fieldsIn(text: string): ('science' | 'innovation' | 'digital')[] {
  const k = searchKey(text);
  const hits = (
    [
      ['science', k.search(/khoa hoc|\bkh\s*(?:,|&|va)?\s*cn\b|\bkhcn\b/)],
      ['innovation', k.search(/doi moi sang tao|\bdmst\b/)],
      ['digital', k.search(/chuyen doi so|\bcds\b/)],
    ] as const
  ).filter(([, at]) => at >= 0);
  hits.sort((a, b) => a[1] - b[1]);
  return hits.map(([f]) => f);
}

/** The field a title speaks of, by its first keyword ("Khoa học, công nghệ và đổi mới" → science); none for all three at once. */
export function fieldOf(text: string): 'science' | 'innovation' | 'digital' | undefined {
  const fields = fieldsIn(text);
  return fields.length < 3 ? fields[0] : undefined;
}

/**
 * A label that is only a field's name, with the words headings put around it: "KHOA HỌC, CÔNG
 * NGHỆ", "Về đổi mới sáng tạo", "Lĩnh vực chuyển đổi số", "Sự nghiệp khoa học và công nghệ".
 */
export function isFieldLabel(label: string): boolean {
  if (fieldsIn(label).length !== 1 || label.length > 80) return false;
  const rest = searchKey(label)
    .replace(/khoa hoc\s*(?:,|va|&)?\s*cong nghe|khoa hoc|doi moi sang tao|chuyen doi so|\bkhcn\b|\bdmst\b|\bcds\b/g, ' ')
    .replace(/\b(?:ve|linh vuc|cong tac|hoat dong|su nghiep|ket qua|thuc hien|trong|doi voi|nhiem vu|ung dung|va|cac|chi|cho|khoi nghiep|cai cach hanh chinh)\b/g, ' ')
    .replace(/\(?\s*khoan\s+\d{3}\s*\)?/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
  return rest === '';
}

/** A Part I subject by what its label says: the assessment's items first, then the other subjects. */
function partISlot(k: string, label: string, numbered: boolean): Slot | undefined {
  if (/^nguyen nhan/.test(k)) return 'causes';
  if (/mat lam duoc|lam duoc|mat duoc|ket qua dat duoc|uu diem|mat dat duoc|nhung ket qua|thanh tuu|mat manh|ket qua noi bat/.test(k)) return 'achievements';
  if (/ton tai|han che|kho khan|vuong mac|yeu kem|bat cap/.test(k)) return 'limitations';
  if (/nguyen nhan/.test(k)) return 'causes';
  if (/^(?:danh gia chung|nhan xet|danh gia)/.test(k)) return 'assessment';
  if (/lanh dao|chi dao|dieu hanh/.test(k)) return 'leadership';
  if (/ngan sach|kinh phi|giai ngan|phan bo|du toan/.test(k)) return 'budget';
  if (/danh gia/.test(k)) return 'assessment';
  const fields = fieldsIn(label);
  if (fields.length === 1 && fields[0] && (numbered || /^ve\s/.test(k) || isFieldLabel(label))) return fields[0];
  if (/ket qua|linh vuc|nhiem vu|trien khai/.test(k)) return 'results';
  return undefined;
}

const ASSESSMENT_ITEMS: readonly Slot[] = ['achievements', 'limitations', 'causes'];
const FIELD_SLOTS: readonly Slot[] = ['science', 'innovation', 'digital'];

/**
 * A heading inside a part. Numbered lines up to 160 characters qualify; an unnumbered line only
 * when short and not a sentence, so narrative that happens to mention a keyword stays narrative;
 * a bullet only when it is a field's name alone ("- Đổi mới sáng tạo") or labels an assessment
 * item ("- Những mặt làm được: …").
 */
export function headingOf(text: string, part: Part): Heading | undefined {
  const m = splitMarker(text);
  const numbered = m.kind !== 'none' && m.kind !== 'bullet';
  const colon = m.rest.indexOf(':');
  const labelled = colon > 0 && colon <= 80;
  const label = (labelled ? m.rest.slice(0, colon) : m.rest).trim();
  const inline = labelled ? m.rest.slice(colon + 1).trim() : '';
  const bare = colon < 0;
  if (!numbered && bare && (label.length > 90 || /[.;,]$/.test(label) || !/^\p{Lu}/u.test(label))) return undefined;
  if (!bare && !labelled) return undefined;
  // "Khoa học, công nghệ: 160 triệu đồng" is a budget line, not a heading with its text.
  if (/^\d/.test(inline)) return undefined;
  // An unnumbered line with a figure is a sentence ("Kinh phí … là 230.000, gồm:"), not a heading.
  if (!numbered && /\d/.test(label)) return undefined;
  // A line stating an amount or a count is content ("Tổng dự toán … là 1.205.500.000 đồng, trong đó:").
  FIGURE.lastIndex = 0;
  if (FIGURE.test(label)) return undefined;
  if (numbered && inline === '' && label.length > 160) return undefined;
  const k = searchKey(label);
  if (part === 'partI') {
    const slot = partISlot(k, label, numbered);
    if (!slot) return undefined;
    const item = ASSESSMENT_ITEMS.includes(slot);
    // A labelled paragraph ("a) Kết quả đạt được: …") for the assessment items and the fields only.
    if (inline && !item && !(FIELD_SLOTS.includes(slot) && label.length <= 60)) return undefined;
    if (!numbered && inline && !item && !/^ve\s/.test(k) && !isFieldLabel(label)) return undefined;
    if (m.kind === 'bullet' && !(item && inline) && !isFieldLabel(label)) return undefined;
    return { slot, inline };
  }
  if (m.kind === 'bullet' || (inline && !numbered) || (inline && label.length > 40)) return undefined;
  // "1. Mục tiêu: …", "2. Dự toán: tổng nhu cầu …": a numbered label with its text on the line.
  for (const [slot, re] of PART_II) if (re.test(k)) return { slot, inline };
  return undefined;
}

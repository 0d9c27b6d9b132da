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

/** A top-level part: "I. ĐÁNH GIÁ …", "II. XÂY DỰNG KẾ HOẠCH …", or an upper-case line saying so. */
export function partOf(text: string): Part | undefined {
  const m = splitMarker(text);
  if (!(m.kind === 'roman' || (m.kind === 'none' && isUpper(text) && text.length <= 200))) return undefined;
  const k = searchKey(m.rest);
  if (/danh gia|thuc hien|ket qua/.test(k) && !/^xay dung/.test(k)) return 'partI';
  if (/du toan|ke hoach|nhiem vu/.test(k)) return 'partII';
  if (/kien nghi|de xuat|de nghi/.test(k)) return 'proposals';
  return undefined;
}

export interface Heading {
  slot: Slot;
  /** Text after the label on the same line ("a) Kết quả đạt được: Công tác …"). */
  inline: string;
}

const PART_I: [Slot, RegExp][] = [
  ['achievements', /ket qua dat duoc|uu diem|mat dat duoc|nhung ket qua/],
  ['limitations', /ton tai|han che|kho khan/],
  ['causes', /nguyen nhan/],
  ['assessment', /danh gia chung|danh gia/],
  ['leadership', /lanh dao|chi dao/],
  ['results', /ket qua thuc hien|ket qua.*linh vuc|tung linh vuc|cac linh vuc/],
  ['budget', /ngan sach|kinh phi|giai ngan|phan bo|du toan/],
];
const PART_II: [Slot, RegExp][] = [
  ['basis', /can cu|muc tieu|dinh huong/],
  ['detail', /du toan|kinh phi|nhu cau|chi tiet/],
];

/** The field a title speaks of, by its first keyword ("Khoa học, công nghệ và đổi mới" → science). */
export function fieldOf(text: string): 'science' | 'innovation' | 'digital' | undefined {
  const k = searchKey(text);
  const hits = (
    [
      ['science', k.search(/khoa hoc/)],
      ['innovation', k.search(/doi moi sang tao/)],
      ['digital', k.search(/chuyen doi so/)],
    ] as const
  ).filter(([, at]) => at >= 0);
  hits.sort((a, b) => a[1] - b[1]);
  return hits[0]?.[0];
}

/**
 * A heading inside a part. Numbered lines up to 160 characters qualify; an unnumbered line only
 * when short and not a sentence, so narrative that happens to mention a keyword stays narrative.
 */
export function headingOf(text: string, part: Part): Heading | undefined {
  const m = splitMarker(text);
  if (m.kind === 'bullet') return undefined;
  const numbered = m.kind !== 'none';
  const colon = m.rest.indexOf(':');
  const label = colon > 0 && colon <= 80 ? m.rest.slice(0, colon) : m.rest;
  const inline = label === m.rest ? '' : m.rest.slice(colon + 1).trim();
  if (!numbered && (colon >= 0 || label.length > 90 || /[.;,]$/.test(label) || !/^\p{Lu}/u.test(label))) return undefined;
  // A line stating an amount or a count is content ("Tổng dự toán … là 1.205.500.000 đồng, trong đó:").
  FIGURE.lastIndex = 0;
  if (FIGURE.test(label)) return undefined;
  if (numbered && inline === '' && label.length > 160) return undefined;
  const k = searchKey(label);
  const table = part === 'partI' ? PART_I : PART_II;
  for (const [slot, re] of table) {
    if (re.test(k)) {
      // A labelled paragraph ("a) Kết quả đạt được: …") only for the assessment items.
      if (inline && !['achievements', 'limitations', 'causes'].includes(slot)) return undefined;
      return { slot, inline };
    }
  }
  if (part === 'partI' && inline === '') {
    const field = fieldOf(label);
    if (field && (numbered || /^về\s/iu.test(label))) return { slot: field, inline };
  }
  if (part === 'partI' && inline !== '') {
    const field = fieldOf(label);
    if (field && label.length <= 60) return { slot: field, inline };
  }
  return undefined;
}

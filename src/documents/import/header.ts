import { UNIT_KINDS, type UnitKind } from '../../domain/report-schema.ts';
import type { Paragraph } from './types.ts';

/**
 * The parts of the document around the body: the issuer and number at the top, place and
 * date, and at the end the recipients and the signature block ("TM. ỦY BAN NHÂN DÂN" /
 * "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name).
 */
export interface HeaderFacts {
  kind?: UnitKind;
  /** As written in the header, usually upper case ("KIẾN THỤY"). */
  upperName?: string;
  number?: string;
  place?: string;
  date?: string;
  year?: number;
  /** Source lines of the number and of the date. */
  numberLine?: number;
  dateLine?: number;
}

/** "PHƯỜNG LÊ CHÂN", "UBND PHƯỜNG LÊ CHÂN", "ỦY BAN NHÂN DÂN XÃ KIẾN THỤY": the unit named in the header. */
const UNIT = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN\s+|UBND\s+)?(XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$/u;
/** The issuing authority above the unit ("ỦY BAN NHÂN DÂN", "UBND TỈNH ĐẮK LẮK"), upper case. */
const AUTHORITY_LINE = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)(?:\s+\S.*)?$/u;
const NUMBER = /^Số\s*:?\s*([^\s].*)?$/iu;
const NUMBER_LINE = /^Số\s*:\s*|^Số\s+[\d\s]*\//u;
const PLACE_DATE = /^(.*?),?\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})\.?$/iu;
const isUpper = (text: string) => /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');

/** True for lines that belong to the header block (and are therefore not body text). */
export function isHeaderLine(text: string): boolean {
  return (
    (isUpper(text) && text.length <= 120 && (AUTHORITY_LINE.test(text) || UNIT.test(text))) ||
    NUMBER_LINE.test(text) ||
    /^CỘNG H(?:ÒA|OÀ|OA) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text) ||
    /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu.test(text) ||
    /^V\/v\s/iu.test(text) ||
    /^Kính gửi\s*:/u.test(text) ||
    PLACE_DATE.test(text) ||
    /^[-_=–—.\s]+$/.test(text)
  );
}

export function readHeader(paragraphs: readonly Paragraph[]): HeaderFacts {
  const out: HeaderFacts = {};
  for (const p of paragraphs) {
    const unit = isUpper(p.text) ? UNIT.exec(p.text) : null;
    if (unit && !out.upperName) {
      const kind = (unit[1] ?? '').toLocaleLowerCase('vi') as UnitKind;
      if ((UNIT_KINDS as readonly string[]).includes(kind)) out.kind = kind;
      out.upperName = (unit[2] ?? '').trim();
    }
    const number = NUMBER_LINE.test(p.text) ? NUMBER.exec(p.text) : null;
    if (number) {
      const value = (number[1] ?? '').replace(/\s+/g, '');
      // "Số:      /BC-UBND" is the blank the office fills in: no number yet.
      if (value && !value.startsWith('/')) {
        out.number = value;
        out.numberLine = p.line;
      }
    }
    const pd = PLACE_DATE.exec(p.text);
    if (pd) {
      const [, place = '', day, month, year = ''] = pd;
      if (place.trim()) out.place = place.trim();
      out.year = Number(year);
      if (day && month) {
        out.date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
        out.dateLine = p.line;
      }
    }
  }
  return out;
}

/** "KIẾN THỤY" → "Kiến Thụy" (used only when the body never names the commune in normal case). */
export const titleCase = (upper: string): string =>
  upper
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

export const AUTHORITY = /^(?:TM|KT|Q|TL|TUQ)\.\s*\S/u;

export interface Signature {
  onBehalfOf: string;
  title: string;
  name: string;
}

/**
 * The signature block: consecutive authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
 * joined by a line break, then the title, then the name. "(Đã ký)" and similar are skipped.
 */
export function readSignature(paragraphs: readonly Paragraph[]): { signature?: Signature; rest: Paragraph[] } {
  const kept = paragraphs.filter((p) => !/^\(.*\)$/.test(p.text));
  const first = kept.findIndex((p) => AUTHORITY.test(p.text));
  if (first < 0) return { rest: kept };
  let i = first;
  const authority: string[] = [];
  while (i < kept.length && AUTHORITY.test(kept[i]?.text ?? '')) authority.push(kept[i++]?.text ?? '');
  const signature = { onBehalfOf: authority.join('\n'), title: kept[i]?.text ?? '', name: kept[i + 1]?.text ?? '' };
  return { signature, rest: [...kept.slice(0, first), ...kept.slice(i + 2)] };
}

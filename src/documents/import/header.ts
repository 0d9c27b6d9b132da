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
}

const UNIT = /^(XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$/u;
const NUMBER = /^Số\s*:\s*(.*)$/iu;
const PLACE_DATE = /^(.*?),?\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})\.?$/iu;

/** True for lines that belong to the header block (and are therefore not body text). */
export function isHeaderLine(text: string): boolean {
  return (
    /^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(text) ||
    UNIT.test(text) ||
    NUMBER.test(text) ||
    /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u.test(text) ||
    /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu.test(text) ||
    PLACE_DATE.test(text) ||
    /^[-_=–—.\s]+$/.test(text)
  );
}

export function readHeader(paragraphs: readonly Paragraph[]): HeaderFacts {
  const out: HeaderFacts = {};
  for (const p of paragraphs) {
    const unit = UNIT.exec(p.text);
    if (unit && !out.upperName) {
      const kind = (unit[1] ?? '').toLocaleLowerCase('vi') as UnitKind;
      if ((UNIT_KINDS as readonly string[]).includes(kind)) out.kind = kind;
      out.upperName = (unit[2] ?? '').trim();
    }
    const number = NUMBER.exec(p.text);
    if (number) {
      const value = (number[1] ?? '').replace(/\s+/g, '');
      // "Số:      /BC-UBND" is the blank the office fills in: no number yet.
      if (value && !value.startsWith('/')) out.number = value;
    }
    const pd = PLACE_DATE.exec(p.text);
    if (pd) {
      const [, place = '', day, month, year = ''] = pd;
      if (place.trim()) out.place = place.trim();
      out.year = Number(year);
      if (day && month) out.date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
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

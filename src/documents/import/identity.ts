import type { UnitKind } from '../../domain/report-schema.ts';
import type { Paragraph } from './types.ts';

/**
 * Who reports and when: the commune (from "Ủy ban nhân dân xã Kiến Thụy …"), its province
 * (from "… Sở Khoa học và Công nghệ thành phố Hải Phòng …") and the two years.
 */
const NAME = String.raw`\p{Lu}[\p{L}\d]*(?:[ \-](?:\p{Lu}[\p{L}\d]*|\d+))*`;
const COMMUNE = new RegExp(String.raw`(?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân\s+(xã|phường|đặc khu)\s+(${NAME})|UBND\s+(xã|phường|đặc khu)\s+(${NAME})`, 'u');
const PROVINCE = new RegExp(String.raw`(?:\btỉnh|thành phố)\s+(${NAME})`, 'u');

export function findCommune(paragraphs: readonly Paragraph[]): { kind: UnitKind; name: string } | undefined {
  for (const p of paragraphs) {
    const m = COMMUNE.exec(p.text);
    if (m) return { kind: (m[1] ?? m[3]) as UnitKind, name: (m[2] ?? m[4] ?? '').trim() };
  }
  return undefined;
}

export function findProvince(paragraphs: readonly Paragraph[]): string | undefined {
  for (const p of paragraphs) {
    const m = PROVINCE.exec(p.text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/**
 * Official codes of provinces whose commune lists khcn ships (data/); others are left for the
 * user to fill in rather than guessed.
 */
const PROVINCE_CODES: Record<string, string> = { 'Hải Phòng': '31' };
export const provinceCode = (province: string): string | undefined => PROVINCE_CODES[province];

/** "…năm 2026; …năm 2027" → the first year mentioned and the last. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/năm\s+(\d{4})\b/giu)].map((m) => Number(m[1]));
}

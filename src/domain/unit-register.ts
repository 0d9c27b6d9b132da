import { UNIT_KINDS, type UnitKind } from './report-schema.ts';

/**
 * The register of Vietnam's 34 provinces and their commune-level units (xã, phường, đặc khu)
 * with official codes (data/vn-units-2026.json), indexed once for lookups by name.
 *
 * Names are matched by `nameKey`: case, Unicode composition (NFC/NFD) and the placement of the
 * tone mark inside a syllable do not matter — "Thụy" = "Thuỵ", "Hòa" = "Hoà", "Ủy" = "Uỷ",
 * "Khỏe" = "Khoẻ" (the old and the new placement on oa/oe/uy) — while every letter and every
 * tone still does: "Hòa" ≠ "Hoa", "Thái" ≠ "Thai", "Quý" ≠ "Quí".
 *
 * Pure: the register's data is passed in (national-register.ts imports the JSON for the server
 * and the importer; the web does not need it).
 */

/** The shape of data/vn-units-2026.json. */
export interface RegisterData {
  about: string;
  source: string;
  provinces: readonly { code: string; kind: string; name: string; units: readonly { code: string; kind: string; name: string }[] }[];
}

export interface RegisteredProvince {
  /** Official two-digit code ("31"). */
  code: string;
  kind: 'tỉnh' | 'thành phố';
  /** As the register writes it ("Hải Phòng", "Thanh Hoá"). */
  name: string;
}

export interface RegisteredUnit {
  /** Official five-digit code ("11680"). */
  code: string;
  kind: UnitKind;
  /** As the register writes it ("Kiến Thuỵ"). */
  name: string;
  province: RegisteredProvince;
}

export type UnitLookup =
  | { status: 'found'; unit: RegisteredUnit }
  /** The name (and kind) exists in several provinces and none was given. */
  | { status: 'ambiguous'; candidates: RegisteredUnit[] }
  | { status: 'unknown' };

/** Tone marks (combining, after NFD) → a letter of their own in the key. */
const TONES: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** One syllable: its letters (with their own marks: â ă ê ô ơ ư đ) and its tone, wherever the tone was written. */
function syllableKey(word: string): string {
  let tone = '';
  const letters = word.replace(TONE_MARKS, (mark) => {
    tone = TONES[mark] ?? '';
    return '';
  });
  return tone ? `${letters.normalize('NFC')}|${tone}` : letters.normalize('NFC');
}

/**
 * The key two spellings of one name share: lower case, tone marks carried by the syllable rather
 * than by a vowel, apostrophes and dashes unified, other punctuation and extra spaces dropped.
 * "Kiến Thụy" and "KIẾN THUỴ" give the same key; "Hòa" and "Hoa" do not.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[ðÐ]/g, 'đ') // the Icelandic eth that old font conversions leave for Đ
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/\s*[-‐‑–—]\s*/g, ' - ')
    .replace(/[^\p{L}\p{M}\p{N}' -]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(syllableKey)
    .join(' ');
}

/** Whether two names are the same name (see nameKey). */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** "tỉnh", "thành phố", "TP." in front of a province name, in key form. */
const PROVINCE_PREFIXES = ['tỉnh', 'thành phố', 'tp'].map((p) => `${nameKey(p)} `);
/** Common short forms and older spellings documents use for a province. */
const PROVINCE_ALIASES: Record<string, string> = { HCM: '79', 'Sài Gòn': '79', 'Đăk Lăk': '66', 'Đắc Lắc': '66', 'Đăk Lắk': '66' };

export interface UnitRegister {
  readonly about: string;
  readonly source: string;
  readonly provinces: readonly RegisteredProvince[];
  readonly units: readonly RegisteredUnit[];
  /** The longest unit name, in words of its key (for reading a name out of running text). */
  readonly longestUnitName: number;
  readonly longestProvinceName: number;
  /** A province by its code ("31") or its name, with or without "tỉnh"/"thành phố"/"TP." in front. */
  province(text: string): RegisteredProvince | undefined;
  /** Units named so (any kind, any province). */
  unitsNamed(name: string): readonly RegisteredUnit[];
  /**
   * A unit by kind and name: within `province` when given (a province, its name or its code),
   * otherwise across the country — unique → found, several → ambiguous.
   */
  unit(kind: UnitKind | undefined, name: string, province?: RegisteredProvince | string): UnitLookup;
}

const isUnitKind = (kind: string): kind is UnitKind => (UNIT_KINDS as readonly string[]).includes(kind);

/** Indexes the register once: every lookup afterwards is a map access. */
export function indexRegister(data: RegisterData): UnitRegister {
  const provinces: RegisteredProvince[] = [];
  const units: RegisteredUnit[] = [];
  const provinceByKey = new Map<string, RegisteredProvince>();
  const provinceByCode = new Map<string, RegisteredProvince>();
  const unitsByKey = new Map<string, RegisteredUnit[]>();
  let longestUnitName = 0;
  let longestProvinceName = 0;
  for (const p of data.provinces) {
    if (p.kind !== 'tỉnh' && p.kind !== 'thành phố') throw new Error(`register: province ${p.code} has kind "${p.kind}"`);
    const province: RegisteredProvince = { code: p.code, kind: p.kind, name: p.name };
    provinces.push(province);
    provinceByCode.set(p.code, province);
    const key = nameKey(p.name);
    provinceByKey.set(key, province);
    longestProvinceName = Math.max(longestProvinceName, key.split(' ').length);
    for (const u of p.units) {
      if (!isUnitKind(u.kind)) throw new Error(`register: unit ${u.code} has kind "${u.kind}"`);
      const unit: RegisteredUnit = { code: u.code, kind: u.kind, name: u.name, province };
      units.push(unit);
      const uk = nameKey(u.name);
      longestUnitName = Math.max(longestUnitName, uk.split(' ').length);
      const list = unitsByKey.get(uk);
      if (list) list.push(unit);
      else unitsByKey.set(uk, [unit]);
    }
  }
  for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) {
    const p = provinceByCode.get(code);
    if (p) provinceByKey.set(nameKey(alias), p);
  }

  const province = (text: string): RegisteredProvince | undefined => {
    const trimmed = text.trim();
    if (/^\d{1,2}$/.test(trimmed)) return provinceByCode.get(trimmed.padStart(2, '0'));
    const key = nameKey(trimmed);
    const direct = provinceByKey.get(key);
    if (direct) return direct;
    const prefix = PROVINCE_PREFIXES.find((pre) => key.startsWith(pre));
    return prefix ? provinceByKey.get(key.slice(prefix.length)) : undefined;
  };
  const unitsNamed = (name: string): readonly RegisteredUnit[] => unitsByKey.get(nameKey(name)) ?? [];

  return {
    about: data.about,
    source: data.source,
    provinces,
    units,
    longestUnitName,
    longestProvinceName,
    province,
    unitsNamed,
    unit(kind, name, where) {
      const within = typeof where === 'string' ? province(where) : where;
      if (where !== undefined && !within) return { status: 'unknown' };
      const candidates = unitsNamed(name).filter((u) => (kind === undefined || u.kind === kind) && (!within || u.province.code === within.code));
      if (candidates.length === 1 && candidates[0]) return { status: 'found', unit: candidates[0] };
      if (candidates.length > 1) return { status: 'ambiguous', candidates };
      return { status: 'unknown' };
    },
  };
}

import { AppError } from '../../domain/errors.ts';
import { nationalRegister } from '../../domain/national-register.ts';
import type { Report, UnitKind } from '../../domain/report-schema.ts';
import { nameKey, type RegisteredProvince, type RegisteredUnit, type UnitRegister } from '../../domain/unit-register.ts';
import { titleCase } from './header.ts';
import type { ImportOptions, ImportWarning, Paragraph } from './types.ts';

/**
 * Who reports: the unit (xã, phường, đặc khu) and its province, recognised against the national
 * register (data/vn-units-2026.json) wherever the genre names them —
 * - the header block ("UBND XÃ KIẾN THỤY", or "ỦY BAN NHÂN DÂN" / "XÃ KIẾN THỤY" on lines of
 *   their own as table cells give them, possibly under "UBND THÀNH PHỐ HẢI PHÒNG");
 * - the intro ("Ủy ban nhân dân phường … báo cáo …", after a "Căn cứ …" preamble or not);
 * - the signature ("TM. ỦY BAN NHÂN DÂN XÃ …");
 * - for the province: firmly, the header ("UBND THÀNH PHỐ HẢI PHÒNG"), the "Kính gửi:" lines and
 *   the Department's name wherever it stands ("Sở Khoa học và Công nghệ tỉnh …", usually in the
 *   legal bases); then `ImportOptions.province`; any other "tỉnh …"/"thành phố …"/"TP. …" only
 *   helps choose among units of the same name.
 * The unit is the first of the header, the intro, the signature, other sentences; its province
 * the first of those provinces that has it, else its own when its name is unique in the country.
 * Names match regardless of case and tone placement (unit-register.ts). The unit keeps its name
 * as the document writes it; the province takes the register's spelling; both official codes are
 * stored. An unknown unit is kept as read with a warning; an ambiguous one without a province is
 * a coded error that lists the candidates.
 */
export type Commune = Report['commune'];

type Rank = 'header' | 'intro' | 'signature' | 'text' | 'plain';
const RANKS: Rank[] = ['header', 'intro', 'signature', 'text', 'plain'];

interface UnitMention {
  kind: UnitKind;
  /** The name as the document writes it (upper case in headers and signatures). */
  written: string;
  /** Register units of that kind and name, in any province (empty: not in the register). */
  units: readonly RegisteredUnit[];
  rank: Rank;
  paragraph: Paragraph;
}

const KIND_WORD = String.raw`(xã|phường|đặc\s+khu)`;
/** "UBND XÃ KIẾN THỤY", "XÃ KIẾN THỤY", "Ủy ban nhân dân xã Kiến Thụy" as a line of its own. */
const UNIT_LINE = new RegExp(String.raw`^(?:(?:UBND|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN)\s+)?${KIND_WORD}\s+(.+)$`, 'iu');
/** "Ủy ban nhân dân xã …", "UBND phường …", "ỦY BAN NHÂN DÂN ĐẶC KHU …" inside a sentence or a signature. */
const AUTHORITY_UNIT = new RegExp(String.raw`(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)\s+${KIND_WORD}\s+`, 'giu');
/** "… của xã Kiến Thụy …": only trusted when the register knows the name. */
const PLAIN_UNIT = /(?<![\p{L}\p{M}])(xã|phường|đặc khu)\s+(?=\p{Lu})/gu;
/** Not followed by a letter (\b does not know Vietnamese letters). */
const END = String.raw`(?![\p{L}\p{M}])`;
/** "tỉnh …", "thành phố …", "TP. …", "TP…" before a province name. */
const PROVINCE_WORD = /(?<![\p{L}\p{M}\p{N}])(?:tỉnh|thành\s+phố|tp\.?)\s*(?=\p{L})/giu;
/** The Department the report goes to: "Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN". */
const DEPARTMENT_NAME = String.raw`Sở\s+(?:Khoa\s+học\s+(?:và|&)\s+Công\s+nghệ|KH\s*(?:&|và)\s*CN|KHCN)`;
/** "Sở Khoa học và Công nghệ Hải Phòng": the department named with its province and no level word. */
const DEPARTMENT = new RegExp(String.raw`${DEPARTMENT_NAME}\s+(?!(?:tỉnh|thành\s+phố|tp)${END})(?=\p{Lu})`, 'giu');
/** A province named as the Department's ("Sở Khoa học và Công nghệ tỉnh …") is the report's own. */
const DEPARTMENT_BEFORE = new RegExp(String.raw`${DEPARTMENT_NAME}\s*$`, 'iu');
const TITLE = new RegExp(String.raw`^BÁO\s+CÁO${END}`, 'u');
const PREAMBLE = new RegExp(String.raw`^(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi)${END}`, 'iu');
const ADDRESSED = new RegExp(String.raw`^Kính\s+gửi${END}`, 'iu');
const TRAILING = /[\s,.;:!?()[\]{}"“”'‘’/]+$/u;
/** One capitalised word of a name ("Kiến", "M'gar", "H'Leo") or a number ("2"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)?|\d+)`;
const NAME_RUN = new RegExp(String.raw`^${NAME_WORD}(?:(?:\s+|\s*[-–]\s*)${NAME_WORD})*`, 'u');
/** After a register name inside a capitalised run, what may follow without being part of the name. */
const AFTER_NAME = new RegExp(String.raw`^(?:\d|(?:Tỉnh|TỈNH|Thành\s+phố|THÀNH\s+PHỐ|TP)${END})`, 'u');

/** What follows the unit's name in the intro: "… xã Kiến Thụy báo cáo", "… phường Hồng An, thành phố Hải Phòng báo cáo". */
const INTRO_AFTER = /^\s*(?:,[^.;:]{0,60}?)?\s*(?:xin\s+|kính\s+)?báo\s+cáo/iu;

/**
 * Bounds on the search, so that a hostile document (thousands of long lines full of unit names)
 * costs bounded time: the genre names its unit and province near the start of a line, each line
 * is searched that far for a few matches, and only so many are looked up in all (the header, the
 * intro and the signature come long before the budget runs out; a signature line is always read).
 */
const SCAN_CHARS = 600;
const SIGNATURE = /^(?:TM|KT|Q|TL|TUQ)\.\s/u;
const PER_PARAGRAPH = 4;
const LOOKUPS = 300;

const kindOf = (word: string): UnitKind => word.toLowerCase().replace(/\s+/g, ' ') as UnitKind;
const hasLower = (text: string) => /\p{Ll}/u.test(text);
const strip = (text: string) => text.replace(TRAILING, '');

/** Whitespace-separated tokens of `text` with where each ends. */
function tokens(text: string, max: number): { end: number }[] {
  const out: { end: number }[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    out.push({ end: m.index + m[0].length });
    if (out.length >= max) break;
  }
  return out;
}

/** The longest run of words at the start of `text` that the register knows as a unit of `kind`. */
function longestRegistered(register: UnitRegister, kind: UnitKind, text: string): { written: string; units: readonly RegisteredUnit[] } | undefined {
  // A name of n words has at most 2n tokens ("Văn Miếu - Quốc Tử Giám").
  const toks = tokens(text, register.longestUnitName * 2);
  for (let k = toks.length; k > 0; k--) {
    const written = strip(text.slice(0, toks[k - 1]?.end));
    const units = register.unitsNamed(written).filter((u) => u.kind === kind);
    if (units.length) return { written, units };
  }
  return undefined;
}

/**
 * The unit named at the start of `rest` (what follows "xã "). Upper-case text (headers,
 * signatures) has no word boundaries to go by: the longest name the register knows is taken, or
 * else the rest of the line. Mixed-case text: the run of capitalised words, or the longest
 * registered name at its start when what follows it is a number or a province.
 */
function readName(register: UnitRegister, kind: UnitKind, rest: string, wholeLine: boolean): { written: string; units: readonly RegisteredUnit[] } | undefined {
  const head = rest.slice(0, 60);
  if (!hasLower(head.split(/[,;:(]/u)[0] ?? '')) {
    const known = longestRegistered(register, kind, rest);
    if (known) return known;
    const line = strip((rest.split(/[,;:(]|\s{2,}|\s+(?:CỘNG\s+H[OÒ]A|SỐ\s*:|Số\s*:)/u)[0] ?? '').trim());
    const words = line.split(/\s+/u).filter(Boolean);
    if (!words.length || !/^\p{Lu}|^\d/u.test(line)) return undefined;
    return { written: wholeLine ? line : words.slice(0, register.longestUnitName).join(' '), units: [] };
  }
  const run = NAME_RUN.exec(rest)?.[0];
  if (!run) return undefined;
  const exact = register.unitsNamed(run).filter((u) => u.kind === kind);
  if (exact.length) return { written: run, units: exact };
  const known = longestRegistered(register, kind, run);
  if (known && AFTER_NAME.test(run.slice(known.written.length).trim())) return known;
  return { written: run, units: [] };
}

function unitMentions(register: UnitRegister, paragraphs: readonly Paragraph[], headerEnd: number): UnitMention[] {
  const out: UnitMention[] = [];
  let budget = LOOKUPS;
  let lines = LOOKUPS;
  paragraphs.forEach((paragraph, index) => {
    const inHeader = index < headerEnd;
    if (!inHeader && budget <= 0 && lines <= 0 && !SIGNATURE.test(paragraph.text)) return;
    const text = paragraph.text.slice(0, SCAN_CHARS).normalize('NFC');
    const line = UNIT_LINE.exec(text);
    // A line that is only the unit: the header block, or a signature block laid out in a table.
    if (line && (inHeader || !hasLower(text))) {
      if (!inHeader && lines-- <= 0) return;
      const kind = kindOf(line[1] ?? '');
      const name = readName(register, kind, line[2] ?? '', true);
      if (name) out.push({ kind, ...name, rank: inHeader ? 'header' : 'signature', paragraph });
      return;
    }
    const signature = SIGNATURE.test(text);
    if (budget <= 0 && !signature) return;
    const seen: number[] = [];
    for (const m of [...text.matchAll(AUTHORITY_UNIT)].slice(0, PER_PARAGRAPH)) {
      budget--;
      const kind = kindOf(m[1] ?? '');
      const at = m.index + m[0].length;
      seen.push(at);
      const rest = text.slice(at);
      const name = readName(register, kind, rest, false);
      const rank: Rank = signature ? 'signature' : name && INTRO_AFTER.test(rest.slice(name.written.length)) ? 'intro' : 'text';
      if (name) out.push({ kind, ...name, rank, paragraph });
    }
    for (const m of [...text.matchAll(PLAIN_UNIT)].slice(0, PER_PARAGRAPH)) {
      const at = m.index + m[0].length;
      if (seen.includes(at) || budget-- <= 0) continue;
      const kind = kindOf(m[1] ?? '');
      const name = readName(register, kind, text.slice(at), false);
      if (name?.units.length) out.push({ kind, ...name, rank: 'plain', paragraph });
    }
  });
  return out;
}

interface ProvinceMention {
  province: RegisteredProvince;
  strong: boolean;
}

function provinceAt(register: UnitRegister, rest: string): RegisteredProvince | undefined {
  const toks = tokens(rest, register.longestProvinceName + 1);
  for (let k = toks.length; k > 0; k--) {
    const found = register.province(strip(rest.slice(0, toks[k - 1]?.end)));
    if (found) return found;
  }
  return undefined;
}

function provinceMentions(register: UnitRegister, paragraphs: readonly Paragraph[], headerEnd: number): ProvinceMention[] {
  const out: ProvinceMention[] = [];
  let addressed = 0; // lines still belonging to a "Kính gửi:" block
  const budget = { strong: LOOKUPS, weak: LOOKUPS };
  paragraphs.forEach((paragraph, index) => {
    if (budget.strong <= 0 && budget.weak <= 0) return;
    const text = paragraph.text.slice(0, SCAN_CHARS).normalize('NFC');
    if (ADDRESSED.test(text)) addressed = 5;
    else if (addressed > 0 && !/^[-+•*–]\s/u.test(text)) addressed = 0;
    const block = index < headerEnd || addressed > 0;
    if (addressed > 0) addressed--;
    const found: { at: number; province: RegisteredProvince; strong: boolean }[] = [];
    for (const m of [...text.matchAll(PROVINCE_WORD)].slice(0, PER_PARAGRAPH)) {
      const strong = block || DEPARTMENT_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index));
      if (budget[strong ? 'strong' : 'weak']-- <= 0) continue;
      const province = provinceAt(register, text.slice(m.index + m[0].length));
      if (province) found.push({ at: m.index, province, strong });
    }
    for (const m of [...text.matchAll(DEPARTMENT)].slice(0, PER_PARAGRAPH)) {
      if (budget.strong-- <= 0) break;
      const province = provinceAt(register, text.slice(m.index + m[0].length));
      if (province) found.push({ at: m.index, province, strong: true });
    }
    found.sort((a, b) => a.at - b.at);
    out.push(...found.map(({ province, strong }) => ({ province, strong })));
  });
  return out;
}

const unitLabel = (u: { kind: string; name: string }) => `${u.kind} ${u.name}`;
const provinceLabel = (p: RegisteredProvince) => `${p.kind} ${p.name}`;
const uniqueProvinces = (list: (RegisteredProvince | undefined)[]) => {
  const seen = new Set<string>();
  return list.filter((p): p is RegisteredProvince => !!p && !seen.has(p.code) && Boolean(seen.add(p.code)));
};

/**
 * The unit's name as the document writes it: its first spelling in normal case, or, when it is
 * only ever written in capitals, the register's spelling if it is those same letters, else the
 * capitals in title case ("KIẾN THỤY" → "Kiến Thụy": the document's tone placement is kept).
 */
function writtenName(chosen: UnitMention, mentions: readonly UnitMention[]): string {
  const same = mentions.filter((m) => m.kind === chosen.kind && (chosen.units.length ? m.units.some((u) => chosen.units.includes(u)) : nameKey(m.written) === nameKey(chosen.written)));
  const normal = same.find((m) => hasLower(m.written));
  if (normal) return normal.written;
  const upper = chosen.written.toLocaleUpperCase('vi');
  const exact = chosen.units.find((u) => u.name.toLocaleUpperCase('vi') === upper);
  return exact ? exact.name : titleCase(chosen.written);
}

/**
 * Who the document says reports, checked against the register (the national one unless another
 * is given). Throws IMPORT_NOT_REPORT when no unit is named, IMPORT_UNIT_AMBIGUOUS when the name
 * exists in several provinces and neither the document nor `options.province` says which, and
 * IMPORT_NO_PROVINCE when an unknown unit comes with no province at all.
 */
export function identify(paragraphs: readonly Paragraph[], options: ImportOptions = {}, register: UnitRegister = nationalRegister()): { commune: Commune; warnings: ImportWarning[] } {
  const titleAt = paragraphs.findIndex((p) => TITLE.test(p.text) || PREAMBLE.test(p.text));
  const headerEnd = Math.min(titleAt < 0 ? paragraphs.length : titleAt, 30);
  const mentions = unitMentions(register, paragraphs, headerEnd);
  const chosen = RANKS.map((rank) => mentions.find((m) => m.rank === rank)).find(Boolean);
  if (!chosen) {
    throw new AppError('IMPORT_NOT_REPORT', 'Không tìm thấy tên xã/phường/đặc khu trong văn bản (ví dụ "Ủy ban nhân dân xã Kiến Thụy báo cáo …"); tệp có phải báo cáo KH,CN,ĐMST&CĐS của cấp xã không?');
  }
  const name = writtenName(chosen, mentions);
  const warnings: ImportWarning[] = [];
  const warn = (code: string, message: string) => warnings.push({ code, message, line: chosen.paragraph.line, text: chosen.paragraph.text });
  // A report made from another unit's often keeps that unit's name in one place: the header, the
  // intro and the signature must name the same unit.
  const sameUnit = (m: UnitMention) =>
    m.kind === chosen.kind && (m.units.length && chosen.units.length ? m.units.some((u) => chosen.units.includes(u)) : nameKey(m.written) === nameKey(chosen.written));
  const other = mentions.find((m) => (m.rank === 'header' || m.rank === 'intro' || m.rank === 'signature') && !sameUnit(m));
  if (other) {
    warnings.push({
      code: 'IMPORT_UNIT_MISMATCH',
      message: `Dòng ${other.paragraph.line} ghi ${other.kind} ${other.written}, khác đơn vị báo cáo (${chosen.kind} ${name}, dòng ${chosen.paragraph.line}): văn bản có thể được sao từ báo cáo của đơn vị khác, hãy kiểm tra tên đơn vị.`,
      line: other.paragraph.line,
      text: other.paragraph.text,
    });
  }

  const provinces = provinceMentions(register, paragraphs, headerEnd);
  const given = options.province?.trim() ? register.province(options.province) : undefined;
  const strong = uniqueProvinces(provinces.filter((p) => p.strong).map((p) => p.province));
  const weak = uniqueProvinces(provinces.filter((p) => !p.strong).map((p) => p.province));
  const order = uniqueProvinces([...strong, given, ...weak]);
  const firm = strong[0] ?? given;

  const commune = (province: RegisteredProvince | string, unit?: RegisteredUnit): Commune => ({
    name,
    kind: chosen.kind,
    ...(unit ? { code: unit.code } : {}),
    province: typeof province === 'string' ? province : province.name,
    ...(typeof province === 'string' ? {} : { provinceCode: province.code }),
  });

  const units = chosen.units;
  if (units.length) {
    for (const province of order) {
      const unit = units.find((u) => u.province.code === province.code);
      if (unit) return { commune: commune(province, unit), warnings };
    }
    if (!firm && units.length === 1 && units[0]) return { commune: commune(units[0].province, units[0]), warnings };
    if (!firm) {
      const list = units.map((u) => `${unitLabel(u)} (${provinceLabel(u.province)}, mã ${u.code})`).join('; ');
      throw new AppError(
        'IMPORT_UNIT_AMBIGUOUS',
        `Có ${units.length} đơn vị tên "${unitLabel({ kind: chosen.kind, name })}" ở các tỉnh, thành phố khác nhau: ${list}. Văn bản không ghi tỉnh, thành phố: hãy chọn tỉnh, thành phố của đơn vị khi nhập.`,
        { details: { candidates: units.map((u) => ({ kind: u.kind, name: u.name, code: u.code, province: u.province.name, provinceCode: u.province.code })) } },
      );
    }
    const elsewhere = units.map((u) => provinceLabel(u.province)).join(', ');
    warn('IMPORT_UNIT_UNKNOWN', `Danh mục đơn vị hành chính không có ${unitLabel({ kind: chosen.kind, name })} thuộc ${provinceLabel(firm)} (đơn vị tên này có ở ${elsewhere}): tên được giữ như văn bản ghi, chưa có mã đơn vị. Hãy kiểm tra tên đơn vị và tỉnh, thành phố.`);
    return { commune: commune(firm), warnings };
  }

  const province = firm ?? weak[0] ?? options.province?.trim();
  if (!province) {
    throw new AppError('IMPORT_NO_PROVINCE', 'Không tìm thấy tên tỉnh/thành phố trong văn bản (ví dụ "Sở Khoa học và Công nghệ thành phố Hải Phòng"); hãy chọn tỉnh/thành phố khi tải lên.');
  }
  const namesake = register.unitsNamed(chosen.written);
  const hint = namesake.length ? ` (danh mục có ${namesake.slice(0, 5).map((u) => `${unitLabel(u)} thuộc ${provinceLabel(u.province)}`).join(', ')}${namesake.length > 5 ? ', …' : ''})` : '';
  const where = typeof province === 'string' ? province : provinceLabel(province);
  warn('IMPORT_UNIT_UNKNOWN', `Danh mục đơn vị hành chính không có ${unitLabel({ kind: chosen.kind, name })} thuộc ${where}${hint}: tên được giữ như văn bản ghi, chưa có mã đơn vị. Hãy kiểm tra tên đơn vị.`);
  return { commune: commune(province), warnings };
}

/** "…năm 2026; …năm 2027" → the first year mentioned and the last. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/năm\s+(\d{4})\b/giu)].map((m) => Number(m[1]));
}

import { UNIT_KINDS, type Report, type UnitKind } from './report-schema.ts';
import { sameName } from './unit-register.ts';

/**
 * Who a report belongs to is the register's word, not the body's. The units table (with its
 * province) names the unit — kind, name, codes, province — and the server writes that into the
 * report's `commune` on every save and into every import preview, so a document always names the
 * real unit. Names are kept exactly as the register spells them: Kiến Thụy's own documents write
 * "Thụy", and so does its row; nothing here re-spells a name.
 */
export type Commune = Report['commune'];

/** A unit as the database holds it (units joined with provinces). */
export interface RegisterUnit {
  name: string;
  kind: string;
  code: string | null;
  province: string;
  provinceCode: string;
}

const isUnitKind = (kind: string): kind is UnitKind => (UNIT_KINDS as readonly string[]).includes(kind);

/** The `commune` block the register gives a unit (codes only where the register has them). */
export function registerCommune(unit: RegisterUnit): Commune {
  // units.kind is written only from UNIT_KINDS (seed, national data); anything else is a broken row.
  if (!isUnitKind(unit.kind)) throw new Error(`units.kind "${unit.kind}" is not a unit kind`);
  return {
    name: unit.name,
    kind: unit.kind,
    province: unit.province,
    provinceCode: unit.provinceCode,
    ...(unit.code ? { code: unit.code } : {}),
  };
}

/** The report with the register's identity in place of whatever its body said. */
export const withRegisterIdentity = (report: Report, unit: RegisterUnit): Report => ({ ...report, commune: registerCommune(unit) });

/**
 * Whether a body (an imported file) names the same unit as the register: by the official unit
 * code when both have one, else by kind, name and province compared regardless of case and of
 * where the tone mark sits ("Kiến Thuỵ" is Kiến Thụy) — but not regardless of diacritics:
 * "xã Hoa Lư" is not "xã Hòa Lư". Provinces are compared by code when both have one.
 */
export function namesSameUnit(body: Commune, register: Commune): boolean {
  if (body.code && register.code) return body.code === register.code;
  const sameProvince = body.provinceCode && register.provinceCode ? body.provinceCode === register.provinceCode : sameName(body.province, register.province);
  return body.kind === register.kind && sameName(body.name, register.name) && sameProvince;
}

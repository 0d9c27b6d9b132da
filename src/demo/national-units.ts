import type { UnitKind } from '../domain/report-schema.ts';
import communes from '../../data/hai-phong-communes.json' with { type: 'json' };
import { createRng } from './random.ts';

/**
 * The 34 provinces and 3.321 commune-level units of the national demo data (after the 2025
 * reorganisation: 2.621 xã, 687 phường, 13 đặc khu). Province codes and names are the real ones;
 * unit counts per province are close to the real ones and add up exactly to the national totals;
 * the 13 đặc khu carry their real names; Hải Phòng has its real 114 units. Every other unit name
 * is made up from common place-name syllables — this is generated data, not a gazetteer.
 */
export const NATIONAL_TOTALS = { units: 3321, xa: 2621, phuong: 687, dacKhu: 13 } as const;

// [code, name, units, phường, đặc khu names]
type ProvinceRow = [string, string, number, number, string[]];
const PROVINCES: ProvinceRow[] = [
  ['01', 'Hà Nội', 126, 51, []], ['04', 'Cao Bằng', 56, 3, []], ['08', 'Tuyên Quang', 124, 7, []], ['11', 'Điện Biên', 45, 3, []],
  ['12', 'Lai Châu', 38, 5, []], ['14', 'Sơn La', 75, 8, []], ['15', 'Lào Cai', 99, 10, []], ['19', 'Thái Nguyên', 92, 15, []],
  ['20', 'Lạng Sơn', 65, 4, []], ['22', 'Quảng Ninh', 54, 30, ['Vân Đồn', 'Cô Tô']], ['24', 'Bắc Ninh', 99, 33, []], ['25', 'Phú Thọ', 148, 15, []],
  ['31', 'Hải Phòng', 114, 45, []], ['33', 'Hưng Yên', 104, 11, []], ['37', 'Ninh Bình', 129, 32, []], ['38', 'Thanh Hóa', 166, 19, []],
  ['40', 'Nghệ An', 130, 11, []], ['42', 'Hà Tĩnh', 69, 9, []], ['44', 'Quảng Trị', 78, 8, ['Cồn Cỏ']], ['46', 'Huế', 40, 21, []],
  ['48', 'Đà Nẵng', 94, 23, ['Hoàng Sa']], ['51', 'Quảng Ngãi', 96, 9, ['Lý Sơn']], ['52', 'Gia Lai', 135, 25, []], ['56', 'Khánh Hòa', 65, 16, ['Trường Sa']],
  ['66', 'Đắk Lắk', 102, 14, []], ['68', 'Lâm Đồng', 124, 20, ['Phú Quý']], ['75', 'Đồng Nai', 95, 23, []], ['79', 'Hồ Chí Minh', 168, 113, ['Côn Đảo']],
  ['80', 'Tây Ninh', 96, 14, []], ['82', 'Đồng Tháp', 102, 20, []], ['86', 'Vĩnh Long', 124, 19, []], ['91', 'An Giang', 102, 14, ['Phú Quốc', 'Kiên Hải', 'Thổ Châu']],
  ['92', 'Cần Thơ', 103, 31, []], ['96', 'Cà Mau', 64, 9, []],
];

const SYLLABLES = [
  'An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Long', 'Phước', 'Hưng', 'Thịnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thuận', 'Lợi', 'Hiệp',
  'Đức', 'Minh', 'Quang', 'Vĩnh', 'Xuân', 'Hải', 'Sơn', 'Lâm', 'Thành', 'Mỹ', 'Lộc', 'Phong', 'Khánh', 'Hạnh', 'Cát', 'Định', 'Tiến', 'Yên',
];

export interface NationalUnit {
  name: string;
  kind: UnitKind;
}

export interface NationalProvince {
  code: string;
  name: string;
  units: NationalUnit[];
}

/** The provinces with their units, the same for every seed (names are part of the reference, not of the sample). */
export function nationalProvinces(): NationalProvince[] {
  const phuongTotal = PROVINCES.reduce((s, p) => s + p[3], 0);
  // The per-province phường counts are approximate; whatever they miss of the national total is
  // settled on the largest province so the kinds add up exactly.
  const phuongFix = NATIONAL_TOTALS.phuong - phuongTotal;
  return PROVINCES.map(([code, name, count, phuongCount, dacKhu]) => {
    if (code === '31') return { code, name, units: communes.units.map((u) => ({ name: u.name, kind: u.kind as UnitKind })) };
    const phuong = phuongCount + (code === '38' ? phuongFix : 0);
    const rng = createRng(Number(code) * 7919);
    const used = new Set<string>(dacKhu);
    const units: NationalUnit[] = dacKhu.map((n) => ({ name: n, kind: 'đặc khu' }));
    while (units.length < count) {
      const a = rng.pick(SYLLABLES);
      const b = rng.pick(SYLLABLES);
      if (a === b) continue;
      let unitName = `${a} ${b}`;
      for (let n = 2; used.has(unitName); n++) unitName = `${a} ${b} ${n}`;
      used.add(unitName);
      units.push({ name: unitName, kind: units.length - dacKhu.length < phuong ? 'phường' : 'xã' });
    }
    return { code, name, units };
  });
}

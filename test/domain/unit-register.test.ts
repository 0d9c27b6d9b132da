import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nationalRegister } from '../../src/domain/national-register.ts';
import { indexRegister, nameKey, sameName, type RegisterData } from '../../src/domain/unit-register.ts';

const register = nationalRegister();
const codes = (units: readonly { code: string; province: { name: string } }[]) => units.map((u) => `${u.province.name} ${u.code}`);

describe('name matching', () => {
  it('old and new tone placement on oa/oe/uy name the same thing', () => {
    for (const [a, b] of [['Thụy', 'Thuỵ'], ['Hòa', 'Hoà'], ['Ủy', 'Uỷ'], ['Khỏe', 'Khoẻ'], ['Thủy', 'Thuỷ'], ['Hóa', 'Hoá'], ['Xòe', 'Xoè'], ['Kiến Thụy', 'KIẾN THUỴ']] as const) {
      expect(sameName(a, b), `${a} = ${b}`).toBe(true);
    }
  });

  it('a different letter or a different tone is a different name', () => {
    for (const [a, b] of [['Hòa', 'Hoa'], ['Thái', 'Thai'], ['Quý', 'Quí'], ['Hòa', 'Hỏa'], ['Thụy', 'Thủy'], ['Đông', 'Dong'], ['Ân', 'An'], ['Ưng', 'Ung']] as const) {
      expect(sameName(a, b), `${a} ≠ ${b}`).toBe(false);
    }
  });

  it('is indifferent to case, Unicode composition, spacing, dashes and apostrophes', () => {
    const nfd = 'Kiến Thụy'.normalize('NFD');
    expect(nfd).not.toBe('Kiến Thụy');
    expect(sameName(nfd, 'kiến thuỵ')).toBe(true);
    expect(sameName('  Kiến   Thụy ', 'Kiến Thụy')).toBe(true);
    expect(sameName('Văn Miếu-Quốc Tử Giám', 'Văn Miếu – Quốc Tử Giám')).toBe(true);
    expect(sameName('Cư M’gar', "CƯ M'GAR")).toBe(true);
    // "Ð" (U+00D0, left by old font conversions) for "Đ"
    expect(sameName('Ðông Hải', 'Đông Hải')).toBe(true);
    expect(nameKey('Thụy')).not.toBe(nameKey('Thuy'));
  });
});

describe('the national register', () => {
  it('holds 34 provinces and 3.321 units, with its attribution', () => {
    expect(register.provinces).toHaveLength(34);
    expect(register.units).toHaveLength(3321);
    expect(register.units.filter((u) => u.kind === 'đặc khu')).toHaveLength(13);
    expect(register.source).toContain('thanglequoc');
    expect(register.about).toContain('3.321');
  });

  it('finds a province by each usual spelling and by its code', () => {
    for (const spelling of ['Hải Phòng', 'thành phố Hải Phòng', 'Thành phố Hải Phòng', 'THÀNH PHỐ HẢI PHÒNG', 'TP. Hải Phòng', 'TP Hải Phòng', 'Tp.Hải Phòng', '31']) {
      expect(register.province(spelling)?.code, spelling).toBe('31');
    }
    for (const spelling of ['TP Hồ Chí Minh', 'TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP.HCM', 'TP HCM']) {
      expect(register.province(spelling)?.name, spelling).toBe('Hồ Chí Minh');
    }
    expect(register.province('tỉnh Thanh Hóa')).toEqual({ code: '38', kind: 'tỉnh', name: 'Thanh Hoá' });
    expect(register.province('Khánh Hòa')?.code).toBe('56');
    expect(register.province('Đắk Lắk')?.code).toBe('66');
    expect(register.province('1')?.name).toBe('Hà Nội');
    expect(register.province('Hải Dương')).toBeUndefined(); // merged into Hải Phòng in 2025: not a province now
    expect(register.province('32')).toBeUndefined();
  });

  it('finds a unit within its province, whatever the tone placement, with both codes', () => {
    expect(register.unit('xã', 'Kiến Thụy', 'Hải Phòng')).toEqual({
      status: 'found',
      unit: { code: '11680', kind: 'xã', name: 'Kiến Thuỵ', province: { code: '31', kind: 'thành phố', name: 'Hải Phòng' } },
    });
    expect(register.unit('xã', 'KIẾN THỤY', '31')).toMatchObject({ status: 'found', unit: { code: '11680' } });
    expect(register.unit('phường', 'Kiến Thụy', 'Hải Phòng')).toEqual({ status: 'unknown' }); // it is a xã
    expect(register.unit('xã', 'Kiến Thụy', 'Đắk Lắk')).toEqual({ status: 'unknown' });
  });

  it('finds a unique name across the country, with its province', () => {
    const found = register.unit('xã', 'Ea Kar');
    expect(found).toMatchObject({ status: 'found', unit: { code: '24373', province: { code: '66', name: 'Đắk Lắk' } } });
    expect(register.unit('xã', 'Kiến Thụy')).toMatchObject({ status: 'found', unit: { code: '11680', province: { name: 'Hải Phòng' } } });
  });

  it('an đặc khu', () => {
    expect(register.unit('đặc khu', 'Côn Đảo')).toMatchObject({ status: 'found', unit: { code: '26732', province: { code: '79' } } });
    expect(register.unit('đặc khu', 'Phú Quý')).toMatchObject({ status: 'found', unit: { code: '23272', province: { name: 'Lâm Đồng' } } });
    expect(register.unit('xã', 'Côn Đảo')).toEqual({ status: 'unknown' });
  });

  it('a name that several provinces have is ambiguous until the province is given', () => {
    const xa = register.unit('xã', 'Bình Minh');
    expect(xa.status).toBe('ambiguous');
    expect(xa.status === 'ambiguous' && codes(xa.candidates)).toEqual(['Hà Nội 10126', 'Ninh Bình 14623', 'Nghệ An 17515', 'Quảng Ngãi 21085', 'Đồng Nai 26278']);
    const phuong = register.unit('phường', 'Bình Minh');
    expect(phuong.status === 'ambiguous' && codes(phuong.candidates)).toEqual(['Tây Ninh 25480', 'Vĩnh Long 29771']);
    expect(register.unit('xã', 'Bình Minh', 'tỉnh Nghệ An')).toMatchObject({ status: 'found', unit: { code: '17515' } });
    expect(register.unit('phường', 'Tân Phú', 'TP. Hồ Chí Minh')).toMatchObject({ status: 'found', unit: { code: '27031' } });
  });

  it('tone placement joins names but a letter or a tone keeps them apart', () => {
    // "Yên Hoà": xã in Nghệ An and Hà Tĩnh; "Yên Hoa": xã in Tuyên Quang
    const hoa = register.unit('xã', 'Yên Hòa');
    expect(hoa.status === 'ambiguous' && codes(hoa.candidates)).toEqual(['Nghệ An 16909', 'Hà Tĩnh 18682']);
    expect(register.unit('xã', 'Yên Hoa')).toMatchObject({ status: 'found', unit: { code: '02248', province: { name: 'Tuyên Quang' } } });
    // "Mỹ Quý" (Tây Ninh) and "Mỹ Quí" (Đồng Tháp) are two units
    expect(register.unit('xã', 'Mỹ Quý')).toMatchObject({ status: 'found', unit: { code: '27907' } });
    expect(register.unit('xã', 'Mỹ Quí')).toMatchObject({ status: 'found', unit: { code: '30055' } });
    expect(register.unit('phường', 'Hòa Lư')).toEqual({ status: 'unknown' }); // only "Hoa Lư" exists
  });

  it('indexes a register passed in (no file access)', () => {
    const data: RegisterData = {
      about: 'test',
      source: 'test',
      provinces: [{ code: '99', kind: 'tỉnh', name: 'Thử Nghiệm', units: [{ code: '00001', kind: 'phường', name: 'Thuỵ Khuê' }] }],
    };
    const small = indexRegister(data);
    expect(small.unit('phường', 'Thụy Khuê')).toMatchObject({ status: 'found', unit: { code: '00001', province: { code: '99' } } });
    expect(() => indexRegister({ ...data, provinces: [{ ...data.provinces[0]!, kind: 'huyện' }] })).toThrow();
  });

  it('agrees with the counts the file states', () => {
    const data = JSON.parse(readFileSync('data/vn-units-2026.json', 'utf8')) as { counts: Record<string, number> };
    expect(data.counts).toEqual({ provinces: 34, units: 3321, phường: 697, xã: 2611, 'đặc khu': 13 });
    for (const kind of ['xã', 'phường', 'đặc khu'] as const) expect(register.units.filter((u) => u.kind === kind)).toHaveLength(data.counts[kind]!);
    expect(new Set(register.units.map((u) => u.code)).size).toBe(3321);
  });
});

describe('lookup cost', () => {
  it('indexes once, then a lookup is a map access', () => {
    const data = JSON.parse(readFileSync('data/vn-units-2026.json', 'utf8')) as RegisterData;
    let t = performance.now();
    const fresh = indexRegister(data);
    const indexMs = performance.now() - t;
    const names = fresh.units.map((u) => u.name.toUpperCase());
    t = performance.now();
    let found = 0;
    for (let round = 0; round < 10; round++) for (const n of names) if (fresh.unitsNamed(n).length) found++;
    const perLookupUs = ((performance.now() - t) * 1000) / (names.length * 10);
    console.log(`register: indexed in ${indexMs.toFixed(1)} ms; ${perLookupUs.toFixed(2)} µs per lookup (${names.length * 10} lookups)`);
    expect(found).toBe(33_210);
    expect(nationalRegister()).toBe(register); // shared, not rebuilt
    expect(perLookupUs).toBeLessThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { namesSameUnit, type Commune } from '../../src/domain/unit-identity.ts';

/** The units table's view of the demo's Kiến Thụy (no official code there yet) and the register's. */
const row: Commune = { name: 'Kiến Thụy', kind: 'xã', province: 'Hải Phòng', provinceCode: '31' };
const coded: Commune = { ...row, code: '11680' };

describe('namesSameUnit: does an imported file name the signed-in unit?', () => {
  it('the same unit whatever the case or the tone placement', () => {
    expect(namesSameUnit({ ...row, name: 'Kiến Thuỵ' }, row)).toBe(true);
    expect(namesSameUnit({ ...row, name: 'KIẾN THỤY' }, row)).toBe(true);
    expect(namesSameUnit({ name: 'Kiến Thuỵ', kind: 'xã', province: 'Hải Phòng' }, row)).toBe(true); // no province code read
    expect(namesSameUnit({ name: 'Hòa Bình', kind: 'phường', province: 'Thanh Hóa' }, { name: 'Hoà Bình', kind: 'phường', province: 'Thanh Hoá' })).toBe(true);
  });

  it('another unit when a letter or a tone differs (diacritics are not stripped)', () => {
    expect(namesSameUnit({ ...row, name: 'Kiên Thụy' }, row)).toBe(false);
    expect(namesSameUnit({ ...row, name: 'Kiến Thuy' }, row)).toBe(false);
    expect(namesSameUnit({ name: 'Hoa Lư', kind: 'phường', province: 'Ninh Bình' }, { name: 'Hòa Lư', kind: 'phường', province: 'Ninh Bình' })).toBe(false);
  });

  it('another kind or another province is another unit', () => {
    expect(namesSameUnit({ ...row, kind: 'phường' }, row)).toBe(false);
    expect(namesSameUnit({ ...row, province: 'Đắk Lắk', provinceCode: '66' }, row)).toBe(false);
    expect(namesSameUnit({ name: 'Kiến Thụy', kind: 'xã', province: 'Hà Nội' }, row)).toBe(false);
  });

  it('official codes decide when both sides have one', () => {
    expect(namesSameUnit({ ...coded, name: 'Kiến Thuỵ' }, coded)).toBe(true);
    expect(namesSameUnit({ ...coded, code: '11629' }, coded)).toBe(false);
    // The demo's units table has no codes yet: then the names decide.
    expect(namesSameUnit(coded, row)).toBe(true);
  });
});

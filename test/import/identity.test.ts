import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { identify } from '../../src/documents/import/identity.ts';
import { toParagraphs } from '../../src/documents/import/paragraphs.ts';
import { importReport } from '../../src/documents/import/index.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { nationalRegister } from '../../src/domain/national-register.ts';
import type { ImportOptions } from '../../src/documents/import/types.ts';

/** Lines of a document, one paragraph each (as the extractors give table cells). */
const who = (lines: string[], options: ImportOptions = {}) => identify(toParagraphs(lines), options);
const failure = (lines: string[], options: ImportOptions = {}) => {
  try {
    who(lines, options);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('no error');
};

const HEADER_TAIL = ['Số: 45/BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ngày 03 tháng 7 năm 2026', 'BÁO CÁO', 'Tình hình thực hiện kế hoạch năm 2026'];
const KIEN_THUY = { name: 'Kiến Thụy', kind: 'xã', code: '11680', province: 'Hải Phòng', provinceCode: '31' };

describe('the header block', () => {
  it('read from table cells, one paragraph a line, under the province\'s own line', () => {
    const { commune, warnings } = who(['UBND THÀNH PHỐ HẢI PHÒNG', 'ỦY BAN NHÂN DÂN', 'XÃ KIẾN THỤY', '-------', ...HEADER_TAIL, 'Nội dung.']);
    // Written only in capitals: the document's own tone placement (Thụy) is kept, the register's (Thuỵ) is not imposed.
    expect(commune).toEqual(KIEN_THUY);
    expect(warnings).toEqual([]);
  });

  it('"UBND XÃ …" on one line; the unit alone gives the province when its name is unique', () => {
    expect(who(['UBND XÃ KIẾN THUỴ', ...HEADER_TAIL]).commune).toEqual({ ...KIEN_THUY, name: 'Kiến Thuỵ' });
    expect(who(['UBND XÃ EA KAR', ...HEADER_TAIL]).commune).toEqual({ name: 'Ea Kar', kind: 'xã', code: '24373', province: 'Đắk Lắk', provinceCode: '66' });
  });

  it('the name in normal case, where the document writes it so, wins over the capitals', () => {
    const { commune } = who(['UBND XÃ KIẾN THUỴ', ...HEADER_TAIL, 'Ủy ban nhân dân xã Kiến Thụy báo cáo như sau:']);
    expect(commune).toEqual(KIEN_THUY);
  });

  it('a header that a PDF layout ran into the national motto on one line', () => {
    expect(who(['UBND XÃ KIẾN THỤY CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO']).commune).toEqual(KIEN_THUY);
  });

  it('the province above the unit takes the register\'s spelling (Thanh Hoá), the unit keeps the document\'s', () => {
    // xã Quý Lộc, Thanh Hoá: 15412
    const { commune } = who(['UBND TỈNH THANH HÓA', 'UBND XÃ QUÝ LỘC', ...HEADER_TAIL]);
    expect(commune).toEqual({ name: 'Quý Lộc', kind: 'xã', code: '15412', province: 'Thanh Hoá', provinceCode: '38' });
  });
});

describe('the intro, the Kính gửi line, the signature', () => {
  it('a phường after a "Căn cứ …" preamble, its province from the Department\'s name', () => {
    // phường Tân Phú: in Đồng Nai (26116) and in Hồ Chí Minh (27031)
    const { commune } = who([
      'Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân phường về chuyển đổi số;',
      'Căn cứ hướng dẫn của Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh về xây dựng dự toán năm 2027,',
      'Ủy ban nhân dân phường Tân Phú báo cáo tình hình thực hiện năm 2026 như sau:',
    ]);
    expect(commune).toEqual({ name: 'Tân Phú', kind: 'phường', code: '27031', province: 'Hồ Chí Minh', provinceCode: '79' });
  });

  it('"Kính gửi: Sở Khoa học và Công nghệ tỉnh …" settles a name five provinces share', () => {
    const { commune } = who(['Kính gửi: Sở Khoa học và Công nghệ tỉnh Nghệ An', 'Uỷ ban nhân dân xã Bình Minh báo cáo như sau:']);
    expect(commune).toEqual({ name: 'Bình Minh', kind: 'xã', code: '17515', province: 'Nghệ An', provinceCode: '40' });
    const tp = who(['Kính gửi:', '- Sở KH&CN TP. Hồ Chí Minh;', 'UBND phường Tân Phú báo cáo như sau:']).commune;
    expect(tp.code).toBe('27031');
  });

  it('the signature block alone ("TM. ỦY BAN NHÂN DÂN XÃ …")', () => {
    const { commune } = who(['Nội dung báo cáo.', 'TM. ỦY BAN NHÂN DÂN XÃ EA KAR', 'CHỦ TỊCH', 'Nguyễn Văn An']);
    // Capitals only, and the same letters as the register: the register's spelling.
    expect(commune).toEqual({ name: 'Ea Kar', kind: 'xã', code: '24373', province: 'Đắk Lắk', provinceCode: '66' });
  });

  it('a signature laid out in a table: the unit on a line of its own', () => {
    expect(who(['Nội dung báo cáo.', 'TM. ỦY BAN NHÂN DÂN', 'ĐẶC KHU PHÚ QUÝ', 'CHỦ TỊCH', 'Trần Văn Bình']).commune)
      .toEqual({ name: 'Phú Quý', kind: 'đặc khu', code: '23272', province: 'Lâm Đồng', provinceCode: '68' });
  });

  it('an đặc khu named in the intro, its province from the register', () => {
    expect(who(['Ủy ban nhân dân đặc khu Côn Đảo báo cáo kết quả năm 2026 như sau:']).commune)
      .toEqual({ name: 'Côn Đảo', kind: 'đặc khu', code: '26732', province: 'Hồ Chí Minh', provinceCode: '79' });
  });

  it('other units the body names do not displace the one that reports', () => {
    const { commune } = who(['Ủy ban nhân dân xã Kiến Thụy báo cáo như sau:', 'Xã phối hợp với Ủy ban nhân dân xã Tân Phú, UBND phường Hồng An trong công tác chuyển đổi số.']);
    expect(commune).toEqual(KIEN_THUY);
  });

  it('a header and an intro naming different units (a report made from another unit\'s): the header\'s, and a warning at the intro', () => {
    const { commune, warnings } = who(['UBND THÀNH PHỐ HẢI PHÒNG', 'UBND XÃ KIẾN THỤY', ...HEADER_TAIL, 'Ủy ban nhân dân xã An Lão báo cáo như sau:', 'TM. ỦY BAN NHÂN DÂN XÃ KIẾN THUỴ']);
    expect(commune).toEqual(KIEN_THUY);
    expect(warnings).toEqual([expect.objectContaining({ code: 'IMPORT_UNIT_MISMATCH', line: 9, text: 'Ủy ban nhân dân xã An Lão báo cáo như sau:' })]);
    expect(warnings[0]?.message).toContain('xã An Lão');
    // The same unit in other capitals or tone placement is no mismatch.
    expect(who(['UBND XÃ KIẾN THUỴ', ...HEADER_TAIL, 'Ủy ban nhân dân xã Kiến Thụy báo cáo như sau:', 'TM. ỦY BAN NHÂN DÂN XÃ KIẾN THỤY']).warnings).toEqual([]);
  });

  it('names with a dash or an apostrophe, whatever dash or apostrophe the document uses', () => {
    expect(who(['Ủy ban nhân dân phường Văn Miếu – Quốc Tử Giám báo cáo như sau:']).commune)
      .toEqual({ name: 'Văn Miếu – Quốc Tử Giám', kind: 'phường', code: '00226', province: 'Hà Nội', provinceCode: '01' });
    expect(who(['UBND xã Cư M’gar báo cáo như sau:']).commune).toMatchObject({ name: 'Cư M’gar', code: '24280', province: 'Đắk Lắk' });
  });

  it('decomposed Unicode (NFD) reads the same', () => {
    const lines = ['Ủy ban nhân dân xã Kiến Thụy, thành phố Hải Phòng báo cáo như sau:'.normalize('NFD')];
    expect(who(lines).commune).toEqual(KIEN_THUY);
  });
});

describe('a name that several provinces have', () => {
  const lines = ['Ủy ban nhân dân xã Bình Minh báo cáo tình hình thực hiện năm 2026 như sau:'];

  it('with no province anywhere: a coded error listing the candidates and their provinces', () => {
    const e = failure(lines);
    expect(e.code).toBe('IMPORT_UNIT_AMBIGUOUS');
    expect(e.message).toContain('xã Bình Minh');
    for (const p of ['thành phố Hà Nội', 'tỉnh Ninh Bình', 'tỉnh Nghệ An', 'tỉnh Quảng Ngãi', 'thành phố Đồng Nai']) expect(e.message).toContain(p);
    expect(e.message).toContain('hãy chọn tỉnh, thành phố');
    expect((e.details as { candidates: { code: string; province: string }[] }).candidates.map((c) => `${c.province} ${c.code}`))
      .toEqual(['Hà Nội 10126', 'Ninh Bình 14623', 'Nghệ An 17515', 'Quảng Ngãi 21085', 'Đồng Nai 26278']);
  });

  it('the province chosen by name or by code settles it', () => {
    expect(who(lines, { province: 'Quảng Ngãi' }).commune).toEqual({ name: 'Bình Minh', kind: 'xã', code: '21085', province: 'Quảng Ngãi', provinceCode: '51' });
    expect(who(lines, { province: '40' }).commune.code).toBe('17515');
    expect(who(lines, { province: 'tỉnh Ninh Bình' }).commune.code).toBe('14623');
  });

  it('a province the body names in passing is enough when it has the unit', () => {
    expect(who(['Ủy ban nhân dân xã Yên Hòa, tỉnh Hà Tĩnh báo cáo như sau:']).commune)
      .toEqual({ name: 'Yên Hòa', kind: 'xã', code: '18682', province: 'Hà Tĩnh', provinceCode: '42' });
  });

  it('tone placement joins, a tone or a letter separates: "Yên Hoa" is another unit', () => {
    expect(who(['Ủy ban nhân dân xã Yên Hoa báo cáo như sau:']).commune)
      .toEqual({ name: 'Yên Hoa', kind: 'xã', code: '02248', province: 'Tuyên Quang', provinceCode: '08' });
    expect(failure(['Ủy ban nhân dân xã Yên Hoà báo cáo như sau:']).code).toBe('IMPORT_UNIT_AMBIGUOUS');
  });
});

describe('a unit the register does not have', () => {
  it('is kept as read, without a code, with a warning — not a failure', () => {
    const { commune, warnings } = who(['Căn cứ hướng dẫn của Sở Khoa học và Công nghệ thành phố Hà Nội,', 'Ủy ban nhân dân xã Hòa Lạc Đông báo cáo như sau:']);
    expect(commune).toEqual({ name: 'Hòa Lạc Đông', kind: 'xã', province: 'Hà Nội', provinceCode: '01' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'IMPORT_UNIT_UNKNOWN', line: 2 })]);
    expect(warnings[0]?.message).toContain('xã Hòa Lạc Đông');
  });

  it('a unit named under another province than its own: kept as read, and the warning says where the name exists', () => {
    const { commune, warnings } = who(['UBND TỈNH ĐẮK LẮK', 'UBND XÃ KIẾN THỤY', ...HEADER_TAIL]);
    expect(commune).toEqual({ name: 'Kiến Thụy', kind: 'xã', province: 'Đắk Lắk', provinceCode: '66' });
    expect(warnings.map((w) => w.code)).toEqual(['IMPORT_UNIT_UNKNOWN']);
    expect(warnings[0]?.message).toContain('thành phố Hải Phòng');
  });

  it('a kind the register does not give that name is unknown too ("phường Kiến Thụy")', () => {
    const { commune, warnings } = who(['Ủy ban nhân dân phường Kiến Thụy, thành phố Hải Phòng báo cáo như sau:']);
    expect(commune).toEqual({ name: 'Kiến Thụy', kind: 'phường', province: 'Hải Phòng', provinceCode: '31' });
    expect(warnings[0]?.message).toContain('xã Kiến Thuỵ');
  });

  it('with no province at all: IMPORT_NO_PROVINCE; with no unit at all: IMPORT_NOT_REPORT', () => {
    expect(failure(['Ủy ban nhân dân xã Hòa Lạc Đông báo cáo như sau:']).code).toBe('IMPORT_NO_PROVINCE');
    expect(who(['Ủy ban nhân dân xã Hòa Lạc Đông báo cáo như sau:'], { province: 'Hải Phòng' }).commune.provinceCode).toBe('31');
    expect(failure(['Danh sách mua sắm:', '- gạo']).code).toBe('IMPORT_NOT_REPORT');
  });
});

describe('through the importer', () => {
  const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');

  it('the seed names xã Kiến Thụy with its official code, as the document writes its name', async () => {
    const { report } = await importReport(new TextEncoder().encode(seed), 'seed.txt');
    expect(report.commune).toEqual(KIEN_THUY);
  });

  it('a name shared by several provinces, in a report that names none: IMPORT_UNIT_AMBIGUOUS, settled by the chosen province', async () => {
    const other = seed.replaceAll('Kiến Thụy', 'Bình Minh').replace(/Căn cứ hướng dẫn của Sở Khoa học và Công nghệ thành phố Hải Phòng[^\n]*\n/u, '');
    const bytes = new TextEncoder().encode(other);
    await expect(importReport(bytes, 'r.txt')).rejects.toMatchObject({ code: 'IMPORT_UNIT_AMBIGUOUS' });
    const { report } = await importReport(bytes, 'r.txt', { province: '37' });
    expect(report.commune).toEqual({ name: 'Bình Minh', kind: 'xã', code: '14623', province: 'Ninh Bình', provinceCode: '37' });
  });
});

describe('khcn import --province', () => {
  const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'khcn-identity-')), 'binh-minh.txt');
  writeFileSync(file, seed.replaceAll('Kiến Thụy', 'Bình Minh').replace(/Căn cứ hướng dẫn của Sở Khoa học và Công nghệ thành phố Hải Phòng[^\n]*\n/u, ''));
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import', file, ...args], { out: (t: string) => out.push(t), err: (t: string) => err.push(t) });
    return { code, out: out.join(''), err: err.join('') };
  };

  it('accepts a province code as well as a name', async () => {
    for (const province of ['37', 'Ninh Bình', 'tỉnh Ninh Bình', 'TỈNH NINH BÌNH']) {
      const r = await run('--province', province);
      expect(r.code, province).toBe(0);
      expect((JSON.parse(r.out) as { commune: unknown }).commune).toEqual({ name: 'Bình Minh', kind: 'xã', code: '14623', province: 'Ninh Bình', provinceCode: '37' });
    }
  });

  it('without it, the ambiguity is a coded error naming the candidates; an unknown province is refused', async () => {
    const ambiguous = await run();
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('IMPORT_UNIT_AMBIGUOUS');
    expect(ambiguous.err).toContain('tỉnh Ninh Bình');
    const unknown = await run('--province', '32');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('IMPORT_PROVINCE_UNKNOWN');
  });

  it('khcn check takes it too', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await main(['check', file, '--json'], io)).toBe(2);
    expect(out.join('')).toContain('IMPORT_UNIT_AMBIGUOUS');
    out.length = 0;
    // An Giang has no xã Bình Minh: read, with the unit unknown there.
    expect(await main(['check', file, '--json', '--province', '91'], io)).toBe(1);
    const codes = (JSON.parse(out.join('')) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).toContain('IMPORT_UNIT_UNKNOWN');
    out.length = 0;
    // Nghệ An has one: the seed's three dossier mismatches, nothing about the unit.
    expect(await main(['check', file, '--json', '--province', 'Nghệ An'], io)).toBe(1);
    expect((JSON.parse(out.join('')) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
  });
});

describe('lookup cost', () => {
  it('the register is indexed once; a long document is read in linear time', () => {
    const register = nationalRegister();
    const lines = ['UBND XÃ KIẾN THỤY', 'BÁO CÁO', ...Array.from({ length: 2000 }, (_, i) => `Ủy ban nhân dân xã Tân Phú phối hợp với UBND phường Hồng An, thành phố Hải Phòng triển khai nội dung ${i}.`)];
    const paragraphs = toParagraphs(lines);
    identify(paragraphs); // warm
    const t = performance.now();
    const rounds = 5;
    for (let i = 0; i < rounds; i++) identify(paragraphs);
    const ms = (performance.now() - t) / rounds;
    console.log(`identify: ${ms.toFixed(1)} ms for ${paragraphs.length} paragraphs, each naming two units and a province`);
    expect(nationalRegister()).toBe(register);
    expect(ms).toBeLessThan(500);
  });

  it('a hostile document (20.000 long lines full of unit and province names) is searched in bounded time', () => {
    const filler = 'Ủy ban nhân dân xã Tân Phú, UBND phường Hồng An, xã Bình Minh, Sở Khoa học và Công nghệ tỉnh Nghệ An, thành phố Hải Phòng; '.repeat(40);
    const lines = [
      'UBND XÃ KIẾN THỤY', 'BÁO CÁO', 'Căn cứ hướng dẫn của Sở Khoa học và Công nghệ thành phố Hải Phòng,',
      ...Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? 'XÃ TÂN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : i % 3 === 1 ? `Kính gửi: ${filler}` : filler)),
    ];
    const paragraphs = toParagraphs(lines);
    const t = performance.now();
    const { commune } = identify(paragraphs);
    const ms = performance.now() - t;
    console.log(`identify, hostile: ${ms.toFixed(0)} ms for ${paragraphs.length} paragraphs of ${filler.length} characters`);
    expect(commune).toEqual(KIEN_THUY);
    expect(ms).toBeLessThan(1_000);
  });
});

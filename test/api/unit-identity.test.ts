import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { docxParagraphs, unzip } from '../documents/render-helpers.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 13, point 7: a PUT naming another kind, code and province was accepted and the DOCX then
 * read "ỦY BAN NHÂN DÂN PHƯỜNG KIẾN THỤY". The unit's identity is the register's (units and
 * provinces tables), written by the server on every save and into the import preview.
 */
const databases = await testDatabases();

interface Loaded { report: Report; meta: { version: number } }
const KIEN_THUY = { name: 'Kiến Thụy', kind: 'xã', province: 'Hải Phòng', provinceCode: '31' };

function upload(app: FastifyInstance, c: Client, name: string, text: string) {
  const boundary = '----khcn-identity';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: '/api/reports/import', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

describe.each(databases)('unit identity from the register on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let reviewer: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [officer, reviewer] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'so.chuyenvien')]);
    reportId = ((await officer.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async () => (await officer.request('GET', `/api/reports/${reportId}`)).json() as Loaded;
  const put = async (commune: unknown) => {
    const { report, meta } = await load();
    return officer.request('PUT', `/api/reports/${reportId}`, { ...report, commune }, { 'if-match': String(meta.version) });
  };
  const storedCommune = async () => {
    const row = await t.store.db.selectFrom('reports').select(['body', 'version']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const version = await t.store.db.selectFrom('report_versions').select('body').where('report_id', '=', reportId).where('version', '=', row.version).executeTakeFirstOrThrow();
    return [(JSON.parse(row.body) as Report).commune, (JSON.parse(version.body) as Report).commune];
  };

  it('saves the register’s kind, name, codes and province whatever the body says; the DOCX names the real unit', async () => {
    const res = await put({ name: 'Kiến Thụy', kind: 'phường', code: '99999', province: 'Hà Nội', provinceCode: '01' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Loaded).report.commune).toEqual(KIEN_THUY);
    expect((await load()).report.commune).toEqual(KIEN_THUY);
    expect(await storedCommune()).toEqual([KIEN_THUY, KIEN_THUY]);

    const docx = await reviewer.request('GET', `/api/reports/${reportId}/document.docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxParagraphs(unzip(new Uint8Array(docx.rawPayload))['word/document.xml']!).map((p) => p.text).join('\n');
    expect(text).toContain('XÃ KIẾN THỤY');
    expect(text).toContain('Ủy ban nhân dân xã Kiến Thụy báo cáo');
    expect(text).not.toMatch(/PHƯỜNG KIẾN THỤY|phường Kiến Thụy|Hà Nội|99999/);
  });

  it('keeps the spelling of the register (Kiến Thụy, as its own documents write it) over another tone placement or another unit’s name', async () => {
    for (const name of ['Kiến Thuỵ', 'KIẾN THỤY', 'An Lão']) {
      const res = await put({ name, kind: 'xã', province: 'Hải Phòng' });
      expect(res.statusCode, name).toBe(200);
      expect((res.json() as Loaded).report.commune, name).toEqual(KIEN_THUY);
    }
    expect(await storedCommune()).toEqual([KIEN_THUY, KIEN_THUY]);
  });

  it('takes the unit code from the register when it has one, and drops a code it does not', async () => {
    await t.store.db.updateTable('units').set({ code: '11680' }).where('name', '=', 'Kiến Thụy').execute();
    try {
      const res = await put({ ...KIEN_THUY, code: '99999' });
      expect((res.json() as Loaded).report.commune).toEqual({ ...KIEN_THUY, code: '11680' });
    } finally {
      await t.store.db.updateTable('units').set({ code: null }).where('name', '=', 'Kiến Thụy').execute();
    }
    const res = await put({ ...KIEN_THUY, code: '11680' });
    expect((res.json() as Loaded).report.commune).toEqual(KIEN_THUY);
  });

  it('still refuses other years (the cycle fixes them)', async () => {
    const { report, meta } = await load();
    const res = await officer.request('PUT', `/api/reports/${reportId}`, { ...report, planYear: 2030, reportYear: 2029 }, { 'if-match': String(meta.version) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REPORT_YEARS');
  });

  it('previews an import of another unit’s file as the commune’s own report, and says so', async () => {
    const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');
    const own = await upload(app, officer, 'bao-cao.txt', seed);
    expect(own.statusCode).toBe(200);
    expect(own.json().report.commune).toEqual(KIEN_THUY);
    expect(own.json().warnings.map((w: { code: string }) => w.code)).not.toContain('IMPORT_OTHER_UNIT');

    const foreign = seed.replace(/Kiến Thụy/g, 'Đồ Sơn').replace(/KIẾN THỤY/g, 'ĐỒ SƠN').replace(/xã Đồ Sơn/g, 'phường Đồ Sơn').replace(/XÃ ĐỒ SƠN/g, 'PHƯỜNG ĐỒ SƠN');
    const other = await upload(app, officer, 'do-son.txt', foreign);
    expect(other.statusCode).toBe(200);
    const body = other.json() as { report: Report; warnings: { code: string; message: string; line: number }[] };
    expect(body.report.commune).toEqual(KIEN_THUY);
    expect(body.warnings[0]).toMatchObject({ code: 'IMPORT_OTHER_UNIT', line: 0 });
    expect(body.warnings[0]!.message).toBe('Tệp ghi đơn vị "phường Đồ Sơn, Hải Phòng"; nội dung được nhập vào báo cáo của xã Kiến Thụy, Hải Phòng theo danh mục đơn vị.');
  });

  it('compares names by their letters and tones, not without diacritics; the commune\'s province settles a shared name', async () => {
    const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');
    const codes = async (text: string) => {
      const res = await upload(app, officer, 'bao-cao.txt', text);
      expect(res.statusCode).toBe(200);
      return (res.json() as { report: Report; warnings: { code: string }[] });
    };
    // The register's tone placement ("Thuỵ") is the same unit.
    expect((await codes(seed.replace(/xã Kiến Thụy/g, 'xã Kiến Thuỵ'))).warnings.map((w) => w.code)).not.toContain('IMPORT_OTHER_UNIT');
    // "Kiên Thụy" is another name (searchKey would have called it the same).
    expect((await codes(seed.replace(/Kiến Thụy/g, 'Kiên Thụy'))).warnings.map((w) => w.code)).toContain('IMPORT_OTHER_UNIT');
    // A name five provinces share, in a file that names no province: read with the commune's
    // province (no IMPORT_UNIT_AMBIGUOUS refusal), then named as the commune's own unit.
    const shared = seed.replaceAll('Kiến Thụy', 'Bình Minh').replace(/Căn cứ hướng dẫn của Sở Khoa học và Công nghệ thành phố Hải Phòng[^\n]*\n/u, '');
    const body = await codes(shared);
    expect(body.report.commune).toEqual(KIEN_THUY);
    expect(body.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['IMPORT_OTHER_UNIT', 'IMPORT_UNIT_UNKNOWN']));
  });
});

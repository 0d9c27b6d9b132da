import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { libreOfficeConvert } from './office-helpers.ts';

/**
 * The upload route takes .docx, .doc, .odt, .pdf and .txt; what a file is comes from its bytes
 * (a PDF named .docx is read as a PDF), and the reading runs in the import worker pool.
 */
describe('POST /api/reports/import accepts Word, OpenDocument, PDF and text', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  const seedPdf = libreOfficeConvert(readFileSync('test/fixtures/seed-kien-thuy-2026.txt'), 'seed.txt', 'pdf', 'Text (encoded):UTF8,LF,Times New Roman,vi');

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    await seedDemo(t.store);
    app = await testApp(t.store);
    officer = await signIn(app, 'kienthuy.canbo');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const upload = (filename: string, bytes: Uint8Array, type = 'application/octet-stream') => {
    const boundary = '----khcn';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: '/api/reports/import', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  it('reads the seed printed to PDF, whatever the name and the declared type say', async () => {
    for (const [name, type] of [
      ['bao-cao.pdf', 'application/pdf'],
      ['BAO-CAO.PDF', 'application/octet-stream'],
      ['doi-ten.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const res = await upload(name, seedPdf, type);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { report: { commune: { name: string } }; findings: { code: string }[]; lines: string[] };
      expect(body.report.commune.name).toBe('Kiến Thụy');
      expect(body.findings.map((f) => f.code)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
    }
  }, 60_000);

  it('refuses other names with the list of accepted types, and a text named .pdf with its code', async () => {
    const png = await upload('anh.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(png.statusCode).toBe(415);
    expect(png.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FILE' } });
    expect(JSON.stringify(png.json())).toMatch(/\.docx, \.doc\).*\.odt.*\.pdf.*\.txt/);
    const text = await upload('doi-ten.pdf', new TextEncoder().encode('BÁO CÁO\nkhông phải PDF'));
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ error: { code: 'IMPORT_PDF_INVALID' } });
  }, 60_000);
});

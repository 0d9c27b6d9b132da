import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { colspanDocx, nestedTablesDocx, noisePdf, pdfBomb, run } from './hostile-files.ts';
import { libreOfficeConvert } from './office-helpers.ts';

/**
 * Issue 12's acceptance through HTTP: each bad file uploaded to POST /api/reports/import answers
 * 4xx with its code (never 5xx), and hostile uploads read in the import pool do not stall the
 * thread that answers everyone else (/api/health within a second while two of them run).
 */
describe('POST /api/reports/import with hostile files', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;

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

  const upload = (filename: string, bytes: Uint8Array) => {
    const boundary = '----khcn-hostile';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: '/api/reports/import', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  /** Uploads and returns the status and error code ('' when read). */
  const answer = async (filename: string, bytes: Uint8Array) => {
    const started = performance.now();
    const res = await upload(filename, bytes);
    const body = res.json() as { error?: { code: string; message: string } };
    return { status: res.statusCode, code: body.error?.code ?? '', message: body.error?.message ?? '', ms: performance.now() - started };
  };

  it('each bad file: 4xx with its code and a Vietnamese message, never 5xx', async () => {
    const encrypted = libreOfficeConvert(
      new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('BÁO CÁO bí mật năm 2026')] }] }))),
      'mat-khau.docx',
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"123456"}}',
    );
    const cases: [string, Uint8Array, string[]][] = [
      ['rac.docx', new Uint8Array(randomBytes(2 * 1024 * 1024)), ['IMPORT_DOCX_INVALID']],
      ['bom-zip.docx', zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 }), ['IMPORT_ZIP_BOMB']],
      ['bom-nen.pdf', await pdfBomb(), ['IMPORT_PDF_TOO_COMPLEX', 'IMPORT_TOO_LONG', 'IMPORT_PDF_INVALID', 'IMPORT_NOT_REPORT']],
      ['mat-khau.pdf', encrypted, ['IMPORT_PDF_ENCRYPTED']],
      ['hong.pdf', strToU8('%PDF-1.7\n' + run('rác ', 50_000)), ['IMPORT_PDF_INVALID']],
      ['rong.txt', new Uint8Array(0), ['IMPORT_EMPTY']],
      ['qua-dai.txt', strToU8(Array.from({ length: 60 }, () => run('1 triệu đồng ', 19_000)).join('\n')), ['IMPORT_NOT_REPORT']],
      ['nhi-phan.txt', strToU8('BÁO CÁO\u0000\u0001'), ['IMPORT_BINARY']],
    ];
    const figures: string[] = [];
    for (const [name, bytes, codes] of cases) {
      const r = await answer(name, bytes);
      figures.push(`${name}: ${r.status} ${r.code} ${Math.round(r.ms)} ms`);
      expect(r.status, `${name}: ${r.code} ${r.message}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${name}: ${r.code} ${r.message}`).toBeLessThan(500);
      expect(codes, name).toContain(r.code);
      expect(r.message).toMatch(/[ăâđêôơưáàảãạệếềểễ]/u);
    }
    if (process.env.KHCN_TEST_FIGURES) console.info(figures.join('\n'));
  }, 120_000);

  it('files that read as something (noise PDF, hostile tables): 200 or 4xx, never 5xx', async () => {
    for (const [name, bytes] of [['nhieu.pdf', noisePdf()], ['long-bang.docx', nestedTablesDocx()], ['gop-cot.docx', colspanDocx()]] as const) {
      const r = await answer(name, bytes);
      if (process.env.KHCN_TEST_FIGURES) console.info(`${name}: ${r.status} ${r.code} ${Math.round(r.ms)} ms`);
      expect(r.status === 200 || (r.status >= 400 && r.status < 500), `${name}: ${r.status} ${r.code} ${r.message}`).toBe(true);
    }
  }, 120_000);

  it('two hostile uploads at once: /api/health keeps answering within a second', async () => {
    const health: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const started = performance.now();
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        health.push(performance.now() - started);
        expect(res.statusCode).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // A 4 KB DOCX of nested tables and a PDF decompression bomb; then 19.000 lines of text,
    // whose preview (lines, warnings) is the largest answer the main thread serialises.
    const report = readFileSync(new URL('../fixtures/corpus/hand-xa-cai-be-2026.txt', import.meta.url), 'utf8').split(/\r?\n/);
    const at = report.findIndex((l) => l.startsWith('2) Dự toán'));
    const lines = strToU8([...report.slice(0, at + 1), ...Array.from({ length: 19_000 }, (_, i) => `• Mục ${i}: ${i + 1} triệu đồng;`), ...report.slice(at + 1)].join('\n'));
    const [a, b] = await Promise.all([answer('long-bang.docx', nestedTablesDocx()), answer('bom-nen.pdf', await pdfBomb())]);
    const c = await answer('dong.txt', lines);
    running = false;
    await poll;
    for (const r of [a, b]) expect(r.status).toBeLessThan(500);
    expect(c.status).toBe(200);
    const worst = Math.max(...health);
    if (process.env.KHCN_TEST_FIGURES) console.info(`health: ${health.length} answers, worst ${Math.round(worst)} ms; uploads ${[a, b, c].map((r) => `${r.status} ${r.code} ${Math.round(r.ms)} ms`).join(', ')}`);
    expect(health.length).toBeGreaterThan(3);
    expect(worst).toBeLessThan(1000);
  }, 120_000);
});

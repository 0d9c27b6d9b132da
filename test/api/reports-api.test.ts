import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

const databases = await testDatabases();

interface Loaded { report: Report; meta: { id: string; version: number; status: string; contentHash: string | null; canEdit: boolean; canSubmit: boolean } }

describe.each(databases)('reports API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let chairman: Client;
  let otherOfficer: Client;
  let reviewer: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [officer, chairman, otherOfficer, reviewer] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'kienthuy.chutich'), signIn(app, 'anlao.canbo'), signIn(app, 'so.chuyenvien')]);
    const list = (await officer.request('GET', '/api/reports')).json() as { items: { id: string }[] };
    expect(list.items).toHaveLength(1);
    reportId = list.items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async (c: Client) => (await c.request('GET', `/api/reports/${reportId}`)).json() as Loaded;

  it('answers health with the database kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: kind, demo: true });
  });

  it('refuses wrong passwords with a Vietnamese coded error and sets an HttpOnly, SameSite cookie on success', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kienthuy.canbo', password: 'sai' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('LOGIN_FAILED');
    expect(bad.json().error.message).toMatch(/không đúng/);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kienthuy.canbo', password: 'demo2026' } });
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('shows Kiến Thụy the seed report with its checks', async () => {
    const { report, meta } = await load(officer);
    expect(report.commune.name).toBe('Kiến Thụy');
    expect(meta.canEdit).toBe(true);
    expect(meta.canSubmit).toBe(false);
    const checks = (await officer.request('GET', `/api/reports/${reportId}/checks`)).json() as { findings: { code: string }[] };
    expect(checks.findings.map((f) => f.code)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
  });

  it('hides another commune’s report (404 whatever the id)', async () => {
    for (const c of [otherOfficer]) {
      expect((await c.request('GET', `/api/reports/${reportId}`)).statusCode).toBe(404);
      expect((await c.request('GET', `/api/reports/${reportId}/document.docx`)).statusCode).toBe(404);
      const { report } = await load(officer);
      expect((await c.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': '1' })).statusCode).toBe(404);
    }
    expect((await officer.request('GET', '/api/reports/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const { report, meta } = await load(officer);
    const res = await app.inject({ method: 'PUT', url: `/api/reports/${reportId}`, headers: { cookie: officer.cookie, 'if-match': String(meta.version) }, payload: report });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('saves with If-Match, refuses a stale version with 409 and changes nothing', async () => {
    const { report, meta } = await load(officer);
    report.implementation.dossiers.receivedInPeriod = 6609;
    const saved = await officer.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().meta.version).toBe(meta.version + 1);
    report.implementation.dossiers.carriedOver = 999;
    const stale = await chairman.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.currentVersion).toBe(meta.version + 1);
    const after = await load(officer);
    expect(after.report.implementation.dossiers.carriedOver).toBe(188);
    expect(after.meta.version).toBe(meta.version + 1);
  });

  it('never loses an update when two sessions save at once', async () => {
    const { report, meta } = await load(officer);
    const a = structuredClone(report);
    const b = structuredClone(report);
    a.document.number = 'A/BC-UBND';
    b.document.number = 'B/BC-UBND';
    const [ra, rb] = await Promise.all([
      officer.request('PUT', `/api/reports/${reportId}`, a, { 'if-match': String(meta.version) }),
      chairman.request('PUT', `/api/reports/${reportId}`, b, { 'if-match': String(meta.version) }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const winner = ra.statusCode === 200 ? 'A/BC-UBND' : 'B/BC-UBND';
    expect((await load(officer)).report.document.number).toBe(winner);
    const versions = await t.store.db.selectFrom('report_versions').select('version').where('report_id', '=', reportId).execute();
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  it('refuses bad bodies with coded 4xx errors, never a 500', async () => {
    const { report, meta } = await load(officer);
    const put = (body: unknown, headers: Record<string, string> = {}) => officer.request('PUT', `/api/reports/${reportId}`, body, { 'if-match': String(meta.version), ...headers });
    const negative = structuredClone(report);
    negative.plan.budget[0]!.children[0]!.amount = -1;
    const r1 = await put(negative);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.code).toBe('VALIDATION');
    expect(r1.json().error.message).toMatch(/âm/);
    const r2 = await put({ ...report, unknownField: 1 });
    expect(r2.statusCode).toBe(400);
    const r3 = await app.inject({ method: 'PUT', url: `/api/reports/${reportId}`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'if-match': '1', 'content-type': 'application/json' }, payload: '{"broken":' });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.code).toMatch(/INVALID_JSON|BAD_REQUEST/);
    const big = await app.inject({ method: 'PUT', url: `/api/reports/${reportId}`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'if-match': '1', 'content-type': 'application/json' }, payload: `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}` });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
    const r5 = await put(report, { 'if-match': 'abc' });
    expect(r5.statusCode).toBe(400);
    const r6 = await put({ ...report, reportYear: 'hai nghìn' });
    expect(r6.statusCode).toBe(400);
  });

  it('refuses to submit while errors remain, then submits, freezes and hashes', async () => {
    let { report, meta } = await load(chairman);
    const officerTry = await officer.request('POST', `/api/reports/${reportId}/submit`, {}, { 'if-match': String(meta.version) });
    expect(officerTry.statusCode).toBe(403);
    // receivedInPeriod was corrected to 6.609 above; a wrong total keeps DOSSIER_TOTAL failing.
    report.implementation.dossiers.total = 7000;
    await chairman.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) });
    const refused = await chairman.request('POST', `/api/reports/${reportId}/submit`, {}, { 'if-match': String(meta.version + 1) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CHECKS_FAILED');
    expect(refused.json().error.findings.map((f: { code: string }) => f.code)).toContain('DOSSIER_TOTAL');
    ({ report, meta } = await load(chairman));
    report.implementation.dossiers.total = 6797;
    report.implementation.dossiers.pendingOnTime = 69;
    // The paragraph that states the figures follows them, or TEXT_FIGURE_MISMATCH blocks the submit.
    report.implementation.results.digital[0] = report.implementation.results.digital[0]!.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ');
    await chairman.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) });
    const submitted = await chairman.request('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(meta.version + 1) });
    expect(submitted.statusCode).toBe(200);
    const after = await load(officer);
    expect(after.meta.status).toBe('submitted');
    expect(after.meta.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.meta.canEdit).toBe(false);
    const locked = await officer.request('PUT', `/api/reports/${reportId}`, after.report, { 'if-match': String(after.meta.version) });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('REPORT_LOCKED');
    const reviewerView = await reviewer.request('GET', `/api/reports/${reportId}`);
    expect(reviewerView.json().meta.contentHash).toBe(after.meta.contentHash);
  });

  it('keeps every version, compares two, and the audit chain verifies', async () => {
    const versions = (await officer.request('GET', `/api/reports/${reportId}/versions`)).json() as { items: { version: number; action: string }[] };
    expect(versions.items[0]!.action).toBe('submit');
    expect(versions.items.at(-1)!.version).toBe(1);
    const diff = (await officer.request('GET', `/api/reports/${reportId}/diff?from=1&to=${versions.items[0]!.version}`)).json() as { changes: { path: string }[] };
    expect(diff.changes.map((c) => c.path)).toContain('implementation.dossiers.receivedInPeriod');
    expect((await verifyAudit(t.store)).ok).toBe(true);
  });

  it('serves the documents with Vietnamese file names', async () => {
    const docx = await officer.request('GET', `/api/reports/${reportId}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const xlsx = await officer.request('GET', `/api/reports/${reportId}/appendix.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('previews an import without saving', async () => {
    const text = readFileSync('test/fixtures/seed-kien-thuy-2026.txt');
    const boundary = '----khcn';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      text,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/reports/import', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.commune.name).toBe('Kiến Thụy');
    expect(body.findings.map((f: { code: string }) => f.code)).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
  });
});

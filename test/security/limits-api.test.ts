import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report-schema.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { reportWithDepth, reportWithLines } from '../helpers/limit-reports.ts';
import { buildWorld, type World } from './world.ts';

/**
 * Issue 13, points 1, 2, 9, 11 and 13 over HTTP, on SQLite and PostgreSQL: the domain limits and
 * the text rule answer 4xx with their code, identically on both databases, and a refused save
 * writes nothing.
 */
const databases = await testDatabases();

interface Loaded { report: Report; meta: { version: number; status: string } }

describe.each(databases)('limits and text hygiene over the API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: World;
  let officer: Client;
  let reviewer: Client;
  let admin: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    world = await buildWorld(t.store);
    app = await testApp(t.store);
    [officer, reviewer, admin] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'so.chuyenvien'), signIn(app, 'so.quantri')]);
    reportId = world.hp.own.reportId;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async () => (await officer.request('GET', `/api/reports/${reportId}`)).json() as Loaded;
  const versions = async () => ((await officer.request('GET', `/api/reports/${reportId}/versions`)).json() as { items: unknown[] }).items.length;
  const put = async (report: unknown, version?: number) =>
    officer.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(version ?? (await load()).meta.version) });
  /** Refused with `status` and `code`, and nothing written: same version, same body, same history. */
  async function refusedUnchanged(send: () => Promise<{ statusCode: number; body: string }>, status: number, code: string) {
    const before = await load();
    const count = await versions();
    const res = await send();
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    const error = (JSON.parse(res.body) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[ạảãàáâậầấẩẫăặằắẳẵđêệềếểễôộồốổỗơợờớởỡưựừứửữ]/);
    expect(await load()).toEqual(before);
    expect(await versions()).toBe(count);
    return error;
  }
  const withTitle = (title: string): Report => {
    const r = reportWithLines(3);
    r.plan.budget[0]!.children[0]!.title = title;
    return r;
  };

  it('a budget 6 deep is saved; 7, 850 and 100.000 deep are a 400 BUDGET_TOO_DEEP, never a 500, and nothing is written', async () => {
    expect((await put(reportWithDepth(6))).statusCode).toBe(200);
    await refusedUnchanged(() => put(reportWithDepth(7)), 400, 'BUDGET_TOO_DEEP');
    await refusedUnchanged(() => put(reportWithDepth(850)), 400, 'BUDGET_TOO_DEEP');
    // 100.000 levels of the smallest possible node fit under the 2 MB body limit (1,4 MB).
    const { meta } = await load();
    const body = JSON.stringify(reportWithLines(1)).replace('"budget":[', `"budget":[${'{"children":['.repeat(100_000)}${']}'.repeat(100_000)},`);
    expect(body.length).toBeLessThan(2 * 1024 * 1024);
    await refusedUnchanged(() => officer.request('PUT', `/api/reports/${reportId}`, body, { 'if-match': String(meta.version), 'content-type': 'application/json' }), 400, 'BUDGET_TOO_DEEP');
  });

  it('2.000 budget lines are saved (checks and diff capped); the 2.001st is a 400 BUDGET_TOO_MANY_LINES', async () => {
    const largest = reportWithLines(1500, 500);
    for (const g of largest.plan.budget) for (const l of g.children) l.amount = 0;
    const saved = await put(largest);
    expect(saved.statusCode).toBe(200);
    const version = (saved.json() as Loaded).meta.version;
    // Part II: 3 groups of 1 + 499 leaves, 1.497 leaves without an amount: 1.497 warnings and more; the answer lists 500 and counts the rest.
    const { findings } = (await officer.request('GET', `/api/reports/${reportId}/checks`)).json() as { findings: { code: string; message: string }[] };
    expect(findings).toHaveLength(501);
    expect(findings[500]?.code).toBe('FINDINGS_TRUNCATED');
    expect(findings[500]?.message).toMatch(/^… và \d{1,3}(\.\d{3})* (lỗi|cảnh báo)/);
    for (const g of largest.plan.budget) for (const l of g.children) l.amount = 3_000_000;
    expect((await put(largest, version)).statusCode).toBe(200);
    const { changes } = (await officer.request('GET', `/api/reports/${reportId}/diff?from=${version}&to=${version + 1}`)).json() as { changes: { kind: string; label: string; count?: number }[] };
    expect(changes).toHaveLength(1001);
    expect(changes[1000]).toMatchObject({ kind: 'omitted', count: 497, label: '… và 497 thay đổi khác (chỉ hiện 1.000 thay đổi đầu)' });
    const error = await refusedUnchanged(() => put(reportWithLines(1501, 500)), 400, 'BUDGET_TOO_MANY_LINES');
    expect(error.message).toContain('Báo cáo có 2.001 dòng dự toán');
  });

  it('texts at their maximum are saved, one character more is a 400 TEXT_TOO_LONG', async () => {
    expect((await put(withTitle('x'.repeat(2000)))).statusCode).toBe(200);
    await refusedUnchanged(() => put(withTitle('x'.repeat(2001))), 400, 'TEXT_TOO_LONG');
  });

  it('NUL and other control characters are a 400 TEXT_CONTROL_CHAR on both databases (PostgreSQL answered 500)', async () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u0085']) await refusedUnchanged(() => put(withTitle(`Mua máy${c}tính`)), 400, 'TEXT_CONTROL_CHAR');
    const r = withTitle('Mua máy tính');
    r.implementation.results.digital = ['Kết quả\u0000'];
    await refusedUnchanged(() => put(r), 400, 'TEXT_CONTROL_CHAR');
  });

  it('lone surrogates are a 400 TEXT_INVALID_UNICODE on both databases (PostgreSQL stored U+FFFD, SQLite kept them)', async () => {
    await refusedUnchanged(() => put(withTitle('Mua máy\uD800tính')), 400, 'TEXT_INVALID_UNICODE');
    await refusedUnchanged(() => put(withTitle('\uDC00')), 400, 'TEXT_INVALID_UNICODE');
  });

  it('bidi overrides, isolates and zero-width spaces are removed: what is stored and shown reads as its data', async () => {
    const res = await put(withTitle('Chi \u202E005\u202C triệu cho hội\u200Bthảo \u2066A\u2069'));
    expect(res.statusCode).toBe(200);
    expect((await load()).report.plan.budget[0]?.children[0]?.title).toBe('Chi 005 triệu cho hộithảo A');
  });

  it('the login name goes through the same rule: NUL is a 400 before any database query (PostgreSQL answered 500)', async () => {
    for (const username of ['kienthuy.canbo\u0000', 'a\u0000b', 'kienthuy\ncanbo', '\uD800']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo2026' } });
      expect(res.statusCode, username).toBe(400);
      expect(['TEXT_CONTROL_CHAR', 'TEXT_INVALID_UNICODE']).toContain(res.json().error.code);
    }
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '\u200Bkienthuy.canbo', password: 'demo2026' } });
    expect(ok.statusCode).toBe(200);
  });

  it('ids and searches in the URL go through it too: %00 is a 400, not a query that PostgreSQL refuses', async () => {
    for (const [who, url] of [[officer, '/api/reports/a%00b'], [officer, '/api/reports/a%00b/checks'], [officer, '/api/units?q=a%00'], [officer, '/api/reports?cycleId=a%00'], [reviewer, '/api/cycles/a%00/queue'], [reviewer, '/api/dashboard?cycleId=a%00']] as const) {
      const res = await who.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('TEXT_CONTROL_CHAR');
    }
  });

  it('comments: only on a submitted version, only on real sections and lines, text through the rule', async () => {
    const comment = (body: unknown) => reviewer.request('POST', `/api/reports/${reportId}/comments`, body);
    // A draft changes under a comment: refused until it is submitted.
    expect((await comment({ path: 'plan.basis', body: 'Góp ý bản nháp.' })).statusCode).toBe(409);
    expect((await comment({ path: 'plan.basis', body: 'Góp ý bản nháp.' })).json().error.code).toBe('NOT_SUBMITTED');
    await t.store.db.updateTable('reports').set({ status: 'submitted' }).where('id', '=', reportId).execute();
    try {
      const lineId = (await load()).report.plan.budget[0]!.children[0]!.id;
      for (const path of ['document.constructor', 'plan', '__proto__', 'plan.budget.children', 'implementation.dossiers.total']) {
        const res = await comment({ path, body: 'Góp ý.' });
        expect(res.statusCode, path).toBe(400);
      }
      expect((await comment({ path: 'plan.basis', lineId, body: 'Dòng ở mục không phải dự toán.' })).json().error.code).toBe('COMMENT_PATH_INVALID');
      expect((await comment({ path: 'plan.budget', lineId: 'khong-co', body: 'Dòng không có.' })).json().error.code).toBe('UNKNOWN_LINE');
      expect((await comment({ path: 'implementation.budget', lineId, body: 'Dòng của phần II, không phải phần I.' })).json().error.code).toBe('UNKNOWN_LINE');
      expect((await comment({ path: 'plan.budget', lineId, body: 'Góp ý\u0000' })).json().error.code).toBe('TEXT_CONTROL_CHAR');
      const ok = await comment({ path: 'plan.budget', lineId, body: 'Đề nghị \u202Ethuyết minh\u202C đơn giá.' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().comment).toMatchObject({ path: 'plan.budget', lineId, body: 'Đề nghị thuyết minh đơn giá.' });
      expect((await comment({ path: 'implementation.dossiers', body: 'Số liệu hồ sơ.' })).statusCode).toBe(201);
      expect((await reviewer.request('POST', `/api/reports/${reportId}/return`, { reason: 'Lý do\u0000 trả lại' })).json().error.code).toBe('TEXT_CONTROL_CHAR');
      expect((await reviewer.request('POST', `/api/reports/${reportId}/accept`, { note: '\uD800' })).json().error.code).toBe('TEXT_INVALID_UNICODE');
      expect((await load()).meta.status).toBe('submitted');
    } finally {
      await t.store.db.updateTable('reports').set({ status: 'draft' }).where('id', '=', reportId).execute();
    }
  });

  it('cycle and approval texts go through the rule', async () => {
    const cycle = await admin.request('POST', '/api/cycles', { planYear: 2031, guidanceNumber: 'Công văn\u0000 số 9', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2030-07-31' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('TEXT_CONTROL_CHAR');
    const approval = await admin.request('POST', `/api/reports/${reportId}/approval`, { decisionNumber: '12/QĐ\u0000', decisionDate: '2026-12-20' });
    expect(approval.statusCode).toBe(400);
    expect(approval.json().error.code).toBe('TEXT_CONTROL_CHAR');
  });

  it('a report stored before the rule (control characters, lone surrogates, bidi overrides in its body) stays readable, cleaned', async () => {
    const id = world.hp.other.reportId;
    const row = await t.store.db.selectFrom('reports').select(['body', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const old = JSON.parse(row.body) as Report;
    old.plan.budget[0]!.title = 'Nhóm\u0001 cũ \u202Eđảo\u202C';
    old.plan.objectives = ['Mục tiêu\uD800 cũ'];
    // PostgreSQL never held NUL; SQLite could hold all of these.
    const body = JSON.stringify(old);
    await t.store.db.updateTable('reports').set({ body }).where('id', '=', id).execute();
    await t.store.db.updateTable('report_versions').set({ body }).where('report_id', '=', id).where('version', '=', row.version).execute();
    const res = await reviewer.request('GET', `/api/reports/${id}`);
    expect(res.statusCode).toBe(200);
    const { report } = res.json() as Loaded;
    expect(report.plan.budget[0]?.title).toBe('Nhóm cũ đảo');
    expect(report.plan.objectives).toEqual(['Mục tiêu cũ']);
    expect((await reviewer.request('GET', `/api/reports/${id}/checks`)).statusCode).toBe(200);
    expect((await reviewer.request('GET', `/api/reports/${id}/review`)).statusCode).toBe(200);
  });

  it("the dashboard of another province's cycle is a 404, as every other cycle route (it was 200 with null)", async () => {
    expect((await reviewer.request('GET', `/api/dashboard?cycleId=${world.hp.cycleId}`)).statusCode).toBe(200);
    for (const cycleId of [world.p2.cycleId, 'khong-co']) {
      const res = await reviewer.request('GET', `/api/dashboard?cycleId=${encodeURIComponent(cycleId)}`);
      expect(res.statusCode, cycleId).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});

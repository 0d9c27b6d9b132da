import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { loadReportRow, transition, VersionChanged } from '../../src/services/reports.ts';
import type { Actor } from '../../src/services/actor.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 13, point 6: the chairman opened version 83, the officer saved 84 with another document
 * number and a new objective, and the chairman's submit froze 85 under his name with the
 * officer's edits. Submit — and every status change that freezes a version (return, accept,
 * approval) — now carries the version acted on (If-Match) and is refused with 409 when a newer
 * one exists, changing nothing.
 */
const databases = await testDatabases();

interface Loaded { report: Report; meta: { version: number; status: string } }
interface Refusal { error: { code: string; message: string; currentVersion: number; seenVersion: number } }

describe.each(databases)('status changes act on the version seen, on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let chairman: Client;
  let reviewer: Client;
  let admin: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [officer, chairman, reviewer, admin] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'kienthuy.chutich'), signIn(app, 'so.chuyenvien'), signIn(app, 'so.quantri')]);
    reportId = ((await officer.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;
    // The seed's received-in-period slip fixed (in the paragraph stating it too): only warnings are left.
    const { report, meta } = await load(officer);
    report.implementation.dossiers.receivedInPeriod = 6609;
    report.implementation.results.digital[0] = report.implementation.results.digital[0]!.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ');
    expect((await officer.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async (c: Client) => (await c.request('GET', `/api/reports/${reportId}`)).json() as Loaded;
  const post = (c: Client, action: string, version: number, body: unknown = {}) => c.request('POST', `/api/reports/${reportId}/${action}`, body, { 'if-match': String(version) });
  const versionCount = async () => (await t.store.db.selectFrom('report_versions').select('version').where('report_id', '=', reportId).execute()).length;

  it('refuses the chairman’s submit of the version he opened once the officer saved a newer one, and changes nothing', async () => {
    const opened = await load(chairman);
    const { report, meta } = await load(officer);
    report.document.number = '125/BC-UBND';
    report.plan.objectives = [...report.plan.objectives, 'Mục tiêu bổ sung do cán bộ thêm sau khi Chủ tịch đã mở báo cáo.'];
    expect((await officer.request('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) })).statusCode).toBe(200);
    const before = await versionCount();

    const refused = await post(chairman, 'submit', opened.meta.version, { acknowledgeWarnings: true });
    expect(refused.statusCode).toBe(409);
    const { error } = refused.json() as Refusal;
    expect(error.code).toBe('VERSION_CHANGED');
    expect(error.seenVersion).toBe(opened.meta.version);
    expect(error.currentVersion).toBe(opened.meta.version + 1);
    expect(error.message).toBe(`Chưa nộp: báo cáo đã thay đổi từ khi bạn mở (bạn đang xem phiên bản ${opened.meta.version}, bản mới nhất là phiên bản ${opened.meta.version + 1}). Hãy xem các thay đổi rồi nộp phiên bản mới.`);
    const after = await load(chairman);
    expect(after.meta).toMatchObject({ status: 'draft', version: opened.meta.version + 1 });
    expect(await versionCount()).toBe(before);

    // What he is shown: the one report diff between the version he read and the latest.
    const diff = (await chairman.request('GET', `/api/reports/${reportId}/diff?from=${error.seenVersion}&to=${error.currentVersion}`)).json() as { changes: { path: string; before?: unknown; after?: unknown }[] };
    expect(diff.changes.find((c) => c.path === 'document.number')).toMatchObject({ after: '125/BC-UBND' });
    expect(diff.changes.some((c) => c.path.startsWith('plan.objectives') && c.after === 'Mục tiêu bổ sung do cán bộ thêm sau khi Chủ tịch đã mở báo cáo.')).toBe(true);
  });

  it('requires If-Match on submit and every decision (a clear 400, nothing done)', async () => {
    for (const action of ['submit', 'return', 'accept', 'approval']) {
      const c = action === 'submit' ? chairman : action === 'approval' ? admin : reviewer;
      const body = action === 'return' ? { reason: 'Bổ sung thuyết minh.' } : action === 'approval' ? { decisionNumber: '456/QĐ-UBND', decisionDate: '2026-12-20' } : {};
      const res = await c.request('POST', `/api/reports/${reportId}/${action}`, body);
      expect(res.statusCode, action).toBe(400);
      expect(res.json().error.code, action).toBe('VALIDATION');
      expect(res.json().error.message, action).toContain('Thiếu tiêu đề If-Match: số phiên bản báo cáo đang xem.');
    }
    expect((await load(chairman)).meta.status).toBe('draft');
  });

  it('submits the newer version after he has looked: the frozen body is the one he was shown', async () => {
    const { meta } = await load(chairman);
    const res = await post(chairman, 'submit', meta.version, { acknowledgeWarnings: true });
    expect(res.statusCode).toBe(200);
    const frozen = await t.store.db.selectFrom('report_versions').select(['body', 'action']).where('report_id', '=', reportId).where('version', '=', meta.version + 1).executeTakeFirstOrThrow();
    expect(frozen.action).toBe('submit');
    expect((JSON.parse(frozen.body) as Report).document.number).toBe('125/BC-UBND');
    const audit = await t.store.db.selectFrom('audit_log').select('before_json').where('entity_id', '=', reportId).where('action', '=', 'submit').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ version: meta.version });
  });

  it('refuses a reviewer’s accept or return of a version a colleague already returned and the commune resubmitted', async () => {
    const read = await load(reviewer); // submitted, as the first reviewer opened it
    expect(read.meta.status).toBe('submitted');
    expect((await post(admin, 'return', read.meta.version, { reason: 'Bổ sung thuyết minh dự toán chuyển đổi số.' })).statusCode).toBe(200);
    const draft = await load(officer);
    draft.report.plan.basis = [...draft.report.plan.basis, 'Căn cứ bổ sung sau khi Sở trả lại.'];
    expect((await officer.request('PUT', `/api/reports/${reportId}`, draft.report, { 'if-match': String(draft.meta.version) })).statusCode).toBe(200);
    expect((await post(chairman, 'submit', draft.meta.version + 1, { acknowledgeWarnings: true })).statusCode).toBe(200);
    const latest = read.meta.version + 3;
    const before = await versionCount();

    const accept = await post(reviewer, 'accept', read.meta.version);
    expect(accept.statusCode).toBe(409);
    expect((accept.json() as Refusal).error).toMatchObject({ code: 'VERSION_CHANGED', seenVersion: read.meta.version, currentVersion: latest });
    expect((accept.json() as Refusal).error.message).toMatch(/^Chưa tiếp nhận: báo cáo đã thay đổi từ khi bạn mở/);
    const ret = await post(reviewer, 'return', read.meta.version, { reason: 'Đề nghị bổ sung số liệu.' });
    expect(ret.statusCode).toBe(409);
    expect((ret.json() as Refusal).error.message).toMatch(/^Chưa trả lại: /);
    expect((await load(reviewer)).meta).toMatchObject({ status: 'submitted', version: latest });
    expect(await versionCount()).toBe(before);

    expect((await post(reviewer, 'accept', latest)).statusCode).toBe(200);
  });

  it('refuses an approval recorded on a version other than the accepted one shown', async () => {
    const { meta } = await load(admin);
    expect(meta.status).toBe('accepted');
    const body = { decisionNumber: '456/QĐ-UBND', decisionDate: '2026-12-20' };
    const stale = await post(admin, 'approval', meta.version - 1, body);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Refusal).error).toMatchObject({ code: 'VERSION_CHANGED', seenVersion: meta.version - 1, currentVersion: meta.version });
    expect(await t.store.db.selectFrom('approvals').select('report_id').where('report_id', '=', reportId).executeTakeFirst()).toBeUndefined();
    const ok = await post(admin, 'approval', meta.version, body);
    expect(ok.statusCode).toBe(201);
    const approval = await t.store.db.selectFrom('approval_versions').select('report_version').where('report_id', '=', reportId).where('version', '=', 1).executeTakeFirstOrThrow();
    expect(approval.report_version).toBe(meta.version);
  });

  it('refuses, with the same 409, a save that lands between the check and the transition', async () => {
    // A fresh draft: An Lão's report. The transition is given the row as it was read before a save.
    const anLao = await signIn(app, 'anlao.canbo');
    const id = ((await anLao.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;
    const user = await t.store.db.selectFrom('users').selectAll().where('username', '=', 'anlao.chutich').executeTakeFirstOrThrow();
    const actor: Actor = { userId: user.id, username: user.username, fullName: user.full_name, role: 'commune_chairman', provinceId: user.province_id, unitId: user.unit_id };
    const row = await loadReportRow(t.store, actor, id);
    const current = (await anLao.request('GET', `/api/reports/${id}`)).json() as Loaded;
    current.report.document.number = '07/BC-UBND';
    expect((await anLao.request('PUT', `/api/reports/${id}`, current.report, { 'if-match': String(row.version) })).statusCode).toBe(200);
    const attempt = transition(t.store, actor, row, 'submit', 'submitted', null);
    await expect(attempt).rejects.toBeInstanceOf(VersionChanged);
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'VERSION_CHANGED', seenVersion: row.version, currentVersion: row.version + 1 });
  });
});

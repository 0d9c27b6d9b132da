import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { signIn, testApp, type Client, expectJson } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 14, points 4 and 6 through the HTTP API, on every database: the cycle list counts the
 * reviews waiting per cycle and the dashboard opens on the cycle that has them; an open cycle's
 * guidance and deadline can be corrected and the cycle closed and reopened (admin only, coded
 * errors, audited); a comment can be corrected or withdrawn by its author until the report
 * changes hands, then it is frozen.
 */
const databases = await testDatabases();

interface CycleOut { id: string; planYear: number; guidance: string; deadline: string; status: string; pendingReviews?: number }
interface CommentOut { id: string; body: string; canChange?: boolean }

describe.each(databases)('cycles and comments get a second look, on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let reviewer: Client;
  let officer: Client;
  let chairman: Client;
  let cycle2027 = '';
  let cycle2028 = '';

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [admin, reviewer, officer, chairman] = await Promise.all([signIn(app, 'so.quantri'), signIn(app, 'so.chuyenvien'), signIn(app, 'kienthuy.canbo'), signIn(app, 'kienthuy.chutich')]);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const json = expectJson;
  const refused = (res: { statusCode: number; body: string; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect((res.json() as { error: { code: string; message: string } }).error.code).toBe(code);
  };
  const auditOf = (entityId: string) => t.store.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', entityId).orderBy('seq').execute();

  it('counts the reviews waiting per cycle, and the dashboard opens on the cycle that has them after the next one opens', async () => {
    const units = json<{ items: { id: string; name: string }[] }>(await admin.request('GET', '/api/units'));
    const unitIds = units.items.filter((u) => u.name === 'Kiến Thụy' || u.name === 'An Lão').map((u) => u.id);
    cycle2028 = json<{ cycle: CycleOut }>(await admin.request('POST', '/api/cycles', { planYear: 2028, guidanceNumber: 'Công văn số 999/BKHCN-KHTC', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2027-07-31', unitIds }), 201).cycle.id;

    const cycles = json<{ items: CycleOut[] }>(await reviewer.request('GET', '/api/cycles')).items;
    expect(cycles.map((c) => c.planYear)).toEqual([2028, 2027, 2026]);
    cycle2027 = cycles[1]!.id;
    const queue = json<{ items: unknown[] }>(await reviewer.request('GET', `/api/cycles/${cycle2027}/queue`)).items;
    expect(queue.length).toBeGreaterThan(0);
    expect(cycles.map((c) => c.pendingReviews)).toEqual([0, queue.length, 0]);
    // A commune is not told how many reports of the province wait for review.
    expect(json<{ items: CycleOut[] }>(await officer.request('GET', '/api/cycles')).items.every((c) => c.pendingReviews === undefined)).toBe(true);

    const dash = json<{ dashboard: { cycle: { planYear: number } } }>(await reviewer.request('GET', '/api/dashboard'));
    expect(dash.dashboard.cycle.planYear).toBe(2027);
  });

  it('lets only the admin correct an open cycle\'s guidance and deadline, refusing bad values with codes, and audits before and after', async () => {
    refused(await reviewer.request('PATCH', `/api/cycles/${cycle2028}`, { deadline: '2027-08-31' }), 403, 'FORBIDDEN');
    refused(await officer.request('PATCH', `/api/cycles/${cycle2028}`, { deadline: '2027-08-31' }), 403, 'FORBIDDEN');
    refused(await admin.request('PATCH', `/api/cycles/${cycle2028}`, { deadline: '2027-02-30' }), 400, 'INVALID_DATE');
    refused(await admin.request('PATCH', `/api/cycles/${cycle2028}`, { guidanceNumber: '   ' }), 400, 'EMPTY_FIELD');
    expect((await admin.request('PATCH', `/api/cycles/${cycle2028}`, { deadline: '31/08/2027' })).statusCode).toBe(400);

    // An Lão's own extension to 15/8 is overtaken by a common deadline of 31/8: it goes, audited.
    const anLao = json<{ items: { id: string; name: string }[] }>(await admin.request('GET', '/api/units')).items.find((u) => u.name === 'An Lão')!;
    json(await admin.request('PUT', `/api/cycles/${cycle2028}/deadlines/${anLao.id}`, { deadline: '2027-08-15' }));
    const edited = json<{ cycle: CycleOut }>(await admin.request('PATCH', `/api/cycles/${cycle2028}`, { guidanceNumber: 'Công văn số 1000/BKHCN-KHTC', guidanceDate: '2027-06-20', deadline: '2027-08-31' })).cycle;
    expect(edited).toMatchObject({ deadline: '2027-08-31', guidance: 'Công văn số 1000/BKHCN-KHTC ngày 20/6/2027 của Bộ Khoa học và Công nghệ', status: 'open' });
    const progress = json<{ rows: { unit: { name: string }; deadline: string }[] }>(await reviewer.request('GET', `/api/cycles/${cycle2028}/progress`));
    expect(progress.rows.map((r) => [r.unit.name, r.deadline])).toEqual([['An Lão', '2027-08-31'], ['Kiến Thụy', '2027-08-31']]);

    const audit = await auditOf(cycle2028);
    const edit = audit.find((a) => a.action === 'edit')!;
    expect(JSON.parse(edit.before_json!)).toEqual({ guidanceNumber: 'Công văn số 999/BKHCN-KHTC', guidanceDate: null, guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2027-07-31' });
    expect(JSON.parse(edit.after_json!)).toEqual({
      guidanceNumber: 'Công văn số 1000/BKHCN-KHTC', guidanceDate: '2027-06-20', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2027-08-31',
      removedExtensions: [{ unitId: anLao.id, deadline: '2027-08-15' }],
    });
  });

  it('closes a cycle (no submission, no change), refuses closing twice, reopens it, all audited', async () => {
    refused(await reviewer.request('PUT', `/api/cycles/${cycle2028}/status`, { status: 'closed' }), 403, 'FORBIDDEN');
    expect(json<{ cycle: CycleOut }>(await admin.request('PUT', `/api/cycles/${cycle2028}/status`, { status: 'closed' })).cycle.status).toBe('closed');
    refused(await admin.request('PUT', `/api/cycles/${cycle2028}/status`, { status: 'closed' }), 409, 'CYCLE_CLOSED');
    refused(await admin.request('PATCH', `/api/cycles/${cycle2028}`, { deadline: '2027-09-30' }), 409, 'CYCLE_CLOSED');
    const anLao = json<{ items: { id: string; name: string }[] }>(await admin.request('GET', '/api/units')).items.find((u) => u.name === 'An Lão')!;
    refused(await admin.request('PUT', `/api/cycles/${cycle2028}/deadlines/${anLao.id}`, { deadline: '2027-09-30' }), 409, 'CYCLE_CLOSED');
    const mine = json<{ items: { id: string; version: number }[] }>(await chairman.request('GET', `/api/reports?cycleId=${cycle2028}`)).items[0]!;
    const submit = await chairman.request('POST', `/api/reports/${mine.id}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(mine.version) });
    refused(submit, 409, 'CYCLE_CLOSED');
    expect((submit.json() as { error: { message: string } }).error.message).toBe('Kỳ báo cáo kế hoạch năm 2028 đã đóng nên không nộp được nữa; hãy liên hệ Sở KH&CN nếu cần mở lại kỳ.');

    expect(json<{ cycle: CycleOut }>(await admin.request('PUT', `/api/cycles/${cycle2028}/status`, { status: 'open' })).cycle.status).toBe('open');
    refused(await admin.request('PUT', `/api/cycles/${cycle2028}/status`, { status: 'open' }), 409, 'CYCLE_OPEN');
    expect((await auditOf(cycle2028)).map((a) => a.action)).toEqual(['open', 'extend_deadline', 'edit', 'close', 'reopen']);
  });

  it('lets the author correct or withdraw a comment until the report changes hands, then freezes it', async () => {
    const queue = json<{ items: { reportId: string; version: number }[] }>(await reviewer.request('GET', `/api/cycles/${cycle2027}/queue`)).items;
    const { reportId, version } = queue[0]!;
    const first = json<{ comment: CommentOut }>(await reviewer.request('POST', `/api/reports/${reportId}/comments`, { path: 'plan.budget', body: 'Đề nghị thuyết minh đơn gía.' }), 201).comment;
    const second = json<{ comment: CommentOut }>(await reviewer.request('POST', `/api/reports/${reportId}/comments`, { path: 'document', body: 'Góp ý nhầm báo cáo.' }), 201).comment;
    expect(first.canChange).toBe(true);

    refused(await admin.request('PATCH', `/api/reports/${reportId}/comments/${first.id}`, { body: 'Sửa hộ' }), 403, 'COMMENT_NOT_AUTHOR');
    refused(await admin.request('DELETE', `/api/reports/${reportId}/comments/${first.id}`), 403, 'COMMENT_NOT_AUTHOR');
    refused(await reviewer.request('PATCH', `/api/reports/${reportId}/comments/${first.id}`, { body: '   ' }), 400, 'EMPTY_COMMENT');
    refused(await reviewer.request('PATCH', `/api/reports/${reportId}/comments/khong-co`, { body: 'x' }), 404, 'NOT_FOUND');
    expect(json<{ comment: CommentOut }>(await reviewer.request('PATCH', `/api/reports/${reportId}/comments/${first.id}`, { body: 'Đề nghị thuyết minh đơn giá.' })).comment.body).toBe('Đề nghị thuyết minh đơn giá.');
    json(await reviewer.request('DELETE', `/api/reports/${reportId}/comments/${second.id}`));

    const seen = json<{ items: CommentOut[] }>(await reviewer.request('GET', `/api/reports/${reportId}/comments`)).items.filter((c) => c.id === first.id || c.id === second.id);
    expect(seen.map((c) => [c.body, c.canChange])).toEqual([['Đề nghị thuyết minh đơn giá.', true]]);
    const byAdmin = json<{ items: CommentOut[] }>(await admin.request('GET', `/api/reports/${reportId}/comments`)).items.find((c) => c.id === first.id)!;
    expect(byAdmin.canChange).toBe(false);

    json(await reviewer.request('POST', `/api/reports/${reportId}/return`, { reason: 'Bổ sung thuyết minh đơn giá.' }, { 'if-match': String(version) }));
    refused(await reviewer.request('PATCH', `/api/reports/${reportId}/comments/${first.id}`, { body: 'Sửa sau khi trả lại' }), 409, 'COMMENT_FROZEN');
    refused(await reviewer.request('DELETE', `/api/reports/${reportId}/comments/${first.id}`), 409, 'COMMENT_FROZEN');
    expect(json<{ items: CommentOut[] }>(await reviewer.request('GET', `/api/reports/${reportId}/comments`)).items.find((c) => c.id === first.id)).toMatchObject({ body: 'Đề nghị thuyết minh đơn giá.', canChange: false });

    const edits = await auditOf(first.id);
    expect(edits.map((a) => a.action)).toEqual(['create', 'edit']);
    expect(JSON.parse(edits[1]!.before_json!)).toEqual({ reportId, body: 'Đề nghị thuyết minh đơn gía.' });
    const withdrawn = await auditOf(second.id);
    expect(withdrawn.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(withdrawn[1]!.before_json!)).toMatchObject({ reportId, path: 'document', body: 'Góp ý nhầm báo cáo.' });
    expect((await verifyAudit(t.store)).ok).toBe(true);
  });
});

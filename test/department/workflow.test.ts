import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { signIn, testApp, type Client, expectJson } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { kienThuy2028 } from '../helpers/kien-thuy-2028.ts';

/**
 * The whole yearly cycle through the HTTP API: the admin opens a cycle → the commune drafts →
 * the chairman submits → the reviewer comments and returns → the commune fixes and resubmits →
 * the reviewer accepts → the admin records the city's approval → the commune records
 * disbursement → the Department sees disbursed vs approved → next year's report starts from it.
 * Alongside, a commune never sees another commune's report, comments or disbursement.
 */
const databases = await testDatabases();

describe.each(databases)('Department workflow through the API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let reviewer: Client;
  let officer: Client;
  let chairman: Client;
  let other: Client;
  let cycleId = '';
  let reportId = '';
  let anLaoReportId = '';
  const events: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [admin, reviewer, officer, chairman, other] = await Promise.all([signIn(app, 'so.quantri'), signIn(app, 'so.chuyenvien'), signIn(app, 'kienthuy.canbo'), signIn(app, 'kienthuy.chutich'), signIn(app, 'anlao.canbo')]);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const json = expectJson;
  /** If-Match of the version `c` sees now: status changes act on the version on screen. */
  const seen = async (c: Client, id = reportId) => ({ 'if-match': String(json<{ meta: { version: number } }>(await c.request('GET', `/api/reports/${id}`)).meta.version) });

  it('lets only the admin open a cycle; communes see their report at once', async () => {
    const units = json<{ items: { id: string; name: string }[] }>(await admin.request('GET', '/api/units'));
    const unitIds = units.items.filter((u) => u.name === 'Kiến Thụy' || u.name === 'An Lão').map((u) => u.id);
    const body = { planYear: 2028, guidanceNumber: 'Công văn số 999/BKHCN-KHTC', guidanceDate: '2027-06-15', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2027-07-31', unitIds };
    expect((await reviewer.request('POST', '/api/cycles', body)).statusCode).toBe(403);
    expect((await officer.request('POST', '/api/cycles', body)).statusCode).toBe(403);
    const opened = json<{ cycle: { id: string; planYear: number; guidance: string } }>(await admin.request('POST', '/api/cycles', body), 201);
    cycleId = opened.cycle.id;
    expect(opened.cycle.guidance).toBe('Công văn số 999/BKHCN-KHTC ngày 15/6/2027 của Bộ Khoa học và Công nghệ');
    expect((await admin.request('POST', '/api/cycles', body)).statusCode).toBe(409);

    const mine = json<{ items: { id: string; cycle: { planYear: number } }[] }>(await officer.request('GET', `/api/reports?cycleId=${cycleId}`));
    expect(mine.items).toHaveLength(1);
    reportId = mine.items[0]!.id;
    const theirs = json<{ items: { id: string }[] }>(await other.request('GET', `/api/reports?cycleId=${cycleId}`));
    anLaoReportId = theirs.items[0]!.id;
    expect(anLaoReportId).not.toBe(reportId);
    const progress = json<{ expected: number; drafting: number }>(await reviewer.request('GET', `/api/cycles/${cycleId}/progress`));
    expect(progress).toMatchObject({ expected: 2, drafting: 2 });
  });

  it('the commune drafts and the chairman submits', async () => {
    const current = json<{ meta: { version: number } }>(await officer.request('GET', `/api/reports/${reportId}`));
    const saved = json<{ meta: { version: number } }>(await officer.request('PUT', `/api/reports/${reportId}`, kienThuy2028(), { 'if-match': String(current.meta.version) }));
    const submitted = json<{ meta: { status: string } }>(await chairman.request('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, await seen(chairman)));
    expect(submitted.meta.status).toBe('submitted');
    expect(saved.meta.version).toBeGreaterThan(current.meta.version);
    events.push('create', 'submit');
  });

  it('puts it in the reviewer\'s queue, and only the Department sees the queue', async () => {
    const queue = json<{ items: { reportId: string; unit: { name: string }; timeliness: string }[] }>(await reviewer.request('GET', `/api/cycles/${cycleId}/queue`));
    expect(queue.items.map((i) => i.unit.name)).toEqual(['Kiến Thụy']);
    expect((await officer.request('GET', `/api/cycles/${cycleId}/queue`)).statusCode).toBe(403);
    expect((await officer.request('GET', `/api/cycles/${cycleId}/progress`)).statusCode).toBe(403);
  });

  it('the reviewer comments on a budget line and on a section, then returns with reasons', async () => {
    expect((await officer.request('POST', `/api/reports/${reportId}/comments`, { path: 'plan.budget', lineId: 'p-3-1-1', body: 'Tự góp ý' })).statusCode).toBe(403);
    expect((await reviewer.request('POST', `/api/reports/${reportId}/comments`, { path: 'plan.budget', lineId: 'khong-co', body: 'x' })).statusCode).toBe(400);
    json(await reviewer.request('POST', `/api/reports/${reportId}/comments`, { path: 'plan.budget', lineId: 'p-3-1-1', body: 'Đề nghị thuyết minh cấu hình và đơn giá máy tính, máy quét.' }), 201);
    json(await reviewer.request('POST', `/api/reports/${reportId}/comments`, { path: 'implementation.dossiers', body: 'Số liệu hồ sơ đề nghị đối chiếu Cổng dịch vụ công.' }), 201);
    expect((await reviewer.request('POST', `/api/reports/${reportId}/return`, { reason: '' }, await seen(reviewer))).statusCode).toBe(400);
    expect((await officer.request('POST', `/api/reports/${reportId}/return`, { reason: 'Tự trả lại báo cáo' }, await seen(officer))).statusCode).toBe(403);
    const returned = json<{ meta: { status: string; returnReason: string } }>(await reviewer.request('POST', `/api/reports/${reportId}/return`, { reason: 'Bổ sung thuyết minh dự toán chuyển đổi số.' }, await seen(reviewer)));
    expect(returned.meta).toMatchObject({ status: 'returned', returnReason: 'Bổ sung thuyết minh dự toán chuyển đổi số.' });
    expect((await reviewer.request('POST', `/api/reports/${reportId}/accept`, {}, await seen(reviewer))).statusCode).toBe(409);
    events.push('return');
  });

  it('the commune sees the reasons and comments; another commune sees nothing of them', async () => {
    const comments = json<{ items: { lineId: string | null; body: string }[] }>(await officer.request('GET', `/api/reports/${reportId}/comments`));
    expect(comments.items.map((c) => c.lineId)).toEqual(['p-3-1-1', null]);
    const mine = json<{ meta: { canEdit: boolean; returnReason: string } }>(await officer.request('GET', `/api/reports/${reportId}`));
    expect(mine.meta.canEdit).toBe(true);
    for (const path of ['comments', 'review', 'execution', 'events']) {
      const res = await other.request('GET', `/api/reports/${reportId}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('thuyết minh');
    }
    expect((await other.request('POST', `/api/reports/${reportId}/comments`, { path: 'plan.budget', body: 'x' })).statusCode).toBe(404);
  });

  it('the commune fixes, the chairman resubmits, and the reviewer sees what changed since the return', async () => {
    const current = json<{ report: Report; meta: { version: number } }>(await officer.request('GET', `/api/reports/${reportId}`));
    const fixed = current.report;
    const line = fixed.plan.budget[2]!.children[0]!.children[0]!;
    line.note = 'Gồm 05 máy tính để bàn và 02 máy quét tốc độ cao.';
    json(await officer.request('PUT', `/api/reports/${reportId}`, fixed, { 'if-match': String(current.meta.version) }));
    json(await chairman.request('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, await seen(chairman)));
    const bundle = json<{ sinceReturn: { changes: { path: string }[] } | null; findings: unknown[]; comments: unknown[]; events: { action: string }[]; lastYear: { rows: { key: string; current: number }[] } }>(
      await reviewer.request('GET', `/api/reports/${reportId}/review`),
    );
    expect(bundle.sinceReturn?.changes.map((c) => c.path)).toContain('plan.budget#p-3-1-1.note');
    expect(bundle.comments).toHaveLength(2);
    expect(bundle.lastYear.rows.find((r) => r.key === 'total')?.current).toBe(3_480_000_000);
    events.push('submit');
  });

  it('the reviewer accepts; the timeline records every transition with who and why', async () => {
    json(await reviewer.request('POST', `/api/reports/${reportId}/accept`, {}, await seen(reviewer)));
    events.push('accept');
    const timeline = json<{ items: { action: string; actorName: string; reason: string | null }[] }>(await officer.request('GET', `/api/reports/${reportId}/events`));
    expect(timeline.items.map((e) => e.action)).toEqual(events);
    expect(timeline.items.find((e) => e.action === 'return')).toMatchObject({ actorName: 'Đỗ Thị Mai', reason: 'Bổ sung thuyết minh dự toán chuyển đổi số.' });
  });

  it('the admin records the city\'s approval, which locks the baseline', async () => {
    const body = { decisionNumber: '456/QĐ-UBND', decisionDate: '2027-12-20', lines: [{ lineId: 'p-3-1-1', approved: 400_000_000 }] };
    expect((await reviewer.request('POST', `/api/reports/${reportId}/approval`, body, await seen(reviewer))).statusCode).toBe(403);
    expect((await admin.request('POST', `/api/reports/${anLaoReportId}/approval`, body, await seen(admin, anLaoReportId))).statusCode).toBe(409); // An Lão is still a draft
    const exec = json<{ approval: { approvedTotal: number; requestedTotal: number }; lines: { lineId: string; approved: number; requested: number }[] }>(await admin.request('POST', `/api/reports/${reportId}/approval`, body, await seen(admin)), 201);
    expect(exec.approval).toMatchObject({ requestedTotal: 3_480_000_000, approvedTotal: 3_380_000_000 });
    expect(exec.lines.find((l) => l.lineId === 'p-3-1-1')).toMatchObject({ requested: 500_000_000, approved: 400_000_000 });
    expect((await admin.request('POST', `/api/reports/${reportId}/approval`, body, await seen(admin))).statusCode).toBe(409);
    const meta = json<{ meta: { status: string; canEdit: boolean } }>(await officer.request('GET', `/api/reports/${reportId}`));
    expect(meta.meta).toMatchObject({ status: 'approved', canEdit: false });
  });

  it('the commune records disbursement against approved lines, never beyond them', async () => {
    expect((await reviewer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 1_000_000, date: '2028-03-01' })).statusCode).toBe(403);
    expect((await other.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 1_000_000, date: '2028-03-01' })).statusCode).toBe(404);
    expect((await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 1_000_000, date: '2027-03-01' })).statusCode).toBe(400);
    expect((await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 400_000_001, date: '2028-03-01' })).statusCode).toBe(422);
    json(await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 250_000_000, date: '2028-03-01', note: 'Đợt 1' }), 201);
    const exec = json<{ disbursedTotal: number; lines: { lineId: string; disbursed: number }[]; canRecordDisbursement: boolean }>(
      await chairman.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-1-1', amount: 60_000_000, date: '2028-04-15' }), 201);
    expect(exec.disbursedTotal).toBe(310_000_000);
    expect(exec.lines.find((l) => l.lineId === 'p-3-1-1')?.disbursed).toBe(250_000_000);
    expect(exec.canRecordDisbursement).toBe(true);
  });

  it('the Department sees disbursed vs approved by commune and field; a commune cannot', async () => {
    const overview = json<{ approved: number; disbursed: number; units: { name: string; approved: number; disbursed: number }[]; byField: { field: string; approved: number; disbursed: number }[] }>(
      await reviewer.request('GET', `/api/cycles/${cycleId}/execution`));
    expect(overview).toMatchObject({ approved: 3_380_000_000, disbursed: 310_000_000 });
    expect(overview.units).toEqual([expect.objectContaining({ name: 'Kiến Thụy', approved: 3_380_000_000, disbursed: 310_000_000 })]);
    expect(overview.byField.find((f) => f.field === 'digital')).toEqual({ field: 'digital', approved: 1_610_000_000, disbursed: 250_000_000 });
    expect((await officer.request('GET', `/api/cycles/${cycleId}/execution`)).statusCode).toBe(403);
    const anLao = json<{ approval: null; disbursements: unknown[] }>(await other.request('GET', `/api/reports/${anLaoReportId}/execution`));
    expect(anLao).toMatchObject({ approval: null, disbursements: [] });
  });

  it('next year\'s report starts from the approved lines and what was disbursed', async () => {
    const opened = json<{ cycle: { id: string } }>(await admin.request('POST', '/api/cycles', { planYear: 2029, guidanceNumber: 'Công văn số 1/BKHCN', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2028-07-31' }), 201);
    const list = json<{ items: { id: string }[] }>(await officer.request('GET', `/api/reports?cycleId=${opened.cycle.id}`));
    const next = json<{ report: Report }>(await officer.request('GET', `/api/reports/${list.items[0]!.id}`)).report;
    expect(next.reportYear).toBe(2028);
    const lines = next.implementation.budget.lines;
    expect(lines[2]!.children[0]!.children[0]!.amount).toBe(400_000_000);
    expect(next.implementation.budget.disbursed).toBe(310_000_000);
    const progress = json<{ expected: number }>(await reviewer.request('GET', `/api/cycles/${opened.cycle.id}/progress`));
    expect(progress.expected).toBe(114);
  });

  it('extends one unit\'s deadline (admin only) and keeps the audit chain intact', async () => {
    const units = json<{ items: { id: string; name: string }[] }>(await admin.request('GET', '/api/units?q=an lao'));
    const anLao = units.items.find((u) => u.name === 'An Lão')!;
    expect((await reviewer.request('PUT', `/api/cycles/${cycleId}/deadlines/${anLao.id}`, { deadline: '2027-08-15' })).statusCode).toBe(403);
    expect((await admin.request('PUT', `/api/cycles/${cycleId}/deadlines/${anLao.id}`, { deadline: '2027-07-01' })).statusCode).toBe(400);
    json(await admin.request('PUT', `/api/cycles/${cycleId}/deadlines/${anLao.id}`, { deadline: '2027-08-15' }));
    const progress = json<{ rows: { unit: { name: string }; deadline: string }[] }>(await reviewer.request('GET', `/api/cycles/${cycleId}/progress`));
    expect(progress.rows.find((r) => r.unit.name === 'An Lão')?.deadline).toBe('2027-08-15');
    const audit = await verifyAudit(t.store);
    expect(audit.ok).toBe(true);
    const actions = await t.store.db.selectFrom('audit_log').select('action').where('action', 'in', ['approve', 'extend_deadline']).execute();
    expect(actions.length).toBeGreaterThanOrEqual(2);
  });
});

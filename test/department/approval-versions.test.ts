import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { migrate } from '../../src/store/db.ts';
import { signIn, testApp, type Client, expectJson } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { kienThuy2028 } from '../helpers/kien-thuy-2028.ts';

/**
 * Issue 14 point 1 and 6, issue 13's rule on approved amounts: an approval above the request needs
 * a confirmed reason; a recorded approval is corrected only by a new audited version (the old one
 * kept), which disbursement and the Department's figures then follow; a recorded disbursement is
 * corrected by a new record that replaces it. Kiến Thụy's reference budget (3.480 triệu; line
 * p-1-1 60 triệu, p-3-1-1 500 triệu), accepted for plan year 2028.
 */
const databases = await testDatabases();

interface Header { version: number; decisionNumber: string; requestedTotal: number; approvedTotal: number; aboveRequestReason: string | null; correctionReason: string | null }
interface Exec {
  approval: Header | null;
  approvalVersions: (Header & { changes: { lineId: string; before: number; after: number }[] })[];
  lines: { lineId: string; requested: number; approved: number; disbursed: number }[];
  disbursements: { id: string; lineId: string; amount: number; corrects: string | null; correctionReason: string | null; supersededBy: string | null }[];
  disbursedTotal: number;
}
const ABOVE = 'Bổ sung theo Nghị quyết số 12/NQ-HĐND của HĐND xã';

describe.each(databases)('approval versions and disbursement corrections on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let reviewer: Client;
  let officer: Client;
  let other: Client;
  let cycleId = '';
  let reportId = '';
  /** The accepted version the admin reads: the approval names it (If-Match). */
  let acceptedVersion = 0;
  let firstPaid = '';

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [admin, reviewer, officer, other] = await Promise.all([signIn(app, 'so.quantri'), signIn(app, 'so.chuyenvien'), signIn(app, 'kienthuy.canbo'), signIn(app, 'anlao.canbo')]);
    const chairman = await signIn(app, 'kienthuy.chutich');
    const units = (await admin.request('GET', '/api/units?q=kien thuy')).json() as { items: { id: string; name: string }[] };
    const opened = await admin.request('POST', '/api/cycles', {
      planYear: 2028, guidanceNumber: 'Công văn số 999/BKHCN-KHTC', guidanceDate: '2027-06-15', guidanceIssuer: 'Bộ Khoa học và Công nghệ', deadline: '2027-07-31',
      unitIds: units.items.filter((u) => u.name === 'Kiến Thụy').map((u) => u.id),
    });
    cycleId = (opened.json() as { cycle: { id: string } }).cycle.id;
    reportId = ((await officer.request('GET', `/api/reports?cycleId=${cycleId}`)).json() as { items: { id: string }[] }).items[0]!.id;
    const current = (await officer.request('GET', `/api/reports/${reportId}`)).json() as { meta: { version: number } };
    expect((await officer.request('PUT', `/api/reports/${reportId}`, kienThuy2028(), { 'if-match': String(current.meta.version) })).statusCode).toBe(200);
    const submitted = await chairman.request('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(current.meta.version + 1) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const version = (submitted.json() as { meta: { version: number } }).meta.version;
    const accepted = await reviewer.request('POST', `/api/reports/${reportId}/accept`, {}, { 'if-match': String(version) });
    expect(accepted.statusCode, accepted.body).toBe(200);
    acceptedVersion = (accepted.json() as { meta: { version: number } }).meta.version;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const json = expectJson;
  const errorOf = (res: { statusCode: number; json(): unknown }) => (res.json() as { error: { code: string; message: string; lines?: unknown } }).error;
  const execution = async (who = admin) => json<Exec>(await who.request('GET', `/api/reports/${reportId}/execution`));
  const decision = { decisionNumber: '456/QĐ-UBND', decisionDate: '2027-12-20' };
  // "10,5" triệu typed for p-3-1-1; p-1-1 raised from 60 to 75 triệu.
  const lines = [{ lineId: 'p-1-1', approved: 75_000_000 }, { lineId: 'p-3-1-1', approved: 10_500_000 }];

  it('refuses a line approved above its request without a confirmed reason, and records nothing', async () => {
    const bare = await admin.request('POST', `/api/reports/${reportId}/approval`, { ...decision, lines }, { 'if-match': String(acceptedVersion) });
    expect(bare.statusCode).toBe(422);
    expect(errorOf(bare)).toMatchObject({ code: 'ABOVE_REQUEST_NEEDS_REASON', lines: [{ lineId: 'p-1-1', requested: 60_000_000, approved: 75_000_000 }] });
    expect(errorOf(bare).message).toContain('Chi hỗ trợ thường xuyên');
    const blank = await admin.request('POST', `/api/reports/${reportId}/approval`, { ...decision, lines, aboveRequest: { confirmed: true, reason: '   ' } }, { 'if-match': String(acceptedVersion) });
    expect(errorOf(blank).code).toBe('ABOVE_REQUEST_NEEDS_REASON');
    const unconfirmed = await admin.request('POST', `/api/reports/${reportId}/approval`, { ...decision, lines, aboveRequest: { confirmed: false, reason: ABOVE } }, { 'if-match': String(acceptedVersion) });
    expect(unconfirmed.statusCode).toBe(400);
    expect((await execution()).approval).toBeNull();
    expect(json<{ meta: { status: string } }>(await admin.request('GET', `/api/reports/${reportId}`)).meta.status).toBe('accepted');
  });

  it('records the approval with the confirmed reason, in the approval and in the audit', async () => {
    const exec = json<Exec>(await admin.request('POST', `/api/reports/${reportId}/approval`, { ...decision, lines, aboveRequest: { confirmed: true, reason: ABOVE } }, { 'if-match': String(acceptedVersion) }), 201);
    expect(exec.approval).toMatchObject({ version: 1, requestedTotal: 3_480_000_000, approvedTotal: 3_005_500_000, aboveRequestReason: ABOVE, correctionReason: null });
    expect(exec.lines.find((l) => l.lineId === 'p-3-1-1')).toMatchObject({ requested: 500_000_000, approved: 10_500_000 });
    const audit = await t.store.db.selectFrom('audit_log').select('after_json').where('entity', '=', 'report').where('entity_id', '=', reportId).where('action', '=', 'approve').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ aboveRequestReason: ABOVE, approvedTotal: 3_005_500_000, approvalVersion: 1 });
    const again = await admin.request('POST', `/api/reports/${reportId}/approval`, { ...decision, lines, aboveRequest: { confirmed: true, reason: ABOVE } }, { 'if-match': String(acceptedVersion) });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('APPROVAL_LOCKED');
  });

  it('the commune disburses within the approved 10,5 triệu only', async () => {
    expect((await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 11_000_000, date: '2028-03-01' })).statusCode).toBe(422);
    const exec = json<Exec>(await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 8_000_000, date: '2028-03-01', note: 'Đợt 1' }), 201);
    firstPaid = exec.disbursements[0]!.id;
    expect(exec.disbursedTotal).toBe(8_000_000);
  });

  it('an admin corrects the approval with a new version; the first is kept and everything follows the latest', async () => {
    const correction = { ...decision, lines: [{ lineId: 'p-3-1-1', approved: 400_000_000 }], expectedVersion: 1, reason: 'Nhập nhầm 10,5 triệu; Quyết định ghi 400 triệu.', aboveRequest: { confirmed: true, reason: ABOVE } };
    const url = `/api/reports/${reportId}/approval/versions`;
    expect((await reviewer.request('POST', url, correction)).statusCode).toBe(403);
    expect((await officer.request('POST', url, correction)).statusCode).toBe(403);
    expect((await admin.request('POST', url, { ...correction, reason: '' })).statusCode).toBe(400);
    const stale = await admin.request('POST', url, { ...correction, expectedVersion: 2 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'APPROVAL_VERSION_CONFLICT']);
    const below = await admin.request('POST', url, { ...correction, lines: [{ lineId: 'p-3-1-1', approved: 5_000_000 }] });
    expect([below.statusCode, errorOf(below).code]).toEqual([422, 'APPROVED_BELOW_DISBURSED']);
    const noReason = await admin.request('POST', url, { ...correction, aboveRequest: undefined });
    expect(errorOf(noReason).code).toBe('ABOVE_REQUEST_NEEDS_REASON');
    const same = await admin.request('POST', url, { ...correction, lines: [] });
    expect(errorOf(same).code).toBe('APPROVAL_UNCHANGED');

    const exec = json<Exec>(await admin.request('POST', url, correction), 201);
    expect(exec.approval).toMatchObject({ version: 2, approvedTotal: 3_395_000_000, correctionReason: 'Nhập nhầm 10,5 triệu; Quyết định ghi 400 triệu.' });
    expect(exec.lines.find((l) => l.lineId === 'p-3-1-1')).toMatchObject({ approved: 400_000_000, disbursed: 8_000_000 });
    expect(exec.lines.find((l) => l.lineId === 'p-1-1')?.approved).toBe(75_000_000);
    expect(exec.approvalVersions.map((v) => [v.version, v.approvedTotal])).toEqual([[2, 3_395_000_000], [1, 3_005_500_000]]);
    expect(exec.approvalVersions[0]!.changes).toEqual([{ lineId: 'p-3-1-1', title: 'trang bị máy tính, máy quét tốc độ cao', before: 10_500_000, after: 400_000_000 }]);
    const v1 = await t.store.db.selectFrom('approval_lines').select('approved').where('report_id', '=', reportId).where('version', '=', 1).where('line_id', '=', 'p-3-1-1').executeTakeFirstOrThrow();
    expect(v1.approved).toBe(10_500_000);

    // Disbursement, the Department's execution view and the timeline follow version 2.
    json(await officer.request('POST', `/api/reports/${reportId}/disbursements`, { lineId: 'p-3-1-1', amount: 200_000_000, date: '2028-04-01' }), 201);
    const overview = json<{ approved: number; disbursed: number }>(await reviewer.request('GET', `/api/cycles/${cycleId}/execution`));
    expect(overview).toMatchObject({ approved: 3_395_000_000, disbursed: 208_000_000 });
    const board = json<{ dashboard: { execution: { approved: number; disbursed: number } } }>(await reviewer.request('GET', `/api/dashboard?cycleId=${cycleId}`));
    expect(board.dashboard.execution).toMatchObject({ approved: 3_395_000_000, disbursed: 208_000_000 });
    const timeline = json<{ items: { action: string; reason: string | null }[] }>(await officer.request('GET', `/api/reports/${reportId}/events`));
    expect(timeline.items.at(-1)).toMatchObject({ action: 'approval_correct', reason: 'Điều chỉnh phê duyệt (phiên bản 2): Nhập nhầm 10,5 triệu; Quyết định ghi 400 triệu.' });
    const audit = await t.store.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity', '=', 'approval').where('action', '=', 'correct').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ approvalVersion: 1, approvedTotal: 3_005_500_000 });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ approvalVersion: 2, approvedTotal: 3_395_000_000, reason: 'Nhập nhầm 10,5 triệu; Quyết định ghi 400 triệu.' });
  });

  it('the commune corrects a recorded disbursement with a new record; the old one stays, replaced', async () => {
    const url = (id: string) => `/api/reports/${reportId}/disbursements/${id}/corrections`;
    const body = { amount: 6_500_000, date: '2028-03-02', note: 'Đợt 1 (chứng từ 15/GN)', reason: 'Chứng từ ghi 6,5 triệu, không phải 8 triệu.' };
    expect((await reviewer.request('POST', url(firstPaid), body)).statusCode).toBe(403);
    expect((await other.request('POST', url(firstPaid), body)).statusCode).toBe(404);
    expect((await officer.request('POST', url(firstPaid), { ...body, reason: '' })).statusCode).toBe(400);
    const outside = await officer.request('POST', url(firstPaid), { ...body, date: '2027-12-31' });
    expect([outside.statusCode, errorOf(outside).message]).toEqual([400, 'Ngày giải ngân phải là một ngày trong năm 2028 (từ 01/01/2028 đến 31/12/2028).']);
    const over = await officer.request('POST', url(firstPaid), { ...body, amount: 200_000_001 });
    expect(errorOf(over).code).toBe('OVER_APPROVED');

    const exec = json<Exec>(await officer.request('POST', url(firstPaid), body), 201);
    const old = exec.disbursements.find((d) => d.id === firstPaid)!;
    const replacement = exec.disbursements.find((d) => d.corrects === firstPaid)!;
    expect(old).toMatchObject({ amount: 8_000_000, supersededBy: replacement.id });
    expect(replacement).toMatchObject({ amount: 6_500_000, correctionReason: 'Chứng từ ghi 6,5 triệu, không phải 8 triệu.', supersededBy: null });
    expect(exec.disbursedTotal).toBe(206_500_000);
    expect(exec.lines.find((l) => l.lineId === 'p-3-1-1')?.disbursed).toBe(206_500_000);

    const twice = await officer.request('POST', url(firstPaid), body);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'DISBURSEMENT_SUPERSEDED']);
    // Amount 0 cancels a wrong record; the Department's totals follow.
    const cancelled = json<Exec>(await officer.request('POST', url(replacement.id), { amount: 0, date: '2028-03-02', reason: 'Ghi trùng với đợt 2.' }), 201);
    expect(cancelled.disbursedTotal).toBe(200_000_000);
    expect(cancelled.disbursements).toHaveLength(4);
    const overview = json<{ disbursed: number }>(await reviewer.request('GET', `/api/cycles/${cycleId}/execution`));
    expect(overview.disbursed).toBe(200_000_000);
    const audits = await t.store.db.selectFrom('audit_log').select('action').where('entity', '=', 'disbursement').where('action', '=', 'correct').execute();
    expect(audits).toHaveLength(2);
    expect((await verifyAudit(t.store)).ok).toBe(true);
  });
});

describe.each(databases)('migration 006 on an existing %s database', (kind) => {
  it('moves each recorded approval into version 1 and keeps its disbursements', async () => {
    const t = await freshDatabase(kind, '005_login_throttle');
    try {
      const db = t.store.db;
      const raw = db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      await raw.insertInto('provinces').values({ id: 'p', code: '31', name: 'Hải Phòng', search_text: 'hai phong' }).execute();
      await raw.insertInto('units').values({ id: 'u', province_id: 'p', code: '1', name: 'Kiến Thụy', kind: 'xã', search_text: 'kien thuy' }).execute();
      await raw.insertInto('cycles').values({ id: 'c', province_id: 'p', report_year: 2025, plan_year: 2026, guidance_number: 'x', guidance_issuer: 'x', deadline: '2025-07-31', status: 'closed', created_at: '2025-01-01' }).execute();
      await raw.insertInto('reports').values({ id: 'r', cycle_id: 'c', unit_id: 'u', province_id: 'p', status: 'approved', version: 4, body: '{}', created_at: '2025-01-01', updated_at: '2025-01-01' }).execute();
      await raw.insertInto('approvals').values({ report_id: 'r', cycle_id: 'c', province_id: 'p', unit_id: 'u', decision_number: '3150/QĐ-UBND', decision_date: '2025-12-16', report_version: 3, requested_total: 560_000_000, approved_total: 510_000_000, created_at: '2025-12-17', created_by: null }).execute();
      await raw.insertInto('approved_lines').values([
        { report_id: 'r', line_id: 'a', position: 0, field: 'science', budget_code: null, kind: 'recurrent', title: 'Dòng A', funding_source: null, requested: 60_000_000, approved: 10_000_000 },
        { report_id: 'r', line_id: 'b', position: 1, field: 'digital', budget_code: null, kind: 'recurrent', title: 'Dòng B', funding_source: null, requested: 500_000_000, approved: 500_000_000 },
      ]).execute();
      await raw.insertInto('disbursements').values({ id: 'd', report_id: 'r', province_id: 'p', unit_id: 'u', line_id: 'b', amount: 7_000_000, disbursed_on: '2026-03-01', note: null, created_at: '2026-03-01', created_by: null }).execute();

      // 006 and every migration after it.
      expect((await migrate(t.store))[0]).toBe('006_approval_versions');
      expect(await db.selectFrom('approvals').selectAll().execute()).toEqual([{ report_id: 'r', cycle_id: 'c', province_id: 'p', unit_id: 'u', version: 1, created_at: '2025-12-17', created_by: null }]);
      expect(await db.selectFrom('approval_versions').select(['version', 'decision_number', 'decision_date', 'report_version', 'requested_total', 'approved_total', 'correction_reason']).execute())
        .toEqual([{ version: 1, decision_number: '3150/QĐ-UBND', decision_date: '2025-12-16', report_version: 3, requested_total: 560_000_000, approved_total: 510_000_000, correction_reason: null }]);
      expect(await db.selectFrom('approval_lines').select(['version', 'line_id', 'approved']).orderBy('position').execute())
        .toEqual([{ version: 1, line_id: 'a', approved: 10_000_000 }, { version: 1, line_id: 'b', approved: 500_000_000 }]);
      expect(await db.selectFrom('disbursements').select(['id', 'amount', 'corrects']).execute()).toEqual([{ id: 'd', amount: 7_000_000, corrects: null }]);
    } finally {
      await t.cleanup();
    }
  });
});

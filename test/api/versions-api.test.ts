import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { unzip } from '../documents/render-helpers.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';

const databases = await testDatabases();

interface Loaded { report: Report; meta: { version: number; status: string } }
interface VersionItem { version: number; action: string; sourceVersion: number | null }

/**
 * Versions as people make them (issue 14, points 6 and 9): an autosave identical to the current
 * version is no version; an import is recorded as one; an earlier version is restored as a new,
 * audited version, guarded by If-Match, with coded errors for every refusal.
 */
describe.each(databases)('versions API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let chairman: Client;
  let reviewer: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await testApp(t.store);
    [officer, chairman, reviewer] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'kienthuy.chutich'), signIn(app, 'so.chuyenvien')]);
    reportId = ((await officer.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async () => (await officer.request('GET', `/api/reports/${reportId}`)).json() as Loaded;
  const versions = async () => ((await officer.request('GET', `/api/reports/${reportId}/versions`)).json() as { items: VersionItem[] }).items;
  const audits = () => t.store.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', reportId).orderBy('seq').execute();
  const put = (c: Client, report: Report, version: number, query = '') => c.request('PUT', `/api/reports/${reportId}${query}`, report, { 'if-match': String(version) });
  const restore = (c: Client, source: number, version: number) => c.request('POST', `/api/reports/${reportId}/versions/${source}/restore`, undefined, { 'if-match': String(version) });

  it('writes no version and no audit entry for a save identical to the current version', async () => {
    const { report, meta } = await load();
    const before = { versions: (await versions()).length, audits: (await audits()).length };
    const same = await put(officer, report, meta.version);
    expect(same.statusCode).toBe(200);
    expect(same.json().meta.version).toBe(meta.version);
    expect((await versions()).length).toBe(before.versions);
    expect((await audits()).length).toBe(before.audits);
    // A stale identical save is still a conflict: the shortcut never hides a newer version.
    report.document.number = '12/BC-UBND';
    expect((await put(officer, report, meta.version)).statusCode).toBe(200);
    report.document.number = undefined;
    const stale = await put(chairman, (await load()).report, meta.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('records a save of imported content as "import"', async () => {
    const { report, meta } = await load();
    report.implementation.digitalTeams = { teams: 21, members: 130 };
    const res = await put(officer, report, meta.version, '?action=import');
    expect(res.statusCode).toBe(200);
    const [newest] = await versions();
    expect(newest).toMatchObject({ version: meta.version + 1, action: 'import', sourceVersion: null });
    expect((await audits()).at(-1)?.action).toBe('import');
    expect((await put(officer, report, meta.version + 1, '?action=delete')).statusCode).toBe(400);
  });

  it('restores version 1 as a new version, audited with its source, and refuses with coded errors', async () => {
    const { report: v1 } = (await officer.request('GET', `/api/reports/${reportId}/versions/1`)).json() as Loaded;
    const { meta } = await load();

    const stale = await restore(officer, 1, meta.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: meta.version });
    expect((await restore(officer, 999, meta.version)).json().error.code).toBe('VERSION_NOT_FOUND');
    expect((await restore(reviewer, 1, meta.version)).statusCode).toBe(403);
    const noHeader = await officer.request('POST', `/api/reports/${reportId}/versions/1/restore`);
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBeTypeOf('string');
    expect((await versions())[0]!.version).toBe(meta.version);

    const res = await restore(officer, 1, meta.version);
    expect(res.statusCode).toBe(200);
    const restored = res.json() as Loaded;
    expect(restored.meta.version).toBe(meta.version + 1);
    expect(restored.report).toEqual(v1);
    expect(restored.report.implementation.digitalTeams).toEqual(v1.implementation.digitalTeams);
    expect((await versions())[0]).toMatchObject({ version: meta.version + 1, action: 'restore', sourceVersion: 1 });
    // Nothing is lost: the version before the restore is still there, unchanged.
    const previous = (await officer.request('GET', `/api/reports/${reportId}/versions/${meta.version}`)).json() as Loaded;
    expect(previous.report.implementation.digitalTeams).toEqual({ teams: 21, members: 130 });
    const entry = (await audits()).at(-1)!;
    expect(entry.action).toBe('restore');
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ version: meta.version + 1, restoredFrom: 1 });

    const again = await restore(officer, 1, meta.version + 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SAME_AS_CURRENT');
    expect((await verifyAudit(t.store)).ok).toBe(true);
  });

  it('refuses to restore a submitted report (409 REPORT_LOCKED); the draft’s document is marked "DỰ THẢO", the submitted one not', async () => {
    const headers = async () => {
      const res = await officer.request('GET', `/api/reports/${reportId}/document.docx`);
      expect(res.statusCode).toBe(200);
      return Object.entries(unzip(new Uint8Array(res.rawPayload))).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml).join('');
    };
    expect(await headers()).toContain('DỰ THẢO');
    const { report, meta } = await load();
    // The seed's three dossier mismatches, corrected (in the paragraph stating them too), and the
    // document's number and date filled in, so that the chairman can submit.
    Object.assign(report.implementation.dossiers, { receivedInPeriod: 6609, total: 6797, pendingOnTime: 69 });
    report.implementation.results.digital[0] = report.implementation.results.digital[0]!.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ');
    Object.assign(report.document, { number: '125/BC-UBND', date: '2026-07-05' });
    expect((await put(chairman, report, meta.version)).statusCode).toBe(200);
    const submitted = await chairman.request('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(meta.version + 1) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const res = await restore(officer, 2, meta.version + 2);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_LOCKED');
    expect(await headers()).not.toContain('DỰ THẢO');
  });
});

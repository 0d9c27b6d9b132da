import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { MAX_BUDGET_DEPTH } from '../../src/domain/limits.ts';
import { signIn, testApp, type Client } from '../helpers/api.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { reportWithDepth } from '../helpers/limit-reports.ts';

/**
 * A report saved before the limits existed and over one of them (here a budget 40 levels deep,
 * as the old server accepted) is still read: the officer sees it, its checks answer, nothing of
 * it is lost; only the next save is refused, with the limit's code, until it fits.
 */
const databases = await testDatabases();

describe.each(databases)('a report stored over today\'s limits on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let officer: Client;
  let reportId: string;
  const DEPTH = 40;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    const row = await t.store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').select(['reports.id', 'reports.version', 'reports.body'])
      .where('units.name', '=', 'Kiến Thụy').executeTakeFirstOrThrow();
    reportId = row.id;
    // Written as the old server stored it: the body of the current version, with its identity.
    const deep = { ...reportWithDepth(DEPTH), commune: (JSON.parse(row.body) as { commune: unknown }).commune };
    const body = JSON.stringify(deep);
    await t.store.db.updateTable('reports').set({ body }).where('id', '=', row.id).execute();
    await t.store.db.updateTable('report_versions').set({ body }).where('report_id', '=', row.id).where('version', '=', row.version).execute();
    app = await testApp(t.store);
    officer = await signIn(app, 'kienthuy.canbo');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('is read whole, its checks answer, and the next save says which limit to meet', async () => {
    const res = await officer.request('GET', `/api/reports/${reportId}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const loaded = res.json() as { report: { plan: { budget: { children: unknown[]; title: string }[] } }; meta: { version: number } };
    let depth = 0;
    for (let node: { children: unknown[] } | undefined = loaded.report.plan.budget[0]; node; node = node.children[0] as { children: unknown[] } | undefined) depth++;
    expect(depth).toBe(DEPTH);

    const checks = await officer.request('GET', `/api/reports/${reportId}/checks`);
    expect(checks.statusCode, checks.body.slice(0, 300)).toBe(200);

    const saved = await officer.request('PUT', `/api/reports/${reportId}`, loaded.report, { 'if-match': String(loaded.meta.version) });
    expect(saved.statusCode).toBe(400);
    expect((saved.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BUDGET_TOO_DEEP', message: expect.stringContaining(String(MAX_BUDGET_DEPTH)) });

    const fitted = reportWithDepth(MAX_BUDGET_DEPTH);
    const ok = await officer.request('PUT', `/api/reports/${reportId}`, fitted, { 'if-match': String(loaded.meta.version) });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
  });
});

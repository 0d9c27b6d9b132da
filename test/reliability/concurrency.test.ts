import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { Report } from '../../src/domain/report-schema.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { signIn, type Client } from '../security/api-client.ts';

/**
 * Several people editing one report at once: optimistic versioning (If-Match) must never lose
 * an update, and every saved version is stored exactly once.
 */
const databases = await testDatabases();

interface Loaded { report: Report; meta: { version: number } }
interface Conflict { error: { code: string; currentVersion: number; current: Loaded } }

describe.each(databases)('concurrent editors on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let editors: Client[];
  let reportId: string;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await seedDemo(t.store);
    app = await buildApp({ store: t.store });
    await app.ready();
    // Ten sessions of the two Kiến Thụy accounts (one person may have several tabs open).
    editors = [];
    for (let i = 0; i < 10; i++) editors.push(await signIn(app, i % 2 ? 'kienthuy.chutich' : 'kienthuy.canbo'));
    const list = (await editors[0]!.request({ method: 'GET', url: '/api/reports' })).json() as { items: { id: string }[] };
    reportId = list.items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const load = async (c: Client) => (await c.request({ method: 'GET', url: `/api/reports/${reportId}` })).json() as Loaded;
  const put = (c: Client, version: number, report: Report) => c.request({ method: 'PUT', url: `/api/reports/${reportId}`, headers: { 'if-match': String(version) }, payload: report as unknown as Record<string, unknown> });
  const withNote = (r: Report, note: string): Report => ({ ...r, implementation: { ...r.implementation, leadership: { ...r.implementation.leadership, paragraphs: [...r.implementation.leadership.paragraphs, note] } } });

  async function versionsAreClean(): Promise<void> {
    const rows = await t.store.db.selectFrom('report_versions').select('version').where('report_id', '=', reportId).orderBy('version').execute();
    const versions = rows.map((r) => r.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    const current = await t.store.db.selectFrom('reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(current.version).toBe(versions.at(-1));
  }

  for (const n of [2, 10]) {
    it(`${n} editors saving the same version at once: exactly one wins, the others get 409 with the current version`, async () => {
      const base = await load(editors[0]!);
      const results = await Promise.all(editors.slice(0, n).map((c, i) => put(c, base.meta.version, withNote(base.report, `Cùng lúc ${n}: người ${i}`))));
      const ok = results.filter((r) => r.statusCode === 200);
      const conflicts = results.filter((r) => r.statusCode === 409);
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(n - 1);
      for (const c of conflicts) {
        const body = c.json() as Conflict;
        expect(body.error.code).toBe('VERSION_CONFLICT');
        expect(body.error.currentVersion).toBe(base.meta.version + 1);
        expect(body.error.current.meta.version).toBe(base.meta.version + 1);
      }
      await versionsAreClean();
    });

    it(`${n} editors each adding a paragraph, retrying on 409: no update is lost`, async () => {
      const marker = `Ý kiến (${n} người) số`;
      await Promise.all(editors.slice(0, n).map(async (c, i) => {
        let current = await load(c);
        for (let attempt = 0; attempt < 50; attempt++) {
          const res = await put(c, current.meta.version, withNote(current.report, `${marker} ${i}`));
          if (res.statusCode === 200) return;
          expect(res.statusCode).toBe(409);
          // The 409 carries the current report: merge onto it and try again, as the UI does.
          current = (res.json() as Conflict).error.current;
        }
        throw new Error(`editor ${i} never saved`);
      }));
      const final = await load(editors[0]!);
      const notes = final.report.implementation.leadership.paragraphs.filter((p) => p.startsWith(marker)).sort();
      expect(notes).toEqual(Array.from({ length: n }, (_, i) => `${marker} ${i}`).sort());
      await versionsAreClean();
      expect((await verifyAudit(t.store)).ok).toBe(true);
    }, 60_000);
  }
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { signIn } from '../security/api-client.ts';
import { buildWorld } from '../security/world.ts';
import { apiTarget, domainTargets, limitsTarget, type ApiFuzzContext } from './fuzz-targets.ts';

// PDF conversion is not what is fuzzed here; without LibreOffice the PDF routes answer 503 at once.
process.env.KHCN_SOFFICE = '/nonexistent/khcn-test-soffice';

/** The short fuzz run of `npm test`; `npm run fuzz` runs the same targets with 100.000 inputs. */
const RUNS = Number(process.env.KHCN_FUZZ_RUNS ?? 150);
/** Each limit case saves up to 2.500 budget lines: fewer random ones than the other targets. */
const LIMIT_RUNS = Math.max(10, Math.round(RUNS / 5));

describe('fuzzing (short run)', () => {
  for (const target of domainTargets()) {
    it(`${target.name}: ${RUNS} inputs, every rejection coded`, () => target.run(RUNS), 60_000);
  }

  describe('API', () => {
    let t: TestDb;
    let app: FastifyInstance;
    const routes: ApiFuzzContext['routes'] = [];
    let ctx: ApiFuzzContext;
    beforeAll(async () => {
      t = await freshDatabase('sqlite');
      const world = await buildWorld(t.store);
      app = await buildApp({ store: t.store, onRoute: (r) => { if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url }); } });
      await app.ready();
      const officer = await signIn(app, 'kienthuy.canbo');
      ctx = { app, routes, session: { cookie: officer.cookie ?? '', csrf: officer.csrf ?? '' }, ownReportId: world.hp.own.reportId };
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it(`random JSON to every route: ${RUNS * 2} inputs, no 500, every error coded`, () => apiTarget(ctx).run(RUNS * 2), 60_000);

    // Every boundary once (the target's examples) plus random cases near the limits.
    it(`PUT bodies at and past every limit: the boundaries and ${LIMIT_RUNS} random cases, no 500, the right code, nothing half-written`, () => limitsTarget(ctx).run(LIMIT_RUNS), 180_000);
  });
});

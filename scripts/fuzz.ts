// `npm run fuzz`: the long fuzz run — 100.000 generated inputs over the importer, the checker,
// the number parser, amount words, every API route and PUT bodies near every limit (the short
// run is in `npm test`).
// Usage: npm run fuzz [-- --total N] [-- --seed S]
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app.ts';
import { freshDatabase } from '../test/helpers/databases.ts';
import { signIn } from '../test/security/api-client.ts';
import { buildWorld } from '../test/security/world.ts';
import { apiTarget, domainTargets, limitsTarget, type ApiFuzzContext, type FuzzTarget } from '../test/reliability/fuzz-targets.ts';

process.env.KHCN_SOFFICE = '/nonexistent/khcn-fuzz-soffice';
const { values } = parseArgs({ options: { total: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const total = Number(values.total);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

// Shares of the total: the DOCX importer is the slowest per input (it unzips and parses XML), and
// a limit case saves up to 2.500 budget lines (a few hundred ms).
const SHARES: Record<string, number> = { 'importer (.txt': 0.2, 'importer (.docx': 0.05, checker: 0.2, 'number parser': 0.2, 'amount words': 0.15, 'API limits': 0.005, API: 0.195 };
const share = (name: string) => Object.entries(SHARES).find(([k]) => name.startsWith(k))?.[1] ?? 0.1;

const db = await freshDatabase('sqlite');
const routes: ApiFuzzContext['routes'] = [];
const app = await buildApp({ store: db.store, onRoute: (r) => { if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url }); } });
let failed = false;
try {
  const world = await buildWorld(db.store);
  await app.ready();
  const officer = await signIn(app, 'kienthuy.canbo');
  const ctx: ApiFuzzContext = { app, routes, session: { cookie: officer.cookie ?? '', csrf: officer.csrf ?? '' }, ownReportId: world.hp.own.reportId };
  const targets: FuzzTarget[] = [...domainTargets(), apiTarget(ctx), limitsTarget(ctx)];
  console.log(`Fuzz: ${total} đầu vào, seed ${seed}, ${routes.length} tuyến API`);
  let done = 0;
  const started = Date.now();
  for (const target of targets) {
    const runs = Math.round(total * share(target.name));
    const t0 = Date.now();
    try {
      await target.run(runs, seed);
      console.log(`  ✓ ${target.name}: ${runs} đầu vào, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed = true;
      const cause = e instanceof Error && e.cause instanceof Error ? `\n    → ${e.cause.message}` : '';
      console.log(`  ✗ ${target.name}: ${e instanceof Error ? e.message : String(e)}${cause}`);
    }
    done += runs;
  }
  console.log(`Tổng: ${done} đầu vào trong ${((Date.now() - started) / 1000).toFixed(0)} s — ${failed ? 'CÓ LỖI' : 'không lỗi, không 500, không treo'}`);
} finally {
  await app.close();
  await db.cleanup();
}
process.exit(failed ? 1 : 0);

// `npm run bench [-- --quick] [-- --skip-pg]`: every figure beside a baseline measured in the same
// run, a table on stdout and bench/results.json. Not a test: nothing here fails on a slow machine.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { consolidationFigures } from './consolidation.ts';
import { dashboardFigure } from './dashboard.ts';
import { documentFigures } from './documents.ts';
import { burstFigures, getReportFigures } from './http.ts';
import { missingFigure, table, type BenchContext, type Figure } from './lib.ts';
import { dropPostgresCaches, dropSqliteCache, postgresNational, sqliteNational } from './national-db.ts';
import { webFigures } from './web.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'skip-pg': { type: 'boolean', default: false }, 'skip-web': { type: 'boolean', default: false }, clean: { type: 'boolean', default: false } } });
const started = Date.now();
const ctx: BenchContext = { quick: values.quick, log: (line) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`) };
const load = [loadavg()[0]!];
const figures: Figure[] = [];

/** A section that fails is reported as such in the table; the others still run. */
async function section(name: string, goal: string, run: () => Promise<Figure[] | Figure>): Promise<void> {
  ctx.log(name);
  try {
    const out = await run();
    figures.push(...(Array.isArray(out) ? out : [out]));
  } catch (e) {
    ctx.log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
    figures.push(missingFigure(name, goal, `failed: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`));
  }
  load.push(loadavg()[0]!);
}

// The national datasets first, before anything is timed: on a cold run both are generated at
// once (two processes, plus PostgreSQL's own work: the cores overlap), and no figure is measured
// beside a generator.
ctx.log('national data…');
const dataStarted = Date.now();
const [sqliteData, pgData] = await Promise.allSettled([sqliteNational(ctx), values['skip-pg'] ? Promise.resolve(null) : postgresNational(ctx)]);
const dataSeconds = Math.round((Date.now() - dataStarted) / 1000);
ctx.log(`national data ready in ${dataSeconds} s`);
if (sqliteData.status === 'rejected') {
  if (pgData.status === 'fulfilled') await pgData.value?.drop();
  throw sqliteData.reason;
}
const sqlite = sqliteData.value;

await section('documents', 'see table', () => documentFigures(ctx));
try {
  await section('consolidation', 'ratio ≤ 1.5', () => consolidationFigures(ctx, sqlite.target));
  await section('dashboard (SQLite)', 'ratio ≤ 1.5', () => dashboardFigure(ctx, sqlite.target, 'SQLite'));
  await section('GET report (SQLite)', 'ratio ≥ 0.5', () => getReportFigures(ctx, sqlite.target, 'SQLite'));
  if (!values['skip-web']) await section('web', '≤ 1000 ms', () => webFigures(ctx, sqlite.target));
  await section('burst (SQLite)', '0 lost, p99 ≤ 150 ms', () => burstFigures(ctx, sqlite.target, 'SQLite'));
} finally {
  await sqlite.drop();
}
if (pgData.status === 'rejected') {
  const reason = pgData.reason instanceof Error ? pgData.reason.message.slice(0, 200) : String(pgData.reason);
  ctx.log(`national PostgreSQL data failed: ${reason}`);
  figures.push(missingFigure('PostgreSQL figures', 'see table', `national data failed: ${reason}`));
} else if (pgData.value) {
  const pgDb = pgData.value;
  try {
    await section('dashboard (PostgreSQL)', 'ratio ≤ 1.5', () => dashboardFigure(ctx, pgDb.target, 'PostgreSQL'));
    await section('GET report (PostgreSQL)', 'ratio ≥ 0.5', () => getReportFigures(ctx, pgDb.target, 'PostgreSQL'));
    await section('burst (PostgreSQL)', '0 lost, p99 ≤ 150 ms', () => burstFigures(ctx, pgDb.target, 'PostgreSQL'));
  } finally {
    await pgDb.drop();
  }
}

if (values.clean) {
  dropSqliteCache();
  if (!values['skip-pg']) await dropPostgresCaches();
}

const cpu = cpus();
const results = {
  machine: `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; 1-min load average during the run ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
  node: process.version,
  date: new Date().toISOString(),
  mode: values.quick ? 'quick' : 'full',
  seconds: Math.round((Date.now() - started) / 1000),
  /** Of which getting the national datasets ready (generated when not cached). */
  dataSeconds,
  figures,
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${table(figures)}\n\nMachine: ${results.machine}; Node ${results.node}; ${results.mode} run, ${results.seconds} s (national data ready in ${dataSeconds} s).\n`);

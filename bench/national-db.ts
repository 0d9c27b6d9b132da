import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BenchContext } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PG_ADMIN_URL = process.env.KHCN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const YEARS = 5;
export const SEED = 1;

/** What the generated data depends on: when any of it changes, the cached SQLite file is rebuilt. */
function sourceKey(): string {
  const h = createHash('sha256').update(`${YEARS}/${SEED}`);
  const files = [...readdirSync(join(ROOT, 'src/demo')).map((f) => `src/demo/${f}`), 'src/services/bulk-reports.ts', 'src/services/audit.ts', 'src/store/migrations.ts', 'src/services/report-rows.ts'];
  for (const f of files.sort()) h.update(readFileSync(join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

function generate(ctx: BenchContext, db: string): void {
  ctx.log(`khcn demo-data --national --years ${YEARS} --db ${db.replace(/\/\/[^@]*@/, '//')} …`);
  const r = spawnSync(process.execPath, ['bin/khcn.js', 'demo-data', '--national', '--years', String(YEARS), '--seed', String(SEED), '--db', db], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo-data failed: ${r.stderr}`);
  ctx.log(r.stdout.trim());
}

export interface BenchDb {
  target: string;
  drop(): Promise<void>;
}

/**
 * A national SQLite database to work on (and mutate: the burst submits its open cycle). The
 * generated file is cached outside the repository, keyed by the generator's sources, and copied.
 */
export function sqliteNational(ctx: BenchContext): BenchDb {
  const dir = join(tmpdir(), 'khcn-bench-cache');
  mkdirSync(dir, { recursive: true });
  const cached = join(dir, `national-${sourceKey()}.db`);
  if (!existsSync(cached)) {
    for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
    generate(ctx, `${cached}.partial`);
    copyFileSync(`${cached}.partial`, cached);
    rmSync(`${cached}.partial`, { force: true });
  } else ctx.log(`national SQLite data from cache (${cached})`);
  const target = join(tmpdir(), `khcn-bench-${process.pid}.db`);
  copyFileSync(cached, target);
  return { target, drop: async () => ['', '-wal', '-shm'].forEach((ext) => rmSync(`${target}${ext}`, { force: true })) };
}

const pgUrl = (name: string): string => PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}`);

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A national PostgreSQL database for this run, dropped afterwards. Generating it takes minutes,
 * so the generated database is kept as a template (khcn_bench_cache_<key>, keyed like the SQLite
 * cache) and each run works on a fast copy; `--clean` drops the template too.
 */
export async function postgresNational(ctx: BenchContext): Promise<BenchDb> {
  const cache = `khcn_bench_cache_${sourceKey()}`;
  const name = `khcn_bench_${process.pid}`;
  const cached = await withAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [cache])).rowCount === 1);
  if (!cached) {
    await dropPostgresCaches();
    await withAdmin((c) => c.query(`create database ${cache}`));
    try {
      generate(ctx, pgUrl(cache));
      // Fresh tables: give the planner statistics, as autovacuum would within a minute in production.
      const c = new pg.Client({ connectionString: pgUrl(cache) });
      await c.connect();
      await c.query('analyze');
      await c.end();
    } catch (e) {
      await withAdmin((c) => c.query(`drop database if exists ${cache} with (force)`));
      throw e;
    }
  } else ctx.log(`national PostgreSQL data from template ${cache}`);
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${cache}`);
  });
  return { target: pgUrl(name), drop: () => withAdmin(async (c) => void (await c.query(`drop database if exists ${name} with (force)`))) };
}

export async function dropPostgresCaches(): Promise<void> {
  await withAdmin(async (c) => {
    const rows = (await c.query<{ datname: string }>("select datname from pg_database where datname like 'khcn_bench_cache_%'")).rows;
    for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
  });
}

export function dropSqliteCache(): void {
  rmSync(join(tmpdir(), 'khcn-bench-cache'), { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
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

/** Runs `khcn demo-data --national` in a child process; resolves with the seconds it took. */
function generate(ctx: BenchContext, db: string): Promise<number> {
  const label = db.replace(/\/\/[^@]*@/, '//');
  ctx.log(`khcn demo-data --national --years ${YEARS} --db ${label} …`);
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/khcn.js', 'demo-data', '--national', '--years', String(YEARS), '--seed', String(SEED), '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`demo-data failed (${label}): ${stderr.slice(-2000)}`));
      const seconds = (performance.now() - started) / 1000;
      ctx.log(`${stdout.trim()} [${label}: generated in ${seconds.toFixed(0)} s]`);
      resolve(seconds);
    });
  });
}

export interface BenchDb {
  target: string;
  drop(): Promise<void>;
}

/**
 * A national SQLite database to work on (and mutate: the burst submits its open cycle). The
 * generated file is cached outside the repository, keyed by the generator's sources, and copied.
 */
export async function sqliteNational(ctx: BenchContext): Promise<BenchDb> {
  const dir = join(tmpdir(), 'khcn-bench-cache');
  mkdirSync(dir, { recursive: true });
  const cached = join(dir, `national-${sourceKey()}.db`);
  if (!existsSync(cached)) {
    for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
    await generate(ctx, `${cached}.partial`);
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
    // Generated under another name and renamed when complete: a run killed half-way leaves no
    // template that looks finished (the next run's dropPostgresCaches removes the leftover).
    const partial = `${cache}_partial`;
    await withAdmin((c) => c.query(`create database ${partial}`));
    try {
      await generate(ctx, pgUrl(partial));
      // Fresh tables: give the planner statistics, as autovacuum would within a minute in production.
      const c = new pg.Client({ connectionString: pgUrl(partial) });
      await c.connect();
      await c.query('analyze');
      await c.end();
      await renameDatabase(partial, cache);
    } catch (e) {
      await withAdmin((c) => c.query(`drop database if exists ${partial} with (force)`));
      throw e;
    }
  } else ctx.log(`national PostgreSQL data from template ${cache}`);
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${cache}`);
  });
  return { target: pgUrl(name), drop: () => withAdmin(async (c) => void (await c.query(`drop database if exists ${name} with (force)`))) };
}

/** ALTER DATABASE … RENAME needs the database unused: a backend may still be exiting after its client ended. */
async function renameDatabase(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`alter database ${from} rename to ${to}`));
      return;
    } catch (e) {
      // 55006: object_in_use.
      if (attempt >= 50 || (e as { code?: string }).code !== '55006') throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
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

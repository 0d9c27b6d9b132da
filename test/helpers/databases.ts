import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { Migrator } from 'kysely';
import { migrate, openStore, type DbKind, type Store } from '../../src/store/db.ts';
import { migrationProvider } from '../../src/store/migrations.ts';

/**
 * The databases every store/API suite runs on. SQLite always; PostgreSQL at 127.0.0.1:5432
 * (database `test`, trust auth) when reachable — and in CI (CI=true) it must be reachable,
 * or the suite fails instead of silently testing one database.
 */
export const PG_ADMIN_URL = process.env.KHCN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let cached: DbKind[] | undefined;

export async function testDatabases(): Promise<DbKind[]> {
  if (cached) return cached;
  const reachable = await pgReachable();
  if (!reachable && (process.env.CI === 'true' || process.env.KHCN_REQUIRE_PG === '1')) {
    throw new Error(`PostgreSQL không kết nối được tại ${PG_ADMIN_URL}: CI phải chạy bộ kiểm thử CSDL trên PostgreSQL.`);
  }
  if (!reachable) console.warn(`[khcn] PostgreSQL không có tại ${PG_ADMIN_URL}: chỉ kiểm thử trên SQLite.`);
  cached = reachable ? ['sqlite', 'postgres'] : ['sqlite'];
  return cached;
}

export interface TestDb {
  store: Store;
  target: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind: a temp SQLite file or a new PostgreSQL database.
 * `upTo` stops at that migration, as an older install had it (to test the migrations after it).
 */
export async function freshDatabase(kind: DbKind, upTo?: string): Promise<TestDb> {
  const migrateStore = async (store: Store) => {
    if (!upTo) return void (await migrate(store));
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo(upTo);
    if (error) throw error instanceof Error ? error : new Error(String(error));
  };
  const suffix = randomBytes(6).toString('hex');
  if (kind === 'sqlite') {
    const target = join(tmpdir(), `khcn-test-${suffix}.db`);
    const store = await openStore(target);
    await migrateStore(store);
    return {
      store,
      target,
      cleanup: async () => {
        await store.close();
        for (const ext of ['', '-wal', '-shm']) rmSync(`${target}${ext}`, { force: true });
      },
    };
  }
  const name = `khcn_test_${suffix}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`).replace('$1', '');
  const store = await openStore(target);
  await migrateStore(store);
  return {
    store,
    target,
    cleanup: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // pool.end() sends Terminate without waiting for the server to close the backends; dropping
      // "with (force)" at that moment sends FATAL to a client with no listener left. Wait first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

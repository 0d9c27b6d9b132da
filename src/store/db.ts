import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient, type SqliteDatabase, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { AuditLogTable, DB } from './schema.ts';

/**
 * The one place where SQLite and PostgreSQL differ. Repositories and services take a `Store`
 * and never branch on the database.
 */
export type DbKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  kind: DbKind;
  /** Where it points, without credentials (for logs and /api/health). */
  location: string;
  /** Serialises writers of the audit chain inside a transaction (row lock on PostgreSQL). */
  lockAuditHead(trx: Transaction<DB>): Promise<{ seq: number; hash: string }>;
  /** Inserts audit entries (a chunk small enough for one statement) and moves the head to the last. */
  writeAuditTail(trx: Transaction<DB>, rows: readonly AuditLogTable[]): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/khcn.db';

// PostgreSQL returns int8 and numeric as strings; our amounts are int8 đồng within the safe range.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/** Resolves the database target: explicit flag, else DATABASE_URL, else the default SQLite file. */
export const resolveDbTarget = (flag?: string): string => flag ?? process.env.DATABASE_URL ?? DEFAULT_SQLITE_PATH;

export async function openStore(target: string = resolveDbTarget()): Promise<Store> {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: Number(process.env.KHCN_PG_POOL ?? 10) });
    // An idle connection dropped by the server (restart, failover, admin) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL: kết nối rảnh bị đóng (${err.message})`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
    return {
      db,
      kind: 'postgres',
      location: target.replace(/\/\/[^@/]*@/, '//***@'),
      lockAuditHead: async (trx) => {
        const row = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
        return { seq: Number(row.seq), hash: row.hash };
      },
      // One statement, so one round trip fewer while the head's row lock is held (it is released
      // only at commit, and every writer of the instance queues on it).
      writeAuditTail: async (trx, rows) => {
        const last = rows[rows.length - 1]!;
        await trx
          .with('appended', (q) => q.insertInto('audit_log').values([...rows]).returning('seq'))
          .updateTable('audit_head')
          .set({ seq: last.seq, hash: last.hash })
          .where('id', '=', 1)
          .execute();
      },
      close: () => db.destroy(),
    };
  }
  if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  const sqlite = new BetterSqlite3(target);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    kind: 'sqlite',
    location: target,
    // SQLite runs one writer at a time and Kysely's SQLite driver holds its single connection
    // for the whole transaction, so reading the head inside the transaction is already serialised.
    lockAuditHead: async (trx) => {
      const row = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      return { seq: Number(row.seq), hash: row.hash };
    },
    // SQLite has no INSERT inside WITH; its statements cost no round trip anyway.
    writeAuditTail: async (trx, rows) => {
      const last = rows[rows.length - 1]!;
      await trx.insertInto('audit_log').values([...rows]).execute();
      await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query afresh; with better-sqlite3 the prepare is a
 * noticeable share of a small request (profiled: ~10% of GET /api/reports/:id). Statements are
 * reusable, and Kysely's single SQLite connection never runs two at once, so the same SQL text
 * reuses one prepared statement. Bounded: queries with IN-lists of varying length make new text.
 */
const STATEMENT_CACHE = 500;

function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string): BetterSqlite3.Statement => {
    let stmt = cache.get(source);
    if (stmt) return stmt;
    stmt = sqlite.prepare(source);
    // DDL changes the schema under prepared statements; only cache what reads or writes rows.
    if (/^\s*(select|insert|update|delete|with)\b/i.test(source)) {
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return { prepare, close: () => void sqlite.close() };
}

/**
 * PostgreSQL plans an unnamed statement afresh on every execution; the report read of
 * GET /api/reports/:id (five joined tables) spent ~1 ms planning against ~0,07 ms executing
 * (measured with log_min_duration_statement). Named statements are parsed and planned once per
 * connection and reused, as the SQLite cache above does. Only row statements with few parameters
 * get a name: bulk inserts and long IN-lists would each leave a different statement behind on
 * the connection (pg keeps named statements until the connection closes; idle connections close
 * after 10 s). DDL and transaction control stay unnamed.
 */
const NAMED_MAX_PARAMETERS = 16;
const ROW_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `k${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      if (names.size >= STATEMENT_CACHE) names.delete(names.keys().next().value!);
      names.set(text, name);
    }
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = (source: unknown, values?: readonly unknown[]): unknown =>
        typeof source === 'string' && values && values.length > 0 && values.length <= NAMED_MAX_PARAMETERS && ROW_STATEMENT.test(source)
          ? client.query({ name: nameOf(source), text: source, values: [...values] })
          : (client.query as (source: unknown, values?: readonly unknown[]) => unknown)(source, values);
      return { query: query as PostgresPoolClient['query'], release: () => client.release() };
    },
    end: () => pool.end(),
  };
}

export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

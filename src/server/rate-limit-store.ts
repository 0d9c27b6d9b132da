import type { Store } from '../store/db.ts';

/**
 * A @fastify/rate-limit store kept in the database, so that every app process (`--workers N`,
 * or several machines on one PostgreSQL) counts a client's requests together; the plugin's own
 * store is a map in each process, which gave a client N times the limit. A fixed window per key,
 * counted by one atomic upsert. Used by the sign-in route only: a statement per request is
 * nothing beside the Argon2 check that follows.
 */
export interface RateCount {
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/** Windows that ended this long ago are deleted (now and then: see PRUNE_EVERY). */
const KEEP_MS = 3600_000;
const PRUNE_EVERY = 500;

export async function countRequest(store: Store, key: string, windowMs: number, now: Date): Promise<RateCount> {
  const nowIso = now.toISOString();
  const expiredBefore = new Date(now.getTime() - windowMs).toISOString();
  const row = await store.db
    .insertInto('rate_windows')
    .values({ key, count: 1, window_start: nowIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const expired = eb('rate_windows.window_start', '<=', expiredBefore);
        return {
          count: eb.case().when(expired).then(1).else(eb('rate_windows.count', '+', 1)).end(),
          window_start: eb.case().when(expired).then(nowIso).else(eb.ref('rate_windows.window_start')).end(),
        };
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, new Date(row.window_start).getTime() + windowMs - now.getTime()) };
}

export async function pruneRateWindows(store: Store, now: Date): Promise<void> {
  await store.db.deleteFrom('rate_windows').where('window_start', '<', new Date(now.getTime() - KEEP_MS).toISOString()).execute();
}

type Callback = (error: Error | null, result?: RateCount) => void;

/** The class @fastify/rate-limit's `store` option wants, bound to `store`. */
export function databaseRateStore(store: Store) {
  let sincePrune = 0;
  return class DatabaseRateStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = new Date();
      const prune = ++sincePrune >= PRUNE_EVERY ? ((sincePrune = 0), pruneRateWindows(store, now)) : Promise.resolve();
      prune.then(() => countRequest(store, key, timeWindow, now)).then(
        (count) => callback(null, count),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): DatabaseRateStore {
      return new DatabaseRateStore();
    }
  };
}

import { createHash } from 'node:crypto';
import type { Store } from '../store/db.ts';

/**
 * The per-username sign-in throttle (issue 13, point 8). Every failed attempt on a username
 * string counts — whether or not such a user exists, so the throttle cannot tell anyone which
 * names are real. The first FREE_FAILURES in a row cost nothing; after that each attempt must
 * wait a delay that doubles with each further failure, from 15 s up to 5 minutes: a guesser
 * gets about 12 tries an hour per name (the old 15-minute lock allowed 20), while the owner
 * typing the right password waits at most that delay — and not at all on a browser they have
 * signed in from before (login_devices, services/auth.ts).
 *
 * The counters live in the database, not in a process: with `khcn serve --workers N` (or several
 * machines behind a proxy) any process may take any attempt, and an in-memory counter would give
 * a guesser N times the allowance. An attempt is counted *before* its password is checked, by a
 * compare-and-set on the row, so parallel requests cannot all slip through one open moment.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_SECONDS = 15;
export const MAX_DELAY_SECONDS = 300;
/** A name with no failed attempt for this long starts afresh (and its row is deleted). */
export const FORGET_AFTER_HOURS = 24;
/**
 * Rows kept at most (~100 bytes each). Beyond it the names attempted longest ago are dropped:
 * an attacker spraying random names fills the table only as fast as Argon2 lets them (each
 * counted attempt costs a password check), and cannot make it grow without bound.
 */
export const MAX_TRACKED_NAMES = 100_000;
/** New names between two checks of the row count (the count is a full scan on PostgreSQL). */
const PRUNE_EVERY = 200;

/** Seconds the next attempt must wait after `failures` failed attempts in a row. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

/** The row key of a username as typed: the same normalisation as the users lookup. */
export const attemptKey = (username: string): string => createHash('sha256').update(`login:${username.trim().toLowerCase()}`).digest('hex');

export type Claim = { ok: true; failures: number } | { ok: false; retryAfterSeconds: number };

const secondsUntil = (iso: string, now: Date): number => Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 1000));
const plusSeconds = (now: Date, seconds: number): string | null => (seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null);

let newNamesSincePrune = 0;

/**
 * Counts one attempt on `key` as a failure in advance (a success clears it), unless the name is
 * waiting out a delay. Returns the failures in a row including this one, or how long to wait.
 */
export async function claimAttempt(store: Store, key: string, now: Date): Promise<Claim> {
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_HOURS * 3600_000).toISOString();
  // A few rounds of compare-and-set: only a burst on one name at the same instant needs a second.
  for (let round = 0; round < 5; round++) {
    const row = await store.db.selectFrom('login_attempts').select(['failures', 'blocked_until', 'updated_at']).where('key', '=', key).executeTakeFirst();
    if (row?.blocked_until && row.blocked_until > nowIso) return { ok: false, retryAfterSeconds: secondsUntil(row.blocked_until, now) };
    const failures = (row && row.updated_at >= forgetBefore ? row.failures : 0) + 1;
    const values = { failures, blocked_until: plusSeconds(now, delayAfter(failures)), updated_at: nowIso };
    if (!row) {
      const inserted = await store.db.insertInto('login_attempts').values({ key, ...values }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        if (++newNamesSincePrune >= PRUNE_EVERY) {
          newNamesSincePrune = 0;
          await pruneAttempts(store, now);
        }
        return { ok: true, failures };
      }
      continue;
    }
    const updated = await store.db
      .updateTable('login_attempts')
      .set(values)
      .where('key', '=', key)
      .where('failures', '=', row.failures)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, failures };
  }
  return { ok: false, retryAfterSeconds: 1 };
}

/** A successful sign-in: the name's failures are forgotten. */
export async function clearAttempts(store: Store, key: string): Promise<void> {
  await store.db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Drops names not attempted for FORGET_AFTER_HOURS, then the oldest beyond `maxRows`. */
export async function pruneAttempts(store: Store, now: Date, maxRows = MAX_TRACKED_NAMES): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_HOURS * 3600_000).toISOString();
  await store.db.deleteFrom('login_attempts').where('updated_at', '<', forgetBefore).execute();
  const { n } = await store.db.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const excess = Number(n) - maxRows;
  if (excess <= 0) return;
  const oldest = store.db.selectFrom('login_attempts').select('key').orderBy('updated_at').orderBy('key').limit(excess);
  await store.db.deleteFrom('login_attempts').where('key', 'in', oldest).execute();
}

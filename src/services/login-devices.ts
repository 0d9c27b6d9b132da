import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../store/db.ts';
import type { DB } from '../store/schema.ts';
import { FREE_FAILURES } from './login-throttle.ts';

/**
 * Browsers a user has signed in from ("device cookies", as OWASP calls them). A throttle per
 * username is a lever for anyone who knows the name: their wrong guesses would delay the owner
 * too (issue 13, point 8). A browser that has signed in as that user before carries a random
 * token proving it, and skips the per-name delay; it has its own allowance of FREE_FAILURES
 * wrong passwords, after which the token is void and the browser is a stranger again. The cookie
 * can carry tokens for a few users (a shared office computer); the database keeps their hashes.
 */
export const DEVICE_COOKIE = 'khcn_device';
export const DEVICE_DAYS = 180;
/** Tokens kept per user: the newest; signing in on an eleventh browser drops the oldest. */
export const MAX_DEVICES_PER_USER = 10;
/** Tokens one browser's cookie carries (one per user who signs in on it). */
export const MAX_TOKENS_PER_COOKIE = 5;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface KnownDevice {
  tokenHash: string;
  failures: number;
}

/** The well-formed tokens of a device cookie, at most MAX_TOKENS_PER_COOKIE. */
export function deviceTokens(cookie: string | undefined): string[] {
  if (!cookie || cookie.length > 50 * MAX_TOKENS_PER_COOKIE) return [];
  return cookie.split('.').filter((t) => TOKEN.test(t)).slice(0, MAX_TOKENS_PER_COOKIE);
}

/**
 * The device among `tokens` that belongs to `userId`, if any. Looked up by token alone, whatever
 * the username typed, so the query is the same for a real and an unknown name.
 */
export async function findDevice(store: Store, tokens: readonly string[], userId: string | undefined): Promise<KnownDevice | undefined> {
  if (tokens.length === 0) return undefined;
  const rows = await store.db.selectFrom('login_devices').select(['token_hash', 'user_id', 'failures']).where('token_hash', 'in', tokens.map(hashOf)).execute();
  const row = rows.find((r) => r.user_id === userId && r.failures < FREE_FAILURES);
  return row ? { tokenHash: row.token_hash, failures: row.failures } : undefined;
}

/** A wrong password from a known browser: counted; at FREE_FAILURES its token is void. */
export async function deviceFailed(store: Store, device: KnownDevice): Promise<number> {
  const failures = device.failures + 1;
  if (failures >= FREE_FAILURES) await store.db.deleteFrom('login_devices').where('token_hash', '=', device.tokenHash).execute();
  else await store.db.updateTable('login_devices').set((eb) => ({ failures: eb('failures', '+', 1) })).where('token_hash', '=', device.tokenHash).execute();
  return failures;
}

/**
 * After a successful sign-in: the known device is refreshed, or a new one is remembered (and the
 * user's oldest beyond MAX_DEVICES_PER_USER forgotten). Returns the new token to set, if any.
 */
export async function rememberDevice(trx: Transaction<DB> | Kysely<DB>, userId: string, device: KnownDevice | undefined, now: Date): Promise<string | undefined> {
  const at = now.toISOString();
  if (device) {
    await trx.updateTable('login_devices').set({ failures: 0, last_used_at: at }).where('token_hash', '=', device.tokenHash).execute();
    return undefined;
  }
  const token = randomBytes(32).toString('base64url');
  await trx.insertInto('login_devices').values({ token_hash: hashOf(token), user_id: userId, failures: 0, created_at: at, last_used_at: at }).execute();
  const staleBefore = new Date(now.getTime() - DEVICE_DAYS * 86_400_000).toISOString();
  await trx.deleteFrom('login_devices').where('user_id', '=', userId).where('last_used_at', '<', staleBefore).execute();
  const keep = trx.selectFrom('login_devices').select('token_hash').where('user_id', '=', userId).orderBy('last_used_at', 'desc').orderBy('token_hash').limit(MAX_DEVICES_PER_USER);
  await trx.deleteFrom('login_devices').where('user_id', '=', userId).where('token_hash', 'not in', keep).execute();
  return token;
}

/** The cookie after a sign-in: the new token first, the browser's other users' tokens kept. */
export function deviceCookieValue(previous: readonly string[], newToken: string): string {
  return [newToken, ...previous.filter((t) => t !== newToken)].slice(0, MAX_TOKENS_PER_COOKIE).join('.');
}

import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { formatWait } from '../domain/format.ts';
import type { Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';
import type { DB } from '../store/schema.ts';
import { ROLES, type Actor, type Role } from './actor.ts';
import { appendAudit } from './audit.ts';
import { nowIso } from './clock.ts';
import { deviceFailed, findDevice, rememberDevice } from './login-devices.ts';
import { attemptKey, claimAttempt, delayAfter, FIRST_DELAY_SECONDS, FREE_FAILURES, MAX_DELAY_SECONDS } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';

/**
 * Sign-in and sessions. Sessions live in the database (any server process can serve any
 * request); the cookie carries a random token and the database only its SHA-256, so a copy of
 * the database does not hand out live sessions. Wrong passwords are throttled per username
 * (login-throttle.ts) except from a browser the user has signed in from (login-devices.ts).
 */
export const SESSION_HOURS = 12;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** Checked when no such user exists, so an unknown name costs the same Argon2 work as a real one. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  token: string;
  expiresAt: string;
}

export interface LoginOptions {
  /** The session cookie presented, ended by the new sign-in (rotation). */
  previousToken?: string;
  /** Tokens of the browser's device cookie (login-devices.ts). */
  deviceTokens?: readonly string[];
  /**
   * Runs `work` once the answer has been sent (the HTTP route passes this). The audit entry of a
   * failed sign-in exists only for real users: written before the answer, it would make a real
   * name answer later than an unknown one. Without it, the work is awaited in place.
   */
  afterAnswer?: (work: () => Promise<void>) => void;
}

export interface SignedIn extends SessionInfo {
  /** A device token to add to the browser's device cookie (first sign-in from this browser). */
  newDeviceToken?: string;
}

/** The answer to a wrong name or password, the same for both; says what further failures cost. */
function loginFailed(failures: number, waitSeconds: number): AppError {
  const left = Math.max(0, FREE_FAILURES - failures);
  const next =
    left > 0
      ? `Còn ${left} lần thử; sau đó mỗi lần sai sẽ phải chờ lâu dần (từ ${formatWait(FIRST_DELAY_SECONDS)} đến ${formatWait(MAX_DELAY_SECONDS)}) mới thử lại được.`
      : waitSeconds > 0
        ? `Đã sai ${failures} lần liên tiếp: phải chờ ${formatWait(waitSeconds)} mới thử lại được.`
        : `Đã sai ${failures} lần liên tiếp: các lần thử sau có thể phải chờ.`;
  return new AppError('LOGIN_FAILED', `Tên đăng nhập hoặc mật khẩu không đúng. ${next}`, { status: 401, details: { attemptsLeft: left, retryAfterSeconds: waitSeconds } });
}

/** A name waiting out its delay: the same for real and unknown names; the password is not checked. */
function loginThrottled(seconds: number): AppError {
  return new AppError(
    'LOGIN_THROTTLED',
    `Tài khoản này vừa bị nhập sai mật khẩu nhiều lần liên tiếp nên tạm hoãn đăng nhập: vui lòng chờ ${formatWait(seconds)} rồi thử lại. Nếu không phải bạn nhập sai, hãy báo quản trị.`,
    { status: 429, details: { retryAfterSeconds: seconds } },
  );
}

export async function login(store: Store, username: string, password: string, options: LoginOptions = {}): Promise<SignedIn> {
  const now = new Date();
  const name = username.trim().toLowerCase();
  const found = await store.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
  const user = found && !found.disabled ? found : undefined;
  const device = await findDevice(store, options.deviceTokens ?? [], user?.id);
  const key = attemptKey(name);
  // A known browser skips the per-name delay (and is not counted on it); any other attempt is
  // counted before the password is checked, for a real name and an unknown one alike.
  let failures = 0;
  if (!device) {
    const claim = await claimAttempt(store, key, now);
    if (!claim.ok) throw loginThrottled(claim.retryAfterSeconds);
    failures = claim.failures;
  }
  const passwordOk = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !passwordOk) {
    const wait = device ? 0 : delayAfter(failures);
    if (device) failures = await deviceFailed(store, device);
    if (user) {
      const audit = () =>
        store.db.transaction().execute((trx) => appendAudit(store, trx, null, { entity: 'user', entityId: user.id, action: 'login_failed', after: { failures, knownDevice: Boolean(device) } }));
      if (options.afterAnswer) options.afterAnswer(audit);
      else await audit();
    }
    throw loginFailed(failures, wait);
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const actor = toActor(user);
  const newDeviceToken = await store.db.transaction().execute(async (trx) => {
    // Rotation: a sign-in always gets a fresh session; the one presented (if any) ends.
    if (options.previousToken) await trx.deleteFrom('sessions').where('id', '=', tokenHash(options.previousToken)).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', now.toISOString()).execute();
    await trx.insertInto('sessions').values({ id: tokenHash(token), user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    // Through the name's own allowance, success forgets its failures; through a known browser it
    // does not, or the owner signing in would hand a guesser fresh free attempts.
    if (!device) await trx.deleteFrom('login_attempts').where('key', '=', key).execute();
    const created = await rememberDevice(trx, user.id, device, now);
    await appendAudit(store, trx, actor, { entity: 'user', entityId: user.id, action: 'login', after: { knownDevice: Boolean(device) } });
    return created;
  });
  return { actor, csrfToken, token, expiresAt, ...(newDeviceToken ? { newDeviceToken } : {}) };
}

// Runs on every request: compiled once per database (store/prepared.ts).
const sessionRow = prepared((db: Kysely<DB>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.username', 'users.full_name', 'users.role', 'users.province_id', 'users.unit_id', 'users.disabled'])
    .where('sessions.id', '=', ''),
);

export async function sessionFromToken(store: Store, token: string | undefined): Promise<SessionInfo | undefined> {
  if (!token || token.length > 100) return undefined;
  const [row] = await sessionRow(store.db, [tokenHash(token)]);
  if (!row || row.disabled || row.expires_at <= nowIso()) return undefined;
  return {
    actor: toActor({ id: row.id, username: row.username, full_name: row.full_name, role: row.role, province_id: row.province_id, unit_id: row.unit_id }),
    csrfToken: row.csrf_token,
    token,
    expiresAt: row.expires_at,
  };
}

export async function logout(store: Store, session: SessionInfo): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', tokenHash(session.token)).execute();
    await appendAudit(store, trx, session.actor, { entity: 'user', entityId: session.actor.userId, action: 'logout' });
  });
}

function toActor(u: { id: string; username: string; full_name: string; role: string; province_id: string; unit_id: string | null }): Actor {
  if (!(ROLES as readonly string[]).includes(u.role)) throw new AppError('BAD_ROLE', 'Vai trò người dùng không hợp lệ.', { status: 500 });
  return { userId: u.id, username: u.username, fullName: u.full_name, role: u.role as Role, provinceId: u.province_id, unitId: u.unit_id };
}


import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';
import type { DB } from '../store/schema.ts';
import { ROLES, type Actor, type Role } from './actor.ts';
import { appendAudit } from './audit.ts';
import { nowIso } from './clock.ts';
import { verifyPassword } from './passwords.ts';

/**
 * Sign-in and sessions. Sessions live in the database (any server process can serve any
 * request); the cookie carries a random token and the database only its SHA-256, so a copy of
 * the database does not hand out live sessions.
 */
export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  token: string;
  expiresAt: string;
}

const INVALID = () => new AppError('LOGIN_FAILED', 'Tên đăng nhập hoặc mật khẩu không đúng.', { status: 401 });

export async function login(store: Store, username: string, password: string, previousToken?: string): Promise<SessionInfo> {
  const user = await store.db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  if (!user || user.disabled) {
    // Same work and same answer whether or not the user exists.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000', password);
    throw INVALID();
  }
  const now = new Date();
  if (user.locked_until && new Date(user.locked_until) > now) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `Tài khoản tạm khóa do đăng nhập sai quá ${MAX_FAILED_LOGINS} lần. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị.`, { status: 423 });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
      await appendAudit(store, trx, null, { entity: 'user', entityId: user.id, action: lock ? 'login_locked' : 'login_failed', after: { failed } });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `Tài khoản tạm khóa ${LOCKOUT_MINUTES} phút do đăng nhập sai ${MAX_FAILED_LOGINS} lần liên tiếp.`, { status: 423 });
    throw INVALID();
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const actor = toActor(user);
  await store.db.transaction().execute(async (trx) => {
    // Rotation: a sign-in always gets a fresh session; the one presented (if any) ends.
    if (previousToken) await trx.deleteFrom('sessions').where('id', '=', tokenHash(previousToken)).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', now.toISOString()).execute();
    await trx.insertInto('sessions').values({ id: tokenHash(token), user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await appendAudit(store, trx, actor, { entity: 'user', entityId: user.id, action: 'login' });
  });
  return { actor, csrfToken, token, expiresAt };
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


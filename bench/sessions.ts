import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../src/store/db.ts';

export interface BenchSession {
  userId: string;
  cookie: string;
  csrf: string;
}

/**
 * Sessions written straight into the database, exactly as `login` stores them (SHA-256 of the
 * cookie token). Signing 3.321 chairmen in through argon2 would take minutes of CPU and measure
 * the password hash, not the deadline.
 */
export async function createSessions(store: Store, userIds: readonly string[]): Promise<Map<string, BenchSession>> {
  const now = new Date();
  const expires = new Date(now.getTime() + 12 * 3600_000).toISOString();
  const out = new Map<string, BenchSession>();
  const rows = userIds.map((userId) => {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    out.set(userId, { userId, cookie: `khcn_session=${token}`, csrf });
    return { id: createHash('sha256').update(token).digest('hex'), user_id: userId, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires };
  });
  for (let i = 0; i < rows.length; i += 500) await store.db.insertInto('sessions').values(rows.slice(i, i + 500)).execute();
  return out;
}

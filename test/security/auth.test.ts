import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { assertPasswordRules, hashPassword } from '../../src/services/passwords.ts';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { sessionCookie } from './api-client.ts';

/** Sign-in defences: rate limit, lockout, session expiry and rotation, password rules. */
describe('sign-in and sessions', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    await seedDemo(t.store);
    app = await buildApp({ store: t.store });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const login = (username: string, password: string, ip = '10.0.0.1', cookie?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip, ...(cookie ? { headers: { cookie } } : {}) });
  const me = (cookie: string | undefined) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });

  it('limits sign-in attempts per address: the 11th in a minute gets 429 with a Vietnamese message', async () => {
    const statuses: number[] = [];
    // A different name each time: the per-name throttle (login-throttle.test.ts) stays out of it.
    for (let i = 0; i < 11; i++) statuses.push((await login(`khong.ton.tai.${i}`, 'sai-mat-khau', '10.0.0.99')).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await login('kienthuy.canbo', 'demo2026', '10.0.0.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.json().error.message).toMatch(/Quá nhiều yêu cầu/);
    // Another address is not affected.
    expect((await login('kienthuy.canbo', 'demo2026', '10.0.0.98')).statusCode).toBe(200);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await login('khong.co.ai', 'demo2026', '10.2.0.1');
    const wrong = await login('kienthuy.chutich', 'sai-mat-khau', '10.2.0.2');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('rotates the session on sign-in: the old cookie and a planted cookie are worthless afterwards', async () => {
    const first = await login('kienthuy.chutich', 'demo2026', '10.3.0.1');
    const oldCookie = sessionCookie(first);
    expect((await me(oldCookie)).statusCode).toBe(200);
    const second = await login('kienthuy.chutich', 'demo2026', '10.3.0.2', oldCookie);
    const newCookie = sessionCookie(second);
    expect(newCookie).toBeDefined();
    expect(newCookie).not.toBe(oldCookie);
    expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
    expect((await me(oldCookie)).statusCode).toBe(401);
    expect((await me(newCookie)).statusCode).toBe(200);
    // Session fixation: a value chosen by someone else is never adopted.
    const planted = 'khcn_session=ke-gian-chon-san-0123456789';
    const third = await login('kienthuy.chutich', 'demo2026', '10.3.0.3', planted);
    expect(sessionCookie(third)).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
  });

  it('sets the cookie HttpOnly and SameSite, and ends sessions on logout and on expiry', async () => {
    const res = await login('kienthuy.canbo', 'demo2026', '10.4.0.1');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Expires=/i);
    const cookie = sessionCookie(res);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookie ?? '', 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);

    const again = await login('kienthuy.canbo', 'demo2026', '10.4.0.2');
    const live = sessionCookie(again);
    expect((await me(live)).statusCode).toBe(200);
    // Expire every session of the user in the database: the next request is anonymous.
    const user = await t.store.db.selectFrom('users').select('id').where('username', '=', 'kienthuy.canbo').executeTakeFirstOrThrow();
    await t.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
    const expired = await me(live);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps only a hash of the session token in the database', async () => {
    const res = await login('so.chuyenvien', 'demo2026', '10.5.0.1');
    const token = sessionCookie(res)!.split('=')[1]!;
    const rows = await t.store.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });
});

describe('password rules', () => {
  const rejects = (password: string, username = 'kienthuy.canbo'): string => {
    try {
      assertPasswordRules(password, username);
    } catch (e) {
      if (isAppError(e) && e.code === 'PASSWORD_WEAK') return e.message;
      throw e;
    }
    return '';
  };

  it.each([
    ['ngan1', 'ít nhất 8 ký tự'],
    ['chicochuthoi', 'chữ số'],
    ['1234567890', 'chữ cái'],
    ['kienthuy.canbo1', 'tên đăng nhập'],
    ['Password123', 'phổ biến'],
    ['matkhau123', 'phổ biến'],
    [`a1${'x'.repeat(200)}`, 'không quá 200'],
  ])('refuses %s (%s) with PASSWORD_WEAK in Vietnamese', (password, why) => {
    const message = rejects(password);
    expect(message).toMatch(/^Mật khẩu phải/);
    expect(message).toContain(why);
  });

  it.each(['Hoa@KienThuy2026', 'mùa xuân 2026', 'tX9-qv3p'])('accepts %s', (password) => {
    expect(rejects(password)).toBe('');
  });

  it('stores passwords as argon2id with the OWASP minimum cost, salted', async () => {
    const a = await hashPassword('Hoa@KienThuy2026');
    const b = await hashPassword('Hoa@KienThuy2026');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });
});

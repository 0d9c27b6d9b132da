import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_TEXT } from '../../domain/limits.ts';
import { SafeText } from '../../domain/safe-text.ts';
import { ROLE_LABELS, type Actor } from '../../services/actor.ts';
import { isAppError } from '../../domain/errors.ts';
import { login, logout } from '../../services/auth.ts';
import { DEVICE_COOKIE, deviceCookieValue, deviceTokens } from '../../services/login-devices.ts';
import type { Store } from '../../store/db.ts';
import { clientKey } from '../client-address.ts';
import { clearSessionCookie, requireActor, setDeviceCookie, setSessionCookie, SESSION_COOKIE } from '../session.ts';

/** Sign-in requests per client address (an IPv6 client by its /64) and minute. */
export const LOGIN_RATE = { max: 10, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => clientKey(request.ip) };

const Credentials = z.object({
  // A NUL here used to reach PostgreSQL before the password was even checked: a 500 without signing in.
  username: SafeText(MAX_TEXT.username, { multiline: false }).min(1, 'Nhập tên đăng nhập.'),
  password: z.string().min(1, 'Nhập mật khẩu.').max(200),
}).strict();

export async function presentUser(store: Store, actor: Actor) {
  const unit = actor.unitId ? await store.db.selectFrom('units').select(['id', 'code', 'name', 'kind']).where('id', '=', actor.unitId).executeTakeFirst() : undefined;
  const province = await store.db.selectFrom('provinces').select(['id', 'code', 'name']).where('id', '=', actor.provinceId).executeTakeFirst();
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    province: province ?? null,
    unit: unit ? { ...unit, provinceId: actor.provinceId, provinceName: province?.name ?? '' } : null,
  };
}

export const authRoutes = (store: Store): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: 'Đăng nhập', body: Credentials },
    config: { rateLimit: LOGIN_RATE },
  }, async (request, reply) => {
    const tokens = deviceTokens(request.cookies[DEVICE_COOKIE]);
    const session = await login(store, request.body.username, request.body.password, {
      previousToken: request.cookies[SESSION_COOKIE],
      deviceTokens: tokens,
      afterAnswer: (work) =>
        reply.raw.once('close', () => void work().catch((err: unknown) => request.log.error({ err }, 'audit of a failed sign-in not written'))),
    }).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'LOGIN_THROTTLED') void reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw e;
    });
    setSessionCookie(reply, session.token, session.expiresAt);
    if (session.newDeviceToken) setDeviceCookie(reply, deviceCookieValue(tokens, session.newDeviceToken));
    return { user: await presentUser(store, session.actor), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (request, reply) => {
    if (request.session) await logout(store, request.session);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get('/api/auth/csrf', { schema: { tags: ['auth'], summary: 'Mã chống giả mạo (CSRF) của phiên' } }, async (request) => {
    requireActor(request);
    return { csrfToken: request.session!.csrfToken };
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại' } }, async (request) => {
    return { user: await presentUser(store, requireActor(request)) };
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_LABELS, type Actor } from '../../services/actor.ts';
import { login, logout } from '../../services/auth.ts';
import type { Store } from '../../store/db.ts';
import { clearSessionCookie, requireActor, setSessionCookie, SESSION_COOKIE } from '../session.ts';

export const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

const Credentials = z.object({
  username: z.string().min(1, 'Nhập tên đăng nhập.').max(100),
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
    const session = await login(store, request.body.username, request.body.password, request.cookies[SESSION_COOKIE]);
    setSessionCookie(reply, session.token, session.expiresAt);
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

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../services/actor.ts';
import { sessionFromToken, type SessionInfo } from '../services/auth.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from '../services/login-devices.ts';
import type { Store } from '../store/db.ts';

export const SESSION_COOKIE = 'khcn_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Resolves the session from its cookie on every request, and enforces CSRF: a state-changing
 * request from a signed-in browser must echo the session's token in `X-CSRF-Token`.
 */
export function registerSessions(app: FastifyInstance, store: Store): void {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    request.session = await sessionFromToken(store, request.cookies[SESSION_COOKIE]);
    if (request.session && !SAFE_METHODS.has(request.method) && request.url !== '/api/auth/login') {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
        throw new AppError('CSRF_INVALID', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.', { status: 403 });
      }
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.', { status: 401 });
  return request.session.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', expires: new Date(expiresAt) });
}

/**
 * The device cookie (services/login-devices.ts): sent only to the auth routes, never read by
 * scripts, not sent on cross-site requests, kept for DEVICE_DAYS; a logout leaves it, since it
 * vouches for the browser, not for a session.
 */
export function setDeviceCookie(reply: FastifyReply, value: string): void {
  reply.setCookie(DEVICE_COOKIE, value, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: DEVICE_DAYS * 86_400 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

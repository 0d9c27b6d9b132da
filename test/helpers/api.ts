import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/db.ts';
import { expect } from 'vitest';

/** A signed-in API client over `app.inject`: keeps the session cookie and sends the CSRF token. */
export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function testApp(store: Store): Promise<FastifyInstance> {
  const app = await buildApp({ store, demo: true });
  await app.ready();
  return app;
}

export async function signIn(app: FastifyInstance, username: string, password = 'demo2026'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'khcn_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    username,
    csrf,
    cookie: `khcn_session=${cookie.value}`,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: `khcn_session=${cookie.value}`, 'x-csrf-token': csrf, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

/** The body of an answer that must have `status` (200 by default); the body is shown when it has not. */
export function expectJson<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

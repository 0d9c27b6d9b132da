import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';

/**
 * A signed-in (or anonymous) client over `app.inject`: keeps the session cookie and sends the
 * CSRF token on state-changing requests, as the web UI does.
 */
export interface Client {
  readonly name: string;
  cookie?: string;
  csrf?: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function anonymous(app: FastifyInstance, name = 'anonymous'): Client {
  const client: Client = {
    name,
    request(options) {
      const headers: Record<string, string> = {};
      if (client.cookie) headers.cookie = client.cookie;
      if (client.csrf && options.method && !['GET', 'HEAD', 'OPTIONS'].includes(options.method)) headers['x-csrf-token'] = client.csrf;
      return app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
    },
  };
  return client;
}

export const sessionCookie = (res: LightMyRequestResponse): string | undefined => {
  const c = res.cookies.find((x) => x.name === 'khcn_session');
  return c ? `khcn_session=${c.value}` : undefined;
};

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  if (res.statusCode !== 200) throw new Error(`đăng nhập ${username}: ${res.statusCode} ${res.body}`);
  const client = anonymous(app, username);
  client.cookie = sessionCookie(res);
  client.csrf = (res.json() as { csrfToken: string }).csrfToken;
  return client;
}

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { LOGIN_RATE } from '../../src/server/routes/auth.ts';
import { clientKey } from '../../src/server/client-address.ts';
import { parseTrustProxy } from '../../src/server/trust-proxy.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';

/**
 * Issue 13, point 5: behind `--trust-proxy`, a client-supplied X-Forwarded-For was believed, so a
 * new forged address per attempt stepped round the per-address sign-in limit. Now only the
 * proxies named are believed.
 */
const refusal = (value: string | undefined): string => {
  try {
    parseTrustProxy(value);
  } catch (e) {
    if (isAppError(e) && e.code === 'BAD_USAGE') return e.message;
    throw e;
  }
  return '';
};

describe('--trust-proxy values', () => {
  it.each([
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.5, 10.0.1.0/24', ['10.0.0.5', '10.0.1.0/24']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
    ['loopback', ['loopback']],
  ])('takes %s as the proxies %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('trusts no proxy when the option is absent', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
  });

  it.each([
    ['', /^Thiếu giá trị/],
    [',', /^Thiếu giá trị/],
    ['true', /tin mọi địa chỉ/],
    ['*', /tin mọi địa chỉ/],
    ['0.0.0.0/0', /là mọi địa chỉ/],
    ['::/0', /là mọi địa chỉ/],
    ['1', /là số proxy/],
    ['10.0.0.300', /không phải địa chỉ IP/],
    ['proxy.so-khcn.vn', /không phải địa chỉ IP/],
    ['10.0.0.0/33', /từ 1 đến 32/],
  ])('refuses %j, saying why and what to give instead', (value, why) => {
    const message = refusal(value);
    expect(message).toMatch(why);
    expect(message).toContain('--trust-proxy cần địa chỉ IP (hoặc dải CIDR) của các reverse proxy');
  });

  it.each([[['--trust-proxy']], [['--trust-proxy', '--no-demo']], [['--trust-proxy=']], [['--trust-proxy', '0.0.0.0/0']]])('khcn serve %j stops before starting, with exit 2', async (args) => {
    let err = '';
    const code = await main(['serve', '--port', '0', ...args], { out: () => undefined, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toMatch(/^Lỗi \[BAD_USAGE\]: .*--trust-proxy cần địa chỉ IP/);
  });
});

describe('the client an address stands for', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('counts %s as %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});

describe('the sign-in limit behind a trusted proxy', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const PROXY = '10.20.0.1';
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    app = await buildApp({ store: t.store, trustProxy: parseTrustProxy(PROXY) });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  // A different unknown username each time: only the per-address limit is at work here.
  const attempt = (i: number, remoteAddress: string, forwardedFor: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { username: `khach.${remoteAddress}.${i}`, password: 'sai-mat-khau' } });

  it('counts the client the proxy saw, not the addresses the client wrote before it', async () => {
    const statuses: number[] = [];
    // The proxy appends the real client (203.0.113.7) to whatever the client sent.
    for (let i = 0; i <= LOGIN_RATE.max; i++) statuses.push((await attempt(i, PROXY, `198.51.100.${i}, 203.0.113.7`)).statusCode);
    expect(statuses).toEqual([...Array(LOGIN_RATE.max).fill(401), 429]);
    // Another client behind the same proxy has its own allowance.
    expect((await attempt(0, PROXY, '203.0.113.8')).statusCode).toBe(401);
  });

  it('counts an IPv6 client by its /64, however many addresses it takes from it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_RATE.max; i++) statuses.push((await attempt(i, PROXY, `2001:db8:aa:bb:${(i + 1).toString(16)}::${i + 7}`)).statusCode);
    expect(statuses).toEqual([...Array(LOGIN_RATE.max).fill(401), 429]);
  });

  it('ignores X-Forwarded-For from a client that is not the proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_RATE.max; i++) statuses.push((await attempt(i, '192.0.2.50', `198.51.100.${i}`)).statusCode);
    expect(statuses).toEqual([...Array(LOGIN_RATE.max).fill(401), 429]);
  });
});

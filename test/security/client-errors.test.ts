import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, JSON_BODY_LIMIT } from '../../src/server/app.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';

/**
 * A client's malformed request is a 4xx in our shape, `{ error: { code, message } }`, with a
 * Vietnamese message — whichever layer refuses it: Node's HTTP parser, Fastify's router, its body
 * parsers or a plugin (static files, multipart). Sent over a real socket, byte for byte, so no
 * client library tidies the path first (as `curl --path-as-is` does not).
 */
interface Raw {
  status: number;
  headers: string;
  body: string;
}

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;

describe('client errors keep their 4xx and our shape', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let port: number;
  let webDist: string;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    webDist = mkdtempSync(join(tmpdir(), 'khcn-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
    app = await buildApp({ store: t.store, webDist });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    rmSync(webDist, { recursive: true, force: true });
  });

  /** Writes `head` (+ body) on a fresh connection and reads the whole answer. */
  const raw = (head: string, body = ''): Promise<Raw> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const [headers = '', payload = ''] = text.split('\r\n\r\n', 2);
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: payload });
      });
      // Not ended from this side: a half-closed socket may be dropped before the answer is written.
      socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
    });
  const get = (path: string, extra = '') => raw(`GET ${path} HTTP/1.1\r\nHost: localhost${extra}`);
  const post = (path: string, contentType: string, body: string) =>
    raw(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}`, body);

  const expectShape = (res: Raw, status: number, code: string) => {
    expect(res.status, res.body).toBe(status);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    const json = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(Object.keys(json)).toEqual(['error']);
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(VIETNAMESE);
  };

  // Point 10 of issue 13: these answered 500 (@fastify/static's FST_STATIC_FORBIDDEN_PATH) and logged errors.
  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../etc/passwd', '/index.html%00.js'])('refuses the blocked static path %s with 400 BAD_URL', async (path) => {
    expectShape(await get(path), 400, 'BAD_URL');
  });

  // Point 13: Fastify's router answered these in English, in its own shape.
  it.each(['/%', '/api/%', '/api/reports/%E0%A4%A'])('refuses the undecodable URL %s with 400 BAD_URL in Vietnamese', async (path) => {
    expectShape(await get(path), 400, 'BAD_URL');
  });

  it('answers a request the HTTP parser refuses (unknown method) with 400 in our shape', async () => {
    expectShape(await raw('FROB /api/health HTTP/1.1\r\nHost: localhost'), 400, 'BAD_REQUEST');
  });

  it('answers headers over the limit with 431 in our shape', async () => {
    expectShape(await get('/api/health', `\r\nX-Big: ${'a'.repeat(20_000)}`), 431, 'HEADERS_TOO_LARGE');
  });

  it('answers body-parser refusals with their 4xx', async () => {
    expectShape(await post('/api/auth/login', 'application/xml', '<a/>'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectShape(await post('/api/auth/login', 'application/json', '{"username":'), 400, 'INVALID_JSON');
    expectShape(await post('/api/auth/login', 'application/json', `"${'x'.repeat(JSON_BODY_LIMIT)}"`), 413, 'BODY_TOO_LARGE');
  });

  it('answers a static file range that cannot be served with 416 in our shape', async () => {
    expectShape(await get('/index.html', '\r\nRange: bytes=999999-'), 416, 'RANGE_NOT_SATISFIABLE');
  });

  it('still serves the web UI and its SPA fallback', async () => {
    expect((await get('/index.html')).status).toBe(200);
    expect((await get('/bao-cao/123')).status).toBe(200);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { signIn, type Client } from '../helpers/api.ts';
import { freshDatabase, type TestDb } from '../helpers/databases.ts';
import { largestReport } from '../helpers/largest-report.ts';

/**
 * Issue 13, point 1 and "heavy work isolated": the largest report the schema allows is rendered
 * in a worker, while the server keeps answering everyone else; a render over its memory or time
 * limit is stopped with a coded error and the server stays up; a full queue answers 503.
 * SQLite only: nothing here depends on the database kind.
 */
interface Server {
  app: FastifyInstance;
  base: string;
  officer: Client;
  other: Client;
  bigId: string;
  otherId: string;
}

const reportIdOf = async (c: Client): Promise<string> => ((await c.request('GET', '/api/reports')).json() as { items: { id: string }[] }).items[0]!.id;

async function serve(t: TestDb, options: Partial<AppOptions> = {}): Promise<Server> {
  const app = await buildApp({ store: t.store, demo: true, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const [officer, other] = await Promise.all([signIn(app, 'kienthuy.canbo'), signIn(app, 'anlao.canbo')]);
  return { app, base, officer, other, bigId: await reportIdOf(officer), otherId: await reportIdOf(other) };
}

/** A real HTTP GET as `who`, timed from request to the last byte. */
async function get(s: Server, who: Client | undefined, path: string): Promise<{ status: number; ms: number; body: Uint8Array; headers: Headers }> {
  const started = performance.now();
  const res = await fetch(`${s.base}${path}`, { headers: who ? { cookie: who.cookie } : {} });
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, ms: performance.now() - started, body, headers: res.headers };
}

const errorOf = (body: Uint8Array) => (JSON.parse(Buffer.from(body).toString('utf8')) as { error: { code: string; message: string } }).error;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('heavy work runs in worker threads, bounded', () => {
  let t: TestDb;
  let version = 0;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    await seedDemo(t.store);
    // Kiến Thụy's draft becomes the largest report allowed: 2.000 budget lines, 6 levels.
    const app = await buildApp({ store: t.store, demo: true });
    const officer = await signIn(app, 'kienthuy.canbo');
    const id = await reportIdOf(officer);
    const current = (await officer.request('GET', `/api/reports/${id}`)).json() as { meta: { version: number } };
    const saved = await officer.request('PUT', `/api/reports/${id}`, largestReport(), { 'if-match': String(current.meta.version) });
    expect(saved.statusCode, saved.body).toBe(200);
    version = (saved.json() as { meta: { version: number } }).meta.version;
    await app.close();
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('the largest report renders (DOCX with appendix) while /api/health and another user\'s GET answer within 200 ms', async () => {
    expect(version).toBeGreaterThan(1);
    const s = await serve(t);
    try {
      // A worker is started and warmed on a small document first: start-up is not what is measured.
      expect((await get(s, s.other, `/api/reports/${s.otherId}/document.docx`)).status).toBe(200);
      const render = get(s, s.officer, `/api/reports/${s.bigId}/document.docx?appendix=1`);
      let rendering = true;
      void render.finally(() => (rendering = false));
      const health: number[] = [];
      const others: number[] = [];
      while (rendering) {
        const h = await get(s, undefined, '/api/health');
        const o = await get(s, s.other, `/api/reports/${s.otherId}`);
        expect([h.status, o.status]).toEqual([200, 200]);
        health.push(h.ms);
        others.push(o.ms);
        await sleep(25);
      }
      const done = await render;
      expect(done.status).toBe(200);
      expect(Buffer.from(done.body.subarray(0, 2)).toString()).toBe('PK');
      // The render took long enough for the figures to mean something (~6 s on one idle core).
      expect(done.ms).toBeGreaterThan(1000);
      expect(health.length).toBeGreaterThanOrEqual(5);
      const all = [...health, ...others];
      console.log(`render ${done.ms.toFixed(0)} ms; during it ${all.length} requests: health p50 ${percentile(health, 50).toFixed(1)} / max ${Math.max(...health).toFixed(1)} ms, other user's GET p50 ${percentile(others, 50).toFixed(1)} / p95 ${percentile(others, 95).toFixed(1)} / max ${Math.max(...others).toFixed(1)} ms`);
      // 200 ms is the bar; one scheduler hiccup on a loaded 2-core machine is allowed up to 1 s.
      expect(percentile(all, 95)).toBeLessThan(200);
      expect(Math.max(...all)).toBeLessThan(1000);
    } finally {
      await s.app.close();
    }
  }, 240_000);

  it('a render killed by its memory limit answers a coded error and the server stays up', async () => {
    const s = await serve(t, { heavyLimits: { renderLarge: { memoryMb: 160 } } });
    try {
      const killed = await get(s, s.officer, `/api/reports/${s.bigId}/document.docx?appendix=1`);
      expect(killed.status).toBe(422);
      expect(errorOf(killed.body).code).toBe('WORK_TOO_LARGE');
      expect(errorOf(killed.body).message).toMatch(/bộ nhớ/);
      expect((await get(s, undefined, '/api/health')).status).toBe(200);
      expect((await get(s, s.other, `/api/reports/${s.otherId}`)).status).toBe(200);
      // The pool replaced the worker: an ordinary report still renders.
      const ordinary = await get(s, s.other, `/api/reports/${s.otherId}/document.docx`);
      expect(ordinary.status).toBe(200);
    } finally {
      await s.app.close();
    }
  }, 240_000);

  it('a render over its time limit answers 503 WORK_TIMEOUT with Retry-After, and the server stays up', async () => {
    const s = await serve(t, { heavyLimits: { renderLarge: { timeoutMs: 400 } } });
    try {
      const late = await get(s, s.officer, `/api/reports/${s.bigId}/document.docx?appendix=1`);
      expect(late.status).toBe(503);
      expect(errorOf(late.body).code).toBe('WORK_TIMEOUT');
      expect(Number(late.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await get(s, undefined, '/api/health')).status).toBe(200);
    } finally {
      await s.app.close();
    }
  }, 240_000);

  it('large renders have a queue of their own: when it is full, 503 SERVER_BUSY with Retry-After, and other reports still render', async () => {
    const s = await serve(t, { heavyLimits: { renderLarge: { threads: 1, queue: 1 } } });
    try {
      const large = Promise.all([0, 1, 2, 3].map(() => get(s, s.officer, `/api/reports/${s.bigId}/appendix.xlsx`)));
      // While the large queue is full, an ordinary report's document is not kept waiting behind it.
      const ordinary = await get(s, s.other, `/api/reports/${s.otherId}/appendix.xlsx`);
      expect(ordinary.status).toBe(200);
      const answers = await large;
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503, 503]);
      expect(ordinary.ms).toBeLessThan(Math.max(...answers.map((a) => a.ms)));
      for (const busy of answers.filter((a) => a.status === 503)) {
        expect(errorOf(busy.body)).toEqual({ code: 'SERVER_BUSY', message: 'Máy chủ đang tạo văn bản có nhiều dòng dự toán cho nhiều người cùng lúc; vui lòng thử lại sau khoảng 30 giây.' });
        expect(busy.headers.get('retry-after')).toBe('30');
      }
      expect((await get(s, undefined, '/api/health')).status).toBe(200);
    } finally {
      await s.app.close();
    }
  }, 240_000);
});

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/db.ts';
import { cannon } from './autocannon.ts';
import { absoluteFigure, ratioFigure, type BenchContext, type Figure } from './lib.ts';
import { startKhcn, startProcess } from './servers.ts';
import { createSessions } from './sessions.ts';

/** A Department reviewer's session and one report of their province, from the national data. */
async function reviewerAndReport(db: string): Promise<{ cookie: string; reportId: string }> {
  const store = await openStore(db);
  try {
    const reviewer = await store.db.selectFrom('users').select(['id', 'province_id']).where('username', '=', 'so31.chuyenvien').executeTakeFirstOrThrow();
    const report = await store.db.selectFrom('reports').select('id').where('province_id', '=', reviewer.province_id).where('status', '=', 'accepted').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const sessions = await createSessions(store, [reviewer.id]);
    return { cookie: sessions.get(reviewer.id)!.cookie, reportId: report.id };
  } finally {
    await store.close();
  }
}

/** GET /api/reports/:id on the real server vs a bare Fastify route serving the same bytes, 32 connections each. */
export async function getReportFigures(ctx: BenchContext, db: string, label: string): Promise<Figure[]> {
  const { cookie, reportId } = await reviewerAndReport(db);
  const khcn = await startKhcn(db);
  try {
    const url = `${khcn.url}/api/reports/${reportId}`;
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    const file = join(tmpdir(), `khcn-bench-report-${process.pid}.json`);
    writeFileSync(file, await res.text());
    const bare = await startProcess(['--import', 'tsx', 'bench/bare-server.ts', file]);
    try {
      const duration = ctx.quick ? 5 : 15;
      // Warm both (JIT, pools), then measure them one after the other for the same time.
      await cannon({ url, connections: 8, duration: 1, headers: { cookie } });
      await cannon({ url: `${bare.url}/api/reports/${reportId}`, connections: 8, duration: 1 });
      const real = await cannon({ url, connections: 32, duration, headers: { cookie } });
      const base = await cannon({ url: `${bare.url}/api/reports/${reportId}`, connections: 32, duration });
      const failed = real.non2xx + real.errors + real.timeouts;
      return [
        ratioFigure(`GET /api/reports/:id throughput (${label})`, 'req/s', real.requests.average, base.requests.average, { min: 0.5 }, `bare Fastify route, same JSON from memory; ${failed} failed`),
        absoluteFigure(`GET /api/reports/:id p99 at 32 connections (${label})`, 'ms', real.latency.p99, { max: 20 }, `p50 ${real.latency.p50} ms; bare route p99 ${base.latency.p99} ms`),
      ];
    } finally {
      await bare.stop();
    }
  } finally {
    await khcn.stop();
  }
}

interface BurstTarget {
  reportId: string;
  version: number;
  cookie: string;
  csrf: string;
}

async function burstTargets(db: string): Promise<BurstTarget[]> {
  const store = await openStore(db);
  try {
    const rows = await store.db
      .selectFrom('reports')
      .innerJoin('cycles', 'cycles.id', 'reports.cycle_id')
      .innerJoin('users', (j) => j.onRef('users.unit_id', '=', 'reports.unit_id').on('users.role', '=', 'commune_chairman'))
      .select(['reports.id as reportId', 'reports.version', 'users.id as userId'])
      .where('cycles.status', '=', 'open')
      .where('reports.status', '=', 'draft')
      .execute();
    const sessions = await createSessions(store, rows.map((r) => r.userId));
    return rows.map((r) => ({ reportId: r.reportId, version: r.version, ...sessions.get(r.userId)! }));
  } finally {
    await store.close();
  }
}

/**
 * The national deadline: every chairman submits within minutes, 32 requests in flight at a time.
 * Lost = a submission that got no 200 or did not end up `submitted` in the database.
 */
export async function burstFigures(_ctx: BenchContext, db: string, label: string, serverArgs: string[] = []): Promise<Figure[]> {
  const targets = await burstTargets(db);
  const server = await startKhcn(db, serverArgs);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  try {
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const t = targets[next++]!;
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/reports/${t.reportId}/submit`, {
          method: 'POST',
          // The chairman submits the version he read (If-Match), as the web does.
          headers: { cookie: t.cookie, 'x-csrf-token': t.csrf, 'content-type': 'application/json', 'if-match': String(t.version) },
          body: '{"acknowledgeWarnings":true}',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failed++;
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const store = await openStore(db);
  const count = Number((await store.db.selectFrom('reports').innerJoin('cycles', 'cycles.id', 'reports.cycle_id').select((eb) => eb.fn.countAll().as('n')).where('cycles.status', '=', 'open').where('reports.status', '=', 'submitted').executeTakeFirstOrThrow()).n);
  await store.close();
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? NaN;
  const lost = targets.length - count;
  return [
    absoluteFigure(`deadline burst: ${targets.length} submissions, 32 at a time — lost (${label})`, 'lost', lost, { max: 0 }, `${failed} non-200; ${count} submitted in the database; ${(targets.length / seconds).toFixed(0)} submissions/s`),
    absoluteFigure(`deadline burst p99 (${label})`, 'ms', p99, { max: 150 }, `p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms`),
  ];
}

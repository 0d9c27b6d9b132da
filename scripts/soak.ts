// `npm run soak [-- --minutes N] [-- --rate R] [-- --db URL]`: a realistic mix against a real
// server for N minutes (default 10) at R requests/s (default 200): each virtual user signs in
// once, then lists, reads, saves with If-Match, runs checks, reads history and downloads.
// Reports errors (goal 0) and the server's RSS growth after warm-up (goal < 10 %).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { login } from '../src/services/auth.ts';
import { hashPassword } from '../src/services/passwords.ts';
import { openStore } from '../src/store/db.ts';
import { HttpClient, startServer } from '../test/reliability/server-process.ts';

// autocannon ships no types: the little of its API used here, typed locally.
interface Request {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Request) => Request;
  onResponse?: (status: number, body: string) => void;
}
interface Client {
  setHeaders(headers: Record<string, string>): void;
  setRequests(requests: Request[]): void;
}
interface Histogram { average: number; total: number; p50: number; p97_5: number; p99: number; max: number }
interface Result { requests: Histogram; latency: Histogram; duration: number; errors: number; timeouts: number }
type Autocannon = (options: Record<string, unknown> & { setupClient?: (client: Client) => void; requests?: Request[] }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '200' }, users: { type: 'string', default: '24' }, db: { type: 'string' } } });
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const users = Number(values.users);
// Sign-in through HTTP is limited to 10 a minute per address: the first users sign in over HTTP,
// the others through the same login service directly (same checks, session rows and audit).
const HTTP_SIGN_INS = 8;
const dbFile = values.db ?? join(tmpdir(), `khcn-soak-${randomBytes(4).toString('hex')}.db`);
const PASSWORD = 'Soak-2026-mat-khau';

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

console.log(`Soak: ${minutes} phút, ${rate} yêu cầu/giây, ${users} người dùng ảo, CSDL ${values.db ? values.db.replace(/\/\/[^@/]*@/, '//***@') : dbFile}`);
const server = await startServer(dbFile, { timeoutMs: 180_000 });
try {
  // One commune account per virtual user, each with a report of its own (drafts and returned).
  const store = await openStore(dbFile);
  const hash = await hashPassword(PASSWORD);
  const rows = await store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').select(['reports.id', 'reports.unit_id', 'reports.province_id', 'units.name']).where('reports.status', 'in', ['draft', 'returned']).where('units.name', 'not in', ['Kiến Thụy', 'An Lão']).orderBy('units.name').limit(users).execute();
  for (const [i, r] of rows.entries()) {
    await store.db.insertInto('users').values({ id: crypto.randomUUID(), username: `soak.${i}.${randomBytes(2).toString('hex')}`, password_hash: hash, full_name: `Soak ${i}`, role: 'commune_officer', province_id: r.province_id, unit_id: r.unit_id, created_at: new Date().toISOString() }).execute();
  }
  const names = await store.db.selectFrom('users').select(['username', 'unit_id']).where('username', 'like', 'soak.%').execute();
  const sessions: { client: { cookie: string; csrf: string }; reportId: string }[] = [];
  for (const [i, u] of names.entries()) {
    const reportId = rows.find((r) => r.unit_id === u.unit_id)!.id;
    if (i < HTTP_SIGN_INS) sessions.push({ client: await new HttpClient(server.base).signIn(u.username, PASSWORD), reportId });
    else {
      const s = await login(store, u.username, PASSWORD);
      sessions.push({ client: { cookie: `khcn_session=${s.token}`, csrf: s.csrfToken }, reportId });
    }
  }
  await store.close();

  const statuses = new Map<string, number>();
  const count = (what: string, status: number) => statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
  let next = 0;
  /** The sequence of one virtual user; its state (report, version) lives across loops. */
  function sequence(session: (typeof sessions)[number]): Request[] {
    const state: { body?: Record<string, unknown>; version?: number; saves: number } = { saves: 0 };
    const id = session.reportId;
    const read = (path: string, what: string, keep = false): Request => ({
      method: 'GET',
      path,
      onResponse: (status, body) => {
        count(what, status);
        if (keep && status === 200) {
          const parsed = JSON.parse(body) as { report: Record<string, unknown>; meta: { version: number } };
          state.body = parsed.report;
          state.version = parsed.meta.version;
        }
      },
    });
    const save: Request = {
      method: 'PUT',
      path: `/api/reports/${id}`,
      setupRequest: (req) => {
        const report = structuredClone(state.body ?? {}) as { implementation?: { leadership?: { paragraphs?: string[] } } };
        const paragraphs = report.implementation?.leadership?.paragraphs;
        // Replace, not append: the body keeps its size, so memory growth would be a leak.
        if (paragraphs) paragraphs[0] = `Soak: lần lưu ${++state.saves}`;
        return { ...req, headers: { ...req.headers, 'if-match': String(state.version ?? 1) }, body: JSON.stringify(report) };
      },
      onResponse: (status, body) => {
        count('save', status);
        if (status === 200) state.version = (JSON.parse(body) as { meta: { version: number } }).meta.version;
      },
    };
    return [
      read('/api/reports', 'list'),
      read(`/api/reports/${id}`, 'read', true),
      save,
      read(`/api/reports/${id}/checks`, 'checks'),
      read('/api/me', 'me'),
      read(`/api/reports/${id}/versions`, 'versions'),
      read(`/api/reports/${id}`, 'read', true),
      save,
      read(`/api/reports/${id}/events`, 'events'),
      read('/api/units', 'units'),
      read(`/api/reports/${id}/appendix.xlsx`, 'download'),
    ];
  }

  const rss: { at: number; mb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => rss.push({ at: (Date.now() - started) / 1000, mb: rssMb(server.pid) }), 5_000);
  rss.push({ at: 0, mb: rssMb(server.pid) });
  const result = await autocannon({
    url: server.base,
    connections: sessions.length,
    overallRate: rate,
    duration: minutes * 60,
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient: (client: Client) => {
      const session = sessions[next++ % sessions.length]!;
      client.setHeaders({ 'content-type': 'application/json', cookie: session.client.cookie, 'x-csrf-token': session.client.csrf });
      client.setRequests(sequence(session));
    },
  });
  clearInterval(sampler);
  rss.push({ at: (Date.now() - started) / 1000, mb: rssMb(server.pid) });

  // Warm-up: the first fifth (at most two minutes) fills caches and JIT; growth is measured after it.
  const warm = rss.find((s) => s.at >= Math.min(120, (minutes * 60) / 5)) ?? rss[0]!;
  const end = rss[rss.length - 1]!;
  const growth = ((end.mb - warm.mb) / warm.mb) * 100;
  const bad = [...statuses].filter(([k]) => !/ 200$/.test(k)).reduce((a, [, n]) => a + n, 0);
  const errors = result.errors + result.timeouts + bad;
  console.log(`Yêu cầu: ${result.requests.total} trong ${result.duration.toFixed(0)} s (${result.requests.average.toFixed(1)}/s), độ trễ p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, tối đa ${result.latency.max} ms`);
  console.log(`Theo loại: ${[...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  console.log(`Lỗi: ${errors} (kết nối ${result.errors}, quá hạn ${result.timeouts}, trả lời khác 200: ${bad})`);
  console.log(`RSS máy chủ: đầu ${rss[0]!.mb.toFixed(0)} MB, sau khởi động (${warm.at.toFixed(0)} s) ${warm.mb.toFixed(0)} MB, cuối ${end.mb.toFixed(0)} MB, cao nhất ${Math.max(...rss.map((s) => s.mb)).toFixed(0)} MB — tăng ${growth.toFixed(1)} % sau khởi động`);
  console.log(errors === 0 && growth < 10 ? 'ĐẠT: 0 lỗi, RSS tăng < 10 %' : 'CHƯA ĐẠT mục tiêu (0 lỗi, RSS tăng < 10 %)');
  process.exitCode = errors === 0 && growth < 10 ? 0 : 1;
} finally {
  await server.stop();
  if (!values.db) for (const ext of ['', '-wal', '-shm']) rmSync(`${dbFile}${ext}`, { force: true });
}

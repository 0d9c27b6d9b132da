// `npm run soak [-- --minutes N] [-- --rate R] [-- --db URL] [-- --heavy | --no-heavy]`: a
// realistic mix against a real server for N minutes (default 10) at R requests/s (default 200):
// each virtual user signs in once, then lists, reads, saves with If-Match, runs checks, reads
// history and downloads. By default it runs twice, N minutes each, on a fresh server each time:
// without, then with one "heavy" user who downloads, one after the other for the whole run, the
// PDF of the largest report the schema allows (2.000 budget lines, 6 levels) and its DOCX with
// the appendix. `--no-heavy` / `--heavy` run only one of the two.
// Goals (issue 13): 0 errors, RSS growth after warm-up < 10 %, and the other users' p99 with the
// heavy user within 2× of their p99 without.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { login } from '../src/services/auth.ts';
import { hashPassword } from '../src/services/passwords.ts';
import { openStore } from '../src/store/db.ts';
import { largestReport } from '../test/helpers/largest-report.ts';
import { HttpClient, startServer, type ServerProcess } from '../test/reliability/server-process.ts';

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

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '200' }, users: { type: 'string', default: '24' }, db: { type: 'string' }, heavy: { type: 'boolean' }, 'no-heavy': { type: 'boolean' } },
});
const phases: boolean[] = values.heavy ? [true] : values['no-heavy'] ? [false] : [false, true];
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

console.log(`Soak: ${minutes} phút mỗi lượt (${phases.map((h) => (h ? 'có' : 'không có')).join(', rồi ')} người dùng nặng), ${rate} yêu cầu/giây, ${users} người dùng ảo, CSDL ${values.db ? values.db.replace(/\/\/[^@/]*@/, '//***@') : dbFile}`);

interface PhaseResult {
  heavy: boolean;
  p99: number;
  errors: number;
  growth: number;
}

let server: ServerProcess | undefined;
try {
  server = await startServer(dbFile, { timeoutMs: 180_000 });
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
  // The heavy user: Kiến Thụy's officer (the demo account), whose draft becomes the largest report.
  const heavySession = await login(store, 'kienthuy.canbo', 'demo2026');
  const heavyHeaders = { cookie: `khcn_session=${heavySession.token}`, 'x-csrf-token': heavySession.csrfToken, 'content-type': 'application/json' };
  const heavyReport = await store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').select('reports.id').where('units.name', '=', 'Kiến Thụy').executeTakeFirstOrThrow();
  await store.close();
  {
    const current = (await (await fetch(`${server.base}/api/reports/${heavyReport.id}`, { headers: heavyHeaders })).json()) as { report: { commune: unknown }; meta: { version: number } };
    const put = await fetch(`${server.base}/api/reports/${heavyReport.id}`, { method: 'PUT', headers: { ...heavyHeaders, 'if-match': String(current.meta.version) }, body: JSON.stringify({ ...largestReport(), commune: current.report.commune }) });
    if (put.status !== 200) throw new Error(`the largest report was not saved: ${put.status} ${await put.text()}`);
  }

  const results: PhaseResult[] = [];
  for (const [index, heavy] of phases.entries()) {
    if (index > 0) {
      // A fresh server for each run: RSS and caches start from the same point.
      await server.stop();
      server = await startServer(dbFile, { timeoutMs: 180_000 });
    }
    results.push(await phase(server, heavy));
  }
  const without = results.find((r) => !r.heavy);
  const withHeavy = results.find((r) => r.heavy);
  // NaN (growth not measurable) is not < 10: a run too short does not pass.
  let met = results.every((r) => r.errors === 0 && r.growth < 10);
  console.log('');
  for (const r of results) console.log(`${r.heavy ? 'Có' : 'Không có'} người dùng nặng: p99 của các yêu cầu khác ${r.p99} ms, lỗi ${r.errors}, RSS tăng ${Number.isNaN(r.growth) ? 'chưa đo được' : `${r.growth.toFixed(1)} %`}`);
  if (without && withHeavy) {
    const ratio = withHeavy.p99 / Math.max(1, without.p99);
    met &&= ratio <= 2;
    console.log(`p99 có / không có người dùng nặng: ${withHeavy.p99} / ${without.p99} ms = ${ratio.toFixed(2).replace('.', ',')}× (mục tiêu ≤ 2×)`);
  }
  console.log(met ? 'ĐẠT: 0 lỗi, RSS tăng < 10 %' + (without && withHeavy ? ', p99 trong 2×' : '') : 'CHƯA ĐẠT mục tiêu (0 lỗi, RSS tăng < 10 %' + (without && withHeavy ? ', p99 trong 2×)' : ')'));
  process.exitCode = met ? 0 : 1;

  async function phase(server: ServerProcess, heavy: boolean): Promise<PhaseResult> {
    console.log(`\n— Lượt ${heavy ? 'có' : 'không có'} người dùng nặng (${minutes} phút) —`);
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
    // The heavy user: one download after the other, for as long as the others run.
    const heavyTimes: Record<string, number[]> = { pdf: [], docx: [] };
    // When the heavy user's first PDF + DOCX were done: its workers' memory is then in use.
    let firstCycleAt = 0;
    let running = true;
    const heavyLoop = (async () => {
      const downloads = [
        { what: 'pdf', path: `/api/reports/${heavyReport.id}/document.pdf` },
        { what: 'docx', path: `/api/reports/${heavyReport.id}/document.docx?appendix=1` },
      ];
      for (let i = 0; heavy && running; i++) {
        const d = downloads[i % downloads.length]!;
        const t0 = Date.now();
        const res = await fetch(`${server.base}${d.path}`, { headers: heavyHeaders }).catch(() => undefined);
        await res?.arrayBuffer();
        count(`heavy ${d.what}`, res?.status ?? 0);
        heavyTimes[d.what]!.push(Date.now() - t0);
        if (i === downloads.length - 1) firstCycleAt = (Date.now() - started) / 1000;
      }
    })();
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
    running = false;
    await heavyLoop;
    clearInterval(sampler);
    rss.push({ at: (Date.now() - started) / 1000, mb: rssMb(server.pid) });

    // Warm-up: the first fifth (at most two minutes) fills caches and JIT, and with the heavy user
    // lasts at least until its first PDF and DOCX are done (its workers then hold their memory).
    // Growth compares the mean RSS of the window right after warm-up with that of the last window
    // of the same length (a fifth of the run, at most two minutes): with a heavy user the workers'
    // heaps swing by hundreds of MB within one render, so two single samples would measure where
    // each render was, not a leak.
    const total = rss[rss.length - 1]!.at;
    const span = Math.min(120, total / 5);
    const warmFrom = Math.max(span, firstCycleAt);
    const mean = (from: number, to: number) => {
      const xs = rss.filter((r) => r.at >= from && r.at <= to).map((r) => r.mb);
      return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    };
    // A run too short for the two windows to be apart measures nothing: said, and not passed.
    const measurable = warmFrom + span <= total - span;
    const warm = mean(warmFrom, warmFrom + span);
    const end = mean(total - span, total);
    const growth = measurable ? ((end - warm) / warm) * 100 : Number.NaN;
    const bad = [...statuses].filter(([k]) => !/ 200$/.test(k)).reduce((a, [, n]) => a + n, 0);
    const errors = result.errors + result.timeouts + bad;
    const fmt = (xs: number[]) => (xs.length ? `${xs.length} lần, trung vị ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]} ms, lâu nhất ${Math.max(...xs)} ms` : 'không lần nào');
    console.log(`Yêu cầu: ${result.requests.total} trong ${result.duration.toFixed(0)} s (${result.requests.average.toFixed(1)}/s), độ trễ p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, tối đa ${result.latency.max} ms`);
    if (heavy) console.log(`Người dùng nặng: PDF ${fmt(heavyTimes.pdf!)}; DOCX kèm phụ lục (2.000 dòng) ${fmt(heavyTimes.docx!)}`);
    console.log(`Theo loại: ${[...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    console.log(`Lỗi: ${errors} (kết nối ${result.errors}, quá hạn ${result.timeouts}, trả lời khác 200: ${bad})`);
    console.log(
      measurable
        ? `RSS máy chủ: đầu ${rss[0]!.mb.toFixed(0)} MB, trung bình sau khởi động (${warmFrom.toFixed(0)}–${(warmFrom + span).toFixed(0)} s) ${warm.toFixed(0)} MB, trung bình cuối ${end.toFixed(0)} MB, cao nhất ${Math.max(...rss.map((s) => s.mb)).toFixed(0)} MB — tăng ${growth.toFixed(1)} % sau khởi động`
        : `RSS máy chủ: đầu ${rss[0]!.mb.toFixed(0)} MB, cao nhất ${Math.max(...rss.map((s) => s.mb)).toFixed(0)} MB — chưa đo được mức tăng: khởi động kéo dài tới ${warmFrom.toFixed(0)} s, lượt chạy quá ngắn (${total.toFixed(0)} s) để có hai khoảng đo tách nhau`,
    );
    return { heavy, p99: result.latency.p99, errors, growth };
  }
} finally {
  await server?.stop();
  if (!values.db) for (const ext of ['', '-wal', '-shm']) rmSync(`${dbFile}${ext}`, { force: true });
}

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { buildApp } from '../../server/app.ts';
import { parseTrustProxy, refuseBareTrustProxy } from '../../server/trust-proxy.ts';
import { announceListening, isClusterWorker, runPrimary, workerId } from '../../server/cluster.ts';
import { prepareStore } from '../prepare-store.ts';
import { EXIT, type Command } from '../io.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const WEB_DIST = join(ROOT, 'web/dist');

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web UI when it is missing or older than its sources (first `npm start`). */
function ensureWebBuilt(log: (s: string) => void): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web/src')), newestMtime(join(ROOT, 'src/domain')), existsSync(join(ROOT, 'web/index.html')) ? statSync(join(ROOT, 'web/index.html')).mtimeMs : 0);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  if (!existsSync(join(ROOT, 'web/vite.config.ts'))) return;
  log('Đang đóng gói giao diện web (lần đầu mất khoảng nửa phút)…');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new AppError('WEB_BUILD_FAILED', 'Không đóng gói được giao diện web (xem lỗi ở trên).');
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Chạy ứng dụng web và API (tạo, nâng cấp CSDL và nạp dữ liệu mẫu lần đầu)',
  usage: 'serve [--port 3000] [--host localhost] [--db PATH|URL] [--no-demo] [--workers N] [--trust-proxy IP,CIDR|HOPS]',
  async run(args, io) {
    refuseBareTrustProxy(args);
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        host: { type: 'string', default: process.env.HOST ?? 'localhost' },
        db: { type: 'string' },
        'no-demo': { type: 'boolean', default: false },
        'build-web': { type: 'boolean', default: false },
        'trust-proxy': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        workers: { type: 'string', default: process.env.KHCN_WORKERS ?? '1' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('BAD_USAGE', `Cổng không hợp lệ: ${values.port}`);
    const trustProxy = parseTrustProxy(values['trust-proxy']);
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new AppError('BAD_USAGE', `Số tiến trình không hợp lệ: ${values.workers}`);
    if (values['build-web'] && !isClusterWorker()) ensureWebBuilt(io.err);
    if (workers > 1 && !isClusterWorker()) {
      // Migrations and demo data once, in the primary, before any worker opens the database.
      const prepared = await prepareStore(values.db, { demo: !values['no-demo'], log: io.err });
      const where = `CSDL: ${prepared.store.kind} ${prepared.store.location}`;
      await prepared.store.close();
      return runPrimary(workers, io.err, (address) => `khcn đang chạy tại ${address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost')} (${where})`);
    }
    const { store, demo } = await prepareStore(values.db, { demo: !values['no-demo'], log: io.err });
    const app = await buildApp({ store, demo, webDist: WEB_DIST, logger: !values.quiet, trustProxy });
    const worker = workerId();
    if (worker !== null) app.addHook('onRequest', async (_request, reply) => void reply.header('x-khcn-worker', String(worker)));
    const close = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    const address = await app.listen({ port, host: values.host });
    if (isClusterWorker()) {
      announceListening(address);
      await new Promise(() => undefined);
    }
    io.err(`khcn đang chạy tại ${address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost')} (CSDL: ${store.kind} ${store.location}${demo ? ', dữ liệu mẫu' : ''})`);
    await new Promise(() => undefined);
    return EXIT.ok;
  },
};

import cluster from 'node:cluster';

/**
 * `khcn serve --workers N`: N server processes behind one port (Node's cluster module; the
 * primary accepts connections and hands them round-robin to workers). Workers are stateless —
 * sessions, reports and the audit chain live in the database — so any worker can serve any
 * request. Meant for PostgreSQL; on SQLite the workers share one file and take turns writing.
 */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** The worker's number (1…N), for the X-Khcn-Worker response header; null outside a cluster. */
export const workerId = (): number | null => cluster.worker?.id ?? null;

interface Listening {
  khcnListening: string;
}

const isListening = (m: unknown): m is Listening => typeof m === 'object' && m !== null && typeof (m as Listening).khcnListening === 'string';

/** Tells the primary this worker is accepting connections at `address`. */
export function announceListening(address: string): void {
  process.send?.({ khcnListening: address } satisfies Listening);
}

/**
 * Runs the primary: forks `workers` copies of this very command (same argv), logs the address
 * once all listen, replaces a worker that dies, and stops them all on SIGINT/SIGTERM.
 */
export function runPrimary(workers: number, log: (line: string) => void, describe: (address: string) => string): Promise<never> {
  let stopping = false;
  const ready = new Set<number>();
  let announced = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (m: unknown) => {
      if (!isListening(m)) return;
      ready.add(worker.id);
      if (!announced && ready.size >= workers) {
        announced = true;
        log(`${describe(m.khcnListening)} — ${workers} tiến trình`);
      }
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log(`Tiến trình ${worker.process.pid} dừng (${signal ?? code}); khởi động lại.`);
    fork();
  });
  const stop = () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (let i = 0; i < workers; i++) fork();
  return new Promise<never>(() => undefined);
}

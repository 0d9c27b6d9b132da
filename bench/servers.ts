import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a child process and waits until it prints an http:// address (on stdout or stderr). */
export function startProcess(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no address after 120 s: ${output.slice(-500)}`)), 120_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /https?:\/\/[^\s)]+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0].replace(/\/$/, '').replace('localhost', '127.0.0.1'),
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${output.slice(-1000)}`)));
  });
}

/** The real khcn server (CLI `serve`), as deployed: its own process, its own pool. */
export const startKhcn = (db: string, extra: string[] = []): Promise<Running> =>
  startProcess(['bin/khcn.js', 'serve', '--no-demo', '--quiet', '--host', '127.0.0.1', '--port', '0', '--db', db, ...extra]);

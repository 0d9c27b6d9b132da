import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Runs the external readers (LibreOffice, poppler) as bounded child processes: a deadline after
 * which the whole process group is killed (LibreOffice's `soffice` starts `soffice.bin` as a
 * child, so killing the first process alone would leave the second running), a cap on what is
 * read of stdout, and optionally an address-space cap (ulimit -v). On Linux the command runs
 * under coreutils `timeout` too, which kills the group at the deadline even when this thread is
 * gone (the import worker is terminated when its task overruns the pool's deadline).
 */
export interface ChildLimits {
  timeoutMs: number;
  /** stdout beyond this kills the child; the result says `overflow`. */
  maxOutputBytes: number;
  /** Virtual memory of the child, in MB (not for LibreOffice, whose runtime reserves a lot). */
  memoryMb?: number;
}

export interface ChildResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
  timedOut: boolean;
  overflow: boolean;
}

/** The executable's path when `name` (a path or a bare command looked up in PATH) can be run. */
export function findExecutable(name: string): string | undefined {
  const candidates = isAbsolute(name) || name.includes('/') ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

let wrappers: { sh: string | undefined; timeout: string | undefined } | undefined;

export function runChild(command: string, args: string[], limits: ChildLimits, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildResult> {
  wrappers ??= { sh: process.platform === 'win32' ? undefined : findExecutable('/bin/sh'), timeout: process.platform === 'linux' ? findExecutable('timeout') : undefined };
  let argv = [command, ...args];
  // One second after our own deadline: ours normally fires first and reports timedOut.
  if (wrappers.timeout) argv = [wrappers.timeout, '-s', 'KILL', `${Math.ceil(limits.timeoutMs / 1000) + 1}s`, ...argv];
  if (wrappers.sh && limits.memoryMb) argv = [wrappers.sh, '-c', `ulimit -v ${limits.memoryMb * 1024} && exec "$@"`, 'sh', ...argv];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    let overflow = false;
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > limits.maxOutputBytes) {
        overflow = true;
        kill();
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(chunks), stderr, code, timedOut, overflow });
    });
  });
}

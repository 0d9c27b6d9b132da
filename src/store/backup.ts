import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../domain/errors.ts';
import { isPostgresUrl } from './db.ts';

/**
 * Backup and restore behind one interface; the only place that knows how each database is
 * copied. SQLite uses the online backup API (a consistent snapshot while the server writes);
 * PostgreSQL uses pg_dump in custom format, which reads inside one repeatable-read snapshot.
 */
export interface BackupResult {
  kind: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
}

interface BackupDriver {
  backup(target: string, file: string): Promise<void>;
  restore(file: string, target: string, force: boolean): Promise<void>;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const PGDUMP_MAGIC = 'PGDMP';

const kindOf = (target: string): BackupResult['kind'] => (isPostgresUrl(target) ? 'postgres' : 'sqlite');
const drivers: Record<BackupResult['kind'], BackupDriver> = { sqlite: sqliteDriver(), postgres: postgresDriver() };

export async function backupDatabase(target: string, file: string): Promise<BackupResult> {
  const kind = kindOf(target);
  if (kind === 'sqlite' && !existsSync(target)) throw new AppError('DB_NOT_FOUND', `Không có tệp CSDL ${target}.`);
  if (existsSync(file)) throw new AppError('BACKUP_EXISTS', `Tệp ${file} đã có; hãy chọn tên khác để không ghi đè bản sao lưu cũ.`);
  await drivers[kind].backup(target, file);
  return { kind, file, bytes: statSync(file).size };
}

/** Restores `file` into `target`. Refuses to overwrite a database with data unless `force`. */
export async function restoreDatabase(file: string, target: string, options: { force?: boolean } = {}): Promise<BackupResult['kind']> {
  if (!existsSync(file)) throw new AppError('BACKUP_NOT_FOUND', `Không có tệp sao lưu ${file}.`);
  const kind = kindOf(target);
  const magic = readMagic(file);
  const fileKind = magic.startsWith(SQLITE_MAGIC) ? 'sqlite' : magic.startsWith(PGDUMP_MAGIC) ? 'postgres' : undefined;
  if (!fileKind) throw new AppError('BACKUP_INVALID', `Tệp ${file} không phải bản sao lưu khcn (SQLite hoặc pg_dump dạng custom).`);
  if (fileKind !== kind) throw new AppError('BACKUP_KIND_MISMATCH', `Bản sao lưu là của ${fileKind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, còn CSDL đích là ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}.`);
  await drivers[kind].restore(file, target, options.force ?? false);
  return kind;
}

function readMagic(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const notEmpty = () => new AppError('RESTORE_TARGET_NOT_EMPTY', 'CSDL đích đã có dữ liệu; dừng máy chủ và thêm --force nếu thật sự muốn thay toàn bộ bằng bản sao lưu.');

function sqliteDriver(): BackupDriver {
  return {
    async backup(target, file) {
      const db = new BetterSqlite3(target, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        await db.backup(file);
      } finally {
        db.close();
      }
      assertSqliteIntact(file);
    },
    async restore(file, target, force) {
      assertSqliteIntact(file);
      if (existsSync(target) && !force && sqliteHasData(target)) throw notEmpty();
      // Copy into a temporary file beside the target, then swap it in: a crash mid-restore
      // leaves either the old database or the new one, never half of each.
      const tmp = `${target}.restore-${process.pid}`;
      rmSync(tmp, { force: true });
      const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      try {
        await source.backup(tmp);
      } finally {
        source.close();
      }
      for (const ext of ['-wal', '-shm']) rmSync(`${target}${ext}`, { force: true });
      renameSync(tmp, target);
    },
  };
}

function assertSqliteIntact(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('BACKUP_CORRUPT', `Bản sao lưu ${file} hỏng: ${String(result)}.`);
    const head = db.prepare("select count(*) as n from sqlite_master where name = 'audit_head'").get() as { n: number };
    if (head.n !== 1) throw new AppError('BACKUP_INVALID', `Tệp ${file} không phải CSDL khcn.`);
  } finally {
    db.close();
  }
}

function sqliteHasData(target: string): boolean {
  const db = new BetterSqlite3(target, { readonly: true });
  try {
    const t = db.prepare("select count(*) as n from sqlite_master where name = 'provinces'").get() as { n: number };
    if (t.n === 0) return false;
    return (db.prepare('select count(*) as n from provinces').get() as { n: number }).n > 0;
  } finally {
    db.close();
  }
}

/** The client binaries; overridable for installations that keep them off PATH (and for tests). */
const pgBinary = (name: 'pg_dump' | 'pg_restore' | 'psql') => process.env[`KHCN_${name.toUpperCase()}`] ?? name;

function postgresDriver(): BackupDriver {
  return {
    async backup(target, file) {
      await runPg('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target}`]);
    },
    async restore(file, target, force) {
      const rows = await runPg('psql', ['-Atq', `--dbname=${target}`, '-c', "select count(*) from information_schema.tables where table_name = 'provinces' and table_schema = current_schema()"]);
      if (rows.trim() === '1') {
        const n = await runPg('psql', ['-Atq', `--dbname=${target}`, '-c', 'select count(*) from provinces']);
        if (Number(n.trim()) > 0 && !force) throw notEmpty();
      }
      // One transaction: a failed restore leaves the database as it was.
      await runPg('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target}`, file]);
    },
  };
}

function runPg(name: 'pg_dump' | 'pg_restore' | 'psql', args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(pgBinary(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT'
        ? new AppError('PG_TOOLS_MISSING', `Không tìm thấy ${name}: hãy cài gói postgresql-client (cùng phiên bản chính với máy chủ PostgreSQL) hoặc đặt biến KHCN_${name.toUpperCase()}.`)
        : new AppError('BACKUP_FAILED', `Không chạy được ${name}: ${e.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new AppError(name === 'pg_dump' ? 'BACKUP_FAILED' : 'RESTORE_FAILED', `${name} dừng với mã ${code}: ${err.trim().split('\n').slice(-3).join(' ').replace(/postgres(ql)?:\/\/[^@\s]*@/g, 'postgres://***@')}`));
    });
  });
}

import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { backupDatabase } from '../../store/backup.ts';
import { resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

/** `khcn backup FILE`: a consistent copy taken while the server keeps running. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'Sao lưu CSDL ra tệp (được chạy khi máy chủ đang hoạt động)',
  usage: 'backup FILE [--db PATH|URL]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length !== 1) throw new AppError('BAD_USAGE', 'Cách dùng: khcn backup FILE [--db PATH|URL]');
    const result = await backupDatabase(resolveDbTarget(values.db), file);
    io.out(`Đã sao lưu CSDL ${result.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} vào ${result.file} (${(result.bytes / 1024).toFixed(0)} KB).`);
    return EXIT.ok;
  },
};

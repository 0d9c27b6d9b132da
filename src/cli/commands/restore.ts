import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { verifyAudit } from '../../services/audit.ts';
import { restoreDatabase } from '../../store/backup.ts';
import { openStore, resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

/** `khcn restore FILE`: puts a backup back (server stopped), then verifies the audit chain. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục CSDL từ tệp sao lưu (dừng máy chủ trước; --force để ghi đè CSDL đã có dữ liệu)',
  usage: 'restore FILE [--db PATH|URL] [--force]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length !== 1) throw new AppError('BAD_USAGE', 'Cách dùng: khcn restore FILE [--db PATH|URL] [--force]');
    const target = resolveDbTarget(values.db);
    await restoreDatabase(file, target, { force: values.force });
    const store = await openStore(target);
    try {
      const audit = await verifyAudit(store);
      if (!audit.ok) {
        io.err(`Lỗi [AUDIT_BROKEN]: đã khôi phục nhưng nhật ký thao tác không toàn vẹn tại mục số ${audit.brokenAt} — ${audit.reason}.`);
        return EXIT.findings;
      }
      io.out(`Đã khôi phục CSDL từ ${file}; nhật ký thao tác toàn vẹn (${audit.entries} mục).`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { verifyAudit } from '../../services/audit.ts';
import { isPostgresUrl, openStore, resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

/**
 * `khcn audit verify`: walks the hash chain of the audit trail. Exit 0 with the entry count when
 * intact; exit 1 naming the first entry that does not verify (a finding, like `khcn check`).
 */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'Kiểm tra tính toàn vẹn của nhật ký thao tác (chuỗi mã băm)',
  usage: 'audit verify [--db PATH|URL]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      throw new AppError('BAD_USAGE', 'Cách dùng: khcn audit verify [--db PATH|URL]');
    }
    const target = resolveDbTarget(values.db);
    // Opening a missing SQLite file would create an empty one and "verify" nothing.
    if (!isPostgresUrl(target) && target !== ':memory:' && !existsSync(target)) throw new AppError('DB_NOT_FOUND', `Không có tệp CSDL ${target}.`);
    const store = await openStore(target);
    try {
      const result = await verifyAudit(store);
      if (result.ok) {
        // The head hash, printed so it can be kept outside the database (a ledger, a signed email):
        // someone able to rewrite the whole chain cannot also rewrite a copy they do not hold.
        const head = await store.db.selectFrom('audit_head').select('hash').where('id', '=', 1).executeTakeFirst();
        io.out(`Nhật ký toàn vẹn: ${result.entries} mục, chuỗi mã băm khớp. Mã băm cuối: ${head?.hash ?? '-'}`);
        return EXIT.ok;
      }
      io.err(`Lỗi [AUDIT_BROKEN]: nhật ký bị thay đổi tại mục số ${result.brokenAt} — ${result.reason}. ${result.entries} mục đầu vẫn khớp.`);
      return EXIT.findings;
    } finally {
      await store.close();
    }
  },
};

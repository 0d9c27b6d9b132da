import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { verifyAudit } from '../../services/audit.ts';
import { verifyFrozenVersions, versionLabel } from '../../services/verify-versions.ts';
import { isPostgresUrl, openStore, resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

/**
 * `khcn audit verify`: walks the hash chain of the audit trail, then re-hashes every frozen report
 * version against the hash the chain recorded when it was frozen (verify-versions.ts). Exit 0
 * with the counts when both hold; exit 1 naming the first entry that does not verify and every
 * rewritten version with its report (a finding, like `khcn check`).
 */
// Enough to act on; the rest are counted, not listed (a restore gone wrong can touch thousands).
const LISTED = 50;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Kiểm tra tính toàn vẹn của nhật ký thao tác (chuỗi mã băm) và của các phiên bản báo cáo đã chốt',
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
      const versions = await verifyFrozenVersions(store);
      if (result.ok) {
        // The head hash, printed so it can be kept outside the database (a ledger, a signed email):
        // someone able to rewrite the whole chain cannot also rewrite a copy they do not hold.
        const head = await store.db.selectFrom('audit_head').select('hash').where('id', '=', 1).executeTakeFirst();
        io.out(`Nhật ký toàn vẹn: ${result.entries} mục, chuỗi mã băm khớp. Mã băm cuối: ${head?.hash ?? '-'}`);
      } else {
        io.err(`Lỗi [AUDIT_BROKEN]: nhật ký bị thay đổi tại mục số ${result.brokenAt} — ${result.reason}. ${result.entries} mục đầu vẫn khớp.`);
      }
      if (versions.problems.length === 0) {
        io.out(`Phiên bản đã chốt toàn vẹn: ${versions.checked} nội dung lưu trữ khớp mã băm nhật ký đã ghi.`);
      } else {
        for (const p of versions.problems.slice(0, LISTED)) {
          io.err(`Lỗi [VERSION_TAMPERED]: báo cáo ${p.report} (mã ${p.reportId}), ${versionLabel(p)} — ${p.reason}.`);
        }
        if (versions.problems.length > LISTED) io.err(`… và ${versions.problems.length - LISTED} lỗi khác.`);
        io.err(`${versions.problems.length} lỗi trên ${versions.checked} nội dung đã chốt được kiểm tra.`);
      }
      return result.ok && versions.problems.length === 0 ? EXIT.ok : EXIT.findings;
    } finally {
      await store.close();
    }
  },
};

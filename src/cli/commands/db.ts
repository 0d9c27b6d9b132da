import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { isEmpty, seedDemo } from '../../demo/seed-demo.ts';
import { migrate, openStore, resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Tạo hoặc nâng cấp cấu trúc CSDL',
  usage: 'migrate [--db PATH|URL]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
    const store = await openStore(resolveDbTarget(values.db));
    try {
      const applied = await migrate(store);
      io.out(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'CSDL đã ở phiên bản mới nhất.');
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Nạp dữ liệu mẫu (Hải Phòng, tài khoản demo) vào CSDL trống',
  usage: 'seed [--db PATH|URL]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
    const store = await openStore(resolveDbTarget(values.db));
    try {
      await migrate(store);
      if (!(await isEmpty(store))) throw new AppError('DB_NOT_EMPTY', 'CSDL đã có dữ liệu; chỉ nạp dữ liệu mẫu vào CSDL trống.');
      await seedDemo(store);
      io.out('Đã nạp dữ liệu mẫu: Hải Phòng (114 đơn vị), kỳ báo cáo 2027, 6 tài khoản demo (mật khẩu demo2026).');
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

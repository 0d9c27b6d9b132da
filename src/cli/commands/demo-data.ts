import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { seedNational } from '../../demo/national.ts';
import { migrate, openStore, resolveDbTarget } from '../../store/db.ts';
import { EXIT, type Command } from '../io.ts';

export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: 'Tạo dữ liệu minh họa toàn quốc (34 tỉnh, 3.321 đơn vị) vào CSDL trống — để thử tải',
  usage: 'demo-data --national [--years 5] [--seed 1] [--db PATH|URL]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { national: { type: 'boolean', default: false }, years: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, db: { type: 'string' } },
    });
    if (!values.national) throw new AppError('BAD_USAGE', 'Hiện chỉ có bộ dữ liệu toàn quốc: dùng --national.');
    const years = Number(values.years);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new AppError('BAD_USAGE', `Seed không hợp lệ: ${values.seed}`);
    const store = await openStore(resolveDbTarget(values.db));
    try {
      await migrate(store);
      const s = await seedNational(store, { years, seed, log: io.err });
      io.out(`Đã tạo dữ liệu minh họa toàn quốc: ${s.provinces} tỉnh, ${s.units} đơn vị, ${s.users} tài khoản (mật khẩu demo2026), ${s.reports} báo cáo trong ${s.seconds.toFixed(1)} s.`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

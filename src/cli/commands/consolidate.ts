import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { renderConsolidatedDocx, renderConsolidatedXlsx } from '../../documents/consolidated/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../../services/actor.ts';
import { consolidatedModel } from '../../services/consolidation.ts';
import { cycleByYear } from '../../services/department.ts';
import { prepareStore } from '../prepare-store.ts';
import { EXIT, type Command } from '../io.ts';

const USAGE = 'consolidate --province CODE --year N --xlsx OUT.xlsx [--docx OUT.docx] [--db PATH|URL]';

async function write(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw new AppError('WRITE_FAILED', `Không ghi được tệp ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Biểu tổng hợp XLSX của tỉnh/thành phố (và báo cáo tổng hợp DOCX của Sở) từ các báo cáo đã tiếp nhận',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { province: { type: 'string' }, year: { type: 'string' }, xlsx: { type: 'string' }, docx: { type: 'string' }, db: { type: 'string' }, date: { type: 'string' } },
      allowPositionals: false,
    });
    const year = Number(values.year);
    if (!values.province || !values.year || !Number.isInteger(year) || (!values.xlsx && !values.docx)) {
      throw new AppError('BAD_USAGE', `Cách dùng: khcn ${USAGE}`);
    }
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new AppError('BAD_USAGE', 'Ngày văn bản (--date) phải có dạng YYYY-MM-DD.');
    // Reading only: never seed demo data into the database named here.
    const { store } = await prepareStore(values.db, { demo: false });
    try {
      const province = await store.db.selectFrom('provinces').select(['id', 'name']).where('code', '=', values.province).executeTakeFirst();
      if (!province) {
        io.err(`Lỗi [UNKNOWN_PROVINCE]: không có tỉnh/thành phố mã ${values.province} trong CSDL.`);
        return EXIT.usage;
      }
      // The CLI acts as the Department of that province, read-only.
      const actor: Actor = { ...SYSTEM_ACTOR, role: 'dept_reviewer', provinceId: province.id };
      const cycle = await cycleByYear(store, actor, year);
      if (!cycle) {
        io.err(`Lỗi [UNKNOWN_CYCLE]: ${province.name} chưa có kỳ báo cáo kế hoạch năm ${year}.`);
        return EXIT.usage;
      }
      const model = await consolidatedModel(store, actor, cycle.id, values.date ? { date: values.date } : {});
      if (values.xlsx) {
        await write(values.xlsx, await renderConsolidatedXlsx(model));
        io.out(`Đã ghi biểu tổng hợp: ${values.xlsx} (${model.progress.expected} đơn vị, ${model.consolidation.included} báo cáo đã tiếp nhận)`);
      }
      if (values.docx) {
        await write(values.docx, await renderConsolidatedDocx(model));
        io.out(`Đã ghi báo cáo tổng hợp: ${values.docx}`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importReport } from '../../documents/import/index.ts';
import { AppError } from '../../domain/errors.ts';
import { EXIT, type Command } from '../io.ts';
import { provinceOption, readBytes } from '../load-report.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Đọc báo cáo .docx/.doc/.odt/.pdf/.txt thành dữ liệu báo cáo (JSON)',
  usage: 'import FILE [--out report.json] [--province TÊN|MÃ]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' }, province: { type: 'string' } },
      allowPositionals: true,
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new AppError('BAD_USAGE', `Cách dùng: khcn ${this.usage}`);
    const options = provinceOption(values.province);
    const bytes = await readBytes(file);
    const result = await importReport(bytes, file, options);
    const json = `${JSON.stringify(result.report, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json);
      io.out(`Đã ghi ${values.out}.`);
    } else {
      io.out(json);
    }
    // Warnings go to stderr so that stdout stays valid JSON.
    for (const w of result.warnings) io.err(`CẢNH BÁO ${w.code} (dòng ${w.line}): ${w.message}\n         ${w.text}`);
    return EXIT.ok;
  },
};

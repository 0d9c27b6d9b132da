import { parseArgs } from 'node:util';
import { hasErrors, type Finding } from '../../domain/checks.ts';
import { AppError } from '../../domain/errors.ts';
import { loadReportFile, provinceOption } from '../load-report.ts';
import { EXIT, type Command } from '../io.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Kiểm tra số liệu của một báo cáo (JSON, DOCX, DOC, ODT, PDF hoặc TXT)',
  usage: 'check FILE [--json] [--province TÊN|MÃ]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, province: { type: 'string' } }, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new AppError('BAD_USAGE', `Cách dùng: khcn ${this.usage}`);
    const loaded = await loadReportFile(file, provinceOption(values.province));
    const findings: Finding[] = [...loaded.findings];
    if (values.json) {
      io.out(JSON.stringify({ findings: findings.map(({ code, severity, message, path, expected, actual }) => ({ code, severity, message, path, expected, actual })) }, null, 2));
    } else if (findings.length === 0) {
      io.out('Không phát hiện lỗi nào.');
    } else {
      for (const f of findings) io.out(`${f.severity === 'error' ? 'LỖI    ' : 'CẢNH BÁO'} ${f.code}: ${f.message}\n         tại ${f.path}`);
      const errors = findings.filter((f) => f.severity === 'error').length;
      io.out(`\n${errors} lỗi, ${findings.length - errors} cảnh báo.`);
    }
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  },
};

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.ts';
import { convertToPdf, renderAppendixXlsx, renderDocx } from '../../documents/render/index.ts';
import { loadReportFile } from '../load-report.ts';
import { EXIT, type Command } from '../io.ts';

const USAGE = 'render REPORT.json --docx OUT.docx --xlsx OUT.xlsx [--pdf OUT.pdf] [--appendix]';

/** "bao-cao.pdf" → "bao-cao-bieu-du-toan.pdf": where the PDF of the appendix workbook goes. */
export const appendixPdfPath = (pdf: string): string => `${pdf.replace(/\.pdf$/i, '')}-bieu-du-toan.pdf`;

async function write(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw new AppError('WRITE_FAILED', `Không ghi được tệp ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'Xuất báo cáo DOCX (NĐ 30/2020), biểu dự toán XLSX và PDF từ tệp JSON',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        docx: { type: 'string' },
        xlsx: { type: 'string' },
        pdf: { type: 'string' },
        appendix: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
    const [file] = positionals;
    if (!file || positionals.length > 1 || (!values.docx && !values.xlsx && !values.pdf)) {
      throw new AppError('BAD_USAGE', `Cách dùng: khcn ${USAGE}\n(cần ít nhất một trong --docx, --xlsx, --pdf)`);
    }
    const loaded = await loadReportFile(file);
    if (!loaded.report) {
      for (const f of loaded.findings) io.err(`LỖI ${f.code}: ${f.message}\n    tại ${f.path}`);
      io.err(`Tệp ${file} không đúng cấu trúc báo cáo; không xuất được văn bản.`);
      return EXIT.usage;
    }
    const report = loaded.report;
    const options = { appendix: values.appendix };
    // The DOCX is rendered when asked for or when its PDF is; likewise the XLSX.
    const docx = values.docx || values.pdf ? await renderDocx(report, options) : undefined;
    const xlsx = values.xlsx ? await renderAppendixXlsx(report, options) : undefined;
    if (values.docx && docx) {
      await write(values.docx, docx);
      io.out(`Đã ghi báo cáo: ${values.docx}`);
    }
    if (values.xlsx && xlsx) {
      await write(values.xlsx, xlsx);
      io.out(`Đã ghi biểu dự toán: ${values.xlsx}`);
    }
    if (values.pdf && docx) {
      await write(values.pdf, await convertToPdf(docx, 'docx'));
      io.out(`Đã ghi PDF báo cáo: ${values.pdf}`);
      if (xlsx) {
        const path = appendixPdfPath(values.pdf);
        await write(path, await convertToPdf(xlsx, 'xlsx'));
        io.out(`Đã ghi PDF biểu dự toán: ${path}`);
      }
    }
    return EXIT.ok;
  },
};

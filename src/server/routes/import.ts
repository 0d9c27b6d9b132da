import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runChecks } from '../../domain/checks.ts';
import { AppError } from '../../domain/errors.ts';
import { importReport } from '../../documents/import/index.ts';
import { requireActor } from '../session.ts';

const ACCEPTED = /\.(docx|txt)$/i;

/** Upload a DOCX/TXT report → a preview of what was read (nothing is saved; the UI then PUTs it). */
export const importRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/reports/import', { schema: { tags: ['documents'], summary: 'Đọc một báo cáo DOCX/TXT thành dữ liệu (xem trước, chưa lưu)', consumes: ['multipart/form-data'] } }, async (request) => {
    requireActor(request);
    const file = await request.file();
    if (!file) throw new AppError('FILE_MISSING', 'Chưa chọn tệp để nhập.');
    if (!ACCEPTED.test(file.filename)) throw new AppError('UNSUPPORTED_FILE', 'Chỉ nhận tệp .docx hoặc .txt.', { status: 415 });
    const bytes = await file.toBuffer();
    const result = await importReport(new Uint8Array(bytes), file.filename);
    return { report: result.report, warnings: result.warnings, lines: result.lines, findings: runChecks(result.report) };
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capFindings, runChecks } from '../../domain/checks.ts';
import { AppError } from '../../domain/errors.ts';
import { namesSameUnit, registerCommune, withRegisterIdentity } from '../../domain/unit-identity.ts';
import { ownRegisterUnit } from '../../services/units.ts';
import type { Store } from '../../store/db.ts';
import type { HeavyWork } from '../heavy/pool.ts';
import { requireActor } from '../session.ts';

/**
 * Names the upload may have. The name only filters what an official picked by mistake (a photo,
 * a spreadsheet); what the file *is* is decided by its bytes in the importer (a .doc renamed
 * .docx is read as a .doc, a text renamed .pdf is refused with its code).
 */
const ACCEPTED = /\.(docx|doc|odt|pdf|txt)$/i;

/**
 * Upload a DOCX/DOC/ODT/PDF/TXT report → a preview of what was read (nothing is saved; the UI then PUTs it).
 * The reading runs in the import worker pool, under its memory and time limits.
 */
export const importRoutes = (store: Store, heavy: HeavyWork): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/reports/import', { schema: { tags: ['documents'], summary: 'Đọc một báo cáo DOCX, DOC, ODT, PDF hoặc TXT thành dữ liệu (xem trước, chưa lưu)', consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = requireActor(request);
    const file = await request.file();
    if (!file) throw new AppError('FILE_MISSING', 'Chưa chọn tệp để nhập.');
    if (!ACCEPTED.test(file.filename)) throw new AppError('UNSUPPORTED_FILE', 'Chỉ nhận tệp Word (.docx, .doc), OpenDocument (.odt), PDF có lớp chữ (.pdf) hoặc văn bản (.txt).', { status: 415 });
    const bytes = await file.toBuffer();
    // A commune imports into its own report: its province settles a unit name that several
    // provinces share when the file names none; the preview names its unit as the register does,
    // and says so when the file named another (what is saved is set by the server anyway).
    const unit = await ownRegisterUnit(store, actor);
    const result = await heavy.importDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file.filename, unit ? { province: unit.province } : {});
    const read = result.report.commune;
    const report = unit ? withRegisterIdentity(result.report, unit) : result.report;
    const warnings = unit && !namesSameUnit(read, registerCommune(unit))
      ? [{ code: 'IMPORT_OTHER_UNIT', line: 0, text: `${read.kind} ${read.name}, ${read.province}`, message: `Tệp ghi đơn vị "${read.kind} ${read.name}, ${read.province}"; nội dung được nhập vào báo cáo của ${unit.kind} ${unit.name}, ${unit.province} theo danh mục đơn vị.` }, ...result.warnings]
      : result.warnings;
    return { report, warnings, lines: result.lines, tables: result.tables, sources: result.sources, findings: capFindings(runChecks(report)) };
  });
};

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { validateReport, type Finding } from '../domain/checks.ts';
import { importReport, type ImportOptions, type ImportWarning } from '../documents/import/index.ts';
import { AppError } from '../domain/errors.ts';
import { nationalRegister } from '../domain/national-register.ts';
import type { Report } from '../domain/report-schema.ts';

const MAX_JSON_BYTES = 10 * 1024 * 1024;
const IMPORTED = new Set(['.docx', '.doc', '.odt', '.pdf', '.txt']);

export interface LoadedReport {
  report: Report | undefined;
  /** Schema problems or check findings (and, for imported files, what could not be read). */
  findings: Finding[];
}

/**
 * Reads a report file for the CLI: JSON directly; DOCX, DOC, ODT, PDF and text through the
 * importer (which decides what a file is by its bytes).
 * Unreadable input is an AppError (exit 2); a readable report with problems gives findings (exit 1).
 */
export async function loadReportFile(path: string, options: ImportOptions = {}): Promise<LoadedReport> {
  const ext = extname(path).toLowerCase();
  if (IMPORTED.has(ext)) {
    const imported = await importReport(await readBytes(path), path, options);
    const v = validateReport(imported.report);
    return { report: v.ok ? v.report : undefined, findings: [...imported.warnings.map(warningFinding), ...v.findings] };
  }
  if (ext !== '.json') {
    throw new AppError('UNSUPPORTED_FILE', `Chưa hỗ trợ đọc tệp "${ext || path}"; hãy dùng tệp .json, .docx, .doc, .odt, .pdf hoặc .txt.`);
  }
  const text = (await readBytes(path, MAX_JSON_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_JSON', `Tệp ${path} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const v = validateReport(data);
  return { report: v.ok ? v.report : undefined, findings: v.findings };
}

/**
 * `--province`: the province that settles a unit name several provinces share when the file names
 * none — its name ("Nghệ An", "tỉnh Nghệ An", "TP. Hồ Chí Minh") or its official code ("40").
 */
export function provinceOption(value: string | undefined): ImportOptions {
  if (value === undefined) return {};
  const province = nationalRegister().province(value);
  if (!province) {
    throw new AppError('IMPORT_PROVINCE_UNKNOWN', `Không có tỉnh, thành phố "${value}" trong danh mục 34 tỉnh, thành phố: hãy ghi tên (ví dụ "Hải Phòng") hoặc mã (ví dụ 31).`);
  }
  return { province: province.name };
}

/** What the importer could not read is a warning: the figures the checks see may be incomplete. */
function warningFinding(w: ImportWarning): Finding {
  return { code: w.code, severity: 'warning', message: `${w.message} Nội dung: "${w.text}"`, path: `dòng ${w.line}`, actual: w.text };
}

/** Reads a file for a command, with coded Vietnamese errors for a missing or oversized file. */
export async function readBytes(path: string, limit = 20 * 1024 * 1024): Promise<Buffer> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('FILE_NOT_FOUND', code === 'ENOENT' ? `Không tìm thấy tệp ${path}.` : `Không đọc được tệp ${path} (${code}).`);
  }
  if (buffer.length > limit) throw new AppError('FILE_TOO_LARGE', `Tệp ${path} lớn hơn ${limit / 1024 / 1024} MB.`);
  return buffer;
}

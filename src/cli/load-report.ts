import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { validateReport, type Finding } from '../domain/checks.ts';
import { AppError } from '../domain/errors.ts';
import type { Report } from '../domain/report-schema.ts';

const MAX_JSON_BYTES = 10 * 1024 * 1024;

export interface LoadedReport {
  report: Report | undefined;
  /** Schema problems or check findings (and, for imported files, what could not be read). */
  findings: Finding[];
}

/**
 * Reads a report file for the CLI: JSON directly; DOCX and text through the importer.
 * Unreadable input is an AppError (exit 2); a readable report with problems gives findings (exit 1).
 */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json') {
    throw new AppError('UNSUPPORTED_FILE', `Chưa hỗ trợ đọc tệp "${ext || path}"; hãy dùng tệp .json.`);
  }
  const text = await readText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_JSON', `Tệp ${path} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const v = validateReport(data);
  return { report: v.ok ? v.report : undefined, findings: v.findings };
}

async function readText(path: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('FILE_NOT_FOUND', code === 'ENOENT' ? `Không tìm thấy tệp ${path}.` : `Không đọc được tệp ${path} (${code}).`);
  }
  if (buffer.length > MAX_JSON_BYTES) throw new AppError('FILE_TOO_LARGE', `Tệp ${path} lớn hơn 10 MB.`);
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

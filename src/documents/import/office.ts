import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../domain/errors.ts';
import { findExecutable, runChild } from './child.ts';
import { LIMITS } from './limits.ts';

/**
 * A Word 97–2003 (.doc) or OpenDocument (.odt) file → DOCX bytes, through LibreOffice headless
 * (`soffice`, the same binary and KHCN_SOFFICE override as the PDF output in
 * src/documents/render/pdf.ts), then read as any DOCX. Each conversion runs in a private temporary
 * directory with its own LibreOffice profile (removed afterwards, whatever happened), with the
 * input filter forced (so a damaged file is not silently read as plain text) and a deadline
 * below the import pool's (the process group is killed at it).
 *
 * How many run at once: on the server the import runs in the import worker pool, whose threads
 * (one by default, src/server/heavy/pool.ts) are the cap on these LibreOffice processes, next to
 * the pdf pool's own; the CLI reads one file at a time.
 */
export type OfficeKind = 'doc' | 'odt';

const INPUT_FILTER: Record<OfficeKind, string> = { doc: 'MS Word 97', odt: 'writer8' };
const NAME: Record<OfficeKind, string> = { doc: 'Word 97–2003 (.doc)', odt: 'OpenDocument (.odt)' };

/** The LibreOffice binary: KHCN_SOFFICE, else `soffice` on the PATH. */
export const sofficeCommand = (): string => process.env.KHCN_SOFFICE ?? 'soffice';

export const needsLibreOffice = (kind: OfficeKind): AppError =>
  new AppError(
    'IMPORT_NEEDS_LIBREOFFICE',
    `Máy chủ chưa cài LibreOffice (lệnh "soffice") nên chưa đọc được tệp ${NAME[kind]}. Hãy cài LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), hoặc mở tệp bằng Word/LibreOffice, lưu dạng .docx rồi tải lên lại.`,
    { status: 503 },
  );

const tooSlow = (kind: OfficeKind, ms: number): AppError =>
  new AppError('IMPORT_CONVERT_FAILED', `LibreOffice không đọc xong tệp ${NAME[kind]} trong ${Math.round(ms / 1000)} giây; hãy lưu tệp dạng .docx rồi tải lên lại.`);

export async function officeToDocx(bytes: Uint8Array, kind: OfficeKind, deadline?: number): Promise<Uint8Array> {
  const soffice = findExecutable(sofficeCommand());
  if (!soffice) throw needsLibreOffice(kind);
  // Within the caller's deadline too, a second before it, so that we, not the pool, end it.
  const timeoutMs = Math.min(LIMITS.convertTimeoutMs, deadline === undefined ? Infinity : deadline - Date.now() - 1_000);
  if (timeoutMs < 1_000) throw tooSlow(kind, LIMITS.convertTimeoutMs);
  const dir = await mkdtemp(join(tmpdir(), 'khcn-import-'));
  try {
    const input = join(dir, `document.${kind}`);
    await writeFile(input, bytes);
    let result;
    try {
      result = await runChild(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          `--infilter=${INPUT_FILTER[kind]}`,
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          join(dir, 'out'),
          input,
        ],
        { timeoutMs, maxOutputBytes: 1024 * 1024 },
        // LibreOffice writes its profile under HOME too when it cannot use the one given.
        { cwd: dir, env: { ...process.env, HOME: dir } },
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw needsLibreOffice(kind);
      throw e;
    }
    if (result.timedOut) throw tooSlow(kind, timeoutMs);
    const output = join(dir, 'out', 'document.docx');
    const size = await stat(output).then((s) => s.size, () => -1);
    if (result.code !== 0 || size <= 0) {
      throw new AppError('IMPORT_DOC_INVALID', `Tệp ${NAME[kind]} bị hỏng hoặc không phải văn bản Word/OpenDocument: LibreOffice không mở được.`);
    }
    if (size > LIMITS.maxFileBytes) throw new AppError('IMPORT_TOO_LARGE', `Tệp ${NAME[kind]} sau khi chuyển sang .docx lớn hơn ${LIMITS.maxFileBytes / 1024 / 1024} MB.`);
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';

const TIMEOUT_MS = 120_000;

const sofficeBinary = (): string => process.env.KHCN_SOFFICE ?? 'soffice';

let available: boolean | undefined;

/** True when LibreOffice (`soffice`) can be run; checked once per process. */
export function isPdfAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync(sofficeBinary(), ['--version'], { timeout: 30_000, stdio: 'ignore' });
    available = probe.status === 0;
  }
  return available;
}

const unavailable = (): AppError =>
  new AppError(
    'PDF_UNAVAILABLE',
    'Không tạo được PDF: máy chủ chưa cài LibreOffice (lệnh "soffice"). Hãy cài LibreOffice (ví dụ: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui) hoặc tải tệp DOCX/XLSX rồi tự chuyển sang PDF.',
    { status: 503 },
  );

/**
 * DOCX or XLSX bytes → PDF bytes through `soffice --headless --convert-to pdf`, in a private
 * temporary directory with its own LibreOffice profile (so parallel conversions and a desktop
 * LibreOffice the user has open do not lock each other out), killed after a timeout.
 */
export async function convertToPdf(bytes: Uint8Array, extension: 'docx' | 'xlsx'): Promise<Uint8Array> {
  if (!isPdfAvailable()) throw unavailable();
  const dir = await mkdtemp(join(tmpdir(), 'khcn-pdf-'));
  try {
    const input = join(dir, `document.${extension}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(
        sofficeBinary(),
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 },
        (error) => {
          if (!error) return resolve();
          const timedOut = error.killed || (error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(unavailable());
          reject(
            new AppError(
              'PDF_FAILED',
              timedOut
                ? `LibreOffice không chuyển xong tệp sang PDF trong ${TIMEOUT_MS / 1000} giây.`
                : `LibreOffice không chuyển được tệp sang PDF: ${error.message}`,
              { status: 500 },
            ),
          );
        },
      );
    });
    try {
      return new Uint8Array(await readFile(join(dir, 'document.pdf')));
    } catch {
      throw new AppError('PDF_FAILED', 'LibreOffice đã chạy nhưng không tạo ra tệp PDF.', { status: 500 });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

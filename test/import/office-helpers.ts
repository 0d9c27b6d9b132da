import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Test-side converter: runs LibreOffice directly (not through khcn's code) to make .doc, .odt
 * and PDF files from DOCX or HTML written by the tests.
 */
export function libreOfficeConvert(bytes: Uint8Array, inputName: string, target: string, infilter?: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'khcn-test-lo-'));
  try {
    writeFileSync(join(dir, inputName), bytes);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', target, '--outdir', join(dir, 'out'), join(dir, inputName)], { stdio: 'ignore', timeout: 60_000, env: { ...process.env, HOME: dir } });
    const ext = target.split(':')[0]!;
    return new Uint8Array(readFileSync(join(dir, 'out', inputName.replace(/\.[^.]+$/, `.${ext}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

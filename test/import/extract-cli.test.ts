import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { libreOfficeConvert } from './office-helpers.ts';

/**
 * `khcn check` and `khcn import` accept .doc, .odt and .pdf as they accept .docx and .txt: the
 * seed report, turned by LibreOffice (run by the test) into each of them, gives the seed's own
 * three dossier findings and the same report as its text.
 */
const SEED = 'test/fixtures/seed-kien-thuy-2026.txt';
const TEXT_FILTER = 'Text (encoded):UTF8,LF,Times New Roman,vi';

describe('khcn check and khcn import read .doc, .odt and .pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khcn-cli-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it.each([
    ['doc', 'doc:MS Word 97'],
    ['odt', 'odt'],
    ['pdf', 'pdf'],
  ])('the seed as .%s', async (ext, target) => {
    const file = join(dir, `seed.${ext}`);
    writeFileSync(file, libreOfficeConvert(readFileSync(SEED), 'seed.txt', target, TEXT_FILTER));

    const check = await run(['check', file, '--json']);
    expect(check.code).toBe(1);
    const codes = (JSON.parse(check.out) as { findings: { code: string }[] }).findings.map((f) => f.code);
    // The seed's three dossier mismatches (seed.test.ts), nothing more.
    expect(codes.sort()).toEqual(['DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES', 'DOSSIER_TOTAL']);

    const imported = await run(['import', file]);
    expect(imported.code).toBe(0);
    const fromText = await run(['import', SEED]);
    expect(JSON.parse(imported.out)).toEqual(JSON.parse(fromText.out));
  }, 60_000);

  it('a bad PDF and a .doc without LibreOffice: exit 2 with the code', async () => {
    const bad = join(dir, 'hong.pdf');
    writeFileSync(bad, '%PDF-1.7\nkhông phải PDF');
    for (const command of ['check', 'import']) {
      const r = await run([command, bad]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Lỗi \[IMPORT_PDF_INVALID\]/);
    }
    const saved = process.env.KHCN_SOFFICE;
    process.env.KHCN_SOFFICE = '/khong/co/soffice';
    try {
      const doc = join(dir, 'seed.doc');
      writeFileSync(doc, libreOfficeConvert(readFileSync(SEED), 'seed.txt', 'doc:MS Word 97', TEXT_FILTER));
      const r = await run(['check', doc]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Lỗi \[IMPORT_NEEDS_LIBREOFFICE\].*libreoffice-writer-nogui/s);
    } finally {
      if (saved === undefined) delete process.env.KHCN_SOFFICE;
      else process.env.KHCN_SOFFICE = saved;
    }
  }, 60_000);
});

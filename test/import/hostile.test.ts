import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importReport } from '../../src/documents/import/index.ts';
import { isAppError } from '../../src/domain/errors.ts';

/** Imports and returns the error code, asserting it came fast and as an AppError. */
async function failure(bytes: Uint8Array, name: string): Promise<string> {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  try {
    await importReport(bytes, name);
  } catch (e) {
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
    expect(isAppError(e)).toBe(true);
    if (isAppError(e)) {
      expect(e.message).toMatch(/[ăâđêôơưáàảãạệếềểễ]/u); // a Vietnamese message
      return e.code;
    }
  }
  throw new Error(`${name} was imported without error`);
}

/** A ZIP whose headers claim `claimed` bytes for an entry that inflates to much more. */
function lyingZip(real: number, claimed: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': new Uint8Array(real) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  view.setUint32(22, claimed, true);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, claimed, true);
      break;
    }
  }
  return zip;
}

const emptyDocx = async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));

describe('hostile input ends in a coded error, fast and bounded', () => {
  const random = new Uint8Array(randomBytes(5 * 1024 * 1024));

  it('a 5 MB random binary, whatever its name', async () => {
    expect(await failure(random, 'random.txt')).toBe('IMPORT_ENCODING');
    expect(await failure(random, 'random.docx')).toBe('IMPORT_DOCX_INVALID');
    expect(await failure(random, 'random.bin')).toBe('IMPORT_UNSUPPORTED');
  });

  it('an empty file and a file of blank lines', async () => {
    expect(await failure(new Uint8Array(0), 'empty.txt')).toBe('IMPORT_EMPTY');
    expect(await failure(new Uint8Array(0), 'empty.docx')).toBe('IMPORT_EMPTY');
    expect(await failure(strToU8('\n \n\t\n'), 'blank.txt')).toBe('IMPORT_EMPTY');
  });

  it('a DOCX with no text, and a ZIP that is no Word document', async () => {
    expect(await failure(await emptyDocx(), 'empty.docx')).toBe('IMPORT_EMPTY');
    expect(await failure(zipSync({ 'a.txt': strToU8('xin chào') }), 'not-word.docx')).toBe('IMPORT_DOCX_INVALID');
    expect(await failure(random.subarray(0, 1000).map((b, i) => (i < 4 ? [0x50, 0x4b, 0x03, 0x04][i] ?? b : b)), 'truncated.docx')).toBe('IMPORT_DOCX_INVALID');
  });

  it('a password-protected DOCX (an OLE/CFB container)', async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failure(cfb, 'secret.docx')).toBe('IMPORT_DOCX_ENCRYPTED');
  });

  it('zip bombs: declared too large, lying about sizes, too many entries', async () => {
    expect(await failure(zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 }), 'bomb.docx')).toBe('IMPORT_ZIP_BOMB');
    expect(await failure(lyingZip(40 * 1024 * 1024, 1000), 'liar.docx')).toBe('IMPORT_ZIP_BOMB');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 3000; i++) many[`f${i}.xml`] = new Uint8Array(0);
    expect(await failure(zipSync(many), 'many.docx')).toBe('IMPORT_ZIP_BOMB');
  });

  it('a .docx that is really text, invalid UTF-8, control characters', async () => {
    expect(await failure(strToU8('BÁO CÁO\nỦy ban nhân dân xã A báo cáo'), 'renamed.docx')).toBe('IMPORT_DOCX_INVALID');
    expect(await failure(new Uint8Array([0x42, 0xc3, 0x28, 0x41, 0x0a, 0xff, 0xfe, 0xfd]), 'bad.txt')).toBe('IMPORT_ENCODING');
    expect(await failure(strToU8('BÁO CÁO\u0000\u0001\u0002'), 'nul.txt')).toBe('IMPORT_BINARY');
  });

  it('text that is no report of the genre', async () => {
    expect(await failure(strToU8('Danh sách mua sắm:\n- gạo\n- muối\n'), 'list.txt')).toBe('IMPORT_NOT_REPORT');
  });

  it('khcn check and khcn import exit 2 with the code, never a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khcn-import-'));
    const files = { 'random.docx': random.subarray(0, 100_000), 'empty.txt': new Uint8Array(0), 'secret.docx': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, name), bytes);
      for (const command of ['check', 'import']) {
        const err: string[] = [];
        const code = await main([command, join(dir, name)], { out: () => undefined, err: (t) => err.push(t) });
        expect(code).toBe(2);
        expect(err.join('')).toMatch(/^Lỗi \[IMPORT_[A-Z_]+\]/);
      }
    }
  });
});

describe('text encodings', () => {
  const text = 'BÁO CÁO\nTình hình năm 2026';
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i ^ 1] ?? 0);

  it.each([
    ['UTF-8', strToU8(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])],
    ['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16le(text)])],
    ['UTF-16 BE with BOM', new Uint8Array([0xfe, 0xff, ...utf16be(text)])],
    ['UTF-16 LE without BOM', utf16le(text)],
  ])('%s is decoded', async (_, bytes) => {
    const { extractLines } = await import('../../src/documents/import/extract.ts');
    expect(await extractLines(bytes, 'r.txt')).toEqual(['BÁO CÁO', 'Tình hình năm 2026']);
  });
});

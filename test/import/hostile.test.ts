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

/** A Word document whose only paragraphs are `paragraph` repeated `n` times. */
function wordDocument(paragraph: string, n: number): Uint8Array {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const body = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(n)}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(body) }, { level: 9 });
}

describe('import budgets: what the XML parser would read is capped while inflating (issue 13, point 4)', () => {
  /** The refusal's code, its time and the heap it took, measured around the import alone. */
  async function refusal(bytes: Uint8Array): Promise<{ code: string; ms: number; heapMb: number }> {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    try {
      await importReport(bytes, 'bao-cao.docx');
    } catch (e) {
      const ms = performance.now() - started;
      if (!isAppError(e)) throw e;
      expect(e.message).toMatch(/từ chối/);
      return { code: e.code, ms, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 };
    }
    throw new Error('imported without error');
  }

  it('a DOCX of a few hundred KB whose document.xml inflates to 45 MB: refused at once, in little memory', async () => {
    // 45 MB of short paragraphs (~900.000), under the 50 MB archive cap: the old code handed it
    // to mammoth, which took minutes of CPU and GBs of memory before refusing it.
    const paragraph = '<w:p><w:r><w:t>Nội dung báo cáo lặp lại</w:t></w:r></w:p>';
    const docx = wordDocument(paragraph, Math.ceil((45 * 1024 * 1024) / Buffer.byteLength(paragraph)));
    expect(docx.length).toBeLessThan(500 * 1024);
    const { code, ms, heapMb } = await refusal(docx);
    expect(code).toBe('IMPORT_TOO_LARGE');
    expect(ms).toBeLessThan(1000);
    expect(heapMb).toBeLessThan(64);
  }, 120_000);

  it('6.000 empty paragraphs in a few KB: refused by the paragraph count before parsing', async () => {
    const { code, ms } = await refusal(wordDocument('<w:p/><w:p w:rsidR="00A1"><w:pPr/></w:p>', 3_000));
    expect(code).toBe('IMPORT_TOO_LONG');
    expect(ms).toBeLessThan(1000);
  });

  it('a report of ordinary length still imports (paragraph properties are not paragraphs)', async () => {
    const paragraph = '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>Ủy ban nhân dân xã Kiến Thụy báo cáo</w:t></w:r></w:p>';
    const heading = '<w:p><w:r><w:t>BÁO CÁO</w:t></w:r></w:p><w:p><w:r><w:t>Tình hình thực hiện năm 2026, kế hoạch năm 2027 của xã Kiến Thụy, thành phố Hải Phòng</w:t></w:r></w:p>';
    // 4.999 paragraphs: one under the cap.
    const result = await importReport(wordDocument(heading + paragraph.repeat(4_997), 1), 'dai.docx').catch((e: unknown) => e);
    expect(isAppError(result) ? result.code : 'imported').not.toMatch(/^IMPORT_TOO_(LONG|LARGE)$/);
  }, 60_000);
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
    const { extractDocument } = await import('../../src/documents/import/extract.ts');
    expect((await extractDocument(bytes, 'r.txt')).lines).toEqual(['BÁO CÁO', 'Tình hình năm 2026']);
  });
});

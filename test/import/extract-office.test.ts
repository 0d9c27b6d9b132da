import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { inspectCfb } from '../../src/documents/import/cfb.ts';
import { extractDocument } from '../../src/documents/import/extract.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { libreOfficeConvert } from './office-helpers.ts';

/**
 * .doc (Word 97–2003) and .odt read through LibreOffice, and the OLE containers told apart. The
 * files are made here: a DOCX with the `docx` library, then .doc/.odt by LibreOffice run directly
 * by the test; expectations are written by hand.
 */

const cell = (text: string, o: { bold?: boolean; span?: number; merge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: o.bold })] })],
    ...(o.span ? { columnSpan: o.span } : {}),
    ...(o.merge ? { verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });

async function budgetDocx(): Promise<Uint8Array> {
  const rows = [
    new TableRow({ children: [cell('STT', { merge: 'restart' }), cell('Nội dung', { merge: 'restart' }), cell('Kinh phí', { span: 2 })] }),
    new TableRow({ children: [cell('', { merge: 'continue' }), cell('', { merge: 'continue' }), cell('Thường xuyên'), cell('Đầu tư')] }),
    new TableRow({ children: [cell('I', { bold: true }), cell('Chuyển đổi số', { bold: true }), cell('150', { bold: true }), cell('1.250', { bold: true })] }),
    new TableRow({ children: [cell('1'), cell('Tập huấn kỹ năng số'), cell('150'), cell('')] }),
    new TableRow({ children: [cell('2'), cell('Mua sắm máy chủ'), cell(''), cell('1.250')] }),
  ];
  const doc = new Document({
    sections: [{ children: [new Paragraph('BÁO CÁO'), new Paragraph('Đơn vị tính: triệu đồng'), new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph('Nơi nhận:')] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const EXPECTED_LINES = ['BÁO CÁO', 'Đơn vị tính: triệu đồng', 'STT', 'Nội dung', 'Kinh phí', 'Thường xuyên', 'Đầu tư', 'I', 'Chuyển đổi số', '150', '1.250', '1', 'Tập huấn kỹ năng số', '150', '2', 'Mua sắm máy chủ', '1.250', 'Nơi nhận:'];
const EXPECTED_ROWS = [
  [['STT', 1, 2, false, [3]], ['Nội dung', 1, 2, false, [4]], ['Kinh phí', 2, 1, false, [5]]],
  [['Thường xuyên', 1, 1, false, [6]], ['Đầu tư', 1, 1, false, [7]]],
  [['I', 1, 1, true, [8]], ['Chuyển đổi số', 1, 1, true, [9]], ['150', 1, 1, true, [10]], ['1.250', 1, 1, true, [11]]],
  [['1', 1, 1, false, [12]], ['Tập huấn kỹ năng số', 1, 1, false, [13]], ['150', 1, 1, false, [14]], ['', 1, 1, false, []]],
  [['2', 1, 1, false, [15]], ['Mua sắm máy chủ', 1, 1, false, [16]], ['', 1, 1, false, []], ['1.250', 1, 1, false, [17]]],
];

async function code(bytes: Uint8Array, name: string): Promise<{ code: string; message: string; ms: number }> {
  const started = performance.now();
  try {
    await extractDocument(bytes, name);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, ms: performance.now() - started };
  }
  throw new Error(`${name} was read without error`);
}

/**
 * A minimal compound file (MS-CFB v3, 512-byte sectors) holding the named streams, each written
 * in regular sectors (≥ 4096 bytes): enough to stand for a password-protected DOCX or a .doc.
 */
function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const sector = 512;
  const streamSectors = streams.map((s) => Math.ceil(Math.max(s.data.length, 4096) / sector));
  const total = 2 + streamSectors.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(sector * (1 + total));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector: sector 0
  v.setUint32(0x30, 1, true); // directory: sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (n: number, value: number) => v.setUint32(sector + n * 4, value, true);
  for (let i = 0; i < sector / 4; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  const entry = (index: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = 2 * sector + index * 128;
    for (let i = 0; i < name.length; i++) v.setUint16(at + i * 2, name.charCodeAt(i), true);
    v.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = type;
    out[at + 0x43] = 1;
    v.setUint32(at + 0x44, 0xffffffff, true);
    v.setUint32(at + 0x48, right, true);
    v.setUint32(at + 0x4c, child, true);
    v.setUint32(at + 0x74, start, true);
    v.setUint32(at + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, streams.length > 0 ? 1 : 0xffffffff);
  let next = 2;
  streams.forEach((s, i) => {
    const count = streamSectors[i]!;
    for (let k = 0; k < count; k++) fat(next + k, k === count - 1 ? 0xfffffffe : next + k + 1);
    out.set(s.data, (1 + next) * sector);
    entry(i + 1, s.name, 2, next, Math.max(s.data.length, 4096), 0xffffffff, i + 1 < streams.length ? i + 2 : 0xffffffff);
    next += count;
  });
  return out;
}

/** The start of a Word 97 FIB: wIdent 0xA5EC, nFib, …, flags at 0x0A (bit 8: fEncrypted). */
function fib(encrypted: boolean): Uint8Array {
  const data = new Uint8Array(4096);
  const v = new DataView(data.buffer);
  v.setUint16(0, 0xa5ec, true);
  v.setUint16(2, 0xc1, true);
  v.setUint16(0x0a, encrypted ? 0x0100 : 0, true);
  return data;
}

describe('OLE containers are told apart by their directory', () => {
  it('a password-protected DOCX, a .doc, an encrypted .doc, another Office file, garbage', async () => {
    const encryptedDocx = compoundFile([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000) },
    ]);
    expect(inspectCfb(encryptedDocx)).toBe('encrypted-ooxml');
    expect(inspectCfb(compoundFile([{ name: 'WordDocument', data: fib(false) }, { name: '1Table', data: new Uint8Array(10) }]))).toBe('word97');
    expect(inspectCfb(compoundFile([{ name: 'WordDocument', data: fib(true) }]))).toBe('word97-encrypted');
    expect(inspectCfb(compoundFile([{ name: 'Workbook', data: new Uint8Array(10) }]))).toBe('other');
    const garbage = new Uint8Array(4096).fill(0x41);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(inspectCfb(garbage)).toBe('invalid');

    // Whatever the name, the password-protected DOCX keeps its code; none of these starts LibreOffice.
    for (const name of ['mat-khau.docx', 'mat-khau.doc', 'mat-khau']) {
      const r = await code(encryptedDocx, name);
      expect(r.code).toBe('IMPORT_DOCX_ENCRYPTED');
      expect(r.message).toMatch(/mật khẩu/);
      expect(r.ms).toBeLessThan(2000);
    }
    expect((await code(compoundFile([{ name: 'WordDocument', data: fib(true) }]), 'cu.doc')).code).toBe('IMPORT_DOC_ENCRYPTED');
    expect((await code(compoundFile([{ name: 'Workbook', data: new Uint8Array(10) }]), 'bang.doc')).code).toBe('IMPORT_UNSUPPORTED');
    const damaged = await code(garbage, 'hong.doc');
    expect(damaged.code).toBe('IMPORT_DOC_INVALID');
    expect(damaged.ms).toBeLessThan(2000);
  });
});

describe('.doc and .odt through LibreOffice', () => {
  const saved = process.env.KHCN_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.KHCN_SOFFICE;
    else process.env.KHCN_SOFFICE = saved;
  });

  it('a Word 97–2003 .doc made by LibreOffice reads as the DOCX it came from: lines and table', async () => {
    const doc = libreOfficeConvert(await budgetDocx(), 'bao-cao.docx', 'doc:MS Word 97');
    expect(inspectCfb(doc)).toBe('word97');
    // The name does not decide: a .doc named .docx is still read as what it is.
    for (const name of ['bao-cao.doc', 'doi-ten.docx']) {
      const read = await extractDocument(doc, name);
      expect(read.lines).toEqual(EXPECTED_LINES);
      expect(read.tables).toHaveLength(1);
      expect(read.tables[0]!.rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan, c.bold, c.lines]))).toEqual(EXPECTED_ROWS);
      expect([read.tables[0]!.firstLine, read.tables[0]!.lastLine]).toEqual([3, 17]);
    }
  }, 60_000);

  it('an .odt made by LibreOffice reads the same', async () => {
    const odt = libreOfficeConvert(await budgetDocx(), 'bao-cao.docx', 'odt');
    const read = await extractDocument(odt, 'bao-cao.odt');
    expect(read.lines).toEqual(EXPECTED_LINES);
    expect(read.tables[0]!.rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan, c.bold, c.lines]))).toEqual(EXPECTED_ROWS);
  }, 60_000);

  it('another OpenDocument (a spreadsheet) and a damaged .odt are coded errors', async () => {
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect((await code(ods, 'bang.odt')).code).toBe('IMPORT_UNSUPPORTED');
    const broken = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<không phải xml') });
    const r = await code(broken, 'hong.odt');
    expect(['IMPORT_DOC_INVALID', 'IMPORT_EMPTY']).toContain(r.code);
  }, 60_000);

  it('a .doc whose container is right but whose content is not: LibreOffice runs, the error is coded', async () => {
    const fake = compoundFile([{ name: 'WordDocument', data: fib(false) }, { name: '1Table', data: new Uint8Array(4096).fill(7) }]);
    const r = await code(fake, 'gia.doc');
    if (process.env.KHCN_TEST_FIGURES) console.info('gia.doc', r.code, `${Math.round(r.ms)} ms`);
    expect(['IMPORT_DOC_INVALID', 'IMPORT_EMPTY', 'IMPORT_NOT_REPORT']).toContain(r.code);
    expect(r.ms).toBeLessThan(20_000 + 2_000);
  }, 60_000);

  it('the caller\'s deadline stops LibreOffice: no process and no temporary directory is left', async () => {
    const doc = libreOfficeConvert(await budgetDocx(), 'bao-cao.docx', 'doc:MS Word 97');
    // A temporary root of this test's own: other test files (the corpus) convert .doc files at
    // the same time, and their directories and processes are not this test's to count.
    const root = mkdtempSync(join(tmpdir(), 'khcn-deadline-test-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = root;
    onTestFinished(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(root, { recursive: true, force: true });
    });
    expect(tmpdir()).toBe(root);
    const ours = () => {
      const dirs = readdirSync(root).filter((d) => d.startsWith('khcn-import-') && existsSync(join(root, d, 'document.doc')));
      const running = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('soffice') && l.includes(`${root}/khcn-import-`));
      return { dirs, running };
    };
    // Already too late: refused at once, nothing started.
    const late = performance.now();
    await expect(extractDocument(doc, 'bao-cao.doc', { deadline: Date.now() + 500 })).rejects.toMatchObject({ code: 'IMPORT_CONVERT_FAILED' });
    expect(performance.now() - late).toBeLessThan(100);
    // 1,1 s for LibreOffice (a fresh profile alone takes about that): read or stopped, then cleaned up.
    const outcome = await extractDocument(doc, 'bao-cao.doc', { deadline: Date.now() + 2_100 }).then(
      () => 'read',
      (e: unknown) => (isAppError(e) ? e.code : 'crash'),
    );
    if (process.env.KHCN_TEST_FIGURES) console.info('deadline 2,1 s:', outcome);
    expect(['read', 'IMPORT_CONVERT_FAILED']).toContain(outcome);
    expect(ours()).toEqual({ dirs: [], running: [] });
  }, 60_000);

  it('without LibreOffice: IMPORT_NEEDS_LIBREOFFICE naming the package to install', async () => {
    process.env.KHCN_SOFFICE = '/khong/co/soffice';
    const doc = compoundFile([{ name: 'WordDocument', data: fib(false) }]);
    const r = await code(doc, 'cu.doc');
    expect(r.code).toBe('IMPORT_NEEDS_LIBREOFFICE');
    expect(r.message).toMatch(/libreoffice-writer-nogui/);
    expect(r.message).toMatch(/Word 97–2003/);
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect((await code(odt, 'moi.odt')).code).toBe('IMPORT_NEEDS_LIBREOFFICE');
    expect(r.ms).toBeLessThan(2000);
  });
});

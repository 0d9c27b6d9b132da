import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { unzip } from './render-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'khcn-render-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('khcn render', () => {
  it('writes the DOCX (with --appendix) and the XLSX', async () => {
    const c = capture();
    const docx = join(dir, 'bao-cao.docx');
    const xlsx = join(dir, 'bieu.xlsx');
    const code = await main(['render', 'examples/kien-thuy-2026.json', '--docx', docx, '--xlsx', xlsx, '--appendix'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toContain(docx);
    expect(unzip(readFileSync(docx))['word/document.xml']).toContain('Phụ lục');
    expect(unzip(readFileSync(xlsx))['xl/worksheets/sheet1.xml']).toContain('<f>SUM(');
  });

  it('exits 2 with the usage when no output is named', async () => {
    const c = capture();
    expect(await main(['render', 'examples/kien-thuy-2026.json'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('khcn render REPORT.json --docx OUT.docx --xlsx OUT.xlsx');
  });

  it('exits 2 on a missing file and on a file that is not a report', async () => {
    const c = capture();
    expect(await main(['render', join(dir, 'khong-co.json'), '--docx', join(dir, 'x.docx')], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Không tìm thấy tệp');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ commune: {} }));
    const d = capture();
    expect(await main(['render', bad, '--docx', join(dir, 'x.docx')], d.io)).toBe(2);
    expect(d.err.join('\n')).toContain('không đúng cấu trúc báo cáo');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'khcn-cli-'));
const seed = () => JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8'));
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

describe('khcn words', () => {
  it('prints the amount in words', async () => {
    expect(await run('words', '8212000000')).toEqual({ code: 0, out: 'Tám tỷ hai trăm mười hai triệu đồng chẵn\n', err: '' });
  });
  it('refuses what is not an amount with exit 2 and a coded message', async () => {
    const r = await run('words', '12abc');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Lỗi \[AMOUNT_INVALID\]/);
  });
});

describe('khcn check', () => {
  it('reports the seed’s three dossier mismatches as JSON, exit 1', async () => {
    const r = await run('check', 'examples/kien-thuy-2026.json', '--json');
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'DOSSIER_TOTAL', severity: 'error', expected: 6796, actual: 6797, path: 'implementation.dossiers.total' }),
      expect.objectContaining({ code: 'DOSSIER_CHANNELS', severity: 'error', expected: 6609, actual: 6608 }),
      expect.objectContaining({ code: 'DOSSIER_OUTCOMES', severity: 'warning', expected: 6798, actual: 6797 }),
    ]);
    expect(findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });

  it('passes a hand-corrected report with exit 0', async () => {
    const r = seed();
    Object.assign(r.implementation.dossiers, { receivedInPeriod: 6609, pendingOnTime: 69 });
    // And the sentence that states them (TEXT_FIGURE_MISMATCH).
    r.implementation.results.digital[0] = r.implementation.results.digital[0].replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ');
    const result = await run('check', write('ok.json', r));
    expect(result.code).toBe(0);
    expect(result.out).toContain('Không phát hiện lỗi');
  });

  it('gives clear coded errors, never a stack trace', async () => {
    const bad = await run('check', write('bad.json', '{ "commune": '));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Lỗi \[INVALID_JSON\]/);
    expect(bad.err).not.toMatch(/at .*\.ts:\d+/);

    const cases: [string, (r: ReturnType<typeof seed>) => void, RegExp][] = [
      ['negative', (r) => (r.plan.budget[0].children[0].amount = -5_000_000), /âm/],
      ['fraction', (r) => (r.plan.budget[0].children[0].amount = 1_000_000.5), /số nguyên/],
      ['rate', (r) => (r.implementation.dossiers.digitizationRate = 120), /100/],
    ];
    for (const [name, mutate, message] of cases) {
      const r = seed();
      mutate(r);
      const result = await run('check', write(`${name}.json`, r), '--json');
      expect(result.code, name).toBe(1);
      const f = JSON.parse(result.out).findings[0];
      expect(f.code, name).toBe('RANGE');
      expect(f.message, name).toMatch(message);
    }
    expect((await run('check', join(dir, 'missing.json'))).err).toMatch(/FILE_NOT_FOUND/);
    expect((await run('nonsense')).code).toBe(2);
    expect((await run('check')).code).toBe(2);
  });
});

describe('the khcn binary', () => {
  it('runs through bin/khcn.js as npx does', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(process.execPath, ['bin/khcn.js', 'words', '3480000000'], { encoding: 'utf8' })).toBe('Ba tỷ bốn trăm tám mươi triệu đồng chẵn\n');
  });
});

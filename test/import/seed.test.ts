import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importReport } from '../../src/documents/import/index.ts';
import { leaves } from '../../src/domain/budget.ts';
import { runChecks } from '../../src/domain/checks.ts';

const SEED = 'test/fixtures/seed-kien-thuy-2026.txt';
const seedJson = JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')) as { commune: object };
// The import adds the unit's official code from the national register (xã Kiến Thuỵ, Hải Phòng: 11680).
const example = { ...seedJson, commune: { ...seedJson.commune, code: '11680' } };
const load = async () => importReport(readFileSync(SEED), SEED);

describe('the seed (Kiến Thụy 2026)', () => {
  it('imports to exactly examples/kien-thuy-2026.json (ids and stated figures included), with no warning', async () => {
    const { report, warnings, lines } = await load();
    expect(JSON.parse(JSON.stringify(report))).toEqual(example);
    expect(warnings).toEqual([]);
    // `lines` are the file's lines, so warning line numbers match an editor's.
    expect(lines).toEqual(readFileSync(SEED, 'utf8').split('\n'));
  });

  it('has all 16 budget leaves of 2027 with field, Khoản and amount in đồng', async () => {
    const { report } = await load();
    const got = leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.amount]);
    const m = 1_000_000;
    expect(got).toEqual([
      ...[60, 50, 250, 450, 250, 260].map((a) => ['science', undefined, a * m]),
      ...[50, 50, 100, 150, 100].map((a) => ['innovation', '111', a * m]),
      ...[500, 150, 500, 200, 360].map((a) => ['digital', '121', a * m]),
    ]);
    expect(report.plan.budget.map((g) => g.statedAmount)).toEqual([1320 * m, 450 * m, 1710 * m]);
    expect(report.plan.stated).toEqual({ total: 3480 * m, totalWords: 'Ba tỷ bốn trăm tám mươi triệu đồng chẵn' });
  });

  it('has the 2026 budget: 390 triệu recurrent + 7.822 triệu investment, stated 8.212 triệu', async () => {
    const { report } = await load();
    const b = report.implementation.budget;
    expect(b.lines.map((l) => [l.kind, l.amount])).toEqual([['recurrent', 390_000_000], ['investment', 7_822_000_000]]);
    expect(b.lines[1]?.fundingSource).toBe('nguồn thu đầu giá quyền sử dụng đất');
    expect(b.stated).toEqual({ total: 8_212_000_000, totalWords: 'Tám tỷ hai trăm mười hai triệu đồng chẵn' });
    expect(b.expectedCompletion).toBe('Quý IV năm 2026');
  });

  it('has every dossier figure', async () => {
    const { report } = await load();
    expect(report.implementation.dossiers).toEqual({
      periodStart: '2026-01-01', periodEnd: '2026-06-30', fields: 9, total: 6797, receivedInPeriod: 6608, carriedOver: 188,
      online: 6608, direct: 1, resolvedOnTime: 6720, resolvedLate: 1, pendingOnTime: 70, supplementRequested: 7,
      digitizationRate: 100, onlinePaymentRate: 100, statedOnlineRate: 99.98, statedOnTimeRate: 99.98,
    });
    expect(report.implementation.digitalTeams).toEqual({ teams: 19, members: 128 });
  });

  it('gives exactly the three dossier findings', async () => {
    const { report } = await load();
    expect(runChecks(report).map((f) => [f.code, f.severity])).toEqual([
      ['DOSSIER_TOTAL', 'error'], ['DOSSIER_CHANNELS', 'error'], ['DOSSIER_OUTCOMES', 'warning'],
    ]);
  });

  it('khcn check on the .txt reports them (exit 1); khcn import writes valid JSON (exit 0)', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await main(['check', SEED, '--json'], io)).toBe(1);
    const codes = (JSON.parse(out.join('')) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).toEqual(['DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
    out.length = 0;
    expect(await main(['import', SEED], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual(example);
  });
});

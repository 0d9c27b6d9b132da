import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/documents/import/index.ts';
import { runChecks } from '../../src/domain/checks.ts';

/**
 * Reports of our own in the genre, each written differently and with deliberate mistakes.
 * The expected JSON was produced by the importer and checked by hand against the text.
 */
const CASES = [
  // đồng amounts, "•" bullets, unnumbered sentence-case headings, Part I out of order, KT. signer, a "gồm:" group without a total
  { name: 'phuong-hong-an-2026', findings: ['BUDGET_GROUP_SUM'] },
  // triệu with decimals (12,5), "a)" groups, a line broken mid-sentence, "Ưu điểm"/"Hạn chế" labels, "Uỷ"/"CỘNG HOÀ" spellings
  { name: 'xa-an-lao-2026', findings: ['AMOUNT_WORDS'] },
  // đặc khu, upper-case headings, "*" bullets, "2,5 tỷ đồng", budget before results, signature before "Nơi nhận"
  { name: 'dac-khu-cat-hai-2026', findings: ['RATE_STATED'] },
  // another province (tỉnh Đắk Lắk), "Uỷ", "chỉ định … là cơ quan đầu mối", non-round đồng amounts: clean
  { name: 'xa-ea-kar-2026', findings: [] },
];

describe('reports of other communes', () => {
  it.each(CASES)('$name is imported exactly and only its mistakes are found', async ({ name, findings }) => {
    const file = `test/fixtures/import/${name}.txt`;
    const { report, warnings } = await importReport(readFileSync(file), file);
    const expected: unknown = JSON.parse(readFileSync(`test/fixtures/import/${name}.expected.json`, 'utf8'));
    expect(JSON.parse(JSON.stringify(report))).toEqual(expected);
    expect(warnings).toEqual([]);
    expect(runChecks(report).map((f) => f.code)).toEqual(findings);
  });

  it('reads the figures each mistake is about', async () => {
    const read = async (name: string) => (await importReport(readFileSync(`test/fixtures/import/${name}.txt`), `${name}.txt`)).report;
    const hongAn = await read('phuong-hong-an-2026');
    expect(hongAn.plan.budget[0]?.statedAmount).toBe(300_000_000);
    expect(hongAn.implementation.budget.stated.total).toBe(1_205_500_000);
    expect(hongAn.document.signer).toEqual({ onBehalfOf: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Thị Ánh' });
    const anLao = await read('xa-an-lao-2026');
    expect(anLao.plan.stated).toEqual({ total: 1_012_500_000, totalWords: 'Một tỷ không trăm mười hai triệu đồng' });
    expect(anLao.plan.budget[0]?.children[0]?.amount).toBe(12_500_000);
    const catHai = await read('dac-khu-cat-hai-2026');
    expect(catHai.commune.kind).toBe('đặc khu');
    expect(catHai.implementation.dossiers.statedOnlineRate).toBe(98.5);
    expect(catHai.implementation.budget.stated.total).toBe(2_500_000_000);
    const eaKar = await read('xa-ea-kar-2026');
    expect(eaKar.commune).toEqual({ name: 'Ea Kar', kind: 'xã', code: '24373', province: 'Đắk Lắk', provinceCode: '66' });
  });
});

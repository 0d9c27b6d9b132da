import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/documents/import/index.ts';
import { leaves } from '../../src/domain/budget.ts';
import { runChecks } from '../../src/domain/checks.ts';

/**
 * The failing examples of issue 12 (points 1, 3, 4), written by hand in the genre: each file reads
 * as a commune would write it, not as khcn renders. Expectations are the figures of the text.
 */
const m = 1_000_000;
const read = (name: string, edit: (t: string) => string = (t) => t) => {
  const text = edit(readFileSync(`test/fixtures/genre/${name}.txt`, 'utf8'));
  return importReport(new TextEncoder().encode(text), `${name}.txt`);
};
const errors = (r: Awaited<ReturnType<typeof read>>['report']) => runChecks(r).filter((f) => f.severity === 'error').map((f) => f.code);

describe('a phường report in đồng with a "Căn cứ" preamble (issue 12, second example)', () => {
  it('is not refused when only the intro names the phường, and the intro is the "… báo cáo như sau:" paragraph', async () => {
    const { report, warnings } = await read('phuong-le-chan-dong-2026', (t) => t.replace('Trên đây là báo cáo của Ủy ban nhân dân phường Lê Chân./.', 'Trên đây là báo cáo kết quả năm 2026./.'));
    expect(report.commune).toMatchObject({ name: 'Lê Chân', kind: 'phường' });
    expect(report.document.intro).toBe('Ủy ban nhân dân phường Lê Chân báo cáo như sau:');
    expect(report.document.summary).toBe('Về việc báo cáo tình hình thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026 và dự toán năm 2027');
    expect(report.document.legalBases).toHaveLength(3);
    expect(report.document).toMatchObject({ number: '45/BC-UBND', date: '2026-07-09' });
    expect(warnings).toEqual([]);
  });

  it('reads amounts in đồng, the two stated totals with their words, and the dossier sentence "đúng và trước hạn"', async () => {
    const { report, warnings } = await read('phuong-le-chan-dong-2026');
    const b = report.implementation.budget;
    expect(b.lines.map((l) => [l.title, l.kind, l.amount])).toEqual([['Chi thường xuyên', 'recurrent', 850 * m], ['Chi đầu tư phát triển', 'investment', 4000 * m]]);
    expect(b.stated).toEqual({ total: 4850 * m, totalWords: 'Bốn tỷ tám trăm năm mươi triệu đồng' });
    expect(report.plan.stated).toEqual({ total: 2000 * m, totalWords: 'Hai tỷ đồng' });
    expect(leaves(report.plan.budget).map((e) => [e.field, e.budgetCode, e.line.amount])).toEqual([
      ['science', undefined, 500 * m], ['digital', '121', 1000 * m], ['digital', '121', 500 * m],
    ]);
    expect(report.implementation.dossiers).toEqual({
      total: 1000, receivedInPeriod: 980, carriedOver: 20, online: 900, direct: 80, resolvedOnTime: 950, resolvedLate: 0, pendingOnTime: 40, supplementRequested: 10,
    });
    expect(errors(report)).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('"+" bullets, two amounts on one line, "đúng hạn và trước hạn", the total in a sentence with its words (issue 12, third example)', () => {
  it('reads every line, places the total, and finds the words that do not say it', async () => {
    const { report, warnings } = await read('xa-tien-lang-plus-2026');
    expect(report.implementation.budget.lines.map((l) => [l.kind, l.amount])).toEqual([['recurrent', 500 * m], ['investment', 1000 * m]]);
    expect(report.implementation.budget.stated).toEqual({ total: 1500 * m });
    expect(report.plan.stated).toEqual({ total: 1050 * m, totalWords: 'Một tỷ không trăm sáu mươi triệu đồng' });
    expect(report.plan.basis).toEqual(['Hoàn thiện hạ tầng số, nâng cao chất lượng dịch vụ công trực tuyến.']);
    const digital = report.plan.budget[2];
    expect(digital).toMatchObject({ field: 'digital', budgetCode: '121', statedAmount: 650 * m });
    expect(digital?.children.map((c) => [c.title, c.amount, c.children.map((x) => [x.title, x.amount])])).toEqual([
      ['Nâng cấp hạ tầng số', 0, [['máy tính, máy quét', 500 * m], ['hệ thống hội nghị trực tuyến', 150 * m]]],
    ]);
    expect(leaves(report.plan.budget).map((e) => [e.field, e.line.amount])).toEqual([
      ['science', 120 * m], ['science', 180 * m], ['innovation', 100 * m], ['digital', 500 * m], ['digital', 150 * m],
    ]);
    expect(report.implementation.dossiers).toMatchObject({
      periodStart: '2026-01-01', periodEnd: '2026-06-30', total: 3200, receivedInPeriod: 3150, carriedOver: 50, online: 3000, direct: 150,
      resolvedOnTime: 3100, resolvedLate: 10, pendingOnTime: 80, supplementRequested: 10, statedOnlineRate: 95.24, statedOnTimeRate: 99.68,
    });
    expect(report.implementation.digitalTeams).toEqual({ teams: 15, members: 90 });
    expect(runChecks(report).map((f) => [f.code, f.path])).toEqual([['AMOUNT_WORDS', 'plan.stated.totalWords']]);
    expect(warnings).toEqual([]);
  });
});

describe('where each value came from (sources)', () => {
  it('gives the line of every budget line, stated total, dossier figure, team count and the number and date', async () => {
    const seed = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');
    const lineOf = (needle: string) => seed.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const { sources } = await importReport(new TextEncoder().encode(seed), 'seed.txt');
    const at = (path: string) => sources.filter((s) => s.path === path).map((s) => s.line);
    expect(at('plan.budget.2.children.0.children.1.amount')).toEqual([lineOf('- Nâng cấp hạ tầng số:')]);
    expect(at('plan.budget.0.statedAmount')).toEqual([lineOf('2.1. Khoa học, công nghệ: 1.320')]);
    expect(at('plan.budget.1.children.4.amount')).toEqual([lineOf('Hỗ trợ đăng ký sở hữu trí tuệ')]);
    expect(at('plan.stated.total')).toEqual([lineOf('đề xuất dự toán kinh phí')]);
    expect(at('plan.stated.totalWords')).toEqual([lineOf('đề xuất dự toán kinh phí')]);
    expect(at('implementation.budget.lines.1.amount')).toEqual([lineOf('- Chi đầu tư phát triển: 7.822')]);
    expect(at('implementation.budget.stated.total')).toEqual([lineOf('Tổng dự toán ngân sách cho hoạt động')]);
    expect(at('implementation.dossiers.total')).toEqual([lineOf('đã tiếp nhận 6.797 hồ sơ')]);
    expect(at('implementation.dossiers.statedOnTimeRate')).toEqual([lineOf('đã tiếp nhận 6.797 hồ sơ')]);
    expect(at('implementation.digitalTeams.members')).toEqual([lineOf('19 Tổ công nghệ số')]);
    const leChan = readFileSync('test/fixtures/genre/phuong-le-chan-dong-2026.txt', 'utf8');
    const r = await importReport(new TextEncoder().encode(leChan), 'le-chan.txt');
    expect(r.sources.filter((s) => s.path.startsWith('document.'))).toEqual([{ path: 'document.number', line: 2 }, { path: 'document.date', line: 5 }]);
  });
});

describe('figures without a unit take it from "Đơn vị tính"', () => {
  it('reads bare figures of Part II in nghìn đồng, the total, the group amounts stated in a sentence, and "+" sub-lines', async () => {
    const text = readFileSync('test/fixtures/genre/xa-tien-lang-plus-2026.txt', 'utf8').replace(
      /2\. Dự toán chi tiết[\s\S]*?(?=\n\nTrên đây)/u,
      [
        '2. Dự toán chi tiết',
        '(Đơn vị tính: nghìn đồng)',
        '2.1. Nhiệm vụ khoa học, công nghệ',
        'Kinh phí thực hiện các nhiệm vụ khoa học, công nghệ là 300.000, gồm:',
        '- Tập huấn ứng dụng công nghệ cho hộ sản xuất: 120.000;',
        '- Xây dựng mô hình trình diễn: 180.000.',
        '2.2. Chuyển đổi số (Khoản 121): 750.000',
        '- Nâng cấp hạ tầng số, gồm:',
        '+ Máy tính, máy quét: 500.000;',
        '+ Hệ thống hội nghị trực tuyến: 150.000;',
        '- Số hóa hồ sơ lưu trữ: 100.000.',
      ].join('\n'),
    );
    const { report, warnings } = await importReport(new TextEncoder().encode(text), 'dvt.txt');
    expect(report.plan.budget.map((g) => [g.field, g.statedAmount])).toEqual([['science', 300 * m], ['digital', 750 * m]]);
    expect(leaves(report.plan.budget).map((e) => e.line.amount)).toEqual([120 * m, 180 * m, 500 * m, 150 * m, 100 * m]);
    expect(report.plan.budget[1]?.children.map((c) => c.children.length)).toEqual([2, 0]);
    expect(warnings).toEqual([]);
  });
});

describe('a "gồm:" line whose sub-lines use another marker', () => {
  it('takes the "-" lines under a "*" line as its children until a "*" line comes again', async () => {
    const text = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8').replace(
      /- Nâng cấp hạ tầng số:[^\n]*\n/u,
      '* Bảo đảm an toàn thông tin, gồm:\n- Mua sắm phần mềm diệt virus bản quyền: 110 triệu đồng;\n– Thuê dịch vụ giám sát an toàn thông tin: 30 triệu đồng.\n* Nâng cấp hạ tầng số: 510 triệu đồng.\n',
    );
    const { report } = await importReport(new TextEncoder().encode(text), 'bao-cao.txt');
    const digital = report.plan.budget.find((g) => g.field === 'digital')!;
    const safety = digital.children.find((l) => l.title === 'Bảo đảm an toàn thông tin')!;
    expect(safety.children.map((c) => [c.title, c.amount])).toEqual([
      ['Mua sắm phần mềm diệt virus bản quyền', 110 * m],
      ['Thuê dịch vụ giám sát an toàn thông tin', 30 * m],
    ]);
    expect(digital.children.map((l) => l.title)).toContain('Nâng cấp hạ tầng số');
    expect(digital.children.find((l) => l.title === 'Nâng cấp hạ tầng số')?.amount).toBe(510 * m);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from './checks.ts';
import { Report } from './report-schema.ts';
import { TEXT_FIGURE_MISMATCH, textFigures } from './text-figures.ts';

const seed = (): Report => Report.parse(JSON.parse(readFileSync('examples/kien-thuy-2026.json', 'utf8')));
const mismatches = (r: Report) => TEXT_FIGURE_MISMATCH.run(r, []);
const summary = (r: Report) => mismatches(r).map((f) => [f.path, f.paths?.[1], f.expected, f.actual]);

/** A report whose only narrative is `paragraph` in "Về chuyển đổi số", with the given figures. */
function withDigital(paragraph: string, dossiers: Report['implementation']['dossiers']): Report {
  const r = seed();
  r.implementation.results.digital = [paragraph];
  r.implementation.leadership.paragraphs = [];
  r.implementation.dossiers = dossiers;
  return r;
}

describe('figures stated in the narrative (TEXT_FIGURE_MISMATCH)', () => {
  it('reads every figure of the seed sentence, in its own formats (6.797, 6608, 01, 100%), all matching', () => {
    const read = textFigures(seed()).map((f) => [f.dataPath.replace(/^implementation\./, ''), f.stated, f.matches]);
    expect(read).toEqual([
      ['digitalTeams.teams', 19, true],
      ['digitalTeams.members', 128, true],
      ['dossiers.total', 6797, true],
      ['dossiers.receivedInPeriod', 6608, true],
      ['dossiers.carriedOver', 188, true],
      ['dossiers.fields', 9, true],
      ['dossiers.online', 6608, true],
      ['dossiers.direct', 1, true],
      ['dossiers.resolvedOnTime', 6720, true],
      ['dossiers.resolvedLate', 1, true],
      ['dossiers.pendingOnTime', 70, true],
      ['dossiers.supplementRequested', 7, true],
      ['dossiers.digitizationRate', 100, true],
      ['dossiers.onlinePaymentRate', 100, true],
    ]);
    expect(mismatches(seed())).toEqual([]);
  });

  it('flags the walkthrough case: figures changed to 6.796 and 6.607, the paragraph still says 6.797 and 6.608', () => {
    const r = seed();
    r.implementation.dossiers.total = 6796;
    r.implementation.dossiers.receivedInPeriod = 6607;
    const found = mismatches(r);
    expect(summary(r)).toEqual([
      ['implementation.results.digital[0]', 'implementation.dossiers.total', 6796, 6797],
      ['implementation.results.digital[0]', 'implementation.dossiers.receivedInPeriod', 6607, 6608],
    ]);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toBe(
      'Văn bản mục “c) Về chuyển đổi số”, đoạn 1 ghi “đã tiếp nhận 6.797 hồ sơ” nhưng tổng số hồ sơ tiếp nhận trong số liệu là 6.796. ' +
        'Sửa đoạn văn cho khớp (hoặc bấm “Cập nhật câu số liệu vào văn bản”), hoặc sửa số liệu nếu văn bản đúng.',
    );
    // It runs with the other checks and blocks submission like any error.
    expect(runChecks(r).filter((f) => f.code === 'TEXT_FIGURE_MISMATCH')).toHaveLength(2);
  });

  it('reads other phrasings: "Tổng số hồ sơ tiếp nhận là", "trực tuyến 1.200 hồ sơ", a rate "chiếm 96%", "số hoá"', () => {
    const text =
      'Trong 6 tháng đầu năm, Tổng số hồ sơ tiếp nhận là 1.250; tiếp nhận trực tuyến 1.200 hồ sơ, chiếm 96%, tiếp nhận trực tiếp 50 hồ sơ. ' +
      'Giải quyết đúng hạn 1.100 hồ sơ, quá hạn 2 hồ sơ, đang giải quyết 148 hồ sơ. Tỷ lệ số hoá kết quả giải quyết đạt 87,5%.';
    const d = { total: 1250, online: 1200, direct: 50, resolvedOnTime: 1100, resolvedLate: 2, pendingOnTime: 148, digitizationRate: 87.5 };
    const r = withDigital(text, d);
    expect(textFigures(r).map((f) => [f.label, f.stated])).toEqual([
      ['tổng số hồ sơ tiếp nhận', 1250],
      ['số hồ sơ tiếp nhận trực tuyến', 1200],
      ['số hồ sơ tiếp nhận trực tiếp', 50],
      ['tỷ lệ tiếp nhận trực tuyến', 96],
      ['số hồ sơ giải quyết trước và đúng hạn', 1100],
      ['số hồ sơ giải quyết quá hạn', 2],
      ['số hồ sơ đang giải quyết trong hạn', 148],
      ['tỷ lệ số hóa hồ sơ, kết quả', 87.5],
    ]);
    expect(mismatches(r)).toEqual([]);

    // One more direct dossier: the count and the online rate (1.200 / 1.251 = 95,92%) no longer match the text.
    const changed = withDigital(text, { ...d, direct: 51 });
    expect(mismatches(changed).map((f) => [f.paths?.[1], f.expected, f.actual])).toEqual([
      ['implementation.dossiers.direct', 51, 50],
      ['implementation.dossiers.online', 1200 / 1251 * 100, 96],
    ]);
    expect(mismatches(changed)[1]!.message).toContain('tỷ lệ tiếp nhận trực tuyến (tính từ số liệu) trong số liệu là 95,92%');
  });

  it('reads "số mới tiếp nhận" and "tiếp nhận mới" as the period\'s count, not the total', () => {
    const text = 'Tổng số hồ sơ tiếp nhận là 2.386 hồ sơ, trong đó số mới tiếp nhận 2.351 hồ sơ, kỳ trước chuyển sang 35 hồ sơ; tiếp nhận mới 2.351 hồ sơ.';
    const r = withDigital(text, { total: 2386, receivedInPeriod: 2351, carriedOver: 35 });
    expect(textFigures(r).map((f) => [f.label, f.stated])).toEqual([
      ['tổng số hồ sơ tiếp nhận', 2386],
      ['số hồ sơ tiếp nhận trong kỳ', 2351],
      ['số hồ sơ kỳ trước chuyển sang', 35],
      ['số hồ sơ tiếp nhận trong kỳ', 2351],
    ]);
    expect(mismatches(r)).toEqual([]);
    expect(summary(withDigital(text, { total: 2386, receivedInPeriod: 2350, carriedOver: 35 }))).toHaveLength(2);
  });

  it('leaves alone figures that are not about the form: dates, other counts, "thanh toán trực tuyến" as a count', () => {
    const text =
      'Ngày 01/7/2025 xã đã hướng dẫn trực tiếp 500 người dân; tổ chức 12 lớp tập huấn về 3 lĩnh vực ưu tiên. ' +
      'Hồ sơ thanh toán trực tuyến 45 hồ sơ.';
    const r = withDigital(text, { direct: 1, fields: 9, online: 6608 });
    expect(textFigures(r)).toEqual([]);
  });

  it('compares budget totals in triệu or tỷ đồng, to the precision written, and kinh phí giải ngân', () => {
    const r = seed();
    r.implementation.dossiers = {};
    r.implementation.results.digital = [];
    r.implementation.leadership.paragraphs = [];
    r.implementation.budget.disbursed = 1_250_500_000;
    r.plan.basis = [
      'Tổng dự toán kinh phí năm 2027 là 3.480 triệu đồng, tăng so với năm trước.',
      'Dự toán ngân sách năm 2027 của xã là 3,48 tỷ đồng; dự toán năm 2026 là 8,212 tỷ đồng.',
      'Tổng kinh phí đề xuất năm 2027 là 3,6 tỷ đồng.',
    ];
    r.implementation.budget.progress = ['Kinh phí đã giải ngân đến thời điểm báo cáo là 1.250,5 triệu đồng.'];
    expect(textFigures(r).map((f) => [f.path, f.dataPath, f.stated, f.matches])).toEqual([
      ['implementation.budget.progress[0]', 'implementation.budget.disbursed', 1_250_500_000, true],
      ['plan.basis[0]', 'plan.budget', 3_480_000_000, true],
      ['plan.basis[1]', 'plan.budget', 3_480_000_000, true],
      ['plan.basis[1]', 'implementation.budget.lines', 8_212_000_000, true],
      ['plan.basis[2]', 'plan.budget', 3_600_000_000, false],
    ]);
    const [f] = mismatches(r);
    expect(f!.message).toBe(
      'Văn bản mục “II.1. Căn cứ xây dựng kế hoạch”, đoạn 3 ghi “kinh phí đề xuất năm 2027 là 3,6 tỷ đồng” nhưng tổng dự toán năm 2027 trong số liệu là 3.480 triệu đồng. ' +
        'Sửa đoạn văn cho khớp, hoặc sửa số liệu nếu văn bản đúng.',
    );
  });

  it('leaves the online and on-time rates to RATE_STATED when the document has them on record', () => {
    const r = seed();
    // 6.000 online of 7.000: 85,71%, not the 99,98% the paragraph states.
    Object.assign(r.implementation.dossiers, { online: 6000, direct: 1000 });
    const stated = (f: { paths?: string[]; actual?: number | string }) => [f.paths?.[1], f.actual];
    expect(mismatches(r).map(stated)).toEqual([['implementation.dossiers.online', 6608], ['implementation.dossiers.direct', 1]]);
    delete r.implementation.dossiers.statedOnlineRate;
    expect(mismatches(r).map(stated)).toEqual([['implementation.dossiers.online', 6608], ['implementation.dossiers.direct', 1], ['implementation.dossiers.online', 99.98]]);
  });
});

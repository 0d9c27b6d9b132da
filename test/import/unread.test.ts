import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importReport } from '../../src/documents/import/index.ts';

const seedText = readFileSync('test/fixtures/seed-kien-thuy-2026.txt', 'utf8');
const withEdit = (from: string, to: string) => new TextEncoder().encode(seedText.replace(from, to));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('nothing guessed silently', () => {
  it('a figure in narrative that no rule reads is a warning with its line and text', async () => {
    const edited = 'Ủy ban nhân dân xã đã hỗ trợ 25 hộ kinh doanh với kinh phí 120 triệu đồng.';
    const bytes = withEdit('Hạ tầng số, chữ ký số', `${edited}\n\nHạ tầng số, chữ ký số`);
    const { warnings } = await importReport(bytes, 'seed.txt');
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'IMPORT_UNREAD', line: lineOf(new TextDecoder().decode(bytes), edited), text: edited }),
    ]);
    expect(warnings[0]?.message).toContain('"120 triệu"');
  });

  it('a budget line whose amount cannot be read is reported, not dropped silently', async () => {
    const { report, warnings } = await importReport(withEdit('- Tổ chức Ngày hội đổi mới sáng tạo: 50 triệu đồng.', '- Tổ chức Ngày hội đổi mới sáng tạo: năm mươi triệu đồng, chi 50,0000001 triệu đồng.'), 'seed.txt');
    expect(report.plan.budget[1]?.children).toHaveLength(4);
    expect(warnings.map((w) => w.code)).toEqual(['IMPORT_UNPLACED']);
  });

  it('a dossier figure in an unknown phrasing is reported', async () => {
    const { warnings } = await importReport(withEdit('yêu cầu bổ sung 07 hồ sơ', 'yêu cầu bổ sung 07 hồ sơ, liên thông 12 hồ sơ'), 'seed.txt');
    expect(warnings).toEqual([expect.objectContaining({ code: 'IMPORT_UNREAD' })]);
    expect(warnings[0]?.message).toContain('"12 hồ sơ"');
  });

  it('an unknown section is reported with its lines, and kept as notes saying where it stood', async () => {
    const bytes = withEdit('4. Đánh giá chung', '5. Công tác phối hợp\n\nXã phối hợp tốt.\n\n4. Đánh giá chung');
    const { report, warnings, sources } = await importReport(bytes, 'seed.txt');
    expect(warnings.map((w) => [w.code, w.text])).toEqual([
      ['IMPORT_UNPLACED', '5. Công tác phối hợp'],
      ['IMPORT_UNPLACED', 'Xã phối hợp tốt.'],
    ]);
    expect(report.notes).toEqual([
      { text: '5. Công tác phối hợp', section: 'Phần I, sau mục 3. Tình hình phân bổ, giải ngân ngân sách nhà nước năm 2026' },
      { text: 'Xã phối hợp tốt.', section: 'Phần I, sau mục 5. Công tác phối hợp' },
    ]);
    const text = new TextDecoder().decode(bytes);
    expect(sources).toEqual(expect.arrayContaining([
      { path: 'notes.0.text', line: lineOf(text, '5. Công tác phối hợp') },
      { path: 'notes.1.text', line: lineOf(text, 'Xã phối hợp tốt.') },
    ]));
  });

  it('a report with nothing unplaced has no notes at all (not an empty list)', async () => {
    const { report } = await importReport(new TextEncoder().encode(seedText), 'seed.txt');
    expect('notes' in report).toBe(false);
  });

  it('"1,320 triệu đồng" is read as 1,32 triệu and said to be a choice', async () => {
    const { report, warnings } = await importReport(withEdit('2.1. Khoa học, công nghệ: 1.320 triệu đồng', '2.1. Khoa học, công nghệ: 1,320 triệu đồng'), 'seed.txt');
    expect(report.plan.budget[0]?.statedAmount).toBe(1_320_000);
    expect(warnings.map((w) => w.code)).toEqual(['IMPORT_AMBIGUOUS']);
  });

  it('khcn check turns import warnings into IMPORT_* warning findings with the line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'khcn-unread-')), 'seed.txt');
    writeFileSync(file, withEdit('yêu cầu bổ sung 07 hồ sơ', 'yêu cầu bổ sung 07 hồ sơ, liên thông 12 hồ sơ'));
    const out: string[] = [];
    await main(['check', file, '--json'], { out: (t) => out.push(t), err: () => undefined });
    const findings = (JSON.parse(out.join('')) as { findings: { code: string; severity: string; path: string }[] }).findings;
    expect(findings[0]).toMatchObject({ code: 'IMPORT_UNREAD', severity: 'warning', path: `dòng ${lineOf(seedText, 'yêu cầu bổ sung 07')}` });
    expect(findings.map((f) => f.code)).toEqual(['IMPORT_UNREAD', 'DOSSIER_TOTAL', 'DOSSIER_CHANNELS', 'DOSSIER_OUTCOMES']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffReports } from './diff.ts';
import { Report } from './report-schema.ts';

const seed = Report.parse(JSON.parse(readFileSync(new URL('../../examples/kien-thuy-2026.json', import.meta.url), 'utf8')));

describe('diffReports', () => {
  it('names changed fields and budget lines in Vietnamese, with the path for programs only', () => {
    const budget = seed.plan.budget.map((g) => ({ ...g, children: g.children.map((l) => (l.id === 'p-2-1' ? { ...l, amount: 60_000_000 } : l)) }));
    const after: Report = {
      ...seed,
      implementation: { ...seed.implementation, digitalTeams: { teams: 20, members: 128 }, dossiers: { ...seed.implementation.dossiers, receivedInPeriod: 6609 } },
      plan: { ...seed.plan, budget },
    };
    const changes = diffReports(seed, after);
    expect(changes.map((c) => c.label)).toEqual([
      'Số Tổ công nghệ số',
      'Hồ sơ: trong kỳ',
      'II.2. Dự toán › Đổi mới sáng tạo › Tổ chức Ngày hội đổi mới sáng tạo: số tiền',
    ]);
    expect(changes.map((c) => c.path)).toContain('implementation.dossiers.receivedInPeriod');
    expect(changes.map((c) => c.path)).toContain('plan.budget#p-2-1.amount');
    for (const c of changes) expect(c.label).not.toContain(c.path);
    const line = changes[2];
    expect(line).toMatchObject({ kind: 'changed', before: '50 triệu đồng', after: '60 triệu đồng' });
    expect(diffReports(seed, seed)).toEqual([]);
  });

  it('shows notes (paragraphs an import could not place) as paragraphs with where they stood', () => {
    const note = { text: 'Xã phối hợp tốt.', section: 'Phần I, sau mục 5. Công tác phối hợp' };
    const withNote: Report = { ...seed, notes: [note] };
    expect(diffReports(seed, withNote)).toEqual([
      { path: 'notes[0]', label: 'Ghi chú (đoạn chưa xếp vào mục)', kind: 'added', after: 'Xã phối hợp tốt. [Phần I, sau mục 5. Công tác phối hợp]' },
    ]);
    // Moved into its section by the official: the note goes, the paragraph comes.
    const placed: Report = { ...seed, implementation: { ...seed.implementation, leadership: { ...seed.implementation.leadership, paragraphs: [...seed.implementation.leadership.paragraphs, note.text] } } };
    expect(diffReports(withNote, placed).map((c) => [c.label, c.kind])).toEqual([
      ['I.1. Lãnh đạo, chỉ đạo (đoạn 3)', 'added'],
      ['Ghi chú (đoạn chưa xếp vào mục)', 'removed'],
    ]);
  });

  it('tells added and removed lines apart', () => {
    const removed: Report = { ...seed, plan: { ...seed.plan, budget: seed.plan.budget.slice(0, 2) } };
    const gone = diffReports(seed, removed);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((c) => c.kind === 'removed' && c.label.startsWith('II.2. Dự toán › Chuyển đổi số'))).toBe(true);
    expect(diffReports(removed, seed).every((c) => c.kind === 'added')).toBe(true);
  });

  it('names a line moved up within its group once, as a move, and nothing else', () => {
    const [g1, g2, g3] = seed.plan.budget;
    const children = [...g2!.children];
    [children[0], children[1]] = [children[1]!, children[0]!];
    const after: Report = { ...seed, plan: { ...seed.plan, budget: [g1!, { ...g2!, children }, g3!] } };
    expect(diffReports(seed, after)).toEqual([
      { path: 'plan.budget#p-2-2', label: 'II.2. Dự toán › Đổi mới sáng tạo › Hỗ trợ các sáng kiến cải cách hành chính', kind: 'moved', before: 'Đổi mới sáng tạo, dòng 2', after: 'Đổi mới sáng tạo, dòng 1' },
    ]);
  });

  it('names a line moved to another group as a move, never as removed and added', () => {
    const [g1, g2, g3] = seed.plan.budget;
    const line = g2!.children.find((l) => l.id === 'p-2-4')!;
    const after: Report = { ...seed, plan: { ...seed.plan, budget: [g1!, { ...g2!, children: g2!.children.filter((l) => l !== line) }, { ...g3!, children: [...g3!.children, line] }] } };
    const changes = diffReports(seed, after);
    expect(changes.filter((c) => c.kind !== 'moved')).toEqual([]);
    expect(changes).toEqual([
      { path: 'plan.budget#p-2-4', label: 'II.2. Dự toán › Chuyển đổi số › Xây dựng mô hình OCOP ứng dụng công nghệ số', kind: 'moved', before: 'Đổi mới sáng tạo, dòng 4', after: 'Chuyển đổi số, dòng 4' },
    ]);
  });

  it('shows kinds and fields in Vietnamese, amounts in triệu đồng, rates in %, dates as dd/mm/yyyy, and no empty rows', () => {
    const [g1, g2, g3] = seed.plan.budget;
    const children = g1!.children.map((l) => (l.id === 'p-1-1' ? { ...l, kind: 'investment' as const, note: '' } : l));
    const after: Report = {
      ...seed,
      document: { ...seed.document, date: '2026-07-05' },
      implementation: { ...seed.implementation, dossiers: { ...seed.implementation.dossiers, digitizationRate: 99.5 } },
      plan: { ...seed.plan, budget: [{ ...g1!, children }, g2!, g3!], stated: { ...seed.plan.stated, total: 3_492_500_000 } },
    };
    const changes = diffReports(seed, after);
    const byPath = Object.fromEntries(changes.map((c) => [c.path, c]));
    expect(byPath['plan.budget#p-1-1.kind']).toMatchObject({ label: 'II.2. Dự toán › Khoa học, công nghệ › Chi hỗ trợ thường xuyên: loại chi', before: 'Chi thường xuyên', after: 'Chi đầu tư phát triển' });
    expect(byPath['plan.stated.total']).toMatchObject({ before: '3.480 triệu đồng', after: '3.492,5 triệu đồng' });
    expect(byPath['implementation.dossiers.digitizationRate']).toMatchObject({ before: '100%', after: '99,5%' });
    expect(byPath['document.date']).toMatchObject({ kind: 'added', after: '05/07/2026' });
    // The empty note is no change; nothing anywhere reads "recurrent" or has two empty sides.
    expect(changes.map((c) => c.path)).not.toContain('plan.budget#p-1-1.note');
    expect(changes).toHaveLength(4);
    for (const c of changes) expect(JSON.stringify(c)).not.toMatch(/recurrent|investment|science|innovation|digital"/);
  });

  it('compares paragraphs by their text: an edit is one change, a reordering one move', () => {
    const paragraphs = ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.'];
    const base: Report = { ...seed, plan: { ...seed.plan, objectives: paragraphs } };
    const reordered: Report = { ...seed, plan: { ...seed.plan, objectives: ['Đoạn ba.', 'Đoạn một.', 'Đoạn hai.'] } };
    expect(diffReports(base, reordered)).toEqual([{ path: 'plan.objectives[0]', label: 'II.1. Mục tiêu: «Đoạn ba.»', kind: 'moved', before: 'đoạn 3', after: 'đoạn 1' }]);
    const edited: Report = { ...seed, plan: { ...seed.plan, objectives: ['Mở đầu mới.', 'Đoạn một.', 'Đoạn hai (sửa).', 'Đoạn ba.'] } };
    expect(diffReports(base, edited)).toEqual([
      { path: 'plan.objectives[2]', label: 'II.1. Mục tiêu (đoạn 3)', kind: 'changed', before: 'Đoạn hai.', after: 'Đoạn hai (sửa).' },
      { path: 'plan.objectives[0]', label: 'II.1. Mục tiêu (đoạn 1)', kind: 'added', after: 'Mở đầu mới.' },
    ]);
  });
});

// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Report } from '../../../../src/domain/report-schema.ts';
import { ImportedNotes, notePart } from './ImportedNotes.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report = Report.parse({
  commune: { name: 'Hòa Bình', province: 'Hải Phòng' },
  reportYear: 2026,
  planYear: 2027,
  document: {},
  implementation: {},
  plan: {},
  notes: [
    { text: 'Đoạn giữa hai mục của Phần I.', section: 'Phần I, sau mục 1. Công tác lãnh đạo' },
    { text: 'Đoạn trong Phần II.', section: 'Phần II, sau mục 2. Dự toán chi tiết' },
    { text: 'Đoạn sau chữ ký.', section: 'Phần ký' },
  ],
});

let root: Root | undefined;
let container: HTMLDivElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = undefined;
});

async function render(part: 'I' | 'II', readOnly: boolean, calls: unknown[][] = [], shown: Report = report) {
  const el = document.createElement('div');
  container = el;
  document.body.append(el);
  root = createRoot(el);
  await act(async () => root?.render(<AntApp><ImportedNotes report={shown} set={(...a) => void calls.push(a)} readOnly={readOnly} part={part} /></AntApp>));
  return { calls, el };
}

describe('<ImportedNotes>', () => {
  it('Part II notes go to Part II; preamble, Part I, closing and signature notes to Part I', () => {
    expect(report.notes?.map(notePart)).toEqual(['I', 'II', 'I']);
    expect(notePart({ text: '', section: 'Phần III' })).toBe('I');
  });

  it('shows the notes of its part with where they stood; removing one keeps the others', async () => {
    const { calls, el } = await render('I', false);
    expect(el.querySelector('.ant-card-head-title')?.textContent).toBe('Ghi chú từ văn bản đã nhập (2)');
    const items = [...el.querySelectorAll('ol[aria-label="Ghi chú từ văn bản đã nhập"] > li')];
    expect(items.map((li) => li.querySelector('.khcn-notes-where')?.textContent)).toEqual(['Phần I, sau mục 1. Công tác lãnh đạo', 'Phần ký']);
    expect(items[1]?.textContent).toContain('Đoạn sau chữ ký.');
    await act(async () => el.querySelector<HTMLButtonElement>('button[aria-label="Xóa ghi chú 2"]')?.click());
    expect(calls).toEqual([[['notes'], [report.notes?.[0], report.notes?.[1]]]]);
  });

  it('removing the only Part II note keeps the notes of Part I', async () => {
    const { calls, el } = await render('II', false);
    await act(async () => el.querySelector<HTMLButtonElement>('button[aria-label="Xóa ghi chú 1"]')?.click());
    expect(calls).toEqual([[['notes'], [report.notes?.[0], report.notes?.[2]]]]);
  });

  it('removing the last note leaves the report without notes', async () => {
    const { calls, el } = await render('II', false, [], { ...report, notes: report.notes?.slice(1, 2) });
    await act(async () => el.querySelector<HTMLButtonElement>('button[aria-label="Xóa ghi chú 1"]')?.click());
    expect(calls).toEqual([[['notes'], undefined]]);
  });

  it('is read-only where the report is not editable: no remove buttons', async () => {
    const { el } = await render('I', true);
    expect(el.textContent).toContain('Đoạn giữa hai mục của Phần I.');
    expect(el.querySelectorAll('button[aria-label^="Xóa ghi chú"]')).toHaveLength(0);
  });

  it('shows nothing when the report has no notes of its part', async () => {
    const { el } = await render('I', false, [], { ...report, notes: undefined });
    expect(el.textContent).toBe('');
  });
});

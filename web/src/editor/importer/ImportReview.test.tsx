// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceCell } from '../../../../src/documents/import/types.ts';
import { Report } from '../../../../src/domain/report-schema.ts';
import type { ImportResult } from '../../api/types.ts';
import { ImportReview } from './ImportReview.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * A hand-made import: a report whose Part II budget was read from a bordered table, with one
 * paragraph the reader could not place. Lines (1-based):
 *  1 "BÁO CÁO"                      running text
 *  2 "Đơn vị tính: triệu đồng"      running text
 *  3–10 the table's cells            table 0: header row, group row (merged title), one leaf row
 *  11 "Một đoạn ngoài các mục."     unplaced
 *  12 "Tổng dự toán là 120 triệu đồng."  running text, the stated total
 */
const lines = [
  'BÁO CÁO',
  'Đơn vị tính: triệu đồng',
  'STT', 'Nội dung', 'Kinh phí',
  'I', 'Chuyển đổi số', '120',
  '1', 'Mua máy quét',
  'Một đoạn ngoài các mục.',
  'Tổng dự toán là 120 triệu đồng.',
];
const cell = (text: string, at: number[], extra: Partial<SourceCell> = {}): SourceCell => ({ text, lines: at, colSpan: 1, rowSpan: 1, bold: false, ...extra });
const result: ImportResult = {
  report: Report.parse({
    commune: { name: 'Hòa Bình', province: 'Hải Phòng' },
    reportYear: 2026,
    planYear: 2027,
    document: {},
    implementation: {},
    plan: {
      budget: [{ id: 'g', field: 'digital', title: 'Chuyển đổi số', amount: 0, statedAmount: 120_000_000, children: [{ id: 'a', title: 'Mua máy quét', amount: 120_000_000 }] }],
      stated: { total: 120_000_000 },
    },
    notes: [{ text: 'Một đoạn ngoài các mục.', section: 'Phần I, sau mục 3. Ngân sách' }],
  }),
  warnings: [{ code: 'IMPORT_UNPLACED', line: 11, text: lines[10] ?? '', message: 'Dòng 11 không thuộc mục nào.' }],
  lines,
  tables: [
    {
      firstLine: 3,
      lastLine: 10,
      rows: [
        [cell('STT', [3]), cell('Nội dung', [4]), cell('Kinh phí', [5])],
        [cell('I', [6], { bold: true }), cell('Chuyển đổi số', [7], { bold: true }), cell('120', [8], { bold: true })],
        [cell('1', [9]), cell('Mua máy quét', [10], { colSpan: 2 })],
      ],
    },
  ],
  sources: [
    { path: 'plan.budget.0.title', line: 7, cell: { table: 0, row: 1, col: 1 } },
    { path: 'plan.budget.0.statedAmount', line: 8, cell: { table: 0, row: 1, col: 2 } },
    { path: 'plan.budget.0.children.0.title', line: 10, cell: { table: 0, row: 2, col: 1 } },
    { path: 'plan.stated.total', line: 12 },
    { path: 'notes.0.text', line: 11 },
    // Narrative the preview does not list.
    { path: 'plan.basis.0', line: 1 },
  ],
  findings: [],
};

let root: Root | undefined;
let container: HTMLDivElement;
afterEach(async () => {
  await act(async () => root?.unmount());
  container.remove();
});

async function render() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<ImportReview result={result} />));
  const q = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T & HTMLElement>(selector);
  return q;
}

const hover = async (el: Element) => act(async () => void el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body })));
const unhover = async (el: Element) => act(async () => void el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body })));
const status = () => container.querySelector('.khcn-source-status')?.textContent ?? '';

describe('<ImportReview>', () => {
  it('shows the source with its table as a table, numbered lines, and the unplaced paragraph marked where it stood', async () => {
    const q = await render();
    const table = q('table[aria-label="Bảng 1 của văn bản nguồn"]');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(q('[data-cell="0:2:1"]')?.getAttribute('colspan')).toBe('2');
    expect(q('[data-cell="0:1:1"]')?.className).toContain('bold');
    // The table's lines are not repeated as running text; the text lines keep their numbers.
    const textLines = [...container.querySelectorAll('li.khcn-source-line')].map((li) => li.getAttribute('data-line'));
    expect(textLines).toEqual(['1', '2', '11', '12']);
    const unplaced = q('li[data-line="11"]');
    expect(unplaced?.className).toContain('unplaced');
    expect(unplaced?.textContent).toContain('Chưa xếp vào mục nào — sẽ được lưu thành ghi chú');
    expect(q('li[data-line="12"]')?.textContent).not.toContain('Chưa xếp vào mục nào');
  });

  it('lists the budget with amounts in triệu đồng, the stated group amount and total', async () => {
    const q = await render();
    const budget = q('table[aria-label="Dự toán năm 2027 (Phần II)"]');
    const rows = [...(budget?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      // A value read from a table is located by the number its row shows in the source view.
      ['Chuyển đổi số · CĐS', '', '120văn bản ghi 120', 'dòng 6'],
      ['Mua máy quét', 'Thường xuyên', '120', 'dòng 9'],
    ]);
    expect(q('[data-path="plan.stated.total"]')?.textContent).toBe('Tổng văn bản ghi120 triệu đồngdòng 12');
  });

  it('hovering a budget line lights up its table cell and row; leaving clears it', async () => {
    const q = await render();
    const row = q('tr[data-path="plan.budget.0.children.0"]');
    expect(row?.tabIndex).toBe(0);
    await hover(row as Element);
    const target = q('[data-cell="0:2:1"]');
    expect(target?.getAttribute('aria-current')).toBe('true');
    expect(target?.className).toContain('is-active');
    expect(q('tr[data-row="2"]')?.className).toBe('is-active-row');
    expect(q('tr[data-row="2"] th')?.textContent).toBe('▶9');
    expect(q('[data-cell="0:1:1"]')?.getAttribute('aria-current')).toBeNull();
    expect(row?.getAttribute('aria-current')).toBe('true');
    expect(status()).toBe('Giá trị đang xem đọc từ bảng 1, hàng 3, dòng 9');
    await unhover(row as Element);
    expect(q('[data-cell="0:2:1"]')?.getAttribute('aria-current')).toBeNull();
    expect(container.querySelectorAll('[aria-current="true"]')).toHaveLength(0);
  });

  it('a group lights up its own cells (title, stated amount), not its children', async () => {
    const q = await render();
    await hover(q('tr[data-path="plan.budget.0"]') as Element);
    expect([...container.querySelectorAll('td[aria-current="true"]')].map((td) => td.getAttribute('data-cell'))).toEqual(['0:1:1', '0:1:2']);
  });

  it('focusing a value with the keyboard lights up its running-text line', async () => {
    const q = await render();
    const total = q('[data-path="plan.stated.total"]');
    await act(async () => total?.focus());
    expect(q('li[data-line="12"]')?.getAttribute('aria-current')).toBe('true');
    expect(q('li[data-line="12"] .khcn-source-no')?.textContent).toBe('▶12');
    // The pointer passing over another value shows that one, then the focused one again.
    const row = q('tr[data-path="plan.budget.0.children.0"]') as Element;
    await hover(row);
    expect(q('li[data-line="12"]')?.getAttribute('aria-current')).toBeNull();
    expect(q('[data-cell="0:2:1"]')?.getAttribute('aria-current')).toBe('true');
    await unhover(row);
    expect(q('li[data-line="12"]')?.getAttribute('aria-current')).toBe('true');
    await act(async () => total?.blur());
    expect(q('li[data-line="12"]')?.getAttribute('aria-current')).toBeNull();
  });

  it('lists the notes kept from unplaced paragraphs; hovering one lights up the paragraph where it stood', async () => {
    const q = await render();
    const note = q('[data-path="notes.0"]');
    expect(note?.textContent).toBe('Phần I, sau mục 3. Ngân sáchdòng 11Một đoạn ngoài các mục.');
    await hover(note as Element);
    expect(q('li[data-line="11"]')?.getAttribute('aria-current')).toBe('true');
    expect(q('li[data-line="11"]')?.className).toContain('unplaced');
  });

  it('picking a source cell or line lights up the values read from it; picking it again clears', async () => {
    const q = await render();
    const cellEl = q('[data-cell="0:1:2"]');
    await act(async () => cellEl?.click());
    expect(q('tr[data-path="plan.budget.0"]')?.getAttribute('aria-current')).toBe('true');
    expect(q('tr[data-path="plan.budget.0.children.0"]')?.getAttribute('aria-current')).toBeNull();
    expect(status()).toBe('1 giá trị đọc từ bảng 1, hàng 2, cột 3 được đánh dấu ▶ bên phải');
    await act(async () => cellEl?.click());
    expect(q('tr[data-path="plan.budget.0"]')?.getAttribute('aria-current')).toBeNull();

    const line = q('li[data-line="12"]');
    expect(line?.tabIndex).toBe(0);
    await act(async () => void line?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(q('[data-path="plan.stated.total"]')?.getAttribute('aria-current')).toBe('true');
    expect(status()).toBe('1 giá trị đọc từ dòng 12 được đánh dấu ▶ bên phải');
    // A line read only as narrative says so rather than pointing at nothing.
    await act(async () => q('li[data-line="1"]')?.click());
    expect(status()).toBe('Phần xem trước không có số liệu nào đọc từ dòng 1');
    expect(container.querySelectorAll('.khcn-trace[aria-current="true"]')).toHaveLength(0);
    // Lines nothing was read from are not in the tab order.
    expect(q('li[data-line="2"]')?.hasAttribute('tabindex')).toBe(false);
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { ReportMeta } from '../api/types.ts';
import { DeadlineNote } from './DeadlineNote.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cycle = { id: 'c1', planYear: 2027, deadline: '2026-07-31' };
const meta = (over: Partial<ReportMeta>): ReportMeta => ({ id: 'r1', status: 'draft', version: 1, updatedAt: '2026-07-01T00:00:00Z', cycle, ...over });
/** Noon in Vietnam on the given day. */
const at = (day: string) => Date.parse(`${day}T12:00:00+07:00`);

async function text(m: ReportMeta, now: number): Promise<string> {
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(<DeadlineNote meta={m} now={now} />));
  const out = container.textContent?.trim() ?? '';
  await act(async () => root.unmount());
  return out;
}

describe('<DeadlineNote>', () => {
  it('says the days left, the days overdue, or how late a submission was, counted from the end of the deadline day in Vietnam', async () => {
    expect(await text(meta({}), at('2026-07-21'))).toBe('Hạn nộp: 31/7/2026 (còn 11 ngày).');
    expect(await text(meta({}), at('2026-07-31'))).toBe('Hạn nộp: 31/7/2026 (còn 1 ngày).');
    expect(await text(meta({}), at('2026-08-01'))).toBe('Quá hạn 1 ngày: hạn nộp là 31/7/2026, báo cáo chưa nộp.');
    expect(await text(meta({}), at('2026-12-02'))).toBe('Quá hạn 124 ngày: hạn nộp là 31/7/2026, báo cáo chưa nộp.');
    expect(await text(meta({ status: 'submitted', submittedAt: '2026-12-02T05:00:00Z' }), at('2026-12-03'))).toBe('Đã nộp trễ 124 ngày so với hạn 31/7/2026.');
    expect(await text(meta({ status: 'accepted', submittedAt: '2026-07-30T05:00:00Z' }), at('2026-12-03'))).toBe('Đã nộp đúng hạn (hạn nộp 31/7/2026).');
    expect(await text(meta({ status: 'returned', submittedAt: '2026-07-30T05:00:00Z' }), at('2026-08-10'))).toBe('Hạn nộp 31/7/2026 đã qua 10 ngày; Sở đã trả lại báo cáo, sửa và nộp lại sớm.');
    expect(await text(meta({ cycle: undefined }), at('2026-08-10'))).toBe('');
  });
});

// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Report } from '../../../../src/domain/report-schema.ts';
import { matchesSearch } from '../../../../src/domain/text.ts';
import { BudgetReview } from './BudgetReview.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { LastYearCard } from './LastYearCard.tsx';
import { Part1Review } from './Part1Review.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report = Report.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/kien-thuy-2026.json'), 'utf8')));
const rows = [{ key: 'total', label: 'Tổng cộng', previous: null, current: 8_212_000_000 }];

let root: Root | undefined;
let container: HTMLDivElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
});
async function render(node: ReactNode) {
  const el = document.createElement('div');
  container = el;
  document.body.append(el);
  root = createRoot(el);
  await act(async () => root?.render(<AntApp>{node}</AntApp>));
  return el;
}

describe('review page parts', () => {
  it('offers the comment form on a submitted report only; on a draft it says why there is none', async () => {
    const noop = () => undefined;
    const draft = await render(<CommentsCard id="r1" status="draft" report={report} comments={[]} line={undefined} onLineCleared={noop} onAdded={noop} />);
    expect(draft.textContent).toContain('Chỉ góp ý được khi xã đã nộp báo cáo');
    expect(draft.querySelector('textarea')).toBeNull();
    await act(async () => root?.unmount());
    container?.remove();
    const submitted = await render(<CommentsCard id="r1" status="submitted" report={report} comments={[]} line={undefined} onLineCleared={noop} onAdded={noop} />);
    expect(submitted.querySelector('textarea[aria-label="Nội dung góp ý"]')).not.toBeNull();
    expect(submitted.textContent).not.toContain('Chỉ góp ý được khi');
  });

  it('shows no comment button on the budget lines of a draft', async () => {
    const el = await render(<BudgetReview report={report} comments={[]} />);
    expect(el.querySelectorAll('button[aria-label^="Góp ý dòng"]')).toHaveLength(0);
  });

  it('says there is no previous report instead of a column of dashes', async () => {
    const el = await render(<LastYearCard lastYear={{ previousReportId: null, previousStatus: null, rows }} planYear={2027} />);
    expect(el.textContent).toContain('Chưa có báo cáo năm trước');
    expect(el.textContent).not.toContain('Kế hoạch 2026');
    expect(el.textContent).toContain('8.212');
    expect(el.textContent).not.toContain('—');
  });

  it('compares with the previous year when there is one', async () => {
    const el = await render(<LastYearCard lastYear={{ previousReportId: 'r0', previousStatus: 'approved', rows: [{ ...rows[0]!, previous: 8_000_000_000 }] }} planYear={2027} />);
    expect(el.textContent).not.toContain('Chưa có báo cáo năm trước');
    expect(el.textContent).toContain('Kế hoạch 2026');
    expect(el.textContent).toContain('+212');
  });

  it('shows Part I read-only: dossier figures with rates and the narrative', async () => {
    const el = await render(<Part1Review report={report} />);
    const part = el.querySelector('[aria-label="Phần I"]');
    expect(part?.textContent).toContain('Tỷ lệ tiếp nhận trực tuyến');
    expect(part?.textContent).toMatch(/\d+,\d+%/);
    expect(part?.textContent).toContain('2.c) Chuyển đổi số');
    expect(part?.textContent).toContain(report.implementation.results.digital[0]?.slice(0, 30) ?? '');
    expect(part?.querySelectorAll('input, textarea')).toHaveLength(0);
  });

  it('finds queue units typed without diacritics', () => {
    expect(matchesSearch('phường Lê Ích Mộc', 'le ich moc')).toBe(true);
    expect(matchesSearch('xã Kiến Thụy', 'kien thuy')).toBe(true);
    expect(matchesSearch('xã Kiến Thụy', 'an lao')).toBe(false);
  });
});

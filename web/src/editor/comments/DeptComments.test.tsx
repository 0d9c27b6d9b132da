// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Report } from '../../../../src/domain/report-schema.ts';
import type { CommentItem, ReportMeta } from '../../api/types.ts';
import { BudgetGrid } from '../budget/BudgetGrid.tsx';
import { StatusBanner } from '../StatusBanner.tsx';
import { SectionCommentMarker } from './CommentMarker.tsx';
import { CommentsContext } from './comments-context.ts';
import { DeptCommentsPanel } from './DeptCommentsPanel.tsx';
import { commentsForLine, commentsForSection } from './sections.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report = Report.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/kien-thuy-2026.json'), 'utf8')));
const line = report.plan.budget[0]?.children[1];
if (!line) throw new Error('example has no line 1.2');
const onLine: CommentItem = { id: 'c1', version: 2, path: 'plan.budget', lineId: line.id, body: 'Thuyết minh đơn giá khoản này.', authorName: 'Trần Thẩm Định', createdAt: '2026-07-02T03:00:00Z' };
const onSection: CommentItem = { id: 'c2', version: 2, path: 'implementation.dossiers', lineId: null, body: 'Số liệu hồ sơ chưa khớp.', authorName: 'Trần Thẩm Định', createdAt: '2026-07-02T03:05:00Z' };
const comments = [onLine, onSection];

let root: Root | undefined;
let container: HTMLDivElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  container = undefined;
});

async function render(node: ReactNode) {
  const el = document.createElement('div');
  container = el;
  document.body.append(el);
  root = createRoot(el);
  await act(async () => root?.render(<AntApp><CommentsContext.Provider value={comments}>{node}</CommentsContext.Provider></AntApp>));
  return el;
}

describe('Department comments in the commune editor', () => {
  it('matches comments to their section or budget line', () => {
    expect(commentsForSection(comments, ['implementation.dossiers'])).toEqual([onSection]);
    expect(commentsForSection(comments, ['plan.budget'])).toEqual([]);
    expect(commentsForLine(comments, 'plan.budget', line.id)).toEqual([onLine]);
    expect(commentsForLine(comments, 'implementation.budget', line.id)).toEqual([]);
  });

  it('lists each comment with author, date, text and the section or line it concerns', async () => {
    const open = vi.fn();
    const el = await render(<DeptCommentsPanel comments={comments} report={report} onOpen={open} />);
    const panel = el.querySelector('[aria-label="Góp ý của Sở"]');
    const text = panel?.textContent ?? '';
    expect(text).toContain('Góp ý của Sở (2)');
    expect(text).toContain('Thuyết minh đơn giá khoản này.');
    expect(text).toContain(`Dòng: ${line.title}`);
    expect(text).toContain('Số liệu hồ sơ');
    expect(text).toContain('Trần Thẩm Định');
    expect(text).toMatch(/02\/07\/2026/);
    const view = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Xem chỗ góp ý'));
    await act(async () => view?.click());
    expect(open).toHaveBeenCalledWith(onLine);
  });

  it('marks the budget row and the section a comment concerns', async () => {
    const el = await render(
      <>
        <SectionCommentMarker paths={['implementation.dossiers']} what="số liệu hồ sơ" />
        <BudgetGrid lines={report.plan.budget} basePath="plan.budget" onChange={() => undefined} readOnly caption="Dự toán" />
      </>,
    );
    expect(el.querySelector('[aria-label="Góp ý của Sở về số liệu hồ sơ: 1"]')).not.toBeNull();
    const row = el.querySelector(`[data-line-id="${line.id}"]`);
    expect(row?.querySelector('[aria-label="Góp ý của Sở về dòng 1.2: 1"]')).not.toBeNull();
    expect(el.querySelectorAll('.khcn-comment-marker')).toHaveLength(2);
  });

  it('points the returned banner at the comments', async () => {
    const meta: ReportMeta = { id: 'r1', status: 'returned', version: 3, updatedAt: '2026-07-02T04:00:00Z', returnReason: 'Bổ sung thuyết minh.' };
    const show = vi.fn();
    const el = await render(<StatusBanner meta={meta} commentCount={2} onShowComments={show} />);
    expect(el.textContent).toContain('Sở có 2 góp ý');
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Xem góp ý'));
    await act(async () => button?.click());
    expect(show).toHaveBeenCalled();
  });
});

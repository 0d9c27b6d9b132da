// @vitest-environment happy-dom
import { App as AntApp } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/checks.ts';
import type { ReportMeta } from '../api/types.ts';
import { SubmitCard } from './SubmitCard.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const meta: ReportMeta = { id: 'r1', status: 'draft', version: 3, updatedAt: '2026-07-01T00:00:00Z' };
const error: Finding = { code: 'DOSSIER_TOTAL', severity: 'error', message: 'Tổng sai', path: 'implementation.dossiers.total' };
const warning: Finding = { code: 'DOSSIER_OUTCOMES', severity: 'warning', message: 'Thiếu nhóm', path: 'implementation.dossiers.total' };

let root: Root | undefined;
let container: HTMLDivElement;
afterEach(async () => {
  await act(async () => root?.unmount());
  container.remove();
});

async function render(findings: Finding[], canSubmit = true) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <AntApp>
        <SubmitCard meta={meta} findings={findings} saveState="saved" canSubmit={canSubmit} onSubmit={async () => undefined} />
      </AntApp>,
    );
  });
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent?.includes('Nộp báo cáo')) as HTMLButtonElement;
  const reasons = container.querySelector('[aria-label="Lý do chưa nộp được"]')?.textContent ?? '';
  return { button, reasons };
}

describe('<SubmitCard>', () => {
  it('is disabled with the reason while errors remain', async () => {
    const { button, reasons } = await render([error, warning]);
    expect(button.disabled).toBe(true);
    expect(reasons).toContain('Còn 1 lỗi phải sửa trước khi nộp.');
  });

  it('needs the warnings acknowledged, then enables submit', async () => {
    const { button, reasons } = await render([warning]);
    expect(button.disabled).toBe(true);
    expect(reasons).toContain('Cần xác nhận đã xem 1 cảnh báo.');
    const checkbox = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    await act(async () => checkbox.click());
    expect(button.disabled).toBe(false);
  });

  it('tells an officer that only the chairman submits', async () => {
    const { button, reasons } = await render([], false);
    expect(button.disabled).toBe(true);
    expect(reasons).toContain('Chỉ Chủ tịch UBND xã mới nộp được báo cáo');
  });
});

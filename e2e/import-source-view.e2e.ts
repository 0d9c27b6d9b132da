import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { STRAY_PARAGRAPH, tableReportDocx } from './support/table-report-docx.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** True when the element lies wholly inside the source pane's visible part and the window. */
const inView = (el: Element) => {
  const r = el.getBoundingClientRect();
  const pane = el.closest('.khcn-source-scroll')?.getBoundingClientRect();
  return !!pane && r.height > 0 && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1 && r.top >= 0 && r.bottom <= window.innerHeight;
};

describe('Import: the source of a value, in one look', () => {
  it('a Word report with a bordered budget table: hovering or focusing a budget line lights up its row and cell in the source; the stray paragraph is marked where it stands', async () => {
    const page = await (await newContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, baseUrl, 'anlao.canbo');
    await page.getByRole('row', { name: /An Lão 2027/ }).getByRole('link', { name: /^Nhập liệu/ }).click();
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const drawer = page.getByRole('dialog', { name: /Nhập báo cáo từ tệp/ });
    await drawer.waitFor();
    const docx = await tableReportDocx();
    await drawer.locator('input[type="file"]').first().setInputFiles({
      name: 'an-lao-bang-du-toan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });

    const source = drawer.getByRole('list', { name: 'Các dòng của văn bản nguồn' });
    await source.waitFor();
    // The budget table is shown as a table, its rows as in the file.
    const sourceTable = source.getByRole('table', { name: /Bảng \d+ của văn bản nguồn/ }).filter({ hasText: 'Trang bị máy quét tốc độ cao' });
    await sourceTable.waitFor();
    const sourceRow = sourceTable.getByRole('row').filter({ hasText: 'Trang bị máy quét tốc độ cao' });
    expect(await sourceRow.getByRole('cell').allTextContents()).toEqual(['1', 'Trang bị máy quét tốc độ cao cho bộ phận một cửa', '121', 'Đầu tư', '480']);

    // The stray paragraph after the signature stands where it stood, marked as kept for notes.
    const stray = source.getByRole('listitem').filter({ hasText: STRAY_PARAGRAPH });
    expect(await stray.getAttribute('class')).toContain('unplaced');
    expect(await stray.textContent()).toContain('Chưa xếp vào mục nào — sẽ được lưu thành ghi chú');

    // The preview lists the line read from the table, in triệu đồng.
    const plan = drawer.getByRole('table', { name: 'Dự toán năm 2027 (Phần II)' });
    const line = plan.getByRole('row', { name: /Trang bị máy quét tốc độ cao/ });
    await line.waitFor();
    expect(await line.getByRole('cell').nth(2).textContent()).toBe('480');
    expect(await line.getByRole('cell').nth(1).textContent()).toBe('Đầu tư');

    // Scroll the source away from the table, then hover the line in the preview: its row and its
    // cells light up (aria-current, ▶ before the row's line number) and are scrolled into view.
    await source.evaluate((el) => {
      const pane = el.closest('.khcn-source-scroll');
      if (pane) pane.scrollTop = 0;
    });
    await line.hover();
    await expect.poll(() => sourceRow.getAttribute('class')).toContain('is-active-row');
    const amountCell = sourceRow.getByRole('cell', { name: '480', exact: true });
    expect(await amountCell.getAttribute('aria-current')).toBe('true');
    const rowNumber = (await sourceRow.getByRole('rowheader').textContent())?.match(/^▶(\d+)$/)?.[1];
    expect(rowNumber).toBeDefined();
    // The preview names the same number the source view shows before the row.
    expect(await line.getByRole('cell').nth(3).textContent()).toBe(`dòng ${rowNumber}`);
    await expect.poll(() => amountCell.evaluate(inView)).toBe(true);
    await expect.poll(() => drawer.locator('.khcn-source-status').textContent()).toBe(`Giá trị đang xem đọc từ bảng 1, hàng 8, dòng ${rowNumber}`);

    // The keyboard does the same as the mouse, and the focused line stays lit when the pointer leaves.
    await line.focus();
    await page.mouse.move(0, 0);
    expect(await amountCell.getAttribute('aria-current')).toBe('true');
    await screenshot(page, '07-nhap-bang-du-toan');
    const other = plan.getByRole('row', { name: /Tổ chức Ngày hội đổi mới sáng tạo/ });
    await other.focus();
    const otherRow = sourceTable.getByRole('row').filter({ hasText: 'Tổ chức Ngày hội đổi mới sáng tạo' });
    await expect.poll(() => otherRow.getAttribute('class')).toContain('is-active-row');
    expect(await otherRow.getByRole('cell', { name: '150', exact: true }).getAttribute('aria-current')).toBe('true');
    expect((await sourceRow.getAttribute('class')) ?? '').not.toContain('is-active-row');
    expect(await amountCell.getAttribute('aria-current')).toBeNull();

    // Picking the cell in the source lights up the value read from it in the preview.
    await amountCell.click();
    await expect.poll(() => line.getAttribute('aria-current')).toBe('true');

    // Saved, the stray paragraph stays in sight in the editor as a note the officer can remove.
    await drawer.getByRole('button', { name: 'Lưu vào bản nháp', exact: true }).click();
    await page.getByText('Đã lưu dữ liệu nhập vào bản nháp.').waitFor();
    const notes = page.getByRole('list', { name: 'Ghi chú từ văn bản đã nhập' });
    await notes.getByText(STRAY_PARAGRAPH).waitFor();
    await notes.scrollIntoViewIfNeeded();
    await screenshot(page, '08-ghi-chu-tu-van-ban');
    await notes.getByRole('button', { name: 'Xóa ghi chú 1' }).click();
    await expect.poll(() => page.getByText(STRAY_PARAGRAPH).count()).toBe(0);
    await expect.poll(() => page.getByRole('status', { name: /Trạng thái lưu/ }).getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, signIn, watchErrors } from './support/browser.ts';
import { startServer } from './support/global-setup.ts';

/**
 * Nothing typed is lost on reload: the pending save leaves with the page (keepalive), and what the
 * server did not receive is kept in the browser and offered back on the next load.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let errors: string[];

const focal = () => page.getByRole('textbox', { name: 'Đơn vị đầu mối', exact: true });
const saveState = () => page.getByRole('status', { name: /Trạng thái lưu/ });

async function reloadEditor() {
  await page.reload();
  await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, server.baseUrl, 'kienthuy.canbo');
  await page.getByLabel('Tìm báo cáo theo tên đơn vị').fill('kien thuy');
  await page.getByRole('row', { name: /Kiến Thụy 2027/ }).getByRole('link', { name: /^Nhập liệu báo cáo xã Kiến Thụy/ }).click();
  await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('unsaved edits survive a reload', () => {
  it('saves what was typed right before a reload (within the autosave delay)', async () => {
    await focal().fill('Phòng Kinh tế - gõ rồi tải lại ngay');
    await reloadEditor();
    await expect.poll(() => focal().inputValue(), { timeout: 10_000 }).toBe('Phòng Kinh tế - gõ rồi tải lại ngay');
    expect(await page.getByText('Khôi phục nội dung chưa lưu?').count()).toBe(0);
  });

  it('offers back edits the server never received, then saves them', async () => {
    // The network drops every save (the last one too): only the copy in the browser survives.
    await page.addInitScript(() => {
      const send = window.fetch.bind(window);
      window.fetch = (input, init) =>
        init?.method === 'PUT' && sessionStorage.getItem('e2e-offline') ? Promise.reject(new TypeError('offline')) : send(input, init);
    });
    await page.evaluate(() => sessionStorage.setItem('e2e-offline', '1'));
    await reloadEditor();
    await focal().fill('Phòng Văn hóa - Xã hội - mất mạng');
    await reloadEditor();
    await page.evaluate(() => sessionStorage.removeItem('e2e-offline'));
    await page.getByText('Khôi phục nội dung chưa lưu?').waitFor();
    expect(await focal().inputValue()).toBe('Phòng Kinh tế - gõ rồi tải lại ngay');
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await expect.poll(() => focal().inputValue()).toBe('Phòng Văn hóa - Xã hội - mất mạng');
    await expect.poll(() => saveState().getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    await reloadEditor();
    await expect.poll(() => focal().inputValue()).toBe('Phòng Văn hóa - Xã hội - mất mạng');
    expect(await page.getByText('Khôi phục nội dung chưa lưu?').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

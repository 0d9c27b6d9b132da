import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { startServer } from './support/global-setup.ts';

/**
 * The Department's comments reach the report editor: the reviewer comments on a budget line and on
 * a section, returns the report, and the editor shows them in "Góp ý của Sở", marks the line and
 * the section, and the returned banner points to them. (Own server: it returns a seeded report.)
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, server.baseUrl, 'so.chuyenvien');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Department comments in the editor', () => {
  it('shows the comments, the markers and the banner after a return', async () => {
    await page.goto(`${server.baseUrl}/so/tham-dinh`);
    const rows = page.getByRole('table', { name: 'Hàng chờ thẩm định' }).locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
    const id = decodeURIComponent(/\/so\/tham-dinh\/([^/?]+)/.exec(page.url())?.[1] ?? '');

    await page.getByRole('button', { name: /^Góp ý dòng / }).nth(1).click();
    await page.getByLabel('Nội dung góp ý').fill('Đề nghị thuyết minh khối lượng và đơn giá của khoản này.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByText('Góp ý (1)').waitFor();
    await page.getByLabel('Mục góp ý').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Số liệu hồ sơ' }).click();
    await page.getByLabel('Nội dung góp ý').fill('Tỷ lệ trực tuyến trong văn bản chưa khớp số liệu.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByText('Góp ý (2)').waitFor();
    await page.getByRole('button', { name: 'Trả lại…' }).click();
    await page.getByLabel('Lý do trả lại').fill('Bổ sung thuyết minh dự toán theo góp ý.');
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Bị trả lại').first().waitFor();

    await page.goto(`${server.baseUrl}/bao-cao/${encodeURIComponent(id)}?muc=phan-2`);
    const panel = page.getByRole('region', { name: 'Góp ý của Sở' });
    await panel.getByText('Góp ý của Sở (2)').waitFor();
    expect(await panel.innerText()).toContain('Đề nghị thuyết minh khối lượng và đơn giá của khoản này.');
    expect(await panel.innerText()).toContain('Số liệu hồ sơ');
    expect(await panel.innerText()).toMatch(/Dòng: \S/);
    await page.getByText('Sở có 2 góp ý').waitFor();
    // The commented budget line carries a marker in Part II.
    await expect.poll(() => page.locator('[data-line-id] .khcn-comment-marker').count()).toBe(1);
    await page.locator('[data-line-id] .khcn-comment-marker').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await screenshot(page, '15-gop-y-cua-so-trong-bao-cao');
    // Part I: the dossier section is marked too.
    await page.getByRole('tab', { name: /Phần I\./ }).click();
    await page.getByRole('note', { name: /Góp ý của Sở về số liệu hồ sơ: 1/ }).waitFor();
    expect(errors).toEqual([]);
  });
});

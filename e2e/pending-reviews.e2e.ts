import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { useOwnServer } from './support/own-server.ts';

/**
 * Issue 14, point 4: once the admin opens next year's cycle, the reviewer still lands on last
 * cycle's pending reports (queue and dashboard), and the cycle selector shows what waits where.
 * Its own server: the new 2028 cycle would otherwise become part of the other files' screens.
 */
const world = useOwnServer();

const queueRows = (page: Page) => page.getByRole('table', { name: 'Hàng chờ thẩm định' }).locator('tbody tr.ant-table-row');
const queueCount = async (page: Page) => Number(/\((\d+)\)/.exec(await page.getByRole('tab', { name: /Chờ thẩm định/ }).innerText())?.[1] ?? -1);

describe('pending reviews stay in sight when the next cycle opens', () => {
  it('the admin opens the 2028 cycle for every unit, after confirming', async () => {
    const admin = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(admin);
    await signIn(admin, world.baseUrl, 'so.quantri');
    await admin.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await admin.getByRole('heading', { name: 'Kỳ báo cáo', exact: true }).waitFor();
    await admin.getByRole('row', { name: /2027/ }).first().waitFor();
    await admin.getByRole('button', { name: 'Mở kỳ báo cáo mới' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Mở kỳ báo cáo mới' });
    await drawer.getByLabel('Số, ký hiệu văn bản').fill('Công văn số 2150/BKHCN-KHTC');
    const deadline = drawer.getByLabel('Hạn nộp chung', { exact: true });
    await deadline.click();
    await deadline.pressSequentially('31/7/2027', { delay: 15 });
    await drawer.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    // Wait on the answer itself (not only on a toast that lasts 3 s), and say what it was when it fails.
    const answer = admin.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cycles', { timeout: 120_000 });
    await admin.getByRole('dialog', { name: 'Mở kỳ báo cáo kế hoạch năm 2028?' }).getByRole('button', { name: 'Mở kỳ và tạo 114 báo cáo' }).click();
    const opened = await answer;
    expect(opened.status(), await opened.text()).toBe(201);
    await admin.getByRole('row', { name: /2028/ }).first().waitFor();
    expect(errors).toEqual([]);
    await admin.context().close();
  });

  it('the reviewer lands on the queue of 2027, whose reports still wait, and the selector counts them per cycle', async () => {
    const page = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, world.baseUrl, 'so.chuyenvien');
    await page.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/so/tham-dinh');
    await expect.poll(() => queueRows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const waiting = await queueCount(page);
    expect(waiting).toBeGreaterThan(0);
    expect(await page.getByText('Không có báo cáo chờ thẩm định.').count()).toBe(0);
    const selector = page.getByLabel('Kỳ báo cáo', { exact: true });
    await page.locator('.ant-select').filter({ has: selector }).getByText(`Kế hoạch năm 2027 (minh họa) · ${waiting} chờ thẩm định`).waitFor();
    await selector.click();
    const options = page.locator('.ant-select-item-option');
    await expect.poll(async () => (await options.allTextContents()).map((t) => t.trim())).toEqual(['Kế hoạch năm 2028', `Kế hoạch năm 2027 (minh họa) · ${waiting} chờ thẩm định`, 'Kế hoạch năm 2026 (minh họa)']);
    await screenshot(page, 'issue14-4-after');

    // Looking at the new cycle on purpose: empty, and a banner leads back to the waiting reports.
    await page.locator('.ant-select-item-option').filter({ hasText: 'Kế hoạch năm 2028' }).click();
    await page.getByText('Không có báo cáo chờ thẩm định.').waitFor();
    await page.getByRole('alert').filter({ hasText: `Kỳ kế hoạch năm 2027 còn ${waiting} báo cáo chờ thẩm định.` }).getByRole('button', { name: 'Xem kỳ 2027' }).click();
    await expect.poll(() => queueCount(page)).toBe(waiting);

    // The dashboard opens on the same cycle.
    await page.getByRole('link', { name: 'Tổng hợp', exact: true }).click();
    await page.getByRole('heading', { name: 'Tổng hợp và bảng điều khiển' }).waitFor();
    await page.locator('.ant-select').filter({ has: page.getByLabel('Kỳ báo cáo', { exact: true }) }).getByText(`Kế hoạch năm 2027 (minh họa) · ${waiting} chờ thẩm định`).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

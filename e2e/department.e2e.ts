import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';

/**
 * The Department reviewer's path in the browser against the real server and demo data:
 * queue → read → comment on a budget line → return; accept another; the dashboard with charts.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, baseUrl, 'so.chuyenvien');
});
afterAll(async () => {
  await browser?.close();
});

const queueCount = async () => Number(/\((\d+)\)/.exec(await page.getByRole('tab', { name: /Chờ thẩm định/ }).innerText())?.[1] ?? -1);
const queueRows = () => page.getByRole('table', { name: 'Hàng chờ thẩm định' }).locator('tbody tr.ant-table-row');

/** A toast under the resting mouse never closes (antd pauses it on hover) and covers the menu. */
async function clearToasts(): Promise<void> {
  await page.mouse.move(700, 600);
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
}

async function openFirstInQueue(): Promise<void> {
  await clearToasts();
  await page.getByRole('link', { name: 'Thẩm định', exact: true }).click();
  await page.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
  await expect.poll(() => queueRows().count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await queueRows().first().getByRole('link').click();
  await page.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
}

describe('Department reviewer in the browser', () => {
  it('shows the queue with the cycle\'s progress', async () => {
    await page.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await page.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
    await expect.poll(() => queueRows().count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByText('Phải nộp').first().waitFor();
    // Search without diacritics: the first unit's name typed plainly finds it, nonsense finds nothing.
    const all = await queueRows().count();
    const first = (await queueRows().first().getByRole('link').innerText()).trim();
    const plain = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    const search = page.getByLabel('Tìm đơn vị trong hàng chờ');
    await search.fill(plain);
    await expect.poll(() => queueRows().first().getByRole('link').innerText()).toBe(first);
    await search.fill('khong co don vi nay');
    await expect.poll(() => queueRows().count()).toBe(0);
    await search.fill('');
    await expect.poll(() => queueRows().count()).toBe(all);
    await screenshot(page, '10-so-hang-cho-tham-dinh');
  });

  it('reads a report, comments on a budget line and returns it with reasons', async () => {
    await expect.poll(() => queueRows().count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await queueCount();
    await openFirstInQueue();
    await page.getByRole('region', { name: 'Kết quả kiểm tra' }).waitFor();
    // Part I read-only, and the comparison with last year says when there is none.
    const part1 = page.getByRole('region', { name: 'Phần I' });
    await part1.getByText('Tỷ lệ tiếp nhận trực tuyến').waitFor();
    const lastYear = page.getByRole('region', { name: 'So sánh với năm trước' });
    await lastYear.waitFor();
    if ((await lastYear.getByText('Chưa có báo cáo năm trước').count()) === 0) expect(await lastYear.getByRole('columnheader', { name: /Chênh lệch/ }).count()).toBe(1);
    await page.getByRole('button', { name: /^Góp ý dòng / }).nth(1).click();
    await page.getByLabel('Nội dung góp ý').fill('Đề nghị thuyết minh khối lượng và đơn giá của khoản này.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByText('Đề nghị thuyết minh khối lượng và đơn giá của khoản này.').waitFor();
    await screenshot(page, '11-so-tham-dinh-gop-y');
    await page.getByRole('button', { name: 'Trả lại…' }).click();
    await page.getByLabel('Lý do trả lại').fill('Bổ sung thuyết minh dự toán theo góp ý.');
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Bị trả lại').first().waitFor();
    await page.getByRole('region', { name: 'Dòng thời gian' }).getByText('Bổ sung thuyết minh dự toán theo góp ý.').waitFor();
    await clearToasts();
    await page.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await expect.poll(() => queueCount(), { timeout: 15_000 }).toBe(before - 1);
  });

  it('accepts the next report in the queue', async () => {
    await openFirstInQueue();
    await page.getByRole('button', { name: 'Tiếp nhận…' }).click();
    await page.getByRole('dialog', { name: /^Tiếp nhận báo cáo của / }).getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByText('Đã tiếp nhận').first().waitFor();
    await page.getByRole('region', { name: 'Dòng thời gian' }).getByText('Tiếp nhận').first().waitFor();
  });

  it('loads the dashboard with its charts and tables', async () => {
    await clearToasts();
    await page.getByRole('link', { name: 'Tổng hợp' }).click();
    await page.getByRole('heading', { name: 'Tổng hợp và bảng điều khiển' }).waitFor();
    for (const title of ['Tiến độ nộp báo cáo', 'Dự toán theo lĩnh vực và loại chi (triệu đồng)', 'So sánh qua các năm (triệu đồng)']) {
      await page.getByRole('region', { name: title }).waitFor();
    }
    await expect.poll(() => page.locator('.khcn-chart canvas').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByRole('region', { name: 'So sánh qua các năm (triệu đồng)' }).getByRole('cell', { name: '2026' }).count()).toBe(1);
    // Axis labels are Vietnamese (no "70,000"), and every table shows all its rows: none cut off.
    const cards = page.locator('.ant-card[role="region"]');
    for (let i = 0; i < (await cards.count()); i++) {
      const rows = cards.nth(i).locator('tbody tr.ant-table-row');
      if ((await rows.count()) === 0) continue;
      const last = await rows.last().boundingBox();
      const box = await cards.nth(i).boundingBox();
      expect(last && box && last.y + last.height <= box.y + box.height).toBe(true);
    }
    expect(await page.locator('.ant-card[role="region"] .ant-table-body').count()).toBe(0);
    await page.getByRole('region', { name: /đơn vị có dự toán lớn nhất/ }).scrollIntoViewIfNeeded();
    await screenshot(page, '12b-so-bang-dieu-khien-don-vi');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '12-so-bang-dieu-khien');
    expect(errors).toEqual([]);
  });
});

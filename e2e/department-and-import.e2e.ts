import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const seedText = new URL('../test/fixtures/seed-kien-thuy-2026.txt', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Department reviewer and report import', () => {
  it('lists the communes, finds one without diacritics and opens its report read-only', async () => {
    const page = await (await newContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, baseUrl, 'so.chuyenvien');
    // A reviewer lands on the review queue; the units are one click away.
    await page.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
    await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('heading', { name: /Đơn vị cấp xã/ }).waitFor();
    await expect.poll(() => page.getByText(/114 xã, phường, đặc khu/).count()).toBe(1);
    await screenshot(page, '05-so-don-vi');
    await page.getByLabel('Tìm đơn vị').fill('kien thuy');
    const row = page.getByRole('row', { name: /Kiến Thụy/ });
    await row.waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    await row.getByRole('link', { name: 'Xem báo cáo' }).click();
    await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Tiếp nhận trong kỳ', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Báo cáo các xã' }).click();
    await page.getByRole('heading', { name: 'Báo cáo các xã' }).waitFor();
    await page.getByLabel('Tìm báo cáo theo tên đơn vị').fill('an lao');
    await page.getByRole('row', { name: /An Lão 2027/ }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('imports a TXT report, previews it beside its source lines and saves it into the draft', async () => {
    const page = await (await newContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, baseUrl, 'anlao.canbo');
    await page.getByRole('row', { name: /An Lão 2027/ }).getByRole('link', { name: /^Nhập liệu/ }).click();
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const drawer = page.getByRole('dialog', { name: /Nhập báo cáo từ tệp/ });
    await drawer.waitFor();
    await drawer.locator('input[type="file"]').first().setInputFiles({ name: 'kien-thuy-2026.txt', mimeType: 'text/plain', buffer: readFileSync(seedText) });
    const source = drawer.getByRole('list', { name: 'Các dòng của văn bản nguồn' });
    await source.waitFor();
    expect(await source.getByRole('listitem').count()).toBeGreaterThan(40);
    await drawer.getByText('Dữ liệu đọc được', { exact: true }).waitFor();
    await drawer.getByText(/3\.480 triệu đồng/).first().waitFor();
    await drawer.locator('[data-code="DOSSIER_TOTAL"]').first().waitFor();
    await screenshot(page, '06-nhap-tu-tep');

    await drawer.getByRole('button', { name: 'Lưu vào bản nháp', exact: true }).click();
    await page.getByText('Đã lưu dữ liệu nhập vào bản nháp.').waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tổng số hồ sơ tiếp nhận', exact: true }).inputValue()).toBe('6.797');
    await expect.poll(() => page.getByRole('status', { name: /Trạng thái lưu/ }).getAttribute('data-save-state')).toBe('saved');
    expect(await page.getByRole('heading', { name: /xã An Lão/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

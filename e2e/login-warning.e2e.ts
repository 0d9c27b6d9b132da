import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, watchErrors } from './support/browser.ts';

/**
 * Issue 14, "also seen": the sign-in page gave no warning before the lockout. Now each wrong
 * password says how many tries remain and that further failures slow sign-in, and once the name
 * must wait, the button counts the wait down. An unknown name is used: it is throttled exactly
 * like a real one, and no other suite's account is held up.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  pageErrors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('the sign-in page warns before sign-in is slowed', () => {
  it('counts the tries down, then counts the wait down on the button', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('nguoi.thu.sai');
    const alert = page.getByRole('alert');
    const button = page.getByRole('button', { name: /Đăng nhập|Thử lại sau/ });
    for (let left = 4; left >= 1; left--) {
      await page.getByLabel('Mật khẩu').fill(`sai-${left}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await alert.filter({ hasText: `Còn ${left} lần thử` }).waitFor();
    }
    expect(await alert.textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng. Còn 1 lần thử; sau đó mỗi lần sai sẽ phải chờ lâu dần (từ 15 giây đến 5 phút) mới thử lại được.');
    // The last tries are a warning, not just an error.
    expect(await page.locator('.ant-alert-warning').count()).toBe(1);

    await page.getByLabel('Mật khẩu').fill('sai-0');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await alert.filter({ hasText: 'Đã sai 5 lần liên tiếp: phải chờ 15 giây mới thử lại được.' }).waitFor();
    await expect.poll(() => button.textContent()).toMatch(/^Thử lại sau 1[345] giây$/);
    expect(await button.isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/khcn-login-wait.png' });
    // The wait is for that name: another name may be tried at once.
    await page.getByLabel('Tên đăng nhập').fill('kienthuy.canbo');
    await expect.poll(() => button.textContent()).toBe('Đăng nhập');
    expect(await button.isDisabled()).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const VIEWPORT = { width: 1366, height: 768 };
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

export function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y --no-install-recommends chromium`);
  }
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', acceptDownloads: true, timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Tài khoản/ }).waitFor();
}

/** A PNG of the viewport in docs/screenshots, kept under 300 KB. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path, animations: 'disabled' });
  expect(statSync(path).size).toBeLessThan(300 * 1024);
}

/** Collects uncaught page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { startServer } from './support/global-setup.ts';

/**
 * Issue 14, points 7, 9 and the restore of point 6, as the officer and the reviewer work:
 * "Thêm đoạn" then typing "abc def" writes into the new paragraph (a space used to press the
 * button again); the history groups one session's autosaves, names an import and a restore, shows
 * a moved line as a move in Vietnamese; "Khôi phục" makes version 1 the newest version; the
 * reviewer's comment icon on a low budget line brings the comment form into view with the focus.
 * (Own server: it edits, imports and restores the Kiến Thụy report.)
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let errors: string[];
let reportUrl: string;
const seedText = new URL('../test/fixtures/seed-kien-thuy-2026.txt', import.meta.url);

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  errors = watchErrors(page);
  await signIn(page, server.baseUrl, 'kienthuy.canbo');
  const list = (await (await page.request.get(`${server.baseUrl}/api/reports`)).json()) as { items: { id: string }[] };
  reportUrl = `${server.baseUrl}/bao-cao/${encodeURIComponent(list.items[0]!.id)}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const saved = () => page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
const typedFields = () => page.locator('textarea:visible, input[type="text"]:visible').count();

describe('focus after adding a paragraph (point 7)', () => {
  it('types "abc def" into the paragraph "Thêm căn cứ" and "Thêm đoạn" created, adding exactly one each', async () => {
    await page.goto(reportUrl);
    await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
    for (const button of ['Thêm căn cứ', 'Thêm đoạn']) {
      const before = await typedFields();
      await page.getByRole('button', { name: button }).first().click();
      await page.keyboard.type('abc def');
      expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toBe('abc def');
      expect(await typedFields()).toBe(before + 1);
      await saved();
    }
    expect(errors).toEqual([]);
  });
});

describe('history (point 9) and restore (point 6)', () => {
  it('groups autosaves, shows a moved line as a move in Vietnamese, and names an import', async () => {
    // A second autosave in the same session, then a budget line moved up with Alt+↑.
    await page.keyboard.type(' ghi thêm');
    await saved();
    await page.getByRole('tab', { name: /Phần II/ }).click();
    const title = page.locator('[data-line-id] textarea').nth(2);
    const moved = await title.inputValue();
    await title.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await saved();

    await page.getByRole('tab', { name: 'Lịch sử phiên bản' }).click();
    const versions = page.getByRole('table', { name: 'Các phiên bản đã lưu' });
    await versions.getByText(/^Chỉnh sửa \(\d+ lần lưu\)$/).waitFor();
    await page.getByRole('button', { name: 'So sánh' }).click();
    const changes = page.getByRole('table', { name: 'Những thay đổi giữa hai phiên bản' });
    await changes.waitFor();
    const movedRow = changes.getByRole('row').filter({ hasText: 'Chuyển chỗ' });
    expect(await movedRow.count()).toBe(1);
    expect(await movedRow.innerText()).toContain(moved.trim());
    const text = await changes.innerText();
    expect(text).toContain('abc def');
    expect(text).not.toMatch(/recurrent|investment|— → —/);
    await screenshot(page, '16-lich-su-phien-ban');

    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const drawer = page.getByRole('dialog', { name: /Nhập báo cáo từ tệp/ });
    await drawer.locator('input[type="file"]').first().setInputFiles({ name: 'kien-thuy-2026.txt', mimeType: 'text/plain', buffer: readFileSync(seedText) });
    await drawer.getByText('Dữ liệu đọc được', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Lưu vào bản nháp', exact: true }).click();
    await page.getByText('Đã lưu dữ liệu nhập vào bản nháp.').waitFor();
    await page.getByRole('tab', { name: 'Lịch sử phiên bản' }).click();
    const newest = versions.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => newest.innerText()).toContain('Nhập từ tệp');
    expect(errors).toEqual([]);
  });

  it('restores the end of the editing session as a new version after a confirmation, keeping the one it replaced', async () => {
    const versions = page.getByRole('table', { name: 'Các phiên bản đã lưu' });
    const rows = versions.locator('tbody tr.ant-table-row');
    // The newest row is the import, which read back exactly the seed: version 1 needs no restore.
    const current = Number(await rows.first().locator('td').first().innerText());
    expect(await rows.last().innerText()).toContain('Giống bản hiện tại');
    const session = Number((await rows.nth(1).locator('td').first().innerText()).split('–').pop());
    await versions.getByRole('button', { name: `Khôi phục phiên bản ${session}` }).click();
    const dialog = page.getByRole('dialog', { name: `Khôi phục phiên bản ${session}?` });
    await dialog.getByText(`Bản hiện tại (phiên bản ${current}) vẫn được giữ trong lịch sử`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByText(`Đã khôi phục phiên bản ${session} thành phiên bản ${current + 1}.`).waitFor();
    await expect.poll(() => rows.first().innerText()).toContain(`Khôi phục phiên bản ${session}`);
    expect(await rows.nth(1).innerText()).toContain('Nhập từ tệp');
    await screenshot(page, '17-khoi-phuc-phien-ban');
    const typed = () => page.locator('textarea').evaluateAll((all) => all.some((t) => (t as HTMLTextAreaElement).value === 'abc def ghi thêm'));
    await page.getByRole('tab', { name: /Phần I\./ }).click();
    await page.getByRole('button', { name: 'Thêm căn cứ' }).waitFor();
    expect(await typed()).toBe(true);
    await page.reload();
    await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
    await page.getByRole('button', { name: 'Thêm căn cứ' }).waitFor();
    expect(await typed()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the reviewer’s comment icon (point 7)', () => {
  it('moves the focus to the comment form and brings it into view, also for the last line', async () => {
    const reviewer = await (await newContext(browser)).newPage();
    const reviewerErrors = watchErrors(reviewer);
    await signIn(reviewer, server.baseUrl, 'so.chuyenvien');
    await reviewer.goto(`${server.baseUrl}/so/tham-dinh`);
    const rows = reviewer.getByRole('table', { name: 'Hàng chờ thẩm định' }).locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await rows.first().getByRole('link').click();
    await reviewer.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
    await reviewer.getByRole('button', { name: /^Góp ý dòng / }).last().click();
    await expect.poll(() => reviewer.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Nội dung góp ý');
    const box = await reviewer.getByLabel('Nội dung góp ý').boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await reviewer.keyboard.type('Đề nghị làm rõ khoản này.');
    await reviewer.getByText('25/5.000 ký tự').waitFor();
    await reviewer.getByText('Tối đa 5.000 ký tự.').waitFor();
    expect(reviewerErrors).toEqual([]);
    await reviewer.context().close();
  });
});

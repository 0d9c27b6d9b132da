import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { startServer } from './support/global-setup.ts';

/**
 * Issue 14, point 8: the reviewer returns Kiến Thụy's report with a comment on a budget line; the
 * chairman changes that line's amount (typing "60") and submits again; the reviewer opens the
 * report and sees, first, what changed since the return — the line, 50 → 60 triệu đồng — with
 * their comment beside it, and the comment nothing answered listed apart. (Own server.)
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let reportId: string;

/** A session through the API, for the setup a person would have done on other screens earlier. */
async function apiAs(username: string) {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
}

async function openReview(page: Page) {
  await page.goto(`${server.baseUrl}/so/tham-dinh/${encodeURIComponent(reportId)}`);
  await page.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  // Kiến Thụy's draft has the three dossier mismatches of its source document: corrected, then submitted.
  const chairman = await apiAs('kienthuy.chutich');
  const { items } = (await chairman('GET', '/api/reports')) as { items: { id: string }[] };
  reportId = items[0]!.id;
  const { report, meta } = (await chairman('GET', `/api/reports/${reportId}`)) as { report: { document: Record<string, unknown>; implementation: { dossiers: Record<string, number>; results: { digital: string[] } } }; meta: { version: number } };
  Object.assign(report.implementation.dossiers, { receivedInPeriod: 6609, total: 6797, pendingOnTime: 69 });
  // The paragraph stating those figures follows them; the document gets its number and date.
  report.implementation.results.digital[0] = report.implementation.results.digital[0]!.replace('trong kỳ 6.608 hồ sơ', 'trong kỳ 6.609 hồ sơ').replace('trong hạn 70 hồ sơ', 'trong hạn 69 hồ sơ');
  Object.assign(report.document, { number: '125/BC-UBND', date: '2026-07-05' });
  await chairman('PUT', `/api/reports/${reportId}`, report, { 'if-match': String(meta.version) });
  await chairman('POST', `/api/reports/${reportId}/submit`, { acknowledgeWarnings: true }, { 'if-match': String(meta.version + 1) });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('what changed since the return (point 8)', () => {
  it('shows the reviewer the changed line with their comment beside it', async () => {
    const reviewer = await (await newContext(browser)).newPage();
    const errors = watchErrors(reviewer);
    await signIn(reviewer, server.baseUrl, 'so.chuyenvien');
    await openReview(reviewer);
    await reviewer.getByRole('button', { name: 'Góp ý dòng Tổ chức Ngày hội đổi mới sáng tạo' }).click();
    await reviewer.keyboard.type('Đề nghị tăng lên 60 triệu đồng theo quy mô năm 2027.');
    await reviewer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await reviewer.getByText('Góp ý (1)').waitFor();
    await reviewer.getByLabel('Mục góp ý').click();
    await reviewer.locator('.ant-select-item-option').filter({ hasText: 'Mục tiêu, nhiệm vụ' }).click();
    await reviewer.getByLabel('Nội dung góp ý').fill('Bổ sung chỉ tiêu đo được cho từng mục tiêu.');
    await reviewer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await reviewer.getByText('Góp ý (2)').waitFor();
    await reviewer.getByRole('button', { name: 'Trả lại…' }).click();
    await reviewer.getByLabel('Lý do trả lại').fill('Điều chỉnh dự toán theo góp ý.');
    await reviewer.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await reviewer.getByText('Bị trả lại').first().waitFor();

    const chair = await (await newContext(browser)).newPage();
    const chairErrors = watchErrors(chair);
    await signIn(chair, server.baseUrl, 'kienthuy.chutich');
    await chair.goto(`${server.baseUrl}/bao-cao/${encodeURIComponent(reportId)}?muc=phan-2`);
    // 2.1 up to 60 as asked, 2.2 down to 40: the total the document states (3.480) still holds.
    for (const [line, typed] of [['p-2-1', '60'], ['p-2-2', '40']] as const) {
      await chair.locator(`tr:has([data-line-id="${line}"])`).getByRole('textbox', { name: /^Số tiền dòng/ }).click();
      await chair.keyboard.press('Control+A');
      await chair.keyboard.type(typed);
      await chair.keyboard.press('Tab');
    }
    await chair.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    // Warnings, if any are left, are acknowledged as the chairman would.
    const acknowledge = chair.getByRole('checkbox', { name: /Tôi đã xem \d+ cảnh báo/ });
    if (await acknowledge.count()) await acknowledge.check();
    await chair.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await chair.getByText(/Báo cáo đã nộp/).waitFor();
    expect(chairErrors).toEqual([]);
    await chair.context().close();

    await openReview(reviewer);
    const card = reviewer.getByRole('region', { name: 'Thay đổi từ lần trả lại' });
    await card.waitFor();
    const row = card.getByRole('row').filter({ hasText: 'Tổ chức Ngày hội đổi mới sáng tạo: số tiền' });
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('50 triệu đồng');
    expect(text).toContain('60 triệu đồng');
    expect(text).toContain('Đề nghị tăng lên 60 triệu đồng theo quy mô năm 2027.');
    expect(await card.innerText()).toContain('Điều chỉnh dự toán theo góp ý.');
    const unanswered = card.getByRole('group', { name: 'Góp ý chưa thấy sửa tương ứng' });
    expect(await unanswered.innerText()).toContain('Bổ sung chỉ tiêu đo được cho từng mục tiêu.');
    // First on the page: above the checks and the budget.
    const [cardBox, checksBox] = await Promise.all([card.boundingBox(), reviewer.getByRole('region', { name: 'Kết quả kiểm tra' }).boundingBox()]);
    expect(cardBox!.y).toBeLessThan(checksBox!.y);
    await screenshot(reviewer, '18-so-thay-doi-tu-lan-tra-lai');
    expect(errors).toEqual([]);
  });
});

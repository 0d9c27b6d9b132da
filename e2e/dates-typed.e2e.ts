import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { useOwnServer } from './support/own-server.ts';

/**
 * Issue 14, point 5: dates typed as officials type them ("31/7/2027", "15/12/2026" over a
 * pre-filled date) are read, never silently dropped or replaced, and a refused date says why.
 * Its own server: extending a deadline and opening a cycle change what other files' screens show.
 */
const world = useOwnServer();
const SHOT = process.env.KHCN_SHOT_SUFFIX ?? 'after';

/** Today in Hà Nội time, ISO. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const saveState = (page: Page) => page.getByRole('status', { name: /Trạng thái lưu/ }).getAttribute('data-save-state');

/** Clicks into a date field and types as a person does: key by key, no select-all first. */
async function typeInto(page: Page, label: string, text: string, scope = page.locator('body')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(text, { delay: 15 });
}

describe('dates typed the Vietnamese way', () => {
  it('the deadline extension replaces the pre-filled past date with the typed one and refuses impossible or too early dates with the reason', async () => {
    const admin = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(admin);
    await signIn(admin, world.baseUrl, 'so.quantri');
    await admin.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    const units = admin.getByRole('region', { name: 'Đơn vị phải báo cáo' });
    await units.getByText('Đơn vị phải báo cáo · kế hoạch năm 2027').waitFor();
    const extend = units.getByRole('button', { name: /^Gia hạn nộp cho / }).first();
    await extend.waitFor();
    const name = (await extend.getAttribute('aria-label'))!.replace('Gia hạn nộp cho ', '');
    await extend.click();
    const modal = admin.getByRole('dialog', { name: `Gia hạn nộp báo cáo: ${name}` });
    await modal.waitFor();
    // The suggestion is never a day already past (it was 15/08/2026 while the modal opened in December 2026).
    const [dd, mm, yyyy] = (await modal.getByLabel('Hạn nộp mới', { exact: true }).inputValue()).split('/');
    expect(`${yyyy}-${mm}-${dd}` >= today()).toBe(true);

    await typeInto(admin, 'Hạn nộp mới', '15/12/2026', modal);
    await screenshot(admin, `issue14-5-${SHOT}`);
    await modal.getByLabel('Hạn nộp mới', { exact: true }).press('Enter');
    expect(await modal.getByLabel('Hạn nộp mới', { exact: true }).inputValue()).toBe('15/12/2026');
    await modal.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    await admin.getByText(`Đã gia hạn nộp cho ${name} đến 15/12/2026.`).waitFor();
    const row = units.getByRole('row', { name: new RegExp(name) });
    await row.getByText('15/12/2026').waitFor();
    await row.getByText('đã gia hạn').waitFor();

    // Again, with a day that does not exist, then one before the common deadline: refused, said why, nothing saved.
    await units.getByRole('button', { name: `Gia hạn nộp cho ${name}` }).click();
    await modal.waitFor();
    const input = modal.getByLabel('Hạn nộp mới', { exact: true });
    expect(await input.inputValue()).toBe('15/12/2026');
    await typeInto(admin, 'Hạn nộp mới', '31/11/2026', modal);
    await input.press('Enter');
    await modal.getByRole('alert').filter({ hasText: 'Tháng 11 năm 2026 chỉ có 30 ngày, không có ngày 31.' }).waitFor();
    expect(await input.inputValue()).toBe('31/11/2026');
    expect(await modal.getByRole('button', { name: 'Gia hạn', exact: true }).isDisabled()).toBe(true);
    // Still in the field: select its text as a person does (Ctrl+A) and type over it.
    await input.press('Control+a');
    await input.pressSequentially('20/7/2026', { delay: 15 });
    await input.press('Tab');
    await modal.getByRole('alert').filter({ hasText: 'Hạn riêng không được sớm hơn hạn nộp chung 31/07/2026.' }).waitFor();
    expect(await modal.getByRole('button', { name: 'Gia hạn', exact: true }).isDisabled()).toBe(true);
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await row.getByText('15/12/2026').waitFor();
    expect(errors).toEqual([]);
    await admin.context().close();
  });

  it('the editor keeps "31/7/2027" typed as "Ngày ban hành" and refuses 30/2/2027 with the reason, keeping the saved date', async () => {
    const officer = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(officer);
    await signIn(officer, world.baseUrl, 'kienthuy.canbo');
    await officer.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor();
    await officer.getByRole('row', { name: /Kiến Thụy 2027/ }).getByRole('link', { name: /^Nhập liệu báo cáo xã Kiến Thụy/ }).click();
    await officer.getByRole('tab', { name: /Phần I\./ }).waitFor();
    const field = officer.getByLabel('Ngày ban hành', { exact: true });
    await typeInto(officer, 'Ngày ban hành', '31/7/2027');
    await field.press('Tab');
    expect(await field.inputValue()).toBe('31/07/2027');
    await expect.poll(() => saveState(officer), { timeout: 15_000 }).toBe('saved');

    await typeInto(officer, 'Ngày ban hành', '30/2/2027');
    await field.press('Tab');
    const item = officer.locator('[data-path="document.date"]');
    await item.getByRole('alert').filter({ hasText: 'Tháng 2 năm 2027 chỉ có 28 ngày, không có ngày 30.' }).waitFor();
    expect(await field.inputValue()).toBe('30/2/2027');
    await expect.poll(() => saveState(officer), { timeout: 15_000 }).toBe('saved');

    await officer.reload();
    await officer.getByRole('tab', { name: /Phần I\./ }).waitFor();
    await expect.poll(() => officer.getByLabel('Ngày ban hành', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('31/07/2027');
    expect(errors).toEqual([]);
    await officer.context().close();
  });

  it('opening a cycle reads 12/6/2027, refuses 31/6/2027 with the reason and opens nothing until the dates are right and confirmed', async () => {
    const admin = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(admin);
    await signIn(admin, world.baseUrl, 'so.quantri');
    await admin.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await admin.getByRole('row', { name: /2026/ }).first().waitFor();
    await admin.getByRole('button', { name: 'Mở kỳ báo cáo mới' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Mở kỳ báo cáo mới' });
    await drawer.waitFor();
    await drawer.getByLabel('Số, ký hiệu văn bản').fill('Công văn số 2150/BKHCN-KHTC');
    await typeInto(admin, 'Ngày ban hành', '12/6/2027', drawer);
    await typeInto(admin, 'Hạn nộp chung', '31/6/2027', drawer);
    await drawer.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await drawer.getByRole('alert').filter({ hasText: 'Tháng 6 năm 2027 chỉ có 30 ngày, không có ngày 31.' }).waitFor();
    await drawer.getByText('Có ngày chưa hợp lệ (xem dòng báo đỏ); hãy sửa trước khi mở kỳ.').waitFor();
    expect(await drawer.getByLabel('Ngày ban hành', { exact: true }).inputValue()).toBe('12/06/2027');
    expect(await admin.getByRole('dialog', { name: /^Mở kỳ báo cáo kế hoạch năm/ }).count()).toBe(0);

    const deadline = drawer.getByLabel('Hạn nộp chung', { exact: true });
    await deadline.click();
    await deadline.press('Control+a');
    await deadline.pressSequentially('31/7/2027', { delay: 15 });
    await drawer.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Mở kỳ báo cáo kế hoạch năm 2028?' });
    await confirm.getByText(/Hệ thống sẽ tạo ngay 114 báo cáo, mỗi đơn vị một báo cáo, và các đơn vị thấy kỳ mới với hạn nộp chung 31\/07\/2027\./).waitFor();
    await confirm.getByRole('button', { name: 'Quay lại' }).click();
    await drawer.getByRole('button', { name: 'Hủy' }).click();
    const cycles = await admin.evaluate(async () => (await fetch('/api/cycles')).json() as Promise<{ items: { planYear: number }[] }>);
    expect(cycles.items.map((c) => c.planYear)).toEqual([2027, 2026]);
    expect(errors).toEqual([]);
    await admin.context().close();
  });
});

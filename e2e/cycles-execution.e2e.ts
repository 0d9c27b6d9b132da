import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMillions } from '../src/domain/format.ts';
import { newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { useOwnServer } from './support/own-server.ts';

/**
 * Cycles and execution in the world.browser against the real server and demo data: the Department's
 * admin opens the 2028 cycle for two units and extends one deadline; An Lão (whose 2026 budget the
 * demo approved) records a disbursement and sees what remains drop, and is refused more than
 * approved, in Vietnamese; the Department then sees the disbursement by commune. Its own server
 * and database: a newer cycle would otherwise become the default of the other files' screens.
 */
const world = useOwnServer();

/** Types a dd/mm/yyyy date into a date field and confirms it with Enter. */
async function typeDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(ddmmyyyy);
}

/** Waits for the confirmations at the top to fade, so a screenshot shows the menu. */
const toastsGone = (page: Page) => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

interface Exec { approval: unknown; lines: { lineId: string; title: string; approved: number; disbursed: number }[]; disbursedTotal: number }

describe('reporting cycles and disbursement', () => {
  let admin: Page;
  let adminErrors: string[];

  it('admin opens the 2028 cycle for two units and extends one deadline', async () => {
    admin = await (await newContext(world.browser)).newPage();
    adminErrors = watchErrors(admin);
    await signIn(admin, world.baseUrl, 'so.quantri');
    await admin.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await admin.getByRole('heading', { name: 'Kỳ báo cáo', exact: true }).waitFor();
    await admin.getByRole('row', { name: /2027/ }).first().waitFor();

    await admin.getByRole('button', { name: 'Mở kỳ báo cáo mới' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Mở kỳ báo cáo mới' });
    await drawer.waitFor();
    expect(await drawer.getByLabel('Năm kế hoạch').inputValue()).toBe('2028');
    await drawer.getByLabel('Số, ký hiệu văn bản').fill('Công văn số 2150/BKHCN-KHTC');
    await typeDate(admin, 'Ngày ban hành', '12/06/2027');
    await typeDate(admin, 'Hạn nộp chung', '31/07/2027');
    await drawer.getByText('Chọn một số đơn vị').click();
    const search = drawer.getByLabel('Tìm đơn vị để chọn');
    await search.fill('an lao');
    await drawer.getByRole('checkbox', { name: 'Chọn xã An Lão' }).check();
    await search.fill('kien thuy');
    await drawer.getByRole('checkbox', { name: 'Chọn xã Kiến Thụy' }).check();
    await search.fill('');
    await drawer.getByText(/^Đã chọn 2\/114$/).waitFor();
    await drawer.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    await admin.getByRole('dialog', { name: 'Mở kỳ báo cáo kế hoạch năm 2028?' }).getByRole('button', { name: 'Mở kỳ và tạo 2 báo cáo' }).click();
    await admin.getByText('Đã mở kỳ báo cáo kế hoạch năm 2028 cho 2 đơn vị.').waitFor();

    const units = admin.getByRole('region', { name: 'Đơn vị phải báo cáo' });
    await units.getByText('Đơn vị phải báo cáo · kế hoạch năm 2028').waitFor();
    await expect.poll(() => units.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(2);

    await units.getByRole('button', { name: 'Gia hạn nộp cho xã An Lão' }).click();
    const modal = admin.getByRole('dialog', { name: /Gia hạn nộp báo cáo: xã An Lão/ });
    await modal.waitFor();
    await typeDate(admin, 'Hạn nộp mới', '15/08/2027');
    await modal.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    await admin.getByText('Đã gia hạn nộp cho xã An Lão đến 15/08/2027.').waitFor();
    const anLao = units.getByRole('row', { name: /An Lão/ });
    await anLao.getByText('15/08/2027').waitFor();
    await anLao.getByText('đã gia hạn').waitFor();
    expect(await units.getByRole('row', { name: /Kiến Thụy/ }).getByText('31/07/2027').count()).toBe(1);
    await admin.getByRole('row', { name: /Công văn số 2150\/BKHCN-KHTC ngày 12\/6\/2027 của Bộ Khoa học và Công nghệ/ }).waitFor();
    await toastsGone(admin);
    await screenshot(admin, '13-so-ky-bao-cao');
    expect(adminErrors).toEqual([]);
  });

  it('An Lão records a disbursement on its approved 2026 budget; more than approved is refused in Vietnamese', async () => {
    const page = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, world.baseUrl, 'anlao.canbo');
    await page.getByRole('link', { name: 'Giải ngân' }).click();
    await page.getByRole('heading', { name: /^Giải ngân dự toán năm 2026/ }).waitFor();
    const reportId = decodeURIComponent(/\/giai-ngan\/([^/?]+)/.exec(page.url())?.[1] ?? '');
    const exec = await page.evaluate(async (id) => (await fetch(`/api/reports/${encodeURIComponent(id)}/execution`)).json() as Promise<Exec>, reportId);
    expect(exec.approval).not.toBeNull();
    const line = [...exec.lines].sort((a, b) => (b.approved - b.disbursed) - (a.approved - a.disbursed))[0]!;
    const remaining = line.approved - line.disbursed;
    expect(remaining).toBeGreaterThan(2_000_000);
    const row = page.locator(`tr[data-row-key="${line.lineId}"]`);
    // Columns: TT, content, approved, disbursed so far, remaining.
    const remainingCell = () => row.locator('td').nth(4).innerText();
    await expect.poll(remainingCell, { timeout: 15_000 }).toBe(formatMillions(remaining));

    await row.getByRole('button', { name: /^Ghi giải ngân dòng / }).click();
    await typeDate(page, 'Ngày giải ngân', '16/11/2026');
    await page.getByLabel('Số tiền giải ngân (triệu đồng)').fill('1,5');
    await page.getByLabel('Ghi chú').fill('Chứng từ số 112/GN, thanh toán đợt 2');
    await page.getByRole('button', { name: 'Ghi nhận giải ngân' }).click();
    await page.getByText(/^Đã ghi nhận giải ngân 1,5 triệu đồng/).waitFor();
    await expect.poll(remainingCell).toBe(formatMillions(remaining - 1_500_000));
    await page.getByRole('region', { name: 'Tổng hợp giải ngân' }).getByText(formatMillions(exec.disbursedTotal + 1_500_000), { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Các lần giải ngân đã ghi' }).getByText('Chứng từ số 112/GN, thanh toán đợt 2').waitFor();
    await toastsGone(page);
    await screenshot(page, '14-xa-giai-ngan');

    // More than what remains of the line: the API refuses it and its Vietnamese message is shown.
    await row.getByRole('button', { name: /^Ghi giải ngân dòng / }).click();
    await page.getByLabel('Số tiền giải ngân (triệu đồng)').fill(formatMillions(remaining));
    await page.getByRole('button', { name: 'Ghi nhận giải ngân' }).click();
    await page.getByRole('alert').filter({ hasText: /Giải ngân vượt dự toán được duyệt của dòng/ }).waitFor();
    expect(await remainingCell()).toBe(formatMillions(remaining - 1_500_000));
    const after = await page.evaluate(async (id) => (await fetch(`/api/reports/${encodeURIComponent(id)}/execution`)).json() as Promise<Exec>, reportId);
    expect(after.disbursedTotal).toBe(exec.disbursedTotal + 1_500_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the Department sees the disbursement by commune, linked from the dashboard', async () => {
    await admin.getByRole('link', { name: 'Tổng hợp' }).click();
    await admin.getByRole('heading', { name: 'Tổng hợp và bảng điều khiển' }).waitFor();
    await admin.getByRole('link', { name: 'Giải ngân theo từng xã →' }).click();
    await admin.getByRole('heading', { name: 'Giải ngân so với dự toán được duyệt' }).waitFor();
    await admin.getByLabel('Tìm đơn vị').fill('an lao');
    const region = admin.getByRole('region', { name: 'Giải ngân theo đơn vị' });
    await expect.poll(() => region.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await region.getByRole('link', { name: 'xã An Lão' }).waitFor();
    expect(adminErrors).toEqual([]);
    await admin.context().close();
  });
});

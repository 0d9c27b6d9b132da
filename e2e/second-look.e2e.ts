import { describe, expect, it } from 'vitest';
import { newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { useOwnServer } from './support/own-server.ts';

/**
 * Issue 14, point 6: irreversible steps get a second look and mistakes a way back. The reviewer
 * corrects and withdraws a comment, and "Tiếp nhận" asks before it acts; the admin corrects a
 * cycle's deadline and closes then reopens the cycle, each after a confirmation saying what
 * happens. Its own server: accepting, editing and closing change what the other files see.
 */
const world = useOwnServer();

describe('a second look before what cannot be undone', () => {
  it('the reviewer corrects and withdraws a comment, and accepting asks first', async () => {
    const page = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, world.baseUrl, 'so.chuyenvien');
    await page.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await page.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
    const rows = page.getByRole('table', { name: 'Hàng chờ thẩm định' }).locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
    const unit = (await page.getByRole('heading', { name: /^Thẩm định:/ }).innerText()).replace('Thẩm định: ', '').trim();

    const card = page.getByRole('region', { name: 'Góp ý', exact: true });
    await page.getByLabel('Nội dung góp ý').fill('Đề nghị thuyết minh đơn gía máy tính.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await card.getByText('Đề nghị thuyết minh đơn gía máy tính.').waitFor();
    await page.getByLabel('Nội dung góp ý').fill('Góp ý nhầm báo cáo.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await card.getByText('Góp ý nhầm báo cáo.').waitFor();

    await card.getByRole('button', { name: 'Sửa góp ý: Đề nghị thuyết minh đơn gía máy tính.' }).click();
    const edit = card.getByLabel('Sửa nội dung góp ý');
    await edit.press('Control+a');
    await edit.pressSequentially('Đề nghị thuyết minh đơn giá máy tính.', { delay: 5 });
    await card.getByRole('button', { name: 'Lưu sửa' }).click();
    await card.getByText('Đề nghị thuyết minh đơn giá máy tính.').waitFor();
    expect(await card.getByText('Đề nghị thuyết minh đơn gía máy tính.').count()).toBe(0);

    await card.getByRole('button', { name: 'Xóa góp ý: Góp ý nhầm báo cáo.' }).click();
    const del = page.getByRole('dialog', { name: 'Xóa góp ý này?' });
    await del.getByText(/xã không thấy góp ý này nữa/).waitFor();
    await del.getByRole('button', { name: 'Xóa góp ý' }).click();
    await expect.poll(() => card.getByText('Góp ý nhầm báo cáo.').count(), { timeout: 15_000 }).toBe(0);

    // "Tiếp nhận…" says what happens; "Quay lại" leaves the report as it was.
    await page.getByRole('button', { name: 'Tiếp nhận…' }).click();
    const confirm = page.getByRole('dialog', { name: `Tiếp nhận báo cáo của ${unit}?` });
    await confirm.getByText(`Báo cáo được đưa vào tổng hợp; ${unit} không sửa được nữa và không thể trả lại báo cáo này sau khi đã tiếp nhận.`, { exact: false }).waitFor();
    await screenshot(page, 'issue14-6-after');
    await confirm.getByRole('button', { name: 'Quay lại' }).click();
    await expect.poll(() => confirm.count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByText('Đã tiếp nhận', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tiếp nhận…' }).click();
    await confirm.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('region', { name: 'Dòng thời gian' }).getByText('Tiếp nhận').first().waitFor();
    await page.getByText('Đã tiếp nhận', { exact: true }).first().waitFor();
    // The report changed hands: the comment stays as written.
    await card.getByText('Đề nghị thuyết minh đơn giá máy tính.').waitFor();
    expect(await card.getByRole('button', { name: /^Sửa góp ý/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the admin corrects the cycle\'s deadline, then closes and reopens the cycle, each confirmed', async () => {
    const admin = await (await newContext(world.browser)).newPage();
    const errors = watchErrors(admin);
    await signIn(admin, world.baseUrl, 'so.quantri');
    await admin.getByRole('link', { name: 'Kỳ báo cáo' }).click();
    await admin.getByRole('heading', { name: 'Kỳ báo cáo', exact: true }).waitFor();
    const row = admin.getByRole('row', { name: /Công văn số 4194/ });
    await row.getByText('31/07/2026').waitFor();

    await row.getByRole('button', { name: 'Sửa kỳ kế hoạch năm 2027' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Sửa kỳ báo cáo kế hoạch năm 2027' });
    const deadline = drawer.getByLabel('Hạn nộp chung', { exact: true });
    expect(await deadline.inputValue()).toBe('31/07/2026');
    await deadline.click();
    await deadline.pressSequentially('15/8/2026', { delay: 15 });
    await drawer.getByRole('button', { name: 'Lưu…' }).click();
    const confirmEdit = admin.getByRole('dialog', { name: 'Sửa kỳ báo cáo kế hoạch năm 2027?' });
    await confirmEdit.getByText('Hạn nộp chung: 31/07/2026 → 15/08/2026').waitFor();
    await confirmEdit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await admin.getByText('Đã sửa kỳ báo cáo kế hoạch năm 2027.').waitFor();
    await row.getByText('15/08/2026').waitFor();

    await row.getByRole('button', { name: 'Đóng kỳ kế hoạch năm 2027' }).click();
    const confirmClose = admin.getByRole('dialog', { name: 'Đóng kỳ báo cáo kế hoạch năm 2027?' });
    await confirmClose.getByText(/^\d+ đơn vị chưa nộp \(đang soạn hoặc bị trả lại\) sẽ không nộp được nữa\. Báo cáo đã nộp vẫn được thẩm định/).waitFor();
    await confirmClose.getByRole('button', { name: 'Đóng kỳ' }).click();
    await row.getByText('Đã đóng').waitFor();
    expect(await row.getByRole('button', { name: 'Sửa kỳ kế hoạch năm 2027' }).count()).toBe(0);
    // A closed cycle offers no extension either.
    await expect.poll(() => admin.getByRole('region', { name: 'Đơn vị phải báo cáo' }).getByRole('button', { name: /^Gia hạn nộp cho / }).count(), { timeout: 15_000 }).toBe(0);

    await row.getByRole('button', { name: 'Mở lại kỳ kế hoạch năm 2027' }).click();
    await admin.getByRole('dialog', { name: 'Mở lại kỳ báo cáo kế hoạch năm 2027?' }).getByRole('button', { name: 'Mở lại kỳ' }).click();
    await row.getByText('Đang mở').waitFor();
    await row.getByRole('button', { name: 'Sửa kỳ kế hoạch năm 2027' }).waitFor();
    expect(errors).toEqual([]);
    await admin.context().close();
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';
import { startServer } from './support/global-setup.ts';

/**
 * Issue 14, points 2, 3 and 10, walked as the Kiến Thụy officer and chairman type: a figure that
 * does not read is never saved as another; a paragraph that states a figure the form changed is
 * flagged; and what a commune must know (deadline, blanks, a failed save, import errors, a stated
 * total, the submitted look) is in plain view. Own server: the walk ends with a submission.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let officer: Page;
let errors: string[];
let reportId = '';

const panel = (page: Page = officer) => page.getByRole('region', { name: 'Kết quả kiểm tra' });
const field = (label: string, page: Page = officer) => page.getByRole('textbox', { name: label, exact: true });
const saveState = (page: Page = officer) => page.getByRole('status', { name: /Trạng thái lưu/ });
const waitSaved = (page: Page = officer) => expect.poll(() => saveState(page).getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
const total = () => officer.getByRole('region', { name: 'Tổng hợp dự toán năm 2027' }).getByTestId('grand-total');

/** Clicks into a field, selects what is there and types over it, key by key, as a person does. */
async function typeOver(input: Locator, text: string) {
  await input.click();
  await input.press('Control+a');
  await officer.keyboard.type(text, { delay: 30 });
}

/** The report as the server holds it now. */
async function onServer(): Promise<{ plan: { budget: { children: { amount: number; title: string }[] }[] }; implementation: { dossiers: { total?: number } } }> {
  return officer.evaluate(async (id) => (await (await fetch(`/api/reports/${id}`)).json()).report, reportId);
}

async function openEditor(page: Page) {
  await page.getByLabel('Tìm báo cáo theo tên đơn vị').fill('kien thuy');
  await page.getByRole('row', { name: /Kiến Thụy 2027/ }).getByRole('link', { name: /^Nhập liệu báo cáo xã Kiến Thụy/ }).click();
  await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  officer = await (await newContext(browser)).newPage();
  errors = watchErrors(officer);
  await signIn(officer, server.baseUrl, 'kienthuy.canbo');
  await openEditor(officer);
  reportId = /bao-cao\/([^/?#]+)/.exec(officer.url())?.[1] ?? '';
  expect(reportId).not.toBe('');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('point 2: a figure that does not read is never saved as another', () => {
  it('keeps "12.5", "50tr" and "99999999999" as typed, flags them, saves the rest and never the prefix', async () => {
    await officer.getByRole('tab', { name: /Phần II/ }).click();
    expect(await total().innerText()).toBe('3.480 triệu đồng');
    const a12 = field('Số tiền dòng 1.2 (triệu đồng)');
    await typeOver(a12, '12.5');
    // The rest of the report is saved meanwhile: a title edited on another line.
    await field('Nội dung dòng 1.1').click();
    await officer.keyboard.press('End');
    await officer.keyboard.type(' (rà soát)');
    await waitSaved();

    expect(await a12.inputValue()).toBe('12.5');
    expect(await a12.getAttribute('aria-invalid')).toBe('true');
    // Line 1.2 keeps its 50 triệu (not the 12 typed on the way): the total is still 3.480.
    expect(await total().innerText()).toBe('3.480 triệu đồng');
    const flagged = panel().locator('[data-code="INPUT_INVALID"]');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.first().innerText()).toContain('“12.5” chưa đọc được thành số nên chưa được lưu (báo cáo vẫn giữ 50 triệu đồng)');
    expect(await saveState().innerText()).toContain('Đã lưu, trừ 1 ô số chưa đọc được');
    let saved = await onServer();
    expect(saved.plan.budget[0]!.children[1]!.amount).toBe(50_000_000);
    expect(saved.plan.budget[0]!.children[0]!.title).toBe('Chi hỗ trợ thường xuyên (rà soát)');

    await typeOver(field('Số tiền dòng 1.3 (triệu đồng)'), '50tr');
    await typeOver(field('Số tiền dòng 1.4 (triệu đồng)'), '99999999999');
    await expect.poll(() => flagged.count()).toBe(3);
    expect(await total().innerText()).toBe('3.480 triệu đồng');
    await waitSaved();
    saved = await onServer();
    expect(saved.plan.budget[0]!.children.slice(1, 4).map((c) => c.amount)).toEqual([50_000_000, 250_000_000, 450_000_000]);
    await a12.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(officer, 'issue14-2-after');

    // A reload (the local copy) brings the typed text back, still flagged, still not submitted.
    await officer.reload();
    await officer.getByRole('tab', { name: /Phần I\./ }).waitFor();
    await officer.getByRole('tab', { name: /Phần II/ }).click();
    expect(await field('Số tiền dòng 1.2 (triệu đồng)').inputValue()).toBe('12.5');
    expect(await field('Số tiền dòng 1.3 (triệu đồng)').inputValue()).toBe('50tr');
    expect(await field('Số tiền dòng 1.4 (triệu đồng)').inputValue()).toBe('99999999999');
    await expect.poll(() => flagged.count()).toBe(3);
    expect(await officer.getByRole('list', { name: 'Lý do chưa nộp được' }).innerText()).toContain('lỗi phải sửa');

    // The finding opens the very field; typing it the Vietnamese way saves it.
    await panel().getByRole('button', { name: /“12\.5” chưa đọc được/ }).click();
    await expect.poll(() => officer.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Số tiền dòng 1.2 (triệu đồng)');
    await typeOver(field('Số tiền dòng 1.2 (triệu đồng)'), '12,5');
    await typeOver(field('Số tiền dòng 1.3 (triệu đồng)'), '250');
    await typeOver(field('Số tiền dòng 1.4 (triệu đồng)'), '450');
    await expect.poll(() => flagged.count()).toBe(0);
    expect(await total().innerText()).toBe('3.442,5 triệu đồng');
    await waitSaved();
    expect((await onServer()).plan.budget[0]!.children[1]!.amount).toBe(12_500_000);
    // Back to the seed's figure, for the walk that follows.
    await typeOver(field('Số tiền dòng 1.2 (triệu đồng)'), '50');
    await waitSaved();
  });

  it('does the same for a count of Part I: "6.796.5" does not leave 6.796 in the report', async () => {
    await officer.getByRole('tab', { name: /Phần I\./ }).click();
    const totalDossiers = field('Tổng số hồ sơ tiếp nhận');
    await typeOver(totalDossiers, '6.796.5');
    await officer.keyboard.press('Tab');
    await waitSaved();
    expect(await totalDossiers.inputValue()).toBe('6.796.5');
    expect((await onServer()).implementation.dossiers.total).toBe(6797);
    const flagged = panel().locator('[data-code="INPUT_INVALID"]');
    expect(await flagged.first().innerText()).toContain('Tổng số hồ sơ tiếp nhận: “6.796.5” chưa đọc được');
    await typeOver(totalDossiers, '6.797');
    await expect.poll(() => flagged.count()).toBe(0);
    await waitSaved();
  });
});

describe('point 3: a paragraph that states a figure follows the form or is flagged', () => {
  it('flags 6.797 and 6.608 in "Về chuyển đổi số" once the figures are 6.796 and 6.607, until the sentence follows', async () => {
    await typeOver(field('Tổng số hồ sơ tiếp nhận'), '6.796');
    await typeOver(field('Tiếp nhận trong kỳ'), '6.607');
    const paragraph = officer.locator('[data-path="implementation.results.digital[0]"]');
    const beside = paragraph.locator('[data-code="TEXT_FIGURE_MISMATCH"]');
    await expect.poll(() => beside.count()).toBe(2);
    expect(await beside.nth(0).innerText()).toContain('ghi “đã tiếp nhận 6.797 hồ sơ” nhưng tổng số hồ sơ tiếp nhận trong số liệu là 6.796');
    expect(await beside.nth(1).innerText()).toContain('ghi “trong kỳ 6.608 hồ sơ” nhưng số hồ sơ tiếp nhận trong kỳ trong số liệu là 6.607');
    expect(await panel().locator('[data-code="TEXT_FIGURE_MISMATCH"]').count()).toBe(2);
    await paragraph.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -160);
    });
    await screenshot(officer, 'issue14-3-after');

    // Editing the paragraph by hand clears one; the button rewrites the sentence from the figures.
    const text = paragraph.locator('textarea');
    await text.click();
    await text.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('6.797');
      el.setSelectionRange(at, at + 5);
    });
    await officer.keyboard.type('6.796');
    await expect.poll(() => beside.count()).toBe(1);
    await officer.getByRole('button', { name: /Cập nhật câu số liệu vào văn bản$/ }).click();
    await expect.poll(() => beside.count()).toBe(0);
    expect(await text.inputValue()).toContain('đã tiếp nhận 6.796 hồ sơ; trong kỳ 6.607 hồ sơ');
    await waitSaved();

    // Figures as they should be for the submission at the end, the sentence following them.
    await typeOver(field('Tổng số hồ sơ tiếp nhận'), '6.797');
    await typeOver(field('Tiếp nhận trong kỳ'), '6.609');
    await expect.poll(() => beside.count()).toBe(2);
    await officer.getByRole('button', { name: /Cập nhật câu số liệu vào văn bản$/ }).click();
    await expect.poll(() => panel().locator('[data-code="TEXT_FIGURE_MISMATCH"]').count()).toBe(0);
    await waitSaved();
  });
});

describe('point 10: what a commune must know is in plain view', () => {
  it('shows the deadline and how many days the report is overdue, and flags the blank number and date', async () => {
    await officer.evaluate(() => window.scrollTo(0, 0));
    // The demo cycle's deadline is 31/7/2026, long past on the machine's clock.
    const note = officer.locator('[data-timeliness="overdue"]');
    expect((await note.innerText()).trim()).toMatch(/^Quá hạn \d+ ngày: hạn nộp là 31\/7\/2026, báo cáo chưa nộp\.$/);
    const blanks = panel().locator('[data-code="DOCUMENT_BLANK"]');
    expect(await blanks.count()).toBe(2);
    expect(await officer.locator('[data-path="document.number"] [data-code="DOCUMENT_BLANK"]').innerText()).toContain('Chưa ghi số, ký hiệu văn bản');
  });

  it('keeps a failed save prominent and in view, and saves by itself when the server is back', async () => {
    await officer.route('**/api/reports/*', (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    await field('Đơn vị đầu mối').click();
    await officer.keyboard.press('End');
    await officer.keyboard.type(' (đầu mối)');
    await expect.poll(() => saveState().getAttribute('data-save-state'), { timeout: 15_000 }).toBe('error');
    const banner = officer.getByRole('alert').filter({ hasText: 'Chưa lưu được thay đổi lên máy chủ' });
    await banner.waitFor();
    await officer.evaluate(() => window.scrollTo(0, 0));
    await screenshot(officer, 'issue14-10-after');
    // Scrolled to the end of the page, the banner is still on screen.
    await officer.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await banner.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await officer.unroute('**/api/reports/*');
    // Nobody clicks "Thử lại": the next automatic try (5 s) saves.
    await waitSaved();
    expect(await banner.count()).toBe(0);
    expect(await field('Đơn vị đầu mối').inputValue()).toBe('Phòng Văn hóa - Xã hội (đầu mối)');
  });

  it('opens a finding about the stated total at its place, and keeps it when another line changes', async () => {
    await officer.getByRole('tab', { name: /Phần II/ }).click();
    await typeOver(field('Số tiền dòng 1.2 (triệu đồng)'), '60');
    const finding = panel().getByRole('button', { name: /Tổng dự toán năm 2027 ghi 3\.480 triệu đồng/ });
    await finding.waitFor();
    // Another line edited (3.500, then 3.490 again): the finding stays, it is about the stated figure.
    await typeOver(field('Số tiền dòng 1.3 (triệu đồng)'), '260');
    await typeOver(field('Số tiền dòng 1.3 (triệu đồng)'), '250');
    expect(await finding.count()).toBe(1);
    await finding.click();
    const stated = officer.getByRole('group', { name: 'Tổng văn bản đã nhập ghi, năm 2027' });
    await expect.poll(() => stated.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await stated.innerText()).toContain('Số này lấy từ văn bản đã nhập vào báo cáo');
    // Putting the line back makes the lines agree with it again; nothing to drop.
    await typeOver(field('Số tiền dòng 1.2 (triệu đồng)'), '50');
    await expect.poll(() => finding.count()).toBe(0);
    await waitSaved();
  });

  it('shows an unreadable import file where the person looks, above the drop zone', async () => {
    await officer.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const drawer = officer.getByRole('dialog', { name: /Nhập báo cáo từ tệp/ });
    await drawer.locator('input[type=file]').setInputFiles({ name: 'bao-cao.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('không phải tệp Word') });
    const alert = drawer.getByRole('alert').filter({ hasText: 'Không đọc được tệp bao-cao.docx' });
    await alert.waitFor();
    const box = await alert.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await drawer.getByRole('button', { name: 'Hủy' }).click();
  });

  it('after the chairman submits, the fields no longer look like fields to type in', async () => {
    await officer.getByRole('tab', { name: /Phần I\./ }).click();
    await field('Số, ký hiệu').fill('125/BC-UBND');
    await expect.poll(() => panel().locator('[data-code="DOCUMENT_BLANK"]').count()).toBe(1);
    await waitSaved();

    const chair = await (await newContext(browser)).newPage();
    await signIn(chair, server.baseUrl, 'kienthuy.chutich');
    await openEditor(chair);
    const submit = chair.getByRole('button', { name: 'Nộp báo cáo' });
    // DOSSIER_OUTCOMES and the blank date of issue.
    await chair.getByRole('checkbox', { name: /Tôi đã xem 2 cảnh báo/ }).check();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submit.click();
    // The confirmation says the report goes in late, before it is too late to think again.
    expect(await chair.getByRole('dialog').innerText()).toMatch(/Hạn nộp là 31\/7\/2026: báo cáo sẽ được ghi là nộp trễ \d+ ngày\./);
    await chair.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await chair.getByText(/Báo cáo đã nộp/).first().waitFor();
    expect((await chair.locator('[data-timeliness="late"]').innerText()).trim()).toMatch(/^Đã nộp trễ \d+ ngày so với hạn 31\/7\/2026\.$/);
    await chair.context().close();

    await officer.reload();
    await officer.getByText(/Báo cáo đã nộp/).first().waitFor();
    const look = await field('Tiếp nhận trong kỳ').evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, top: s.borderTopColor, left: s.borderLeftColor };
    });
    expect(look).toEqual({ background: 'rgba(0, 0, 0, 0)', top: 'rgba(0, 0, 0, 0)', left: 'rgba(0, 0, 0, 0)' });
    expect(errors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/global-setup.ts';
import { launch, newContext, screenshot, signIn, watchErrors } from './support/browser.ts';

/**
 * Issue 13, point 6, in the browser: the chairman has Kiến Thụy's report open; the officer, in
 * another browser, saves a new document number and a new objective; the chairman's submit is
 * refused and he is shown exactly those changes, the editor now on the newer version; after
 * reading it he submits, and what is frozen is what he was shown. Its own server: the report
 * ends submitted, which the other suites do not expect.
 */
let server: { baseUrl: string; stop(): Promise<void> };
let browser: Browser;
let officer: Page;
let chair: Page;
let errors: string[];

const NUMBER = '125/BC-UBND';
const OBJECTIVE = 'Mục tiêu bổ sung do cán bộ thêm sau khi Chủ tịch đã mở báo cáo.';

const saveState = (page: Page) => page.getByRole('status', { name: /Trạng thái lưu/ });
async function waitSaved(page: Page) {
  await expect.poll(() => saveState(page).getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
}
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const versionLine = (page: Page) => page.getByText(/· phiên bản \d+ ·/).innerText();

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  officer = await (await newContext(browser)).newPage();
  chair = await (await newContext(browser)).newPage();
  errors = [...watchErrors(officer), ...watchErrors(chair)];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openReport(page: Page, username: string): Promise<void> {
  await signIn(page, server.baseUrl, username);
  await page.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor();
  await page.getByRole('link', { name: /^Nhập liệu báo cáo xã Kiến Thụy/ }).click();
  await page.getByRole('tab', { name: /Phần I\./ }).waitFor();
}

describe('the chairman submits the version he saw', () => {
  it('the officer fixes the seed’s dossier slip; the chairman opens the report', async () => {
    await openReport(officer, 'kienthuy.canbo');
    await field(officer, 'Tiếp nhận trong kỳ').fill('6.609');
    // The paragraph stating the figure follows it (a mismatch would block the submit).
    await officer.getByRole('button', { name: /Cập nhật câu số liệu vào văn bản$/ }).click();
    await waitSaved(officer);
    await openReport(chair, 'kienthuy.chutich');
    expect(await versionLine(chair)).toContain('phiên bản 2 ·');
  });

  it('refuses his submit once the officer saved a newer version, and shows him what changed', async () => {
    // The officer, in her own browser, changes the number and adds an objective.
    await field(officer, 'Số, ký hiệu').fill(NUMBER);
    await officer.getByRole('tab', { name: /Phần II\./ }).click();
    // With no objective yet, the field's label names this button; its text says what it does.
    await officer.getByRole('button').filter({ hasText: 'Thêm mục tiêu' }).click();
    await officer.locator('[data-path^="plan.objectives["] textarea').last().fill(OBJECTIVE);
    await waitSaved(officer);

    await chair.getByRole('checkbox', { name: /Tôi đã xem \d+ cảnh báo/ }).check();
    await chair.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();

    const dialog = chair.getByRole('dialog', { name: 'Chưa nộp: báo cáo đã thay đổi từ khi bạn mở' });
    await dialog.waitFor();
    const latest = Number(/phiên bản (\d+) lúc/.exec(await dialog.innerText())?.[1]);
    expect(latest).toBeGreaterThan(2);
    await dialog.getByText(`Nguyễn Thị Hoa đã lưu phiên bản ${latest} lúc`, { exact: false }).waitFor();
    await dialog.getByText('bạn đang xem phiên bản 2.', { exact: false }).waitFor();
    const table = dialog.getByRole('table', { name: 'Những thay đổi từ khi bạn mở báo cáo' });
    const numberRow = table.getByRole('row').filter({ hasText: NUMBER });
    await numberRow.waitFor();
    const objectiveRow = table.getByRole('row').filter({ hasText: OBJECTIVE });
    await objectiveRow.waitFor();
    // The dialog zooms in after its rows exist: let it finish before the picture.
    await chair.waitForTimeout(700);
    await screenshot(chair, '16-nop-bi-tu-choi-vi-da-thay-doi');

    // Nothing was submitted; the editor behind the dialog now shows the latest version.
    const status = await chair.evaluate(async () => {
      const list = (await (await fetch('/api/reports')).json()) as { items: { status: string; version: number }[] };
      return list.items[0];
    });
    expect(status).toEqual(expect.objectContaining({ status: 'draft', version: latest }));
    await dialog.getByRole('button', { name: 'Đã xem, đọc lại báo cáo' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await versionLine(chair)).toContain(`phiên bản ${latest} ·`);
    expect(await field(chair, 'Số, ký hiệu').inputValue()).toBe(NUMBER);
  });

  it('submits the newer version after he has read it; the frozen report is the one shown', async () => {
    const submit = chair.getByRole('button', { name: 'Nộp báo cáo' });
    // The acknowledgement was for the version he no longer has: he gives it again.
    expect(await submit.isDisabled()).toBe(true);
    await chair.getByRole('checkbox', { name: /Tôi đã xem \d+ cảnh báo/ }).check();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submit.click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await chair.getByText(/Báo cáo đã nộp/).first().waitFor();

    const frozen = await chair.evaluate(async () => {
      const list = (await (await fetch('/api/reports')).json()) as { items: { id: string }[] };
      return (await (await fetch(`/api/reports/${encodeURIComponent(list.items[0]!.id)}`)).json()) as { report: { document: { number?: string }; plan: { objectives: string[] } }; meta: { status: string } };
    });
    expect(frozen.meta.status).toBe('submitted');
    expect(frozen.report.document.number).toBe(NUMBER);
    expect(frozen.report.plan.objectives).toContain(OBJECTIVE);
    expect(errors).toEqual([]);
  });
});

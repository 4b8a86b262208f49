// Browser test of the inspection plans (issue 10) in Chromium at 1366 and 390 px, on the demo
// city: the office opens Kế hoạch kiểm tra from the investment navigation, opens a plan,
// records a visit's findings (a missing one is refused in the error summary, naming the
// field), and at 1366 px makes a recommendation a task that links to the task. Then, at both
// sizes, the office plans a new inspection through the form (a year the server refuses is named
// beside its field), adds a visit to an investor's project, records what it found and makes a
// recommendation a task.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import path from 'node:path';
import { browserSession, ddmmyyyy, login, missingPrerequisite, shellReady, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();
const YEAR = Number(todayInVietnam().slice(0, 4));
const PLAN = `Kiểm tra công tác giải phóng mặt bằng các dự án trọng điểm năm ${YEAR}`;
const SIZES = [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]];

// With SCREENSHOT_DIR set, the whole page at the size it is tested at.
async function snap(page, name) {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function noSideways(page, where) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 1, `${where}: the page is ${wide}px wider than the screen`);
}

describe('the inspection plans in the web UI', { skip: skip ?? false }, () => {
  const s = browserSession(async ({ page, server, errors }) => {
    await login(page, server.baseUrl, 'vanphong');
    errors.length = 0; // the login page asks who is signed in first (401)
  });

  for (const [label, size] of SIZES) {
    it(`opens the list and a plan, and records a finding (${label})`, async () => {
      const { page, server, errors } = s;
      await page.setViewportSize(size);
      await page.goto(`${server.baseUrl}/investment`);
      await shellReady(page);
      if (label === 'phone') await page.click('.menu-button');
      await page.locator('#sidenav a[href="/investment/inspections"]').click();
      await page.waitForSelector('h1:has-text("Kế hoạch kiểm tra")');
      await page.getByRole('link', { name: PLAN }).waitFor();
      // Under way until the desktop run records the last visit.
      const status = label === 'desktop' ? 'Đang kiểm tra' : 'Đã kiểm tra xong';
      await page.locator('tr', { hasText: PLAN }).locator('.tag', { hasText: status }).waitFor();
      await noSideways(page, `the list at ${size.width}px`);
      await snap(page, `inspections-list-${size.width}`);

      await page.getByRole('link', { name: PLAN }).click();
      await page.waitForSelector(`h1:has-text("${PLAN}")`);
      const card = page.locator('section.visit', { hasText: 'khu vực Sông Cầu' });
      await card.getByRole('button', { name: /kết quả kiểm tra/ }).click();
      // Nothing written: the summary names the field as the form labels it.
      await card.locator('textarea').fill('');
      await card.getByRole('button', { name: 'Lưu kết quả' }).click();
      await card.locator('.error-summary:has-text("Nhập Kết quả kiểm tra.")').waitFor();
      const findings = `Chậm bàn giao 0,8 ha mặt bằng (${label}).`;
      await card.getByLabel('Ngày kiểm tra').fill(ddmmyyyy(todayInVietnam()));
      await card.locator('textarea').fill(findings);
      await card.getByRole('button', { name: 'Lưu kết quả' }).click();
      await card.getByText(findings).waitFor();
      await card.getByText(ddmmyyyy(todayInVietnam())).first().waitFor();
      await page.locator('.tag', { hasText: 'Đã kiểm tra xong' }).first().waitFor();
      await noSideways(page, `the plan at ${size.width}px`);

      if (label === 'desktop') {
        await card.getByRole('button', { name: 'Giao kiến nghị thành nhiệm vụ' }).click();
        await card.getByLabel(/Nội dung kiến nghị/).fill('Bàn giao 0,8 ha mặt bằng còn lại');
        await card.getByLabel(/Thời hạn/).fill(`30/12/${YEAR}`);
        await card.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
        const task = card.getByRole('link', { name: 'Bàn giao 0,8 ha mặt bằng còn lại' });
        await task.waitFor();
        assert.match(await task.getAttribute('href'), /^\/tasks\/\d+$/);
      }
      await snap(page, `inspections-plan-${size.width}`);
      assert.deepEqual(errors, []);
    });
  }

  for (const [label, size] of SIZES) {
    it(`plans an inspection, adds a visit, records it and makes a task (${label})`, async () => {
      const { page, server, errors } = s;
      await page.setViewportSize(size);
      await page.goto(`${server.baseUrl}/investment/inspections`);
      await shellReady(page);
      errors.length = 0;
      await page.getByRole('link', { name: 'Lập kế hoạch kiểm tra' }).click();
      await page.waitForSelector('h1:has-text("Lập kế hoạch kiểm tra")');

      // The lead unit starts as the office's own unit; a year the server refuses is named
      // beside the field, as the form labels it, and nothing typed is lost.
      const title = `Kiểm tra tiến độ dự án nông nghiệp quý IV (${label})`;
      await page.locator('#inspection-plan-lead_unit_id').waitFor();
      await page.fill('#inspection-plan-year', '1999');
      await page.fill('#inspection-plan-title', title);
      await page.fill('#inspection-plan-decision_number', '512/QĐ-UBND');
      await page.click('#main form button[type=submit]');
      const yearError = page.locator('#inspection-plan-year-error');
      await yearError.waitFor();
      assert.match(await yearError.innerText(), /Năm phải là số nguyên từ 2\.?000 đến 2\.?100/);
      await page.locator('.error-summary a', { hasText: 'Năm' }).waitFor();
      assert.equal(await page.inputValue('#inspection-plan-title'), title);
      // The refusal is the only thing the console reports (the browser logs the 400).
      assert.deepEqual(errors, ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      errors.length = 0;
      await noSideways(page, `the plan form at ${size.width}px`);
      await snap(page, `inspections-new-${size.width}`);
      await page.fill('#inspection-plan-year', String(YEAR));
      await page.click('#main form button[type=submit]');
      await page.waitForURL(/\/investment\/inspections\/\d+$/);
      await page.waitForSelector(`h1:has-text("${title}")`);
      await page.getByText('Quyết định số 512/QĐ-UBND').waitFor();
      await page.getByText('Kế hoạch chưa có cuộc kiểm tra nào.').waitFor();
      const notice = page.locator('#main .notice--success');
      await notice.filter({ hasText: `Đã lập kế hoạch “${title}”` }).waitFor();

      // Add a visit: the investor picked by name, one of its projects, the planned date.
      await page.getByRole('button', { name: 'Thêm cuộc kiểm tra' }).click();
      await page.fill('#add-visit-investor_id', 'nong nghiep');
      await page.locator('.picker-option', { hasText: 'MA.BQLNN' }).first().click();
      const projects = page.locator('#add-visit-project_id option');
      await page.waitForFunction(() => document.querySelectorAll('#add-visit-project_id option').length > 1);
      const project = (await projects.nth(1).innerText()).trim();
      await page.selectOption('#add-visit-project_id', { index: 1 });
      await page.fill('#add-visit-planned_on', ddmmyyyy(todayInVietnam()));
      await page.locator('section.panel', { hasText: 'Thêm cuộc kiểm tra' }).getByRole('button', { name: 'Thêm cuộc kiểm tra' }).click();
      const card = page.locator('section.visit', { hasText: 'công trình nông nghiệp' });
      await card.waitFor();
      await card.getByRole('link', { name: project }).waitFor();
      await card.locator('.tag', { hasText: 'Chưa kiểm tra' }).waitFor();
      // Each save says what it did, in place of the notice before.
      await notice.filter({ hasText: 'Đã thêm cuộc kiểm tra.' }).waitFor();
      assert.equal(await notice.count(), 1);

      // Record the visit with its findings.
      const findings = `Gói thầu số 3 chậm 45 ngày so với hợp đồng (${label}).`;
      await card.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click();
      await card.getByLabel('Ngày kiểm tra').fill(ddmmyyyy(todayInVietnam()));
      await card.locator('textarea').fill(findings);
      await card.getByRole('button', { name: 'Lưu kết quả' }).click();
      await card.getByText(findings).waitFor();
      await page.locator('.tag', { hasText: 'Đã kiểm tra xong' }).first().waitFor();
      await notice.filter({ hasText: 'Đã lưu kết quả kiểm tra.' }).waitFor();

      // A recommendation made a task, linking to it.
      const rec = `Bổ sung nhân lực, máy móc cho gói thầu số 3 (${label})`;
      await card.getByRole('button', { name: 'Giao kiến nghị thành nhiệm vụ' }).click();
      await card.getByLabel(/Nội dung kiến nghị/).fill(rec);
      await card.getByLabel(/Thời hạn/).fill(`30/12/${YEAR}`);
      await card.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      const task = card.getByRole('link', { name: rec });
      await task.waitFor();
      assert.match(await task.getAttribute('href'), /^\/tasks\/\d+$/);
      await notice.filter({ hasText: `Đã giao nhiệm vụ “${rec}”.` }).waitFor();
      await noSideways(page, `the new plan at ${size.width}px`);
      await snap(page, `inspections-new-plan-${size.width}`);

      // The list shows it with its visit and recommendation counted.
      await page.getByRole('link', { name: 'Kế hoạch kiểm tra' }).first().click();
      const row = page.locator('tr', { hasText: title });
      await row.locator('.tag', { hasText: 'Đã kiểm tra xong' }).waitFor();
      assert.match(await row.innerText(), /1\/1 cuộc/);
      assert.equal(await page.locator('#main .notice').count(), 0, 'no notice of the plan page follows to the list');
      assert.deepEqual(errors, []);
    });
  }
});

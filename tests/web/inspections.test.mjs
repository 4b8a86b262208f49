// Browser test of the inspection plans (issue 10) in Chromium at 1366 and 390 px, on the demo
// city: the office opens Kế hoạch kiểm tra from the investment navigation, opens a plan,
// records a visit's findings (a missing one is refused in the error summary, naming the
// field), and at 1366 px makes a recommendation a task that links to the task.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import path from 'node:path';
import { browserSession, ddmmyyyy, login, missingPrerequisite, todayInVietnam } from './support.mjs';

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
      await page.waitForSelector('h1');
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
});

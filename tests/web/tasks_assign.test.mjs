// Browser test of tasksa (issue 9) against the real server with the demo city, at 1366 and
// 390 px: the task form's start date (Ngày giao, today by default, refused after the
// deadline before saving), assigning one task to a chosen list of units under a heading
// followed together (the office lands on the group's list), and a task's page showing its
// start date and its group. No page scrolls sideways.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSession, ddmmyyyy, missingPrerequisite, signInAfresh, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();
const WIDTHS = [1366, 390];

// At each width: the page must not scroll sideways; with SCREENSHOT_DIR, `<name>-<width>.png`.
async function atWidths(page, name) {
  const wide = [];
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.waitForTimeout(250);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 1) wide.push(`${name} at ${w}px scrolls ${sideways}px sideways`);
    const dir = process.env.SCREENSHOT_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `tasksa-${name}-${w}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  return wide;
}

function inDays(n) {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('tasks: start date and assigning to many units in the web UI', { skip: skip ?? false }, () => {
  let server, page, errors;
  const wide = [];
  browserSession(async (s) => {
    ({ server, page, errors } = s);
    await signInAfresh(page, server.baseUrl, 'vanphong');
  });

  it('the form offers a start date, today by default, and refuses one after the deadline', async () => {
    await page.goto(`${server.baseUrl}/tasks/new`);
    const start = page.locator('#task-start_on');
    await start.waitFor();
    assert.equal(await start.inputValue(), ddmmyyyy(todayInVietnam()));
    await page.locator('#task-title').fill('Kiểm tra ngày giao');
    await page.locator('#task-lead_unit_id').fill('tai chinh');
    await page.locator('.picker-option', { hasText: 'Sở Tài chính' }).first().click();
    await page.locator('#task-deadline').fill(ddmmyyyy(inDays(10)));
    await start.fill(ddmmyyyy(inDays(20)));
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).first().click();
    await page.locator('.field-error', { hasText: /Ngày giao .* sau Hạn hoàn thành/ }).waitFor();
    wide.push(...(await atWidths(page, 'form-start-date')));
  });

  it('assigns one task to a chosen list of units under a heading, and follows them together', async () => {
    await page.goto(`${server.baseUrl}/tasks/new`);
    await page.locator('#task-title').waitFor();
    await page.getByRole('radio', { name: 'Chọn nhiều đơn vị' }).check();
    await page.locator('#task-title').fill('Rà soát hộ nghèo, cận nghèo cuối năm');
    await page.locator('#task-deadline').fill(ddmmyyyy(inDays(30)));
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).first().click();
    await page.locator('.field-error', { hasText: 'Chọn Văn bản chỉ đạo' }).waitFor();
    await page.locator('.field-error', { hasText: 'Chọn ít nhất một Đơn vị được giao' }).waitFor();
    const directive = page.locator('#task-directive_id');
    await directive.selectOption({ index: 1 });
    for (const [typed, name] of [['tai chinh', 'Sở Tài chính'], ['xay dung', 'Sở Xây dựng']]) {
      await page.locator('#task-unit_ids').fill(typed);
      await page.locator('.picker-option', { hasText: name }).first().click();
    }
    await page.locator('#task-heading').fill('Rà soát hộ nghèo — các sở');
    wide.push(...(await atWidths(page, 'form-many')));
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).first().click();
    await page.locator('.notice', { hasText: 'Đã giao 2 nhiệm vụ, theo dõi chung trong nhóm “Rà soát hộ nghèo — các sở”' }).waitFor();
    assert.match(page.url(), /group_id=\d+/);
    await page.locator('a', { hasText: 'Rà soát hộ nghèo, cận nghèo cuối năm' }).first().waitFor();
    assert.equal(await page.locator('a', { hasText: 'Rà soát hộ nghèo, cận nghèo cuối năm' }).count(), 2);
    wide.push(...(await atWidths(page, 'group-list')));

    await page.locator('a', { hasText: 'Rà soát hộ nghèo, cận nghèo cuối năm' }).first().click();
    await page.locator('h1', { hasText: 'Rà soát hộ nghèo, cận nghèo cuối năm' }).waitFor();
    await page.locator('a', { hasText: 'Rà soát hộ nghèo — các sở' }).waitFor();
    await page.getByText(ddmmyyyy(todayInVietnam()), { exact: true }).first().waitFor();
    wide.push(...(await atWidths(page, 'task-page')));
  });

  it('no page scrolled sideways, and the browser console stayed clean', () => {
    assert.deepEqual(wide, []);
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

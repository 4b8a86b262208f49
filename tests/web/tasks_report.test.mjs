// Browser test of the tasks report and the "as of" views (issue 9, tasksreport) against the
// real server with the demo city, at 1366 and 390 px: the directive page downloads
// "Báo cáo tình hình thực hiện nhiệm vụ" as .docx for a reporting cut-off; the boards and
// the overview answer as of a past day (the demo's tasks were all given today, so a past
// day has none) and say so; the form shows the server's refusal beside its field; the side
// navigation's search box finds a unit without diacritics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, login, missingPrerequisite, startServer, todayInVietnam, watchErrors } from './support.mjs';

const skip = missingPrerequisite();
const SIZES = [['1366', { width: 1366, height: 800 }], ['390', { width: 390, height: 844 }]];

describe('the tasks report and the as-of views, in the web UI', { skip: skip ?? false }, () => {
  let server;
  let browser;
  let page;
  let errors;

  // Each width: no table wider than the page; a screenshot when SCREENSHOT_DIR is set.
  const look = async (name) => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wide <= 1, `${name} at ${label} px is ${wide} px wider than the window`);
      const dir = process.env.SCREENSHOT_DIR;
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, `tasksreport-${name}-${label}.png`), fullPage: true });
      }
    }
    await page.setViewportSize(SIZES[0][1]);
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await login(page, server.baseUrl, 'vanphong');
    errors.length = 0; // the login page's own 401 (not yet logged in)
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads the report of a directive for a reporting cut-off', async () => {
    await page.goto(`${server.baseUrl}/directives/1`);
    await page.getByRole('heading', { level: 1, name: /^Thông báo kết luận số 245\/TB-UBND ngày/ }).waitFor(); // cited as officials cite it
    await page.getByRole('button', { name: 'Báo cáo (.docx)' }).click();
    const form = page.locator('.task-report form');
    await form.locator('.asof-cutoffs button').first().click();
    const day = await form.locator('input').first().inputValue();
    assert.match(day, /^14\/\d{2}\/\d{4}$/, 'the cut-off of the month fills the date');
    await form.getByLabel('Chức vụ người ký').fill('Chánh Văn phòng');
    await look('directive-report-form');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Tải báo cáo' }).click()]);
    const [d, m, y] = day.split('/');
    assert.equal(download.suggestedFilename(), `bao-cao-nhiem-vu-${y}-${m}-${d}.docx`);
    await form.locator('input').first().fill('31/12/2099');
    await form.getByRole('button', { name: 'Tải báo cáo' }).click();
    await page.locator('.task-report .error-summary, .task-report [role=alert]').first().waitFor();
    assert.deepEqual(errors, []);
  });

  it('shows boards and the overview as of a past day, and says so', async () => {
    const today = todayInVietnam();
    const [y] = today.split('-');
    const past = `${Number(y) - 1}-06-14`;
    await page.goto(`${server.baseUrl}/tasks/boards?as_of=${past}`);
    await page.getByText('mỗi nhiệm vụ như tại ngày đó').waitFor();
    const board = await page.request.get(`${server.baseUrl}/api/v1/boards/tasks?by=unit&as_of=${past}`);
    assert.equal((await board.json()).totals.total, 0, 'the demo’s tasks were given today: none a year ago');
    await look('boards-as-of');
    await page.goto(`${server.baseUrl}/?as_of=${past}`);
    await page.locator('.overview-tasks').waitFor();
    await look('overview-as-of');
    await page.goto(`${server.baseUrl}/tasks/boards`);
    await page.locator('.asof-cutoffs button').first().click();
    await page.waitForURL(/as_of=\d{4}-\d{2}-14/);
    assert.deepEqual(errors, []);
  });

  it('searches directives, tasks and units from the side navigation, diacritics optional', async () => {
    await page.goto(`${server.baseUrl}/tasks`);
    await page.locator('#search-input').fill('tai chinh');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/\/search\?q=tai(%20|\+)chinh/);
    const units = page.locator('.search-group', { has: page.getByRole('heading', { name: /^Đơn vị/ }) });
    await units.getByRole('link', { name: 'Sở Tài chính' }).waitFor();
    await look('search');
    await units.getByRole('link', { name: 'Sở Tài chính' }).click();
    await page.waitForURL(/\/units\/\d+/);
    assert.deepEqual(errors, []);
  });

  it('shows a month calendar of deadlines beside the holiday calendar', async () => {
    await page.goto(`${server.baseUrl}/calendar`);
    await page.getByRole('link', { name: 'Lịch hạn nhiệm vụ theo tháng' }).click();
    await page.waitForURL(/\/tasks\/deadlines/);
    await page.getByRole('heading', { level: 1, name: /^Lịch hạn nhiệm vụ tháng \d{2}\/\d{4}$/ }).waitFor();
    const month = todayInVietnam().slice(0, 7);
    const api = await (await page.request.get(`${server.baseUrl}/api/v1/deadline-calendar?month=${month}`)).json();
    const due = api.days.flatMap((d) => d.tasks);
    await page.locator('.deadline-month').waitFor();
    assert.equal(await page.locator('.deadline-month a').count(), due.length, 'every task due this month is on the page');
    await look('deadline-calendar');
    assert.deepEqual(errors, []);
  });
});

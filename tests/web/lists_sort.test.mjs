// Issue 9 (lists), in Chromium against the demo city: the list pages sort on the server by
// a column header at 1366 px, and on a phone (390 px, where the header is hidden) by the
// "Sắp xếp theo" select — the same order either way, kept in the URL; the ask-for-an-
// explanation page opened from a task keeps the task section current in the menu; its
// button fits on a phone; the task form sends no start date the user did not change.
// Screenshots go to SCREENSHOT_DIR (default /tmp/shots/lists_sort).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiGet, browserSession, ddmmyyyy, missingPrerequisite, signInAfresh, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp/shots/lists_sort';
const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

// The screen as the user sees it (the top of a list, or where the test scrolled to).
async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('lists sort by header and on a phone', { skip: skip ?? false }, () => {
  let server, page, errors;
  browserSession(async (s) => {
    ({ server, page, errors } = s);
    await page.setViewportSize(DESK);
  });

  // Each list: who opens it, its page, the header that sorts it, the server's column, and
  // how the first row names the first item of the API's answer.
  const LISTS = [
    { user: 'admin', page: '/users', header: 'Họ và tên', sort: 'full_name', api: '/users?limit=50', name: (x) => x.full_name },
    { user: 'vanphong', page: '/petitions', header: 'Hạn trả lời', sort: 'due_on', api: '/petitions?limit=50', name: (x) => x.title },
    { user: 'vanphong', page: '/tasks', header: 'Đơn vị chủ trì', sort: 'lead', api: '/tasks?limit=50', name: (x) => x.title },
    { user: 'vanphong', page: '/tasks', header: 'Tiến độ', sort: 'progress', api: '/tasks?limit=50', name: (x) => x.title },
    { user: 'vanphong', page: '/targets/indicators', header: 'Chỉ tiêu', sort: 'name', api: '/indicators?limit=50', name: (x) => x.name },
  ];

  for (const l of LISTS) {
    it(`${l.page} by ${l.sort}: the header sorts at 1366 px, the select at 390 px`, async () => {
      await signInAfresh(page, server.baseUrl, l.user);
      await page.setViewportSize(DESK);
      await page.goto(`${server.baseUrl}${l.page}`);
      const header = page.locator('th', { has: page.getByRole('button', { name: l.header, exact: true }) }).first();
      await header.waitFor();
      assert.equal(await page.locator('.sort-select').first().isVisible(), false, 'no select on a wide screen');
      await header.getByRole('button').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === l.sort);
      assert.equal(await header.getAttribute('aria-sort'), 'ascending');
      const asc = (await apiGet(page, server.baseUrl, `${l.api}&sort=${l.sort}`)).items;
      await page.locator('table tbody tr').first().filter({ hasText: l.name(asc[0]) }).waitFor();
      await shot(page, `${l.page.replaceAll('/', '_')}-${l.sort}-1366`);

      await page.setViewportSize(PHONE);
      const select = page.locator('.sort-select select').first();
      await select.waitFor();
      assert.equal(await select.inputValue(), l.sort, 'the select shows the order the header chose');
      await select.selectOption(`-${l.sort}`);
      await page.waitForURL((u) => u.searchParams.get('sort') === `-${l.sort}`);
      const desc = (await apiGet(page, server.baseUrl, `${l.api}&sort=-${l.sort}`)).items;
      await page.locator('table tbody tr').first().filter({ hasText: l.name(desc[0]) }).waitFor();
      assert.ok((await sideways(page)) <= 1, `${l.page} at 390 px scrolls sideways`);
      await shot(page, `${l.page.replaceAll('/', '_')}-${l.sort}-390`);
      await page.setViewportSize(DESK);
    });
  }

  it('asking for an explanation from a task keeps the task section current; the button fits a phone', async () => {
    await signInAfresh(page, server.baseUrl, 'lanhdao');
    const task = (await apiGet(page, server.baseUrl, '/tasks?limit=1')).items[0];
    await page.setViewportSize(PHONE);
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    const ask = page.getByRole('link', { name: 'Yêu cầu giải trình', exact: true });
    await ask.waitFor();
    await ask.scrollIntoViewIfNeeded();
    // Under its heading, aligned with it, not flush at the screen's right edge.
    const box = await ask.boundingBox();
    const head = await page.locator('#explanations-title').boundingBox();
    assert.ok(Math.abs(box.x - head.x) <= 1 && box.y > head.y, `the button at ${JSON.stringify(box)}, the heading at ${JSON.stringify(head)}`);
    assert.ok(box.x + box.width <= PHONE.width - 14, `the button ends at ${box.x + box.width} of ${PHONE.width} px`);
    await shot(page, 'task-ask-390');
    await page.setViewportSize(DESK);
    await shot(page, 'task-ask-1366');
    await ask.click();
    await page.waitForURL(/\/targets\/explanations\/new\?task_id=/);
    const current = page.locator('#sidenav a[aria-current="page"]');
    await current.waitFor();
    assert.equal((await current.allInnerTexts()).join('|'), 'Nhiệm vụ');
    await shot(page, 'ask-from-task-1366');
  });

  it('the task form sends no start date unless the user changed it', async () => {
    await signInAfresh(page, server.baseUrl, 'vanphong');
    await page.goto(`${server.baseUrl}/tasks/new`);
    await page.locator('#task-title').fill('Kiểm tra ngày giao mặc định');
    await page.locator('#task-lead_unit_id').fill('tai chinh');
    await page.locator('.picker-option', { hasText: 'Sở Tài chính' }).first().click();
    const later = new Date(`${todayInVietnam()}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 30);
    await page.locator('#task-deadline').fill(ddmmyyyy(later.toISOString().slice(0, 10)));
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/tasks');
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).first().click();
    const body = JSON.parse((await sent).postData());
    assert.equal(body.start_on, undefined, JSON.stringify(body));
    await page.waitForURL(/\/tasks\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const made = await apiGet(page, server.baseUrl, `/tasks/${id}`);
    assert.equal((made.task ?? made).start_on, todayInVietnam(), 'the server dates it today');
  });

  it('left the console clean', () => {
    const real = errors.filter((e) => !/status of (400|401|404|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

// Browser test of tasksedit (issue 9) against the real server with the demo city, at
// 1366 and 390 px: no table is wider than its page (task list, boards, a task's page, the
// edit form, my work); the office edits a task through the task form, cancels one with a
// reason, deletes one nobody reported on; "save and add another" stays on the form; the
// leader writes a direction on a task's thread and the unit replies, with a counter.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, launchBrowser, login, missingPrerequisite, startServer, watchErrors } from './support.mjs';

const skip = missingPrerequisite();
const WIDTHS = [1366, 390];

// With SCREENSHOT_DIR set, `<name>-1366.png` and `<name>-390.png`, full page.
async function shootAt(page, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(dir, `${name}-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

// Tables wider than the page (or than the box they sit in, which then scrolls sideways),
// and whether the page itself scrolls sideways.
async function overflows(page) {
  return page.evaluate(() => {
    const view = document.documentElement.clientWidth;
    const wide = [];
    for (const table of document.querySelectorAll('table')) {
      const box = table.getBoundingClientRect();
      const parent = table.parentElement;
      // A table kept for screen readers behind a chart (visually hidden) takes no room.
      if (parent && parent.clientWidth <= 1) continue;
      const room = Math.min(view, parent ? parent.clientWidth : view);
      if (box.width > room + 1 || box.right > view + 1)
        wide.push(`${table.className || 'table'} ${Math.round(box.width)}px in ${Math.round(room)}px`);
    }
    if (document.documentElement.scrollWidth > view + 1) wide.push(`page ${document.documentElement.scrollWidth}px in ${view}px`);
    return wide;
  });
}

describe('tasks: edit, cancel, delete, thread, and tables that fit, in the web UI', { skip: skip ?? false }, () => {
  let server, browser, page, errors;
  let api;  // the office's API session, for setting up tasks

  const as = async (username) => {
    await page.context().clearCookies();
    await login(page, server.baseUrl, username);
  };
  const session = async (username) => {
    const base = `${server.baseUrl}/api/v1`;
    const r = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    const cookie = /dh_session=[^;]*/.exec(r.headers.get('set-cookie'))[0];
    const { csrf_token } = await r.json();
    const headers = { cookie, 'x-csrf-token': csrf_token, 'content-type': 'application/json' };
    return async (method, p, body) => {
      const res = await fetch(`${base}${p}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
  };
  const newTask = async (title) => {
    const units = (await api('GET', '/units?q=MA.STC&limit=5')).body.items;
    const stc = units.find((u) => u.code === 'MA.STC');
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + 60);
    const r = await api('POST', '/tasks', { title, lead_unit_id: stc.id, deadline: d.toISOString().slice(0, 10) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    api = await session('vanphong');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('no table is wider than its page at 1366 and 390 px', async () => {
    const task = await newTask('Kiểm tra độ rộng bảng');
    const pages = ['/tasks', '/tasks/boards', '/my-work', `/tasks/${task.id}`, `/tasks/${task.id}/edit`, '/tasks/coordination'];
    const found = [];
    for (const user of ['vanphong', 'lanhdao']) {
      await as(user);
      for (const w of WIDTHS) {
        await page.setViewportSize({ width: w, height: 900 });
        for (const p of pages) {
          if (user === 'lanhdao' && p.endsWith('/edit')) continue;
          await page.goto(`${server.baseUrl}${p}`);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          for (const o of await overflows(page)) found.push(`${user} ${p} at ${w}px: ${o}`);
        }
      }
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    assert.deepEqual(found, []);
  });

  it("the task list's headers do not break inside a word at 1366 px (STT wrapped)", async () => {
    await as('vanphong');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.baseUrl}/tasks`);
    await page.locator('.task-table tbody tr').first().waitFor();
    // Each header word's letters on one line: a word split over lines has letters whose
    // boxes sit on different lines.
    const broken = await page.evaluate(() => {
      const out = [];
      for (const th of document.querySelectorAll('.task-table thead th')) {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of n.textContent.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    assert.deepEqual(broken, []);
    await shootAt(page, 'tasks-list');
  });

  it('the office edits a task through the task form', async () => {
    const task = await newTask('Rà soát quy hoạch sử dụng đất');
    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    await page.getByRole('link', { name: 'Sửa nhiệm vụ' }).click();
    const title = page.locator('#task-title');
    assert.equal(await title.inputValue(), 'Rà soát quy hoạch sử dụng đất');
    await page.locator('.field--fixed', { hasText: 'gia hạn' }).waitFor();
    await title.fill('');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('.error-summary, .field-error').first().waitFor();
    await shootAt(page, 'tasksedit-edit-form');
    await title.fill('Rà soát, điều chỉnh quy hoạch sử dụng đất');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('h1', { hasText: 'Rà soát, điều chỉnh quy hoạch sử dụng đất' }).waitFor();
    await page.locator('.notice', { hasText: 'Đã lưu thay đổi' }).waitFor();
    // Copy: a new task starting from this one's fields.
    await page.getByRole('link', { name: 'Sao chép thành nhiệm vụ mới' }).click();
    await page.locator('#task-title').waitFor();
    assert.equal(await page.locator('#task-title').inputValue(), 'Rà soát, điều chỉnh quy hoạch sử dụng đất');
    assert.equal(await page.getByRole('button', { name: 'Lưu và thêm nhiệm vụ khác' }).count(), 1);
  });

  it('cancels a task with a reason, and deletes one nobody reported on', async () => {
    const task = await newTask('Nhiệm vụ sẽ hủy');
    const gone = await newTask('Nhiệm vụ giao nhầm');
    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    await page.locator('.action-buttons').getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await page.locator('#cancellation-section').getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await page.locator('.field-error', { hasText: 'Nhập Lý do hủy.' }).waitFor();
    await page.locator('#cancellation-reason').fill('Nội dung đã được giải quyết tại văn bản khác.');
    await shootAt(page, 'tasksedit-cancel');
    await page.locator('#cancellation-section').getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await page.locator('.notice', { hasText: 'Đã hủy nhiệm vụ' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Đã hủy' }).waitFor();
    assert.equal(await page.locator('.action-buttons').count(), 0, 'nothing more to do on a cancelled task');

    await page.goto(`${server.baseUrl}/tasks/${gone.id}`);
    await page.locator('.action-buttons').getByRole('button', { name: 'Xóa nhiệm vụ' }).click();
    await page.locator('#deletion-section').getByRole('button', { name: 'Xóa nhiệm vụ' }).click();
    await page.locator('.field-error', { hasText: 'Đánh dấu xác nhận' }).waitFor();
    await page.locator('#deletion-confirm').check();
    await page.locator('#deletion-section').getByRole('button', { name: 'Xóa nhiệm vụ' }).click();
    await page.locator('.notice', { hasText: 'Đã xóa nhiệm vụ “Nhiệm vụ giao nhầm”' }).waitFor();
    assert.equal((await api('GET', `/tasks/${gone.id}`)).status, 404);
  });

  it('"save and add another" stays on the form for the next task', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks/new`);
    await page.locator('#task-title').fill('Báo cáo tình hình giải ngân quý');
    const search = page.locator('#task-lead_unit_id, .field input[type=search]').first();
    await search.fill('tai chinh');
    await page.locator('.picker-option', { hasText: 'Sở Tài chính' }).first().click();
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + 40);
    await page.locator('#task-deadline').fill(`${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`);
    await page.getByRole('button', { name: 'Lưu và thêm nhiệm vụ khác' }).click();
    await page.locator('.notice', { hasText: 'Nhập nhiệm vụ tiếp theo' }).waitFor();
    assert.equal(await page.locator('#task-title').inputValue(), '');
    assert.notEqual(await page.locator('#task-deadline').inputValue(), '', 'the deadline stays');
    await shootAt(page, 'tasksedit-save-another');
  });

  it('the leader directs on the task\'s thread and the unit replies', async () => {
    const task = await newTask('Đẩy nhanh tiến độ giải phóng mặt bằng');
    await as('lanhdao');
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    await page.locator('#thread-title').waitFor();
    await page.locator('#comment-section button[type=submit]').click();
    await page.locator('.field-error', { hasText: 'Nhập Nội dung ý kiến.' }).waitFor();
    await page.locator('#comment-body').fill('Đề nghị Sở Tài chính khẩn trương, báo cáo trước ngày 20.');
    await page.locator('#comment-section .length-counter', { hasText: '/ 5.000' }).waitFor();
    await page.locator('#comment-section button[type=submit]').click();
    await page.locator('.thread .timeline-item', { hasText: 'khẩn trương' }).waitFor();
    await as('canbo.stc');
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    await page.locator('.thread .timeline-item', { hasText: 'Chỉ đạo' }).waitFor();
    await page.locator('#comment-body').fill('Sở Tài chính đã triển khai, sẽ báo cáo đúng hạn.');
    await page.locator('#comment-section button[type=submit]').click();
    await page.locator('.thread .timeline-item', { hasText: 'Đơn vị trả lời' }).waitFor();
    await shootAt(page, 'tasksedit-thread');
  });

  it('had no errors in the browser console', () => {
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

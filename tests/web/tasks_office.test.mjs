// Browser test of issue 9 (tasks as offices live them) against the real server with the
// demo city: the coordination form finds a unit outside the officer's scope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, browserSession, missingPrerequisite, shoot, signInAfresh } from './support.mjs';

const skip = missingPrerequisite();

describe('tasks as offices live them, in the web UI', { skip: skip ?? false }, () => {
  let server;
  let page;
  let errors;
  browserSession((s) => ({ server, page, errors } = s));

  const api = (path) => apiGet(page, server.baseUrl, path);
  const as = (username) => signInAfresh(page, server.baseUrl, username);


  it('asks a unit outside the officer\'s scope for coordination', async () => {
    await as('canbo.stc');
    const mine = await api('/tasks?limit=200');
    let task = null;
    for (const t of mine.items) {
      const d = await api(`/tasks/${t.id}`);
      if (d.allowed_actions.includes('coordination') && d.coordinators.length === 0) {
        task = d;
        break;
      }
    }
    assert.ok(task, 'a task Sở Tài chính holds without coordinators');
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    await page.locator('.action-buttons').getByRole('button', { name: 'Đề nghị phối hợp' }).click();
    const search = page.locator('#coordination-form input[type=search], .action-form input[type=search]').first();
    await search.fill('xay dung');
    await page.locator('.picker-option', { hasText: 'Sở Xây dựng' }).click();
    await page.locator('.chip', { hasText: 'Sở Xây dựng' }).waitFor();
    await shoot(page, 'tasks9-coordination-directory');
  });

  it('warns while typing a deadline on a day off or already passed, and makes quarters only ahead', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks/new`);
    const deadline = page.locator('#task-deadline');
    // The nearest Saturday after today: a day off, moved to the Monday after.
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
    const sat = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    await deadline.fill(sat);
    await page.locator('.field-warning', { hasText: 'là ngày nghỉ' }).waitFor();
    await deadline.fill('15/01/2020');
    await page.locator('.field-warning', { hasText: 'đã qua' }).waitFor();
    await shoot(page, 'tasks9-task-form-warning');
    // Quarters for a deadline at the end of next year: none in the past, the last at 100.
    const next = new Date().getUTCFullYear() + 1;
    await deadline.fill(`31/12/${next}`);
    await page.getByRole('button', { name: /quý/i }).click();
    const dues = await page.locator('.milestone-row input[id$="due_on"]').evaluateAll((els) => els.map((e) => e.value));
    assert.equal(dues.length, 4, JSON.stringify(dues));
    const planned = await page.locator('.milestone-row input[id$="planned_percent"]').evaluateAll((els) => els.map((e) => e.value));
    assert.equal(planned.at(-1), '100');
    assert.ok(await page.locator('.length-counter').count() >= 2, 'long text fields show a counter');
  });

  it('counts the same tasks on the overview, the boards and the Excel file, and says how', async () => {
    await as('lanhdao');
    await page.goto(`${server.baseUrl}/`);
    const totalStat = page.locator('.stat', { hasText: 'Tổng số nhiệm vụ' }).first();
    await totalStat.waitFor();
    const overview = Number((await totalStat.locator('.stat-value').innerText()).replace(/\./g, ''));
    assert.ok(await page.locator('.count-rule').count() === 1, 'the overview states how it counts');
    await shoot(page, 'tasks9-overview');
    await page.goto(`${server.baseUrl}/tasks/boards`);
    await page.locator('.count-rule').waitFor();
    const board = await api('/boards/tasks?by=unit&top_level=true');
    const summary = await page.locator('p.muted', { hasText: 'nhiệm vụ,' }).first().innerText();
    assert.match(summary, new RegExp(`^${board.totals.total.toLocaleString('vi-VN')} nhiệm vụ`));
    assert.equal(board.totals.total, overview, 'overview and boards agree');
    const list = await api('/tasks?top_level=true&limit=1');
    assert.equal(list.total, overview, 'the list behind the number agrees');
    const xlsx = await page.request.get(`${server.baseUrl}/api/v1/tasks/export.xlsx?top_level=true`);
    assert.equal(xlsx.status(), 200);
    await shoot(page, 'tasks9-boards');
  });

  it('had no errors in the browser console', () => {
    // Refusals the pages expect (the login page asks /me before anyone is logged in).
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

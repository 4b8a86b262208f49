// Browser test of the tasks loop (issue 4) against the real server with the demo city:
// the office assigns a task to Sở Tài chính; the department's officer sees it, reports
// progress and asks for an extension; the office approves; the leader sees the board
// change. Plus filters in the URL, search without diacritics, a server error beside its
// field, and the phone layout.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiGet, browserSession, ddmmyyyy, missingPrerequisite, shoot, signInAfresh, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();

function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

// The next Monday–Friday on or after `iso` (good enough to avoid weekends in dates we type).
function weekday(iso) {
  let d = iso;
  for (;;) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) return d;
    d = addDays(d, 1);
  }
}

describe('tasks in the web UI', { skip: skip ?? false }, () => {
  let server;
  let page;
  let errors;
  browserSession((s) => ({ server, page, errors } = s));
  const stamp = Date.now() % 100000;
  const title = `Giải ngân vốn thử nghiệm vòng giao việc ${stamp}`;
  const today = todayInVietnam();
  const deadline = weekday(addDays(today, 10));
  const extended = weekday(addDays(deadline, 14));
  let taskId;
  let stcBefore;

  const api = (path) => apiGet(page, server.baseUrl, path);
  const main = () => page.locator('#main');
  const logout = async () => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.waitForSelector('#login-username');
  };
  // Each step starts from a fresh session, whatever the step before left behind.
  const as = (username) => signInAfresh(page, server.baseUrl, username);
  // The numbers of one row of the board table, by column header.
  const boardRow = async (name) => {
    const row = page.locator('.board-table tbody tr', { has: page.locator('th', { hasText: name }) }).first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    const heads = await page.locator('.board-table thead th').allInnerTexts();
    const out = {};
    heads.slice(1).forEach((h, i) => (out[h.trim()] = cells[i]?.trim()));
    return out;
  };

  // The task page shows one button per action in the task's allowed_actions, in the
  // server's order, and nothing else. Call with the task page open and loaded.
  const actionLabels = {
    report: 'Báo cáo tiến độ', extension: 'Xin gia hạn', delegate: 'Giao việc cho đơn vị, cán bộ',
    coordination: 'Đề nghị phối hợp', completion: 'Báo cáo hoàn thành', refusal: 'Từ chối nhiệm vụ',
    decision: 'Quyết định gia hạn', confirmation: 'Xác nhận hoặc trả lại', reassignment: 'Giao lại đơn vị khác',
    cancellation: 'Hủy nhiệm vụ', deletion: 'Xóa nhiệm vụ',
  };
  // The actions panel holds one button per allowed action that has a form; 'edit' is the
  // page's edit link and 'comment' the thread's form, so they are not buttons there.
  const ELSEWHERE = new Set(['edit', 'comment']);
  const expectServerActions = async (id) => {
    const task = await api(`/tasks/${id}`);
    const want = task.allowed_actions.filter((a) => !ELSEWHERE.has(a)).map((a) =>
      a === 'suspension' ? (task.state === 'suspended' ? 'Tiếp tục thực hiện' : 'Tạm dừng nhiệm vụ') : actionLabels[a]);
    const buttons = (await page.locator('.actions-panel .action-buttons button').allInnerTexts()).map((b) => b.trim());
    assert.deepEqual(buttons, want, `task ${id} in state ${task.state}`);
  };


  it('shows the leader the board by unit, with Tasks in the navigation', async () => {
    await as('lanhdao');
    await page.locator('#sidenav').getByText('Nhiệm vụ', { exact: true }).waitFor();
    // The overview leads with the task numbers, each a link to its list.
    await page.waitForSelector('.overview-tasks .stat');
    const overdue = page.locator('.overview-tasks .stat', { hasText: 'Nhiệm vụ quá hạn' });
    assert.match(await overdue.getAttribute('href'), /timeliness=overdue/);
    await page.waitForSelector('.overview-tasks .chart-canvas svg');
    await shoot(page, 'tasks-01-overview');

    await page.locator('#sidenav a', { hasText: 'Bảng theo dõi' }).click();
    await page.waitForSelector('.board-table');
    await page.waitForSelector('.chart-canvas svg');
    stcBefore = await boardRow('Sở Tài chính');
    assert.ok(Number(stcBefore['Tổng số']) > 0, 'the demo city gives Sở Tài chính tasks');
    await shoot(page, 'tasks-02-board-unit');
    await page.getByRole('link', { name: 'Theo nhóm nhiệm vụ' }).click();
    await page.waitForURL(/by=group/);
    // The unit board stays on screen until the group board arrives: wait for a group's row.
    await page.locator('.board-table tbody tr', { hasText: 'Tăng cường giải ngân vốn đầu tư công' }).waitFor();
    assert.equal(await page.locator('.board-table tbody tr').count(), 12, 'twelve groups');
    await shoot(page, 'tasks-03-board-group');
    await page.getByRole('link', { name: 'Phối hợp giữa đơn vị' }).click();
    await page.waitForURL(/by=coordination/);
    await page.locator('.board-table thead', { hasText: 'Trả lời đúng hạn' }).waitFor();
    assert.match(await main().innerText(), /Sở Xây dựng/);
    await shoot(page, 'tasks-04-board-coordination');
    // A leader reads; there is no "assign" button for them.
    await page.goto(`${server.baseUrl}/tasks`);
    await page.waitForSelector('.task-table');
    assert.equal(await page.getByRole('link', { name: 'Giao nhiệm vụ' }).count(), 0);
    await logout();
  });

  it('lets the office assign a task to Sở Tài chính, with an error summary first', async () => {
    await as('vanphong');
    const directive = (await api('/directives?limit=1')).items[0];
    const groups = (await api(`/task-groups?directive_id=${directive.id}`)).items;
    await page.goto(`${server.baseUrl}/directives/${directive.id}`);
    await page.waitForSelector('.board-table');
    await shoot(page, 'tasks-05-directive');
    await page.getByRole('link', { name: 'Giao nhiệm vụ' }).first().click();
    await page.waitForSelector('#task-title');
    await page.selectOption('#task-group_id', String(groups[0].id));

    // Nothing filled in: every problem is listed at the top and beside its field.
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.ok((await page.locator('.error-summary li').count()) >= 3);
    assert.ok(await page.locator('#task-title-error').isVisible());
    assert.ok(await page.locator('#task-lead_unit_id-error').isVisible());
    // The summary takes the focus once it has rendered; following its link before that
    // would have the focus taken back.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await page.locator('.error-summary a', { hasText: 'Chọn đơn vị chủ trì' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'task-lead_unit_id');

    await page.fill('#task-title', title);
    await page.fill('#task-lead_unit_id', 'tai chinh');
    await page.locator('.picker-option', { hasText: 'MA.STC' }).first().click();
    await page.fill('#task-coordinator_ids', 'xay dung');
    await page.locator('.picker-option', { hasText: 'MA.SXD' }).first().click();
    await page.fill('#task-deadline', ddmmyyyy(deadline));
    await page.check('#task-is_key');
    await shoot(page, 'tasks-06-task-new');
    await page.click('#main form button[type=submit]');
    await page.waitForURL(/\/tasks\/\d+$/);
    taskId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('h1', { hasText: title }).waitFor();
    const text = await main().innerText();
    assert.match(text, /Đã giao nhiệm vụ cho Sở Tài chính/);
    assert.match(text, /Chưa thực hiện/);
    assert.match(text, new RegExp(ddmmyyyy(deadline).replace(/\//g, '\\/')));
    await logout();
  });

  it('lets the officer of Sở Tài chính open it from the bell, report progress and ask for an extension', async () => {
    await as('canbo.stc');
    await page.waitForSelector('.bell-count');
    await page.click('.bell-button');
    const item = page.locator('.bell-item', { hasText: title });
    await item.waitFor();
    await shoot(page, 'tasks-07-bell');
    await item.click();
    await page.waitForURL(new RegExp(`/tasks/${taskId}$`));
    await page.locator('h1', { hasText: title }).waitFor();
    const note = (await api('/notifications?limit=50')).items.find((n) => n.task_id === taskId);
    assert.equal(note.read, true, 'opening a notification marks it read');

    // Report progress: a wrong percent is refused beside the field; what was typed stays.
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.waitForSelector('#report-percent');
    await page.fill('#report-percent', '130');
    await page.fill('#report-body', 'Đã rà soát 8 dự án chậm giải ngân.');
    await page.click('#report-section button[type=submit]');
    await page.waitForSelector('#report-percent-error');
    assert.equal(await page.inputValue('#report-body'), 'Đã rà soát 8 dự án chậm giải ngân.');
    await page.fill('#report-percent', '30');
    // Evidence goes with the report, attached to the task.
    await page.setInputFiles('#report-files', { name: 'bien-ban-ra-soat.txt', mimeType: 'text/plain', buffer: Buffer.from('Biên bản rà soát 8 dự án.\n') });
    await shoot(page, 'tasks-08-report-form');
    await page.click('#report-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã ghi nhận báo cáo tiến độ 30 %' }).waitFor();
    // The page reloads the task after the notice: wait for what changed.
    await page.locator('.task-tags .tag', { hasText: 'Đang thực hiện' }).waitFor();
    await page.locator('.timeline', { hasText: 'Đã rà soát 8 dự án' }).waitFor();
    await page.locator('.attachment-list a', { hasText: 'bien-ban-ra-soat.txt' }).waitFor();

    await page.getByRole('button', { name: 'Xin gia hạn' }).click();
    await page.waitForSelector('#extension-new_deadline');
    await page.fill('#extension-new_deadline', ddmmyyyy(extended));
    await page.fill('#extension-reason', 'Chờ số liệu giải ngân của Kho bạc Nhà nước.');
    await page.click('#extension-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã gửi đề nghị gia hạn' }).waitFor();
    await page.locator('.notice', { hasText: 'đang chờ văn phòng quyết định' }).waitFor();
    await page.locator('.tag', { hasText: 'Chờ quyết định' }).waitFor();
    // An officer does not decide extensions.
    assert.equal(await page.getByRole('button', { name: 'Quyết định gia hạn' }).count(), 0);
    await shoot(page, 'tasks-09-task-officer');
    await logout();
  });

  it('offers exactly the actions the server allows: none to a coordinating unit, report and completion to the lead unit', async () => {
    // Sở Xây dựng coordinates this task: its officer reads it but may do nothing on it.
    await as('canbo.sxd');
    assert.deepEqual((await api(`/tasks/${taskId}`)).allowed_actions, []);
    await page.goto(`${server.baseUrl}/tasks/${taskId}`);
    await page.locator('h1', { hasText: title }).waitFor();
    await page.locator('#info-title').waitFor();
    assert.equal(await page.locator('.actions-panel').count(), 0, 'no actions panel for a coordinating unit');
    assert.equal(await page.getByRole('button', { name: 'Báo cáo tiến độ' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).count(), 0);
    await shoot(page, 'tasks-09c-task-coordinator');

    // Sở Tài chính leads it: one button per allowed action, in the server's order.
    await as('canbo.stc');
    const allowed = (await api(`/tasks/${taskId}`)).allowed_actions;
    assert.ok(allowed.includes('report') && allowed.includes('completion'), JSON.stringify(allowed));
    assert.ok(!allowed.includes('decision'), 'an officer does not decide extensions');
    await page.goto(`${server.baseUrl}/tasks/${taskId}`);
    await page.locator('.actions-panel').waitFor();
    await expectServerActions(taskId);
    await shoot(page, 'tasks-09d-task-lead-officer');
    await logout();
  });

  it('lets the office approve the extension', async () => {
    await as('vanphong');
    // The bell says an extension was asked for; the quick view lists what awaits a decision.
    const told = (await api('/notifications?limit=50')).items.find((n) => n.task_id === taskId && n.kind === 'extension_requested');
    assert.ok(told, 'the office is notified of the extension request');
    const pending = (await api('/tasks?extension_pending=true&limit=1')).total;
    await page.goto(`${server.baseUrl}/tasks`);
    await page.locator('.quick-views a', { hasText: 'Đề nghị gia hạn chờ quyết định' }).click();
    await page.waitForURL(/extension_pending=true/);
    // The whole list stays on screen until the filtered one arrives, and may show this task
    // with its tag too: wait for the filtered list's count, loaded (no "Đang tải…").
    await main().locator('p[role=status]', { hasText: new RegExp(`^${pending} nhiệm vụ$`) }).waitFor();
    const row = page.locator('.task-table tbody tr', { hasText: title });
    await row.locator('.tag', { hasText: 'Xin gia hạn' }).waitFor();
    await shoot(page, 'tasks-09b-extensions-to-decide');
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/tasks/${taskId}$`));
    // The office is told what waits for it.
    await page.locator('.notice--attention', { hasText: `Sở Tài chính đề nghị gia hạn đến ngày ${ddmmyyyy(extended)}` }).waitFor();
    await page.locator('.action-buttons').getByRole('button', { name: 'Quyết định gia hạn' }).click();
    await page.waitForSelector('#decision-approve');
    // A choice is required.
    await page.click('#decision-section button[type=submit]');
    await page.waitForSelector('#decision-approve-error');
    await page.check('#decision-approve');
    await page.fill('#decision-note', 'Đồng ý gia hạn một lần.');
    await shoot(page, 'tasks-10-decision');
    await page.click('#decision-section button[type=submit]');
    await page.locator('.notice--success', { hasText: `Đã đồng ý gia hạn đến ${ddmmyyyy(extended)}` }).waitFor();
    await main().getByText(`Hạn ban đầu ${ddmmyyyy(deadline)}`).first().waitFor();
    await page.locator('.timeline', { hasText: 'Đồng ý gia hạn một lần' }).waitFor();
    const task = await api(`/tasks/${taskId}`);
    assert.equal(task.deadline, extended);
    assert.equal(task.original_deadline, deadline);
    await shoot(page, 'tasks-11-task-office');
    await logout();
  });

  it('shows the leader the board changed, and the number opens the list behind it', async () => {
    await as('lanhdao');
    await page.goto(`${server.baseUrl}/tasks/boards`);
    await page.waitForSelector('.board-table');
    const after = await boardRow('Sở Tài chính');
    assert.equal(Number(after['Tổng số']), Number(stcBefore['Tổng số']) + 1);
    assert.equal(Number(after['Trong hạn']), Number(stcBefore['Trong hạn']) + 1);
    const row = page.locator('.board-table tbody tr', { has: page.locator('th', { hasText: 'Sở Tài chính' }) }).first();
    // The "in time" number of Sở Tài chính: the 4th numeric column (after total, done on time, done late).
    await row.locator('td').nth(3).locator('a').click();
    await page.waitForURL(/timeliness=in_time/);
    assert.match(page.url(), /lead_unit_id=\d+/);
    await page.locator('.task-table').getByText(title).waitFor();
    assert.equal(await page.inputValue('#tasks-timeliness'), 'in_time');
    // The board counts what the unit leads; the list says so and keeps to it.
    assert.ok(await page.isChecked('#tasks-lead_only'));
    await shoot(page, 'tasks-06b-list-lead-only');
    await logout();
  });

  it('lets a coordinating unit answer, and the coordination board counts it', async () => {
    await as('canbo.sxd');
    const asked = (await api('/tasks?limit=100')).items;
    let request = null;
    for (const t of asked) {
      const d = await api(`/tasks/${t.id}`);
      request = d.coordination_requests.find((r) => r.to_unit?.code === 'MA.SXD' && !r.answered_on);
      if (request) break;
    }
    assert.ok(request, 'the demo city has a request to Sở Xây dựng');
    await page.goto(`${server.baseUrl}/tasks/${request.task_id}`);
    await page.locator(`#coordination-${request.id}`).getByRole('button', { name: 'Trả lời' }).click();
    const field = `#answer-${request.id}-answer`;
    await page.waitForSelector(field);
    await page.fill(field, 'Gửi số liệu khối lượng hoàn thành đến hết tháng.');
    await shoot(page, 'tasks-20-answer');
    await page.click(`#answer-${request.id}-section button[type=submit]`);
    await page.locator('.notice--success', { hasText: 'Đã gửi trả lời' }).waitFor();
    // Answered on the due day: on time (or late, when the run crosses midnight in Vietnam).
    await page.locator(`#coordination-${request.id} .tag`, { hasText: /Trả lời (đúng hạn|muộn)/ }).waitFor();

    await as('lanhdao');
    await page.goto(`${server.baseUrl}/tasks/boards?by=coordination`);
    await page.waitForSelector('.board-table');
    const sxd = await boardRow('Sở Xây dựng');
    assert.equal(Number(sxd['Trả lời đúng hạn']) + Number(sxd['Trả lời muộn']), 1, JSON.stringify(sxd));
    // The number of requests received opens the requests themselves, with the answer given.
    const sxdRow = page.locator('.board-table tbody tr', { has: page.locator('th', { hasText: 'Sở Xây dựng' }) }).first();
    await sxdRow.locator('td').first().locator('a').click();
    await page.waitForURL(/\/tasks\/coordination\?to_unit_id=\d+/);
    const line = page.locator('.coordination-table tbody tr', { hasText: 'Gửi số liệu khối lượng hoàn thành đến hết tháng.' });
    await line.waitFor();
    assert.match(await line.innerText(), /Trả lời (đúng hạn|muộn)/);
    assert.equal(await page.locator('.coordination-table tbody tr').count(), Number(sxd['Nhận']));
    await shoot(page, 'tasks-21-coordination-list');
    await line.getByRole('link').click();
    await page.waitForURL(new RegExp(`/tasks/${request.task_id}`));
  });

  it('lets the office confirm, return, suspend and resume; a unit refuses and the office reassigns', async () => {
    await as('vanphong');
    const awaiting = (await api('/tasks?state=awaiting_confirmation&limit=10')).items;
    assert.ok(awaiting.length >= 2, 'the demo city has completions to confirm');
    const [toConfirm, toReturn] = awaiting;

    await page.goto(`${server.baseUrl}/tasks/${toConfirm.id}?action=confirmation`);
    await page.waitForSelector('#confirmation-accept');
    await page.check('#confirmation-accept');
    await page.click('#confirmation-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã xác nhận hoàn thành' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Đã hoàn thành' }).waitFor();

    await page.goto(`${server.baseUrl}/tasks/${toReturn.id}?action=confirmation`);
    await page.waitForSelector('#confirmation-accept');
    await page.check('#confirmation-accept-return');
    await page.click('#confirmation-section button[type=submit]');
    // Returning needs a reason.
    await page.waitForSelector('#confirmation-reason-error');
    await page.fill('#confirmation-reason', 'Thiếu danh mục thủ tục được cắt giảm; đề nghị bổ sung.');
    await page.click('#confirmation-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã trả lại nhiệm vụ' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Bị trả lại' }).waitFor();
    await page.locator('.timeline-item', { hasText: 'Văn phòng trả lại' }).filter({ hasText: 'Thiếu danh mục' }).waitFor();

    const notStarted = (await api('/tasks?state=not_started&timeliness=in_time&limit=1')).items[0];
    await page.goto(`${server.baseUrl}/tasks/${notStarted.id}`);
    await page.getByRole('button', { name: 'Tạm dừng nhiệm vụ' }).click();
    await page.fill('#suspension-note', 'Chờ hướng dẫn của Trung ương.');
    await page.click('#suspension-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã tạm dừng' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Tạm dừng, không tính hạn' }).waitFor();
    await shoot(page, 'tasks-21-suspended');
    await page.getByRole('button', { name: 'Tiếp tục thực hiện' }).click();
    await page.click('#suspension-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'tiếp tục thực hiện' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Đang thực hiện' }).waitFor();

    await as('canbo.stc');
    const stc = (await api('/units?q=MA.STC&limit=5')).items.find((u) => u.code === 'MA.STC');
    const mine = (await api(`/tasks?unit_id=${stc.id}&state=in_progress&timeliness=in_time&top_level=true&limit=50`)).items.find((t) => t.lead_unit_id === stc.id && t.title !== title && !t.recurrence);
    await page.goto(`${server.baseUrl}/tasks/${mine.id}`);
    await page.getByRole('button', { name: 'Từ chối nhiệm vụ' }).click();
    await page.fill('#refusal-reason', 'Nội dung thuộc chức năng của Sở Xây dựng.');
    await page.click('#refusal-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã từ chối nhiệm vụ' }).waitFor();
    await page.locator('.task-tags .tag', { hasText: 'Đơn vị từ chối' }).waitFor();
    // Refused, the task leaves the unit's open work, yet the server may still allow some
    // actions (asking another unit to coordinate): the page shows what it sends, no more, no less.
    await page.locator('.notice--success').waitFor();
    await expectServerActions(mine.id);

    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks/${mine.id}`);
    await page.getByRole('button', { name: 'Giao lại đơn vị khác' }).click();
    await page.fill('#reassignment-lead_unit_id', 'xay dung');
    await page.locator('.picker-option', { hasText: 'MA.SXD' }).first().click();
    await page.fill('#reassignment-note', 'Giao lại theo chức năng.');
    await shoot(page, 'tasks-22-reassign');
    await page.click('#reassignment-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã giao lại cho Sở Xây dựng' }).waitFor();
    await page.locator('.timeline', { hasText: 'Giao lại cho đơn vị khác: Sở Tài chính → Sở Xây dựng' }).waitFor();
    assert.equal((await api(`/tasks/${mine.id}`)).lead_unit.code, 'MA.SXD');
  });

  it('filters by timeliness from the URL, and finds "Giải ngân" when typed "giai ngan"', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/tasks?timeliness=overdue`);
    await page.waitForSelector('.task-table');
    const total = (await api('/tasks?timeliness=overdue&limit=1')).total;
    assert.ok(total > 0, 'the demo city has overdue tasks');
    const tags = await page.locator('.task-table tbody tr td:nth-child(7) .tag').allInnerTexts();
    assert.equal(tags.length, total);
    assert.ok(tags.every((s) => s.trim() === 'Quá hạn'), tags.join(', '));
    assert.equal(await page.inputValue('#tasks-timeliness'), 'overdue');
    // The reason shows on a tap as well as on hover.
    await page.locator('.task-table .tag--button').first().click();
    await page.locator('.reason-text', { hasText: /Quá hạn \d+ ngày làm việc/ }).waitFor();
    await shoot(page, 'tasks-12-list-overdue');

    await page.goto(`${server.baseUrl}/tasks`);
    await page.waitForSelector('.task-table');
    await page.fill('#tasks-q', 'giai ngan');
    await page.press('#tasks-q', 'Enter');
    await page.waitForURL(/q=giai\+ngan/);
    await page.waitForFunction(() => document.querySelectorAll('.task-table tbody tr').length > 0);
    await page.waitForFunction(() => [...document.querySelectorAll('.task-table .task-title')].every((a) => /giải ngân/i.test(a.textContent ?? '')));
    const titles = await page.locator('.task-table .task-title').allInnerTexts();
    assert.ok(titles.length >= 2, titles.join(' | '));
    assert.ok(titles.some((s) => s.includes(title)));
    await shoot(page, 'tasks-13-list-search');

    // The quick view of the week.
    await page.getByRole('link', { name: 'Đến hạn trong tuần này' }).click();
    await page.waitForURL(/view=week/);
    await page.locator('h1', { hasText: 'Nhiệm vụ đến hạn trong tuần này' }).waitFor();
    // The export is a link carrying the same filters.
    await page.goto(`${server.baseUrl}/tasks?timeliness=overdue&is_key=true`);
    await page.waitForSelector('.task-table, .empty');
    const href = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    assert.match(href, /^\/api\/v1\/tasks\/export\.xlsx\?/);
    assert.match(href, /timeliness=overdue/);
    assert.match(href, /is_key=true/);
  });

  it('exports the list to Excel and imports a CSV only once every row is right', async () => {
    await as('vanphong');
    const href = await (async () => {
      await page.goto(`${server.baseUrl}/tasks?timeliness=overdue`);
      await page.waitForSelector('.task-table');
      return page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    })();
    const xlsx = await page.request.get(`${server.baseUrl}${href}`);
    if (xlsx.status() === 404) {
      // The export endpoint is built separately; the link is right either way.
      console.log('export.xlsx not served by this server build; skipping the download check');
    } else {
      assert.equal(xlsx.status(), 200);
      assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
      assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dieuhanh-import-'));
    const bad = path.join(dir, 'nhiem-vu-loi.csv');
    const good = path.join(dir, 'nhiem-vu.csv');
    const header = 'STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n';
    fs.writeFileSync(bad, `${header}1,Nhập thử ${stamp},MA.STC,MA.SXD,31/12/2030\n2,,MA.STC,,31/12/2030\n3,Đơn vị lạ ${stamp},MA.KHONGCO,,32/13/2030\n`);
    fs.writeFileSync(good, `${header}1,Nhập thử từ tệp ${stamp},MA.STC,MA.SXD,31/12/2030\n`);
    try {
      await page.goto(`${server.baseUrl}/tasks/import?directive_id=1`);
      await page.waitForSelector('#import-file');
      await page.setInputFiles('#import-file', bad);
      await page.click('#main form button[type=submit]');
      const report = page.locator('#import-report');
      // Without the import endpoint the page says so instead of failing. Wait for whichever
      // answer comes, however long a loaded machine takes to give it.
      const unsupported = page.locator('.notice--error', { hasText: 'chưa hỗ trợ nhập' });
      await report.or(unsupported).first().waitFor();
      if (await unsupported.isVisible()) {
        console.log('tasks/import not served by this server build; the page says so');
        return;
      }
      await report.locator('tbody tr').first().waitFor();
      const rows = await report.locator('tbody tr').allInnerTexts();
      assert.ok(rows.some((r) => /^3\s+Nhiệm vụ/.test(r.trim())), rows.join(' | '));
      assert.ok(rows.some((r) => /^4\s+Đơn vị chủ trì/.test(r.trim())), rows.join(' | '));
      assert.ok(rows.some((r) => /^4\s+Thời hạn/.test(r.trim())), rows.join(' | '));
      assert.equal(await page.getByRole('button', { name: /^Nhập \d+ nhiệm vụ$/ }).count(), 0, 'nothing to import while rows are wrong');
      await shoot(page, 'tasks-23-import-errors');

      await page.setInputFiles('#import-file', good);
      await page.click('#main form button[type=submit]');
      await page.locator('#import-report .notice--success', { hasText: '1 nhiệm vụ sẵn sàng' }).waitFor();
      await page.getByRole('button', { name: 'Nhập 1 nhiệm vụ' }).click();
      await page.waitForURL(/\/tasks\?directive_id=1/);
      await page.locator('.notice--success', { hasText: 'Đã nhập 1 nhiệm vụ' }).waitFor();
      assert.equal((await api(`/tasks?q=${encodeURIComponent(`Nhập thử từ tệp ${stamp}`)}`)).total, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the directives, the import page and the working calendar', async () => {
    await page.goto(`${server.baseUrl}/directives`);
    await page.waitForSelector('table');
    assert.match(await main().innerText(), /245\/TB-UBND/);
    await shoot(page, 'tasks-14-directives');
    await page.goto(`${server.baseUrl}/directives/new`);
    await page.waitForSelector('#directive-number');
    // The issuing unit starts as the office's own unit.
    await page.locator('.picked .chip').waitFor();
    await page.fill('#directive-number', '');
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.ok(await page.locator('#directive-kind-error').isVisible());
    assert.ok(await page.locator('#directive-number-error').isVisible());
    await shoot(page, 'tasks-15-directive-new-error');
    const number = `${stamp}/KH-UBND`;
    await page.selectOption('#directive-kind', 'plan');
    await page.fill('#directive-number', number);
    await page.fill('#directive-title', 'Kế hoạch thử nghiệm triển khai chuyển đổi số');
    await page.fill('#directive-body', 'Nội dung kế hoạch.');
    await page.click('#main form button[type=submit]');
    await page.locator('h1', { hasText: number }).waitFor();
    await page.getByRole('button', { name: 'Thêm nhóm nhiệm vụ' }).first().click();
    await page.fill('#group-title', 'Hạ tầng số');
    await page.click('#group-form-title ~ form button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã thêm nhóm “Hạ tầng số”' }).waitFor();
    await page.locator('.board-table', { hasText: '1. Hạ tầng số' }).waitFor();
    await page.goto(`${server.baseUrl}/calendar`);
    await page.waitForSelector('.month');
    assert.match(await main().innerText(), /Tết Nguyên đán/);
    await shoot(page, 'tasks-17-calendar');
    await page.goto(`${server.baseUrl}/notifications`);
    await page.waitForSelector('.notification-list, .empty');
    await shoot(page, 'tasks-18-notifications');
    await logout();
  });

  it('puts the server\'s message beside the field it is about, keeping what was typed', async () => {
    await as('admin');
    await page.goto(`${server.baseUrl}/calendar`);
    await page.waitForSelector('#swap-date');
    // A working swap must fall on a weekend; the server says so about the "working" field.
    const monday = (() => {
      let d = addDays(today, 30);
      while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
      return d;
    })();
    await page.fill('#swap-date', ddmmyyyy(monday));
    await page.check('#swap-working');
    await page.fill('#swap-name', 'Làm bù thử nghiệm');
    await page.click('#swap-title ~ form button[type=submit]');
    await page.waitForSelector('#swap-working-error');
    assert.match(await page.locator('#swap-working-error').innerText(), /thứ Bảy hoặc Chủ nhật/);
    assert.match(await page.locator('.error-summary').innerText(), /thứ Bảy hoặc Chủ nhật/);
    assert.equal(await page.inputValue('#swap-name'), 'Làm bù thử nghiệm', 'nothing typed is lost');
    await shoot(page, 'tasks-19-calendar-server-error');
    await logout();
  });

  it('fits a phone: no sideways scrolling, tables become cards, the menu folds', async () => {
    await as('canbo.stc');
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      for (const path of ['/tasks', `/tasks/${taskId}`, '/tasks/boards', '/tasks/boards?by=group', '/directives/1', '/calendar', '/']) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.waitForSelector('#page-title');
        await page.waitForLoadState('networkidle');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `${path} is ${width}px wide on a 360px phone`);
      }
      await page.goto(`${server.baseUrl}/tasks`);
      await page.waitForSelector('.task-table');
      assert.equal(await page.locator('#sidenav').isVisible(), false);
      assert.equal(await page.locator('.task-table thead').evaluate((el) => el.getBoundingClientRect().height <= 1), true, 'the header row is hidden');
      const label = await page.locator('.task-table tbody td[data-label]').nth(1).evaluate((el) => getComputedStyle(el, '::before').content);
      assert.match(label, /Nhiệm vụ/);
      await page.click('.menu-button');
      await page.locator('#sidenav').getByText('Bảng theo dõi').waitFor();
      await page.click('.menu-button');
      await page.goto(`${server.baseUrl}/tasks/${taskId}?action=report`);
      await page.waitForSelector('#report-percent');
      const box = await page.locator('#report-body').boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 360, 'the form fits the screen');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('had no errors in the browser console (CSP included)', () => {
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|405|409|422)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

// Browser test of business petitions against the real server with the demo city: a business
// files (after an error summary for the empty form), the office routes it to Sở Tài chính,
// the department's officer answers, its leader approves, the business rates, the office
// publishes, and the answer appears on the public page without logging in. Each page's
// buttons are exactly the server's allowed_actions. Screenshots of every page at 1366 and
// 390 px wide go to SCREENSHOT_DIR (default /tmp/shots/petitions).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, login, missingPrerequisite, startServer, watchErrors } from './support.mjs';

const skip = missingPrerequisite();
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp/shots/petitions';
const WIDTHS = [['1366', { width: 1366, height: 768 }], ['390', { width: 390, height: 844 }]];
const PASSWORD = 'Mat-khau@2026';
// dn.cokhi is the demo city's login of Công ty TNHH Cơ khí Kiến An (demo password); the
// leader of Sở Tài chính is made here.
const USERS = { 'lanhdao.stc': ['leader', 'MA.STC'] };
const LABELS = {
  route: 'Chuyển đơn vị xử lý', return: 'Trả lại', forward: 'Chuyển tiếp', answer: 'Trả lời',
  'approve-answer': 'Duyệt câu trả lời', resolve: 'Đánh dấu đã giải quyết', rate: 'Đánh giá',
  reopen: 'Đề nghị xem xét lại', publish: 'Công khai', task: 'Giao nhiệm vụ',
};

describe('petitions in the web UI', { skip: skip ?? false }, () => {
  let server, browser, page, errors, id;
  const title = `Hoàn thuế nhập khẩu nguyên liệu chậm ${Date.now() % 100000}`;

  const shoot = async (name) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [label, size] of WIDTHS) {
      await page.setViewportSize(size);
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
      // No table wider than its page at 1366 px.
      if (label === '1366') assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name}: no sideways scroll`);
    }
    await page.setViewportSize(WIDTHS[0][1]);
  };
  const as = async (username) => {
    await page.context().clearCookies();
    await login(page, server.baseUrl, username, USERS[username] ? PASSWORD : undefined);
  };
  // Sở Tài chính gets a leader, through the API.
  const createUsers = async () => {
    const base = `${server.baseUrl}/api/v1`;
    const login = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }) });
    const cookie = /dh_session=[^;]*/.exec(login.headers.get('set-cookie'))[0];
    const { csrf_token } = await login.json();
    const headers = { cookie, 'x-csrf-token': csrf_token, 'content-type': 'application/json' };
    const units = (await (await fetch(`${base}/units?limit=20000`, { headers })).json()).items;
    for (const [username, [role, code]] of Object.entries(USERS)) {
      const unit_id = units.find((u) => u.code === code).id;
      const r = await fetch(`${base}/users`, { method: 'POST', headers, body: JSON.stringify({ username, full_name: username, password: PASSWORD, roles: [{ role, unit_id }] }) });
      assert.equal(r.status, 201, await r.text());
    }
  };
  const open = async () => {
    await page.goto(`${server.baseUrl}/petitions/${id}`);
    await page.locator('h1', { hasText: title }).waitFor();
  };
  // One button per allowed action, in the server's order.
  const expectServerActions = async () => {
    const res = await page.request.get(`${server.baseUrl}/api/v1/petitions/${id}`);
    const want = (await res.json()).allowed_actions.map((a) => LABELS[a]);
    const got = (await page.locator('.actions-panel .action-buttons button').allInnerTexts()).map((b) => b.trim());
    assert.deepEqual(got, want);
  };
  const act = async (label) => {
    await page.locator('.actions-panel .action-buttons button', { hasText: label }).click();
  };
  const submitAndWait = async (label, stateText) => {
    await page.locator('.action-form button[type=submit]', { hasText: label }).click();
    await page.locator('.task-tags', { hasText: stateText }).waitFor();
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(WIDTHS[0][1]);
    errors = watchErrors(page);
    await createUsers();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a business file a petition, with an error summary first', async () => {
    await as('dn.cokhi');
    await page.goto(`${server.baseUrl}/petitions/new`);
    await page.waitForSelector('#petition-title');
    await page.locator('#main form button[type=submit]').click();
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary').innerText(), /Nhập tiêu đề kiến nghị/);
    await shoot('01-file-form-errors');
    await page.fill('#petition-title', title);
    await page.fill('#petition-content', 'Tờ khai nhập khẩu nguyên liệu sản xuất hàng xuất khẩu chưa được hoàn thuế sau 60 ngày.');
    await page.selectOption('#petition-category', 'thue_phi');
    await page.locator('#petition-publishable').check();
    await page.locator('#main form button[type=submit]').click();
    await page.waitForURL(/\/petitions\/\d+$/);
    id = Number(page.url().split('/').pop());
    await page.locator('h1', { hasText: title }).waitFor();
    assert.equal(await page.locator('.actions-panel').count(), 0, 'a business has nothing to do while it waits');
    await page.goto(`${server.baseUrl}/petitions`);
    await page.locator('a', { hasText: title }).waitFor();
    // The business sees its own petitions only: the demo's and this one, all of Cơ khí Kiến An.
    const mine = (await (await page.request.get(`${server.baseUrl}/api/v1/petitions?limit=1000`)).json()).items;
    assert.ok(mine.length > 1 && mine.every((p) => p.business_unit_id === mine[0].business_unit_id), JSON.stringify(mine.map((p) => p.business_unit_id)));
    await shoot('02-list-business');
  });

  it('lets the office route it to Sở Tài chính', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/petitions?q=hoan%20thue%20nhap%20khau`);
    await page.locator('a', { hasText: title }).waitFor();
    await shoot('03-list-office');
    await open();
    await expectServerActions();
    await act(LABELS.route);
    await page.fill('#petition-route-unit_id', 'tai chinh');
    await page.locator('.picker-option', { hasText: 'MA.STC' }).first().click();
    await shoot('04-route-form');
    await submitAndWait(LABELS.route, 'Đã chuyển đơn vị xử lý');
    await expectServerActions();
  });

  it('lets the unit answer from a template and its leader approve', async () => {
    await as('canbo.stc');
    await open();
    await expectServerActions();
    await act(LABELS.answer);
    await page.waitForSelector('#petition-template');
    await page.selectOption('#petition-template', { index: 1 });
    await page.fill('#petition-answer-text', 'Sở Tài chính đã chỉ đạo hoàn thuế trước ngày 30 của tháng.');
    await shoot('05-answer-form');
    await submitAndWait(LABELS.answer, 'Chờ lãnh đạo duyệt');
    await as('lanhdao.stc');
    await open();
    await expectServerActions();
    await act(LABELS['approve-answer']);
    await submitAndWait(LABELS['approve-answer'], 'Đã có chỉ đạo');
    await shoot('06-approved');
  });

  it('lets the business rate the answer, and the office publish it', async () => {
    await as('dn.cokhi');
    await open();
    await expectServerActions();
    await act(LABELS.rate);
    await page.locator('#petition-rate-satisfied').check();
    await submitAndWait(LABELS.rate, 'Doanh nghiệp đã đánh giá');
    await shoot('07-rated');
    await as('vanphong');
    await open();
    await act(LABELS.publish);
    await page.locator('.action-form button[type=submit]', { hasText: LABELS.publish }).click();
    await page.locator('.task-tags', { hasText: 'Đã công khai' }).waitFor();
    await page.goto(`${server.baseUrl}/petitions/board`);
    await page.locator('table', { hasText: 'Sở Tài chính' }).waitFor();
    await shoot('08-board');
    await page.goto(`${server.baseUrl}/petitions/sessions`);
    await page.locator('#main .plain-list a', { hasText: 'Hội nghị đối thoại' }).first().click();
    await page.waitForSelector('#main ol li');
    await shoot('09-session');
  });

  it('shows the answer on the public page, without logging in', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/public/petitions?q=hoan%20thue%20nhap%20khau`);
    const item = page.locator('.public-answers li', { hasText: title });
    await item.waitFor();
    assert.match(await item.innerText(), /Sở Tài chính đã chỉ đạo hoàn thuế/);
    assert.match(await item.innerText(), /Cơ khí Kiến An/);
    assert.equal(await page.locator('.topbar').count(), 0, 'no app shell, no login');
    await shoot('10-public');
    assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
  });
});

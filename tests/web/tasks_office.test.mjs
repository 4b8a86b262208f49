// Browser test of issue 9 (tasks as offices live them) against the real server with the
// demo city: the coordination form finds a unit outside the officer's scope.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, login, missingPrerequisite, shoot, startServer, watchErrors } from './support.mjs';

const skip = missingPrerequisite();

describe('tasks as offices live them, in the web UI', { skip: skip ?? false }, () => {
  let server;
  let browser;
  let page;
  let errors;

  const api = async (path) => {
    const res = await page.request.get(`${server.baseUrl}/api/v1${path}`);
    assert.equal(res.status(), 200, `GET ${path} → ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const as = async (username) => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.waitForSelector('#login-username');
    await login(page, server.baseUrl, username);
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

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

  it('had no errors in the browser console', () => {
    // Refusals the pages expect (the login page asks /me before anyone is logged in).
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

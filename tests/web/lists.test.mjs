// Issue 9 (tasksb), in Chromium: the English UI shows the server's errors in English; the
// task list sorts by a column header on the server (aria-sort, the order in the URL); a
// user saves the current filters under a name and picks them again later; lists and boards
// print without navigation, under the city's heading. Screenshots and PDFs go to
// SCREENSHOT_DIR (default /tmp/shots/lists).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSession, missingPrerequisite, signInAfresh } from './support.mjs';

const skip = missingPrerequisite();
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp/shots/lists';
const SIZES = [['1366', { width: 1366, height: 768 }], ['390', { width: 390, height: 844 }]];

describe('lists: language, sort, saved filters, print', { skip: skip ?? false }, () => {
  let server, page, errors;
  browserSession(async (s) => {
    ({ server, page, errors } = s);
    await page.setViewportSize(SIZES[0][1]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await signInAfresh(page, server.baseUrl, 'vanphong');
    errors.length = 0; // the login page asks who is signed in first (401)
  });

  it("shows the server's error in the reader's language", async () => {
    const long = encodeURIComponent('x'.repeat(201));
    await page.goto(`${server.baseUrl}/search?q=${long}`);
    const alert = page.locator('.notice--error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Từ cần tìm dài quá 200 ký tự\./);
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await alert.waitFor();
    assert.match(await alert.innerText(), /The search text is longer than 200 characters\./);
    await page.screenshot({ path: path.join(SHOTS, 'error-en-1366.png') });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    errors.length = 0; // the refused searches are 400s on purpose
  });

  it('sorts the task list on the server by a column header, kept in the URL', async () => {
    await page.goto(`${server.baseUrl}/tasks`);
    const header = page.locator('th', { has: page.getByRole('button', { name: 'Nhiệm vụ', exact: true }) });
    await header.waitFor();
    assert.equal(await header.getAttribute('aria-sort'), 'none');
    const titles = async () => page.locator('table tbody tr .task-title').allInnerTexts();
    for (const [sort, aria] of [['title', 'ascending'], ['-title', 'descending']]) {
      await header.getByRole('button').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === sort);
      const res = await page.request.get(`${server.baseUrl}/api/v1/tasks?limit=50&sort=${sort}`);
      const want = (await res.json()).items.map((t) => t.title);
      await page.waitForFunction((first) => document.querySelector('table tbody tr .task-title')?.textContent === first, want[0]);
      assert.equal(await header.getAttribute('aria-sort'), aria);
      assert.deepEqual(await titles(), want);
    }
    await page.reload();
    await header.waitFor();
    assert.equal(await header.getAttribute('aria-sort'), 'descending', 'the order survives a reload');
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(SHOTS, `tasks-sorted-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[0][1]);
  });

  it('saves the current filters under a name and picks them again', async () => {
    await page.goto(`${server.baseUrl}/tasks?state=in_progress&sort=title`);
    await page.locator('table tbody tr').first().waitFor();
    await page.getByLabel('Lưu bộ lọc đang dùng với tên').fill('Đang thực hiện theo tên');
    await page.getByRole('button', { name: 'Lưu bộ lọc' }).click();
    await page.goto(`${server.baseUrl}/tasks`);
    const pick = page.getByLabel('Bộ lọc đã lưu');
    await pick.waitFor();
    await pick.selectOption({ label: 'Đang thực hiện theo tên' });
    await page.waitForURL((u) => u.searchParams.get('state') === 'in_progress' && u.searchParams.get('sort') === 'title');
    // Saving without a name says what to do.
    await page.getByRole('button', { name: 'Lưu bộ lọc' }).click();
    assert.match(await page.locator('.saved-filters [role=alert]').innerText(), /Nhập tên cho bộ lọc/);
  });

  for (const [name, url] of [['tasks', '/tasks'], ['boards', '/tasks/boards']]) {
    it(`prints the ${name} page without navigation, under the city's heading`, async () => {
      await page.goto(`${server.baseUrl}${url}`);
      await page.locator('main table').first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'In', exact: true }).count(), 1);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#sidenav').isVisible(), false, 'navigation hidden');
      assert.equal(await page.getByRole('button', { name: 'In', exact: true }).isVisible(), false);
      const city = page.locator('.brand-city');
      assert.ok(await city.isVisible(), "the city's heading is printed");
      assert.ok((await city.innerText()).trim().length > 0);
      assert.ok(await page.locator('h1').isVisible());
      await page.screenshot({ path: path.join(SHOTS, `${name}-print.png`), fullPage: true });
      const pdf = await page.pdf({ path: path.join(SHOTS, `${name}.pdf`), format: 'A4', landscape: true, preferCSSPageSize: true });
      assert.ok(pdf.length > 1000);
      await page.emulateMedia({ media: 'screen' });
    });
  }

  it('left no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

// Browser tests of the web UI against the real server with demo data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, browserSession, ddmmyyyy, login, missingPrerequisite, shoot, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();

describe('web UI', { skip: skip ?? false }, () => {
  let server;
  let page;
  let errors;
  browserSession((s) => ({ server, page, errors } = s));
  const api = (path) => apiGet(page, server.baseUrl, path);
  // Waits for the unit tree (or search results) to show, then returns the page text.
  const mainText = async () => page.locator('#main').innerText();


  it('serves the app with its CSP and falls back to index.html for deep links', async () => {
    const res = await fetch(`${server.baseUrl}/units/123?as_of=2025-06-30`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await res.text(), /<div id="app">/);
  });

  it('shows an error summary for a wrong password, then logs in', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('#login-username');
    // The login form shows before the app rewrites the address to /login?next=…
    await page.waitForURL(/\/login/);
    assert.match(page.url(), /\/login/);
    await shoot(page, '01-login');

    await page.click('form button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.equal(await page.locator('.error-summary li').count(), 2, 'both empty fields listed');

    await page.fill('#login-username', 'admin');
    await page.fill('#login-password', 'not-the-password');
    await page.click('form button[type=submit]');
    // The empty-field errors (#login-password-error among them) are still on screen until
    // the server answers: wait for the server's message itself.
    await page.locator('#login-password-error', { hasText: 'không đúng' }).waitFor();
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /không đúng/);
    // The summary takes the focus once it has rendered; following its link before that
    // would have the focus taken back.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    // The summary links to the field it is about.
    await page.click('.error-summary a');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-password');
    await shoot(page, '02-login-error');

    await page.fill('#login-password', 'Demo@2026');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.topbar');
    await page.waitForSelector('.stat');
    assert.equal(new URL(page.url()).pathname, '/');
    // The task numbers may come before the units' ones: wait for those too.
    await page.locator('.stat', { hasText: 'Đơn vị đang hoạt động' }).waitFor();
    const text = await mainText();
    assert.match(text, /Đơn vị đang hoạt động/);
    await page.waitForSelector('.chart-canvas svg');
    await shoot(page, '03-overview');
  });

  it('shows the unit tree and a unit', async () => {
    await page.click('#sidenav a[href^="/units"]');
    await page.waitForSelector('.tree-root');
    const cities = (await api('/units?kind=city&limit=1')).items;
    assert.ok(cities.length, 'demo data has a city');
    const depts = (await api('/units?kind=department&limit=100')).items;
    assert.ok(depts.length, 'demo data has departments');
    const tree = page.locator('.tree-root');
    assert.ok(await tree.getByText(cities[0].name, { exact: true }).isVisible());
    assert.ok(await tree.getByText(depts[0].name, { exact: true }).first().isVisible());
    await shoot(page, '04-units');

    await tree.getByText(depts[0].name, { exact: true }).first().click();
    await page.waitForSelector('.summary-list');
    assert.match(await mainText(), new RegExp(depts[0].code.replace(/\./g, '\\.')));
    await shoot(page, '05-unit-detail');
  });

  it('shows the old structure when the as-of date is before the restructuring', async () => {
    const today = todayInVietnam();
    const before = (await api('/units?as_of=2025-06-30&kind=district&limit=1000')).items;
    const now = new Set((await api(`/units?as_of=${today}&kind=district&limit=1000`)).items.map((u) => u.id));
    const gone = before.find((u) => !now.has(u.id));
    assert.ok(gone, 'demo data has a district that ended by 30/06/2025');

    await page.goto(`${server.baseUrl}/units`);
    await page.waitForSelector('.tree-root');
    assert.equal(await page.locator('.tree-root').getByText(gone.name, { exact: true }).count(), 0, `${gone.name} is not in today's tree`);

    await page.fill('#asof-input', '30/06/2025');
    await page.press('#asof-input', 'Enter');
    await page.waitForURL(/as_of=2025-06-30/);
    await page.locator('.tree-root').getByText(gone.name, { exact: true }).first().waitFor();
    assert.match(await page.locator('.page-header').innerText(), /30\/06\/2025/);
    await shoot(page, '06-units-2025-06-30');

    // The date travels in the URL: opening it fresh shows the same structure.
    await page.goto(`${server.baseUrl}/units?as_of=2025-06-30`);
    await page.locator('.tree-root').getByText(gone.name, { exact: true }).first().waitFor();
    assert.equal(await page.inputValue('#asof-input'), '30/06/2025');

    // A wrong date is refused beside the field, not sent.
    await page.fill('#asof-input', '31/02/2025');
    await page.press('#asof-input', 'Enter');
    await page.waitForSelector('#asof-error');
    assert.match(page.url(), /as_of=2025-06-30/);
  });

  it('merges two units through the form and shows the successor', async () => {
    const today = todayInVietnam();
    const wards = (await api(`/units?as_of=${today}&kind=ward&limit=10000`)).items.filter((u) => u.valid_from < today && !u.valid_to);
    assert.ok(wards.length >= 2, 'demo data has two wards active today');
    // Two wards under the same parent if there are any, else the first two.
    const byParent = new Map();
    for (const w of wards) byParent.set(w.parent_id, [...(byParent.get(w.parent_id) ?? []), w]);
    const pair = [...byParent.values()].find((l) => l.length >= 2)?.slice(0, 2) ?? wards.slice(0, 2);
    const parent = await api(`/units/${pair[0].parent_id}`);
    const code = `TEST.MERGE.${Date.now() % 100000}`;
    const name = 'Phường Thử Nghiệm Sáp Nhập';

    await page.goto(`${server.baseUrl}/units/restructure`);
    await page.waitForSelector('#restructure-date');
    // Submitting empty lists every problem at the top.
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.ok((await page.locator('.error-summary li').count()) >= 3);

    await page.fill('#restructure-date', ddmmyyyy(today));
    for (const w of pair) {
      await page.fill('#restructure-source_ids', w.name);
      await page.locator('.picker-option', { hasText: w.code }).first().click();
      await page.locator('.chips .chip', { hasText: w.code }).waitFor();
    }
    assert.equal(await page.locator('.chips .chip').count(), 2);
    await page.locator('[id="restructure-successors.0.code"]').fill(code);
    await page.locator('[id="restructure-successors.0.name"]').fill(name);
    await page.locator('[id="restructure-successors.0.kind"]').selectOption('ward');
    await page.locator('[id="restructure-successors.0.parent_id"]').fill(parent.name);
    await page.locator('.picker-option', { hasText: parent.code }).first().click();
    await page.fill('#restructure-note', 'Kiểm thử giao diện');
    await shoot(page, '07-restructure-form');

    await page.click('#main form button[type=submit]');
    await page.waitForSelector('#restructure-result');
    const result = await page.locator('#restructure-result').innerText();
    assert.match(result, new RegExp(name));
    for (const w of pair) assert.match(result, new RegExp(w.name));
    await shoot(page, '08-restructure-result');

    await page.locator('#restructure-result a.button').first().click();
    await page.waitForSelector('.tree-root');
    const tree = page.locator('.tree-root');
    await tree.getByText(name, { exact: true }).first().waitFor();
    for (const w of pair) assert.equal(await tree.getByText(w.name, { exact: true }).count(), 0, `${w.name} ended`);

    await page.goto(`${server.baseUrl}/units/events`);
    await page.waitForSelector('table');
    assert.match(await mainText(), new RegExp(name));
    await shoot(page, '09-events');
  });

  it('splits a unit into two new units', async () => {
    const today = todayInVietnam();
    const depts = (await api(`/units?as_of=${today}&kind=department&limit=1000`)).items.filter((u) => u.valid_from < today && !u.valid_to);
    const source = depts[depts.length - 1];
    const parent = await api(`/units/${source.parent_id}`);
    const stamp = Date.now() % 100000;

    await page.goto(`${server.baseUrl}/units/${source.id}`);
    await page.getByRole('link', { name: 'Sáp nhập, chia tách' }).click();
    await page.waitForSelector('#restructure-date');
    await page.check('#restructure-kind-split');
    // The unit we came from is already chosen as the source.
    await page.locator('.picked .chip', { hasText: source.name }).waitFor();
    await page.fill('#restructure-date', ddmmyyyy(today));
    for (const i of [0, 1]) {
      await page.locator(`[id="restructure-successors.${i}.code"]`).fill(`TEST.SPLIT.${stamp}.${i + 1}`);
      await page.locator(`[id="restructure-successors.${i}.name"]`).fill(`Đơn vị tách ${i + 1}`);
      await page.locator(`[id="restructure-successors.${i}.kind"]`).selectOption('department');
      await page.locator(`[id="restructure-successors.${i}.parent_id"]`).fill(parent.name);
      await page.locator('.picker-option', { hasText: parent.code }).first().click();
    }
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('#restructure-result');
    const result = await page.locator('#restructure-result').innerText();
    assert.match(result, /Đơn vị tách 1/);
    assert.match(result, /Đơn vị tách 2/);
    assert.match(result, new RegExp(source.name));
  });

  it('lists users and the audit log', async () => {
    await page.goto(`${server.baseUrl}/users`);
    await page.waitForSelector('table');
    assert.match(await mainText(), /canbo\.stc/);
    await shoot(page, '10-users');
    await page.getByRole('link', { name: 'canbo.stc' }).click();
    await page.waitForSelector('#user-full_name');
    await shoot(page, '11-user-edit');
    await page.goto(`${server.baseUrl}/users/new`);
    await page.waitForSelector('#user-username');
    await shoot(page, '12-user-new');

    await page.goto(`${server.baseUrl}/audit`);
    await page.waitForSelector('.audit-table');
    await page.locator('.audit-table button.expand').first().click();
    await page.waitForSelector('.detail-row');
    await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await page.waitForSelector('.verify .notice');
    assert.match(await page.locator('.verify .notice').innerText(), /toàn vẹn/);
    // The anchor to keep elsewhere: SEQ:HASH.
    assert.match(await page.locator('.verify code.anchor').innerText(), /^\d+:[0-9a-f]{64}$/);
    await shoot(page, '13-audit');
  });

  it('creates, edits and ends a unit, with server errors beside the field', async () => {
    const stc = (await api('/units?q=MA.STC&limit=5')).items.find((u) => u.code === 'MA.STC') ?? (await api('/units?kind=department&limit=1')).items[0];
    await page.goto(`${server.baseUrl}/units/${stc.id}`);
    await page.getByRole('link', { name: 'Thêm đơn vị trực thuộc' }).click();
    await page.waitForSelector('#unit-code');
    // The parent comes prefilled from the unit we came from.
    await page.locator('.picked .chip', { hasText: stc.name }).waitFor();
    // A code already in use: the server's message lands beside the code field.
    await page.fill('#unit-code', stc.code);
    await page.fill('#unit-name', 'Phòng Thử Nghiệm');
    await page.selectOption('#unit-kind', 'agency');
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('#unit-code-error');
    assert.ok(await page.locator('.error-summary').isVisible());
    assert.equal(await page.inputValue('#unit-name'), 'Phòng Thử Nghiệm', 'nothing typed is lost');
    await shoot(page, '16-unit-new-error');

    const code = `${stc.code}.TN${Date.now() % 10000}`;
    await page.fill('#unit-code', code);
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.summary-list');
    assert.match(await mainText(), /Đã thêm đơn vị Phòng Thử Nghiệm/);
    assert.match(await mainText(), new RegExp(code.replace(/\./g, '\\.')));

    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await page.waitForSelector('#unit-name');
    await page.fill('#unit-name', 'Phòng Thử Nghiệm Đổi Tên');
    await shoot(page, '17-unit-edit');
    await page.click('#main form button[type=submit]');
    await page.locator('h1', { hasText: 'Phòng Thử Nghiệm Đổi Tên' }).waitFor();

    await page.getByRole('link', { name: 'Kết thúc đơn vị' }).click();
    await page.waitForSelector('#unit-valid_to');
    await page.fill('#unit-valid_to', ddmmyyyy(todayInVietnam()));
    await shoot(page, '18-unit-end');
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.summary-list');
    assert.match(await mainText(), /Đã kết thúc/);
  });

  it('creates a user with a role in a unit', async () => {
    await page.goto(`${server.baseUrl}/users/new`);
    await page.waitForSelector('#user-username');
    const username = `thu.nghiem${Date.now() % 10000}`;
    await page.fill('#user-username', username);
    await page.fill('#user-full_name', 'Người Thử Nghiệm');
    await page.fill('#user-password', '12345678');
    await page.locator('[id="user-roles.0.role"]').selectOption('officer');
    await page.locator('[id="user-roles.0.unit_id"]').fill('tai chinh');
    await page.locator('.picker-option', { hasText: 'MA.STC' }).first().click();
    await page.click('#main form button[type=submit]');
    // Digits only: the server refuses, and says so beside the password.
    await page.waitForSelector('#user-password-error');
    await page.fill('#user-password', 'Thu@nghiem2026');
    await page.click('#main form button[type=submit]');
    await page.waitForURL(/\/users(\?|$)/);
    await page.locator('table').getByText(username).waitFor();
  });

  it('switches to English and back, and remembers the choice', async () => {
    await page.goto(`${server.baseUrl}/units`);
    await page.waitForSelector('.tree-root');
    await page.click('.lang-switch button[lang=en]');
    await page.locator('#sidenav').getByText('Units', { exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await page.locator('#sidenav').getByText('Units', { exact: true }).waitFor();
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('.chart-canvas svg');
    await shoot(page, '14-overview-en');
    await page.click('.lang-switch button[lang=vi]');
    await page.locator('#sidenav').getByText('Đơn vị', { exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  });

  it('folds the navigation into a menu on a phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/units`);
    await page.waitForSelector('.tree-root');
    assert.equal(await page.locator('#sidenav').isVisible(), false);
    await page.click('.menu-button');
    await page.locator('#sidenav').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#sidenav').isVisible(), true);
    await shoot(page, '15-phone-menu');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('logs out from the user menu', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.click('.user-menu-button');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForSelector('#login-username');
    const me = await page.request.get(`${server.baseUrl}/api/v1/me`);
    assert.equal(me.status(), 401);
    await page.goto(`${server.baseUrl}/units?as_of=2025-06-30`);
    await page.waitForSelector('#login-username');
    // The form shows first; the redirect to /login?next=… follows after the render.
    await page.waitForURL(/\/login\?next=/);
    assert.match(page.url(), /\/login\?next=/);
  });

  it('shows each role only what it may use', async () => {
    await login(page, server.baseUrl, 'lanhdao');
    const nav = page.locator('#sidenav');
    await nav.getByText('Nhật ký', { exact: true }).waitFor();
    assert.equal(await nav.getByText('Người dùng', { exact: true }).count(), 0);
    await page.goto(`${server.baseUrl}/units`);
    await page.waitForSelector('.tree-root');
    assert.equal(await page.getByRole('link', { name: 'Thêm đơn vị' }).count(), 0);
    await page.click('.user-menu-button');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForSelector('#login-username');

    await login(page, server.baseUrl, 'canbo.stc');
    assert.match(await page.locator('.topbar-scope').innerText(), /Sở Tài chính/);
    assert.equal(await page.locator('#sidenav').getByText('Nhật ký', { exact: true }).count(), 0);
    await page.click('.user-menu-button');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForSelector('#login-username');
  });

  it('tells a locked-out user when to try again', async () => {
    await page.goto(`${server.baseUrl}/login`);
    let message = '';
    for (let i = 0; i < 8 && !/giây/.test(message); i++) {
      await page.fill('#login-username', 'xem');
      await page.fill('#login-password', `wrong-${i}`);
      // From the second try on, the previous answer's summary is still on screen: read the
      // summary only once this try's answer has come back and the form is no longer busy.
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/login' && r.request().method() === 'POST');
      await page.click('form button[type=submit]');
      await answered;
      await page.waitForSelector('.error-summary');
      await page.waitForFunction(() => !document.querySelector('form button[type=submit]')?.textContent?.includes('…'));
      message = await page.locator('.error-summary').innerText();
    }
    assert.match(message, /thử lại sau \d+ giây/);
    assert.ok(await page.locator('form button[type=submit]').isDisabled());
    await shoot(page, '19-login-429');
  });

  it('had no errors in the browser console (CSP included)', () => {
    // Refusals the tests provoke on purpose (401 before login and for a wrong password,
    // 400/409 for invalid input, 429 for the lock-out) are logged by Chromium as failed
    // resources; anything else — a CSP violation, an exception — is a bug.
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409|429)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

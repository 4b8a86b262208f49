// Browser test of the targets pages (issue 11) against the real server with the demo city,
// at 1366 px and on a 390 px phone: the leaders' scoreboard (red first, every count opens
// the targets behind it, open and late explanations on it, nothing wider than the screen),
// typing a target (the server's reading appears while typing; a text it cannot read is
// refused with its message, beside the field and in the error summary), an indicator added
// (a code already taken refused by the server beside its field) and edited, values imported
// from the import page (checked first, then imported), and an explanation asked by the
// leader, answered by the unit and accepted.
//
// With SCREENSHOT_DIR set, every page is saved at both widths as <page>-1366.png and
// <page>-390.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiGet, browserSession, ddmmyyyy, missingPrerequisite, signInAfresh, todayInVietnam } from './support.mjs';

const skip = missingPrerequisite();
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

// The next Monday–Friday on or after `iso`.
function weekday(iso) {
  let d = iso;
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

describe('targets in the web UI', { skip: skip ?? false }, () => {
  let server;
  let page;
  let errors;
  browserSession((s) => ({ server, page, errors } = s));
  const today = todayInVietnam();

  const api = (path) => apiGet(page, server.baseUrl, path);
  // Signs in afresh; signInAfresh → login waits for the shell to be ready (support.mjs
  // shellReady: side menu rendered, first fetches done, nothing loading), so the first click
  // on the side menu does not land while the landing page is still rendering.
  const as = async (username) => {
    await page.setViewportSize(WIDE);
    await signInAfresh(page, server.baseUrl, username);
  };
  // Saves the page at both widths (with SCREENSHOT_DIR) and checks that nothing is wider
  // than the screen at either: no page scrolls sideways, no table is wider than its page.
  const shoot = async (name, ready) => {
    const dir = process.env.SCREENSHOT_DIR;
    for (const [label, size] of [['1366', WIDE], ['390', PHONE]]) {
      await page.setViewportSize(size);
      if (ready) await ready();
      await page.waitForTimeout(300);
      const wide = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('#main table')]
          .filter((t) => t.offsetParent && !t.closest('.visually-hidden'))
          .map((t) => Math.round(t.getBoundingClientRect().right)),
      }));
      assert.ok(wide.page <= size.width, `${name} is ${wide.page}px wide at ${size.width}px`);
      for (const right of wide.tables) assert.ok(right <= size.width, `${name}: a table ends at ${right}px on a ${size.width}px screen`);
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: true });
      }
    }
    await page.setViewportSize(WIDE);
  };


  it('shows the leader the scoreboard: red first, each count opening its targets', async () => {
    await as('lanhdao');
    const targets = page.locator('#sidenav a', { hasText: 'Chỉ tiêu' }).first();
    await targets.waitFor();
    await targets.click();
    await page.waitForURL(/\/targets$/);
    await page.waitForSelector('.target-card');
    // The demo's plan year (the board opens on the latest year that has targets).
    const period = '2025';
    await page.selectOption('#targets-period', period);
    await page.waitForURL(/period=2025/);
    await page.locator('.target-card', { hasText: 'Năm 2025' }).first().waitFor();
    // The first group on the page is the red one, and the demo has targets at risk in it.
    const firstGroup = page.locator('.target-group').first();
    assert.match((await firstGroup.getAttribute('class')) ?? '', /target-group--red/);
    const red = await firstGroup.locator('.target-card').count();
    assert.ok(red > 0, 'the demo city has targets at risk or missed');
    // Each card says why: the server's sentence, not a bare colour.
    const reason = await firstGroup.locator('.target-reason').first().innerText();
    assert.ok(reason.trim().length > 5, `a status sentence, got “${reason}”`);
    assert.ok(await page.locator('.trend').count() > 0, 'cards carry a small trend');
    await shoot('targets-01-scoreboard', () => page.waitForSelector('.target-card'));

    // The red tile's number is the red cards; it opens exactly those targets.
    const tile = page.locator('.target-tile.stat--red .target-tile-main');
    assert.equal(Number((await tile.locator('.stat-value').innerText()).replace(/\./g, '')), red);
    await tile.click();
    await page.waitForURL(/\/targets\/list\?.*tone=red/);
    await page.waitForSelector('.target-table tbody tr');
    assert.equal(await page.locator('.target-table tbody tr').count(), red);
    const statuses = await page.locator('.target-table tbody tr .tag').allInnerTexts();
    for (const s of statuses) assert.match(s, /Có nguy cơ không đạt|Không đạt/);
    await shoot('targets-02-list-red');

    // Open and late explanation requests are on the scoreboard, and open their list.
    await page.goBack();
    const late = page.locator('.target-explanations a', { hasText: 'quá hạn' });
    await late.waitFor();
    assert.match(await late.innerText(), /^[1-9]/, 'the demo has a late explanation');
    await late.click();
    await page.waitForURL(/\/targets\/explanations\?late=true/);
    await page.waitForSelector('.explanation-table tbody tr');
    assert.ok(await page.locator('.explanation-table .tag', { hasText: 'Quá hạn' }).count() > 0);
    await shoot('targets-03-explanations-late');

    // On a phone the leader sees what is at risk on the first screen.
    await page.setViewportSize(PHONE);
    await page.goto(`${server.baseUrl}/targets?period=${period}`);
    await page.waitForSelector('.target-card');
    const tileBox = await page.locator('.target-tile.stat--red').boundingBox();
    const cardBox = await page.locator('.target-group--red .target-card').first().boundingBox();
    assert.ok(tileBox && tileBox.y + tileBox.height <= PHONE.height, 'the red count is on the first screen');
    assert.ok(cardBox && cardBox.y < PHONE.height, 'the first at-risk target starts on the first screen');
    assert.ok(await page.locator('#targets-filters').isHidden(), 'filters fold behind a button on a phone');
    await page.setViewportSize(WIDE);
  });

  it('shows the open and late explanation requests about tasks on the task boards, each opening its list', async () => {
    await as('lanhdao');
    await page.goto(`${server.baseUrl}/tasks/boards`);
    const strip = page.locator('.board-explanations');
    await strip.waitFor();
    assert.match(await strip.innerText(), /Giải trình về nhiệm vụ/);
    const counts = await api('/explanation-requests?about=task&late=true&limit=1');
    const late = strip.locator('a', { hasText: 'quá hạn' });
    assert.equal(await late.innerText(), `${counts.total} quá hạn giải trình`);
    assert.ok(counts.total >= 1, 'the demo asked about a late task');
    await shoot('targets-03b-task-board-explanations', () => strip.waitFor());
    await late.click();
    await page.waitForURL(/\/targets\/explanations\?about=task&late=true/);
    await page.waitForSelector('.explanation-table tbody tr');
    assert.equal(await page.locator('.explanation-table tbody tr').count(), counts.total);
    // Every row is about a task and opens it.
    const subjects = await page.locator('.explanation-table tbody tr th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(subjects.length, counts.total);
    for (const h of subjects) assert.match(h ?? '', /^\/tasks\/\d+$/);
    // …by its title, not its number.
    for (const text of await page.locator('.explanation-table tbody tr th a').allInnerTexts()) assert.doesNotMatch(text, /^#\d+$/);
    assert.match(await page.locator('h1').innerText(), /về nhiệm vụ/);
  });

  it('shows an indicator against its target, its units side by side, and the period review', async () => {
    await as('lanhdao');
    const targets = (await api('/targets?limit=200')).items;
    const grdp = targets.find((x) => /GRDP/i.test(`${x.indicator_code} ${x.indicator_name}`)) ?? targets[0];
    await page.goto(`${server.baseUrl}/targets/${grdp.id}`);
    await page.waitForSelector('.target-summary');
    assert.match(await page.locator('.target-summary').innerText(), /Đánh giá[\s\S]*Chỉ tiêu[\s\S]*Thực hiện/);
    await shoot('targets-04-target', () => page.waitForSelector('.target-summary'));
    await page.getByRole('link', { name: 'Lịch sử chỉ tiêu' }).first().click();
    await page.waitForURL(/\/targets\/indicators\/\d+/);
    await page.waitForSelector('#indicator-history');
    await page.waitForSelector('.chart-canvas svg');
    await shoot('targets-05-indicator', () => page.waitForSelector('.chart-canvas svg'));
    await page.goto(`${server.baseUrl}/targets/review?period=${grdp.period.slice(0, 4)}`);
    await page.waitForSelector('.review-table tbody tr');
    const href = await page.locator('a', { hasText: 'Tải về Excel' }).getAttribute('href');
    assert.match(href, /\/api\/v1\/reviews\/export\.xlsx\?period=\d{4}/);
    const xlsx = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK', 'the export is an .xlsx (a ZIP)');
    await shoot('targets-06-review', () => page.waitForSelector('.review-table'));
    await page.goto(`${server.baseUrl}/targets/indicators`);
    await page.waitForSelector('#main table tbody tr');
    await shoot('targets-07-indicators');
    await page.goto(`${server.baseUrl}/targets/values`);
    await page.waitForSelector('.value-table tbody tr');
    await shoot('targets-08-values');
  });

  it('reads a target while the office types it, and refuses what it cannot read', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/targets/new`);
    await page.waitForSelector('#target-indicator_id option:nth-child(2)', { state: 'attached' });
    const indicators = (await api('/indicators?limit=500')).items.filter((i) => i.unit_of_measure === '%');
    assert.ok(indicators.length, 'the demo has indicators in %');
    await page.selectOption('#target-indicator_id', String(indicators[0].id));
    await page.fill('#target-unit_id', 'tai chinh');
    await page.locator('.picker-option', { hasText: 'MA.STC' }).first().click();
    // A year no demo target uses, so the save cannot collide with one.
    const year = String(Number(today.slice(0, 4)) + 2);
    await page.selectOption('#target-period', year);

    await page.fill('#target-expression', 'không dưới 95,5%');
    const reading = page.locator('.reading');
    await reading.locator('dl').waitFor();
    const text = await reading.innerText();
    assert.match(text, /Hệ thống hiểu là/);
    assert.match(text, /95,5/, 'the number read the Vietnamese way');
    assert.match(text, /không dưới|≥/);
    await shoot('targets-09-new-reading', () => reading.locator('dl').waitFor());

    // A text the reader cannot understand: its message shows while typing…
    await page.fill('#target-expression', 'phấn đấu vượt mức');
    await page.locator('.reading--error').waitFor();
    const refusal = (await page.locator('.reading--error').innerText()).trim();
    assert.match(refusal, /Chỉ tiêu/, `the refusal names the field as the form labels it: ${refusal}`);
    // …and the form will not save it: the summary and the field say the same.
    await page.click('#main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.equal((await page.locator('.error-summary a').first().innerText()).trim(), (await page.locator('#target-expression-error').innerText()).replace(/^Lỗi:\s*/, '').trim());
    assert.match(await page.locator('#target-expression-error').innerText(), /Chỉ tiêu/);
    assert.equal(await page.inputValue('#target-expression'), 'phấn đấu vượt mức', 'nothing typed is lost');
    await shoot('targets-10-new-refused', () => page.waitForSelector('.error-summary'));

    // A yearly target split into quarters, then saved.
    await page.fill('#target-expression', 'trên 95%');
    await reading.locator('dl').waitFor();
    await page.check('#target-split_mode-quarter');
    await page.click('button:has-text("Chia đều")');
    assert.equal(await page.inputValue('#target-splits\\.0\\.value'), '25');
    await page.click('#main form button[type=submit]');
    await page.waitForURL(/\/targets\/\d+$/);
    await page.waitForSelector('.target-summary');
    assert.match(await page.locator('.target-summary').innerText(), /> 95 %/);
  });

  it('keeps the catalogue: a new indicator, the server\'s refusal beside its field, then edited', async () => {
    await as('vanphong');
    await page.goto(`${server.baseUrl}/targets/indicators`);
    await page.getByRole('link', { name: 'Thêm chỉ số' }).click();
    await page.waitForURL(/\/targets\/indicators\/new$/);
    await page.waitForSelector('#indicator-code');
    // The demo's own code: only the server knows it is taken.
    await page.fill('#indicator-code', 'GRDP');
    await page.fill('#indicator-name', 'Tỷ lệ đô thị hóa');
    await page.fill('#indicator-unit_of_measure', '%');
    await page.fill('#indicator-responsible_unit_id', 'xay dung');
    await page.locator('.picker-option', { hasText: 'MA.SXD' }).first().click();
    await page.selectOption('#indicator-periodicity', 'year');
    await page.click('#main form button[type=submit]');
    const beside = page.locator('#indicator-code-error');
    await beside.waitFor();
    assert.match(await beside.innerText(), /Mã chỉ (số|tiêu) này đã có trong danh mục/, 'the server\'s refusal, beside the code');
    assert.ok(await page.locator('.error-summary a[href="#indicator-code"]').count(), 'the summary links to the field');
    assert.equal(await page.inputValue('#indicator-name'), 'Tỷ lệ đô thị hóa', 'nothing typed is lost');
    await shoot('targets-14-indicator-refused', () => beside.waitFor());
    const code = `DOTHI${String(Date.now()).slice(-5)}`;
    await page.fill('#indicator-code', code);
    await page.click('#main form button[type=submit]');
    await page.waitForURL(/\/targets\/indicators\/\d+$/);
    await page.locator('.notice--success', { hasText: 'Đã thêm chỉ số' }).waitFor();
    await page.getByRole('link', { name: 'Sửa chỉ số' }).click();
    await page.waitForURL(/\/targets\/indicators\/\d+\/edit$/);
    await page.waitForFunction(() => document.querySelector('#indicator-code')?.value);
    assert.equal(await page.inputValue('#indicator-code'), code);
    await page.fill('#indicator-name_en', 'Urbanisation rate');
    await shoot('targets-15-indicator-edit');
    await page.click('#main form button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã lưu chỉ số' }).waitFor();
    const saved = (await api('/indicators?limit=500')).items.find((i) => i.code === code);
    assert.equal(saved.name_en, 'Urbanisation rate');
  });

  it('imports values from the page: the file checked first, then imported', async () => {
    await as('canbo.sxd');
    await page.goto(`${server.baseUrl}/targets/values/import`);
    await page.waitForSelector('#import-file');
    const head = 'Mã chỉ số;Mã đơn vị;Kỳ;Giá trị;Loại số liệu;Nguồn số liệu;Ghi chú\r\n';
    const year = String(Number(today.slice(0, 4)) + 1);
    const file = (text) => ({ name: 'so-lieu-sxd.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.setInputFiles('#import-file', file(head + `DVCTT;MA.SXD;${year}-Q1;abc;ước tính;;\r\n`));
    await page.click('#main form button[type=submit]');
    await page.locator('#import-report tbody tr').first().waitFor();
    assert.match(await page.locator('#import-report').innerText(), /Giá trị/);
    assert.equal(await page.getByRole('button', { name: /^Nhập \d+ số liệu$/ }).count(), 0, 'nothing to import while a row is wrong');
    await shoot('targets-16-import-errors');
    const before = (await api('/indicator-values?limit=1000')).total;
    await page.setInputFiles('#import-file', file(head + `DVCTT;MA.SXD;${year}-Q1;52,5;ước tính;Sở Xây dựng;Nhập thử\r\n`));
    await page.click('#main form button[type=submit]');
    await page.locator('#import-report', { hasText: '1 dòng số liệu sẵn sàng' }).waitFor();
    assert.equal((await api('/indicator-values?limit=1000')).total, before, 'the check imports nothing');
    await page.getByRole('button', { name: 'Nhập 1 số liệu' }).click();
    await page.waitForURL(/\/targets\/values/);
    await page.locator('.notice--success', { hasText: 'Đã nhập 1 số liệu' }).waitFor();
    assert.equal((await api('/indicator-values?limit=1000')).total, before + 1);
  });

  it('lets the leader ask a unit to explain, the unit answer, and the leader accept', async () => {
    await as('lanhdao');
    const targets = (await api('/targets?limit=200')).items;
    // A lagging target of a unit the demo has an officer for; else one of the city's, which
    // the office answers for.
    const lagging = targets.filter((x) => x.status === 'at_risk' || x.status === 'missed');
    assert.ok(lagging.length, 'the demo city has lagging targets');
    const officers = { 'MA.STC': 'canbo.stc', 'MA.SXD': 'canbo.sxd', 'MA.Q1': 'canbo.q1' };
    const codes = new Map();
    for (const x of lagging) if (!codes.has(x.unit_id)) codes.set(x.unit_id, (await api(`/units/${x.unit_id}`)).code);
    const target = lagging.find((x) => officers[codes.get(x.unit_id)]) ?? lagging[0];
    const answerer = officers[codes.get(target.unit_id)] ?? 'vanphong';
    const due = weekday(addDays(today, 10));
    const question = `Nêu nguyên nhân chỉ tiêu chậm và giải pháp đến cuối năm (${Date.now() % 100000})`;

    await page.goto(`${server.baseUrl}/targets/${target.id}`);
    await page.getByRole('button', { name: 'Yêu cầu giải trình' }).click();
    await page.waitForSelector('#ask-question');
    // Nothing filled in: every problem named as the form labels it.
    await page.click('#ask-section button[type=submit]');
    await page.waitForSelector('#ask-section .error-summary');
    assert.match(await page.locator('#ask-section .error-summary').innerText(), /giải trình/);
    await page.fill('#ask-question', question);
    await page.fill('#ask-due_on', ddmmyyyy(due));
    await shoot('targets-11-ask', () => page.waitForSelector('#ask-question'));
    await page.click('#ask-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã yêu cầu' }).waitFor();
    const row = page.locator('#main table tbody tr', { hasText: question });
    await row.waitFor();
    assert.match(await row.innerText(), /Chờ giải trình/);
    const requestHref = await row.locator('a', { hasText: question }).getAttribute('href');

    await as(answerer);
    await page.goto(`${server.baseUrl}${requestHref}`);
    await page.getByRole('button', { name: 'Trả lời giải trình' }).click();
    await page.waitForSelector('#answer-causes');
    await page.fill('#answer-causes', 'Giải phóng mặt bằng chậm ở hai dự án lớn.');
    await page.fill('#answer-measures', 'Tổ công tác họp hằng tuần, báo cáo Chủ tịch trước ngày 25 hằng tháng.');
    await page.fill('#answer-expected_value', 'một trăm');
    await page.click('#answer-section button[type=submit]');
    await page.waitForSelector('#answer-expected_value-error');
    assert.equal(await page.inputValue('#answer-causes'), 'Giải phóng mặt bằng chậm ở hai dự án lớn.', 'nothing typed is lost');
    await page.fill('#answer-expected_value', '96,5');
    await shoot('targets-12-answer', () => page.waitForSelector('#answer-causes'));
    await page.click('#answer-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã gửi giải trình' }).waitFor();
    assert.match(await page.locator('#main').innerText(), /Giải phóng mặt bằng chậm/);

    await as('lanhdao');
    await page.goto(`${server.baseUrl}${requestHref}`);
    await page.getByRole('button', { name: 'Chấp nhận giải trình' }).click();
    await page.locator('.notice--success', { hasText: 'Đã chấp nhận' }).waitFor();
    assert.match(await page.locator('#main .summary-list').first().innerText(), /Đã chấp nhận/);
    await shoot('targets-13-accepted');
    assert.deepEqual(errors.filter((e) => !/401|Failed to load resource/.test(e)), [], 'no errors in the console');
  });

  it('lets the leader ask the lead unit of a late task to explain from the task page, and the unit answer', async () => {
    await as('lanhdao');
    // A late task led by a unit the demo has an officer for.
    const officers = { 'MA.STC': 'canbo.stc', 'MA.SXD': 'canbo.sxd', 'MA.Q1': 'canbo.q1' };
    const late = (await api('/tasks?timeliness=overdue&top_level=true&limit=200')).items;
    let task = null;
    let answerer = null;
    for (const x of late) {
      answerer = officers[(await api(`/units/${x.lead_unit_id}`)).code];
      if (answerer) {
        task = x;
        break;
      }
    }
    assert.ok(task, 'the demo city has a late task led by a unit with an officer');
    const due = weekday(addDays(today, 10));
    const question = `Vì sao nhiệm vụ quá hạn, khi nào hoàn thành? (${Date.now() % 100000})`;

    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    const section = page.locator('.task-explanations');
    await section.waitFor();
    await section.getByRole('link', { name: 'Yêu cầu giải trình' }).click();
    await page.waitForURL(new RegExp(`/targets/explanations/new\\?task_id=${task.id}$`));
    await page.waitForSelector('#ask-question');
    assert.match(await page.locator('h1').innerText(), /Yêu cầu giải trình về nhiệm vụ/);
    assert.match(await page.locator('#main .summary-list').innerText(), new RegExp(task.lead_unit.name));
    assert.match(await page.locator('#ask-section').innerText(), /nhiệm vụ quá hạn, khó khăn vướng mắc/, 'the example is about a task');
    // Nothing filled in: refused before sending, each field named as the form labels it.
    await page.click('#ask-section button[type=submit]');
    await page.waitForSelector('#ask-section .error-summary');
    await page.fill('#ask-question', question);
    await page.fill('#ask-due_on', ddmmyyyy(due));
    await shoot('targets-17-ask-task', () => page.waitForSelector('#ask-question'));
    await page.click('#ask-section button[type=submit]');
    // Back on the task's page: the request listed there, open, with its due date.
    await page.waitForURL(new RegExp(`/tasks/${task.id}$`));
    await page.locator('.notice--success', { hasText: `Đã yêu cầu ${task.lead_unit.name} giải trình` }).waitFor();
    const row = page.locator('.task-explanations tbody tr', { hasText: question });
    await row.waitFor();
    assert.match(await row.innerText(), /Chờ giải trình/);
    assert.ok((await row.innerText()).includes(ddmmyyyy(due)), await row.innerText());
    await shoot('targets-18-task-explanations', () => row.waitFor());

    // The unit's officer finds it among the requests about tasks and answers with a date.
    await as(answerer);
    await page.goto(`${server.baseUrl}/targets/explanations?about=task&state=open`);
    const listed = page.locator('.explanation-table tbody tr', { hasText: question });
    await listed.waitFor();
    assert.ok((await listed.innerText()).includes(task.title), await listed.innerText());
    await listed.locator('a', { hasText: question }).click();
    await page.getByRole('button', { name: 'Trả lời giải trình' }).click();
    await page.waitForSelector('#answer-causes');
    await page.fill('#answer-causes', 'Chờ ý kiến thẩm định của sở chuyên ngành.');
    await page.fill('#answer-measures', 'Đã họp liên ngành, hoàn thiện hồ sơ trong tuần.');
    await page.check('#answer-expect-date');
    await page.fill('#answer-expected_on', ddmmyyyy(weekday(addDays(today, 20))));
    await page.click('#answer-section button[type=submit]');
    await page.locator('.notice--success', { hasText: 'Đã gửi giải trình' }).waitFor();
    // On the task's page the officer sees it answered, and cannot ask for explanations.
    await page.goto(`${server.baseUrl}/tasks/${task.id}`);
    const answered = page.locator('.task-explanations tbody tr', { hasText: question });
    await answered.waitFor();
    assert.match(await answered.innerText(), /Đã giải trình/);
    assert.equal(await page.locator('.task-explanations a', { hasText: 'Yêu cầu giải trình' }).count(), 0);
    assert.deepEqual(errors.filter((e) => !/401|Failed to load resource/.test(e)), [], 'no errors in the console');
  });
});

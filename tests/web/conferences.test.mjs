// Browser test of conferences against the real server with the demo city's mid-year
// session: the list and the conference page (drafts, counts, report links, votes with the
// rule), answering an opinion past its deadline (a refusal beside its field first, then
// accepted), recording a vote by totals; at 1366 px and 390 px with no page wider than the
// screen. Screenshots go to /tmp/shots/conferences/ (or SCREENSHOT_DIR).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, login, missingPrerequisite, startServer, watchErrors } from './support.mjs';

const skip = missingPrerequisite();
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp/shots/conferences';
const SIZES = [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]];

describe('conferences in the web UI', { skip: skip ?? false }, () => {
  let server, browser, page, errors, conf;

  // Saves both widths and checks that nothing is wider than the screen at either.
  const shootAndFit = async (name) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} at ${size.width} px is ${overflow} px wider than the screen`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: label === 'desktop' });
    }
    await page.setViewportSize(SIZES[0][1]);
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(SIZES[0][1]);
    errors = watchErrors(page);
    await login(page, server.baseUrl, 'vanphong');
    const res = await page.request.get(`${server.baseUrl}/api/v1/conferences`);
    conf = (await res.json()).items[0];
    assert.ok(conf, 'the demo conference');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the conference and opens its page with drafts, counts, reports and votes', async () => {
    await page.goto(`${server.baseUrl}/conferences`);
    await page.locator('#sidenav').getByText('Hội nghị, kỳ họp', { exact: true }).waitFor();
    await page.getByRole('link', { name: conf.name }).click();
    await page.locator('h1', { hasText: conf.name }).waitFor();
    const main = page.locator('#main');
    await main.getByText('Dự thảo thảo luận').waitFor();
    await main.getByText('Chưa trả lời, quá hạn, theo đơn vị soạn thảo').waitFor();
    await main.getByText(/quá nửa tổng số đại biểu \(không phải số đại biểu có mặt\)/).first().waitFor();
    const href = await main.getByRole('link', { name: 'Tải báo cáo (.docx)' }).getAttribute('href');
    const docx = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(docx.status(), 200);
    assert.match(docx.headers()['content-type'], /wordprocessingml/);
    await main.locator('.opinion').first().waitFor();
    await shootAndFit('conference');
    await page.goto(`${server.baseUrl}/conferences`);
    await page.getByRole('link', { name: conf.name }).waitFor();
    await shootAndFit('list');
  });

  it('answers an opinion past its deadline: the server refusal beside its field, then accepted', async () => {
    await page.goto(`${server.baseUrl}/conferences/${conf.id}`);
    const item = page.locator('.opinion', { has: page.locator('.tag', { hasText: 'Quá hạn trả lời' }) }).first();
    await item.waitFor();
    const id = (await item.getAttribute('id')).replace('opinion-', '');
    await item.getByRole('button', { name: 'Trả lời' }).click();
    await item.getByText('Giải trình', { exact: true }).click();
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    await item.locator('.error-summary', { hasText: 'Nêu lý do giữ nguyên dự thảo' }).waitFor();
    await shootAndFit('answer-error');
    await item.getByText('Tiếp thu', { exact: true }).click();
    await item.getByLabel('Nội dung trả lời').fill('Đã bổ sung khoản 3 Điều 2 theo ý kiến đại biểu.');
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    const answered = page.locator(`#opinion-${id}`);
    await answered.locator('.tag', { hasText: 'Tiếp thu' }).waitFor();
    await answered.getByText('Đã bổ sung khoản 3 Điều 2 theo ý kiến đại biểu.').first().waitFor();
  });

  it('records a vote by totals and shows the rule and the outcome', async () => {
    await page.goto(`${server.baseUrl}/conferences/${conf.id}`);
    const form = page.locator('form.vote-form');
    await form.getByLabel('Nội dung biểu quyết').fill('Thông qua Nghị quyết hỗ trợ chuyển đổi số cấp xã');
    await form.getByLabel('Tán thành', { exact: true }).fill('20');
    await form.getByLabel('Không tán thành', { exact: true }).fill('5');
    await form.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    const vote = page.locator('.vote', { hasText: 'Thông qua Nghị quyết hỗ trợ chuyển đổi số cấp xã' });
    await vote.waitFor();
    await vote.getByText('Không thông qua', { exact: true }).waitFor();  // 20 of 40 is not more than half
    await vote.getByText(/^Không thông qua: 20\/40 đại biểu tán thành .*cần ít nhất 21.$/).waitFor();
    await shootAndFit('votes');
  });

  it('had no errors in the browser console (refusals the test asked for aside)', () => {
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

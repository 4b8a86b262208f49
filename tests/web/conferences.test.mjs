// Browser test of conferences against the real server with the demo city's mid-year
// session: the list and the conference page (drafts, counts, report links, votes with the
// rule), answering an opinion past its deadline (a refusal beside its field first, then
// accepted), recording a vote by totals; the secretariat's forms on a new conference
// (create it, add delegates, record opinions, merge duplicates, a new round, a vote by
// ballot) with their field-level errors; the report's number refused beside its field when
// too long; and the synthesis .docx drawn as a page (no PDF converter here). At 1366 px and
// 390 px with no page wider than the screen. Screenshots go to /tmp/shots/conferences/ (or
// SCREENSHOT_DIR).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { drawDocx } from './docx_page.mjs';
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

  it('creates a conference with a draft, its field errors first, and adds delegates', async () => {
    const units = (await (await page.request.get(`${server.baseUrl}/api/v1/units?limit=1000`)).json()).items;
    const unit = (code) => String(units.find((u) => u.code === code).id);
    await page.goto(`${server.baseUrl}/conferences`);
    await page.getByRole('link', { name: 'Tạo hội nghị' }).click();
    await page.waitForURL(/\/conferences\/new$/);
    const form = page.locator('#main form');
    await form.getByRole('button', { name: 'Tạo hội nghị' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Nhập tên hội nghị.').waitFor();
    await summary.getByText('Nhập tên dự thảo.').waitFor();
    await page.locator('[id="conference-documents.0.title"]').locator('xpath=ancestor::*[contains(@class,"field")][1]')
      .getByText('Nhập tên dự thảo.').waitFor();
    await shootAndFit('new-conference-errors');
    await page.fill('#conference-name', 'Hội nghị lấy ý kiến thử nghiệm');
    await page.selectOption('#conference-body_unit_id', unit('MA'));
    await page.fill('#conference-starts_on', '14/01/2026');
    await page.fill('#conference-ends_on', '15/01/2026');
    await page.fill('#conference-place', 'Minh An');
    await page.fill('[id="conference-documents.0.title"]', 'Dự thảo Nghị quyết hỗ trợ doanh nghiệp nhỏ');
    await page.selectOption('[id="conference-documents.0.drafting_unit_id"]', unit('MA.STC'));
    await page.fill('[id="conference-documents.0.sections"]', 'Điều 1. Phạm vi\nĐiều 2. Mức hỗ trợ');
    await form.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page.waitForURL(/\/conferences\/\d+$/);
    await page.locator('h1', { hasText: 'Hội nghị lấy ý kiến thử nghiệm' }).waitFor();
    const delegate = page.locator('form.delegate-form');
    await delegate.getByRole('button', { name: 'Thêm đại biểu' }).click();
    await delegate.locator('.error-summary').getByText('Nhập họ và tên đại biểu.').waitFor();
    for (const [name, group] of [['Phan Văn Đức', 'Tổ Bắc Sơn'], ['Võ Thị Hạnh', 'Tổ Trung Tâm']]) {
      await page.fill('#delegate-full_name', name);
      await page.fill('#delegate-delegation', group);
      await delegate.getByRole('button', { name: 'Thêm đại biểu' }).click();
      await delegate.getByText(`Đã thêm đại biểu ${name}.`).waitFor();
    }
    await page.getByRole('heading', { name: 'Đại biểu (2)' }).waitFor();
    await shootAndFit('new-conference');
  });

  it('records opinions during the session, merges a duplicate, and opens a new round once all are answered', async () => {
    const form = page.locator('form.opinion-form');
    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await form.locator('.error-summary').getByText('Chọn ít nhất một đại biểu nêu ý kiến.').waitFor();
    await shootAndFit('opinion-errors');
    for (const [who, text] of [['Phan Văn Đức (Tổ Bắc Sơn)', 'Nâng mức hỗ trợ cho doanh nghiệp siêu nhỏ.'],
      ['Võ Thị Hạnh (Tổ Trung Tâm)', 'Đề nghị nâng mức hỗ trợ doanh nghiệp siêu nhỏ.']]) {
      await form.getByLabel(who).check();
      await form.getByLabel('Phần, điều').selectOption({ label: 'Điều 2. Mức hỗ trợ' });
      await form.getByLabel('Nội dung ý kiến').fill(text);
      await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
      await page.locator('.opinion', { hasText: text }).waitFor();
      await form.getByLabel(who).uncheck();
    }
    const kept = page.locator('.opinion', { hasText: 'Nâng mức hỗ trợ cho doanh nghiệp siêu nhỏ.' });
    const dup = page.locator('.opinion', { hasText: 'Đề nghị nâng mức hỗ trợ' });
    const dupId = (await dup.getAttribute('id')).replace('opinion-', '');
    await kept.getByRole('button', { name: 'Gộp ý kiến trùng' }).click();
    await kept.getByRole('button', { name: 'Gộp vào ý kiến này' }).click();
    await kept.getByText('Chọn ít nhất một ý kiến trùng để gộp.').first().waitFor();
    await kept.getByLabel(new RegExp(`Ý kiến số ${dupId}:`)).check();
    await shootAndFit('merge');
    await kept.getByRole('button', { name: 'Gộp vào ý kiến này' }).click();
    await kept.getByText('Phan Văn Đức (Tổ Bắc Sơn); Võ Thị Hạnh (Tổ Trung Tâm)').waitFor();
    await page.locator(`#opinion-${dupId}`).getByText(/Đã gộp vào ý kiến số/).waitFor();
    await page.getByRole('button', { name: 'Mở vòng 2' }).click();
    await page.getByText(/Còn 1 ý kiến của vòng 1 chưa được trả lời/).waitFor();
    await kept.getByRole('button', { name: 'Trả lời' }).click();
    await kept.getByText('Ghi nhận', { exact: true }).click();
    await kept.getByRole('button', { name: 'Lưu trả lời' }).click();
    await kept.locator('.tag', { hasText: 'Ghi nhận' }).waitFor();
    await page.getByRole('button', { name: 'Mở vòng 2' }).click();
    await page.getByRole('button', { name: 'Mở vòng 3' }).waitFor();
    await page.getByText(/vòng 2/).first().waitFor();
  });

  it('records a vote delegate by delegate: 2 of 2 for is more than half of all', async () => {
    const form = page.locator('form.vote-form');
    await form.getByLabel('Nội dung biểu quyết').fill('Thông qua Nghị quyết hỗ trợ doanh nghiệp nhỏ');
    await form.getByText('Theo từng đại biểu', { exact: true }).click();
    await form.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await form.locator('.error-summary').getByText('Chọn phiếu của ít nhất một đại biểu.').waitFor();
    await form.getByLabel('Phan Văn Đức').selectOption('for');
    await form.getByLabel('Võ Thị Hạnh').selectOption('for');
    await shootAndFit('vote-ballots');
    await form.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    const vote = page.locator('.vote', { hasText: 'Thông qua Nghị quyết hỗ trợ doanh nghiệp nhỏ' });
    await vote.getByText('Thông qua', { exact: true }).waitFor();
  });

  it('refuses a report number that is too long beside its field, and draws the .docx as a page', async () => {
    const id = Number(page.url().split('/').pop());
    await page.getByText('Ghi số, ký hiệu và người ký vào báo cáo').click();
    await page.fill('#report-number', '1'.repeat(51));
    await page.fill('#report-signer_title', 'Chánh Văn phòng');
    await page.fill('#report-signer_name', 'Trần Thị Mai');
    await page.getByRole('button', { name: 'Tạo báo cáo (.docx)' }).click();
    const field = page.locator('#report-number').locator('xpath=ancestor::*[contains(@class,"field")][1]');
    await field.getByText('Số, ký hiệu dài quá 50 ký tự; hãy rút gọn.').waitFor();
    await shootAndFit('report-number-error');
    const q = new URLSearchParams({ number: '15/BC-UBND', signer_title: 'Chánh Văn phòng', signer_name: 'Trần Thị Mai' });
    const res = await page.request.get(`${server.baseUrl}/api/v1/conferences/${id}/report.docx?${q}`);
    assert.equal(res.status(), 200);
    const sheet = await drawDocx(browser.context, await res.body());
    const text = await sheet.locator('main').innerText();
    for (const line of ['THÀNH PHỐ MINH AN', 'Số: 15/BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Minh An, ngày', 'BÁO CÁO', 'Tổng hợp, tiếp thu, giải trình ý kiến', 'STT', 'Nội dung ý kiến', 'Đại biểu, đơn vị',
      'Tiếp thu, giải trình', 'Nâng mức hỗ trợ cho doanh nghiệp siêu nhỏ.', 'Phan Văn Đức (Tổ Bắc Sơn); Võ Thị Hạnh (Tổ Trung Tâm)',
      'CHÁNH VĂN PHÒNG', 'Trần Thị Mai', 'Nơi nhận:'])
      assert.ok(text.toUpperCase().includes(line.toUpperCase()), `${line} in the drawn report:\n${text}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await sheet.screenshot({ path: path.join(SHOTS, 'report-docx.png'), fullPage: true });
    await sheet.close();
  });

  it('had no errors in the browser console (refusals the test asked for aside)', () => {
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)\b/.test(e));
    assert.deepEqual(real, []);
  });
});

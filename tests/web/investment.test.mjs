// Browser test of the investment board (issue 10) in Chromium at 1366 and 390 px: the leader
// opens the board, sees the S-curve with the forecast line, drills from the city to an
// investor and to a project, and sees why the project holds the city back (its open
// bottleneck). The portfolio is written into the database before the server starts.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SERVER_BIN, launchBrowser, login, missingPrerequisite, watchErrors } from './support.mjs';

const skip = missingPrerequisite();
const M = 1_000_000;
const YEAR = new Date().getFullYear();
const SIZES = [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]];

function sql(db, text) {
  return execFileSync('sqlite3', [db, text], { encoding: 'utf8' });
}

async function serve(db, demo) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const args = ['serve', '--db', `sqlite:${db}`, '--port', String(port), '--host', '127.0.0.1'];
  if (demo) args.push('--demo');
  const child = spawn(SERVER_BIN, args, { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function stop(s) {
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}

function seed(db) {
  const unit = (code) => `(SELECT id FROM units WHERE code = '${code}')`;
  const src = `(SELECT id FROM capital_sources WHERE code = 'NSDP-TT')`;
  const proj = `(SELECT id FROM projects WHERE code = 'WEB-01')`;
  const lines = [
    `INSERT INTO projects (code, name, name_folded, investor_id, managing_unit_id, sector, project_group, is_key,
       total_investment, approval_number, start_year, end_year, is_new, status, physical_percent, created_at, updated_at)
     VALUES ('WEB-01', 'Cầu Minh An', 'cau minh an', ${unit('MA.BQLGT')}, NULL, 'transport', 'B', 1, ${90000 * M},
       '1/QĐ-UBND', 2020, 2028, 0, 'in_progress', 35, 0, 0);`,
  ];
  const plan = (y, amount) => `INSERT INTO annual_plan_versions (year, project_id, source_id, basis, version_kind, amount,
       decision_number, decision_date, added_after_sep30, created_at)
     VALUES (${y}, ${proj}, ${src}, 'council', 'initial', ${amount}, '1/NQ-HĐND', '${y - 1}-12-10', 0, 0);`;
  const pay = (y, day, amount) => `INSERT INTO disbursements (project_id, source_id, plan_year, paid_on, amount, created_at)
     VALUES (${proj}, ${src}, ${y}, '${day}', ${amount}, 0);`;
  for (const y of [YEAR - 3, YEAR - 2, YEAR - 1]) {
    lines.push(plan(y, 1000 * M), pay(y, `${y}-06-15`, 200 * M), pay(y, `${y}-12-15`, 650 * M), pay(y, `${y + 1}-01-20`, 100 * M));
  }
  lines.push(plan(YEAR, 1000 * M), pay(YEAR, `${YEAR}-03-10`, 250 * M));
  // A mid-year adjustment citing its decision, and two wards: the project counts once by place.
  lines.push(`INSERT INTO annual_plan_versions (year, project_id, source_id, basis, version_kind, amount,
       decision_number, decision_date, added_after_sep30, created_at)
     VALUES (${YEAR}, ${proj}, ${src}, 'council', 'adjustment', ${-200 * M}, '45/NQ-HĐND', '${YEAR}-07-10', 0, 0);`);
  lines.push(`INSERT INTO project_locations (project_id, unit_id) VALUES (${proj}, ${unit('MA.P.ANHOA')}),
       (${proj}, ${unit('MA.P.TRUNGTAM')});`);
  lines.push(`INSERT INTO tasks (share_percent, title, title_folded, description, lead_unit_id, output_kind, deadline,
       original_deadline, recurrence, is_key, state, progress_percent, own_progress_percent, output_text, created_at, updated_at)
     VALUES (100, 'Giải phóng mặt bằng cầu Minh An', 'giai phong mat bang cau minh an', '', ${unit('MA.BQLGT')}, 'report',
       '${YEAR}-11-30', '${YEAR}-11-30', '', 1, 'in_progress', 10, 10, '', 0, 0);`);
  lines.push(`INSERT INTO project_tasks (task_id, project_id, kind, category, within_own_control, created_at)
     VALUES ((SELECT MAX(id) FROM tasks), ${proj}, 'bottleneck', 'site_clearance', 1, 0);`);
  sql(db, lines.join('\n'));
}

describe('the investment board in the web UI', { skip: skip ?? false }, () => {
  let dir, server, browser, page, errors;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dieuhanh-invest-web-'));
    const db = path.join(dir, 't.db');
    await stop(await serve(db, true));
    seed(db);
    server = await serve(db, false);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await login(page, server.base, 'lanhdao');
  });
  after(async () => {
    await browser?.close();
    if (server) await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function shoot(name) {
    const out = process.env.SCREENSHOT_DIR;
    if (!out) return;
    fs.mkdirSync(out, { recursive: true });
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(out, `${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[0][1]);
  }

  for (const [label, size] of SIZES) {
    it(`drills from the city to an investor to a project (${label})`, async () => {
      await page.setViewportSize(size);
      await page.goto(`${server.base}/investment`);
      await page.getByRole('heading', { name: `Giải ngân vốn đầu tư công năm ${YEAR}` }).waitFor();
      const chart = page.locator('figure.chart').first();
      await chart.waitFor();
      await page.waitForFunction(() => document.querySelector('figure.chart svg'));
      assert.match(await chart.innerText(), /Dự báo/, 'the forecast line is on the S-curve');
      assert.match(await chart.innerText(), /Khoảng dự báo/, 'inside the band of its range');
      assert.match(await chart.innerText(), /Lộ trình mục tiêu/);
      const places = page.locator('section', { has: page.getByRole('heading', { name: 'Theo địa bàn' }) });
      assert.match(await places.innerText(), /tính một lần/, 'the rule is stated');
      assert.match(await places.innerText(), /Nhiều địa bàn/, 'a project in two wards counts once');
      // The demo's projects each lie in one ward, so the wards have rows of their own; that
      // the rows add up to the city (no project counted in two) is api_investment_rollup's check.
      assert.match(await places.innerText(), /Phường An Hòa/, 'a ward with projects of its own');
      if (label === 'desktop') await shoot('investment-board');
      await page.getByRole('link', { name: 'Ban QLDA đầu tư xây dựng các công trình giao thông' }).first().click();
      await page.getByRole('heading', { name: /Dự án của Ban QLDA/ }).waitFor();
      await page.getByRole('link', { name: /WEB-01 — Cầu Minh An/ }).first().click();
      await page.getByRole('link', { name: 'Giải phóng mặt bằng cầu Minh An' }).waitFor();
      const body = await page.locator('main').innerText();
      for (const want of [/Tổng mức đầu tư/, /Nhóm B/, /Dự án trọng điểm/, /Phường An Hòa; Phường Trung Tâm/, /Khối lượng thực hiện\s+35/,
        /Giải ngân trong tháng/, /Các lần giao và điều chỉnh kế hoạch/, /Điều chỉnh/, /Quyết định số 45\/NQ-HĐND/, /Giải phóng mặt bằng/])
        assert.match(body, want);
      if (label === 'desktop') await shoot('investment-project');
      await page.goto(`${server.base}/investment/forecast`);
      await page.getByRole('heading', { name: 'Phương pháp dự báo' }).waitFor();
      if (label === 'desktop') await shoot('investment-forecast');
      // The login page's session check answers 401 before logging in.
      assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
    });
  }
});

// Shared helpers for the browser tests: start the real server on a free port with demo
// data, drive headless Chromium through playwright-core, take screenshots on request.
//
//   node --test tests/web/
//
// Environment:
//   DIEUHANH_BIN     server binary (default <repo>/build/dieuhanh)
//   CHROMIUM         browser (default /usr/bin/chromium)
//   SCREENSHOT_DIR   when set, every shoot() saves PNGs at 1440×900 and 360×740 there
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = path.join(REPO, 'web');
// playwright-core is a dev dependency of web/, not of the repository root.
const { chromium } = createRequire(path.join(WEB, 'package.json'))('playwright-core');

export const SERVER_BIN = process.env.DIEUHANH_BIN || path.join(REPO, 'build', 'dieuhanh');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Demo@2026';

export function missingPrerequisite() {
  if (!fs.existsSync(SERVER_BIN)) return `server binary not built: ${SERVER_BIN}`;
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

function ensureWebBuilt() {
  if (fs.existsSync(path.join(WEB, 'dist', 'index.html'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: WEB, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed in web/');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Starts `dieuhanh serve --demo` on a fresh SQLite file; resolves once /healthz answers.
export async function startServer() {
  ensureWebBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dieuhanh-web-'));
  const port = await freePort();
  const args = ['serve', '--db', `sqlite:${path.join(dir, 't.db')}`, '--port', String(port), '--host', '127.0.0.1', '--demo'];
  const child = spawn(SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  child.on('error', (e) => (exited = { error: String(e) }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 60 s:\n${output}`);
    }
    await sleep(100);
  }

  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        for (let i = 0; i < 50 && !exited; i++) await sleep(100);
        if (!exited) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 360, height: 740 };

// A fresh browser profile per run; nothing leaks between runs.
export async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dieuhanh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: DESKTOP,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Collects what the page says went wrong: console errors (CSP violations show up
// here) and uncaught exceptions.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function login(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('form button[type=submit]');
  await shellReady(page);
}

// Waits until the shell is ready for a click: the top bar and the side menu are rendered
// (the menu behind its button on a phone), no part of the page still says it is loading,
// and the page's first fetches are done (the network is quiet). A click before that, on a
// loaded machine, lands while the renderer is still busy with the first page and can time
// out. Every wait here takes the browser's default timeout (launchBrowser).
export async function shellReady(page) {
  await page.waitForSelector('.topbar');
  await page.locator('#sidenav').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('#main .loading'));
}

// The set-up every browser test starts from: the server with the demo city and one page of a
// fresh browser, watched for errors (started before the describe block's tests, closed after
// them). `onOpen(session)` hands the test its { server, page, errors }.
export function browserSession(onOpen) {
  const session = {};
  before(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
    session.page = await session.browser.context.newPage();
    session.errors = watchErrors(session.page);
    await onOpen?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

// GET /api/v1<path> in the page's session: the answer's JSON; fails the test unless 200.
export async function apiGet(page, baseUrl, path) {
  const res = await page.request.get(`${baseUrl}/api/v1${path}`);
  assert.equal(res.status(), 200, `GET ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

// Signs `username` in from a fresh session: nothing the step before left behind.
export async function signInAfresh(page, baseUrl, username) {
  await page.context().clearCookies();
  await login(page, baseUrl, username);
}

// dd/mm/yyyy of an ISO date.
export function ddmmyyyy(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function todayInVietnam() {
  // From the parts: 'en-CA' formats as 11/24/2026 with Debian 12's ICU.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// With SCREENSHOT_DIR set, saves `<name>-desktop.png` (1440×900) and `<name>-phone.png`
// (360×740), full page, then restores the desktop viewport.
export async function shoot(page, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

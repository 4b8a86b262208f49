// Browser test of "Việc của tôi" (issue 9): an officer opens it from the menu and sees what
// waits on them in the server's order (GET /api/v1/my-work), at 1366 and 390 px with no
// page wider than the screen. Screenshots go to SCREENSHOT_DIR (default /tmp/shots/mywork).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSession, missingPrerequisite, signInAfresh } from './support.mjs';

const skip = missingPrerequisite();
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp/shots/mywork';
const SIZES = [['1366', { width: 1366, height: 768 }], ['390', { width: 390, height: 844 }]];

describe('my work in the web UI', { skip: skip ?? false }, () => {
  let server, page, errors;
  browserSession(async (s) => {
    ({ server, page, errors } = s);
    await page.setViewportSize(SIZES[0][1]);
  });

  it('lists what waits on an officer, due first, at both widths', async () => {
    await signInAfresh(page, server.baseUrl, 'canbo.stc');
    errors.length = 0;  // the login page asks who is signed in first (401)
    const res = await page.request.get(`${server.baseUrl}/api/v1/my-work?limit=50`);
    assert.equal(res.status(), 200);
    const mine = await res.json();
    assert.ok(mine.items.length > 0, 'the demo city gives Sở Tài chính work');
    await page.getByRole('link', { name: 'Việc của tôi' }).first().click();
    await page.waitForURL(/\/my-work$/);
    const rows = page.locator('.mywork-table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), mine.items.length);
    // The first row is the server's first item: what is due first.
    const first = mine.items[0];
    assert.ok((await rows.first().innerText()).includes(first.title || ''), await rows.first().innerText());
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `my work at ${size.width} px is ${overflow} px wider than the screen`);
      await page.screenshot({ path: path.join(SHOTS, `mywork-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[0][1]);
    assert.deepEqual(errors, []);
  });
});

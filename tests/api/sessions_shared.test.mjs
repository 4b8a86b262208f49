// Two server processes over one database (one SQLite file; one PostgreSQL database). Each
// keeps the principals of recent sessions in memory (src/auth/session_cache.h): a logout,
// a disabled user, a role change or a password change made through server A must reach
// server B within the stated bound (2 s after B last read the session), and A at once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, start, userId } from './lib.mjs';

// The rule's bound (SessionCache::kEntrySeconds) plus room for a loaded machine.
const BOUND_MS = 2000 + 8000;

// Polls `check` (an async function returning true when done) until it holds; fails after
// BOUND_MS. A bound on correctness, not a measure of speed.
async function within(what, check) {
  const deadline = Date.now() + BOUND_MS;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`${what}: not seen within ${BOUND_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The same session (cookie) used against another server.
function onB(client, server) {
  const other = server.client();
  other.cookie = client.cookie;
  other.csrf = client.csrf;
  return other;
}

async function refused(c) {
  const r = await c.get('/api/v1/me');
  if (r.status === 200) return false;
  assertError(r, 401, 'unauthenticated');
  return true;
}

for (const db of DBS) {
  describe(`sessions shared by two servers on ${db}`, () => {
    let a, b, admin;
    before(async () => {
      a = await start(db);
      b = await start(a.db, { demo: false });
      admin = await a.as('admin');
    });
    after(async () => {
      await b?.close();
      await a?.close();
    });

    it('a logout through A ends the session on B', async () => {
      const c = await a.as('xem');
      const there = onB(c, b);
      const here = onB(c, a);  // keeps the cookie the logout clears in `c`
      assert.equal((await there.get('/api/v1/me')).status, 200, 'B knows the session (and caches it)');
      assert.equal((await c.post('/api/v1/logout')).status, 204);
      assert.ok(await refused(here), 'A refuses at once');
      await within('logout on B', () => refused(there));
    });

    it('disabling a user through A ends their session on B', async () => {
      const c = await a.as('canbo.sxd');
      const there = onB(c, b);
      assert.equal((await there.get('/api/v1/me')).status, 200);
      const id = await userId(admin, 'canbo.sxd');
      assert.equal((await admin.patch(`/api/v1/users/${id}`, { active: false })).status, 200);
      assert.ok(await refused(c), 'A refuses at once');
      await within('disabled user on B', () => refused(there));
      assert.equal((await admin.patch(`/api/v1/users/${id}`, { active: true })).status, 200);
    });

    it('a role change through A shows on B', async () => {
      const c = await a.as('canbo.q1');
      const there = onB(c, b);
      const before = await there.get('/api/v1/me');
      assert.equal(before.status, 200);
      assert.equal(before.body.roles[0].role, 'officer');
      const id = await userId(admin, 'canbo.q1');
      const unit = before.body.roles[0].unit_id;
      const r = await admin.patch(`/api/v1/users/${id}`, { roles: [{ role: 'viewer', unit_id: unit }] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((await c.get('/api/v1/me')).body.roles[0].role, 'viewer', 'A sees it at once');
      await within('role change on B', async () => (await there.get('/api/v1/me')).body.roles[0].role === 'viewer');
    });

    it('a password change through A ends the user’s other sessions on B', async () => {
      const c = await a.as('canbo.stc');
      const there = onB(c, b);
      assert.equal((await there.get('/api/v1/me')).status, 200);
      const id = await userId(admin, 'canbo.stc');
      const r = await admin.patch(`/api/v1/users/${id}`, { password: 'Mat-khau-moi@2026' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(await refused(c), 'A refuses at once');
      await within('password change on B', () => refused(there));
      assert.equal((await onB(admin, b).get('/api/v1/me')).status, 200, 'the admin stays in on B');
    });
  });
}

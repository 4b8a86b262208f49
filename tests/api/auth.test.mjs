// Signing in and out, the session cookie and the CSRF header, throttling of password
// guessing, and API tokens — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { DEMO_PASSWORD } from './support.mjs';
import { DBS, assertError, assertList, start } from './lib.mjs';

// POST /api/v1/login from a chosen loopback address (Linux routes all of 127/8 to lo), with
// extra headers; resolves with the status and the Set-Cookie header.
function loginFrom(server, localAddress, headers = {}) {
  const body = JSON.stringify({ username: 'xem', password: DEMO_PASSWORD });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1', port: server.port, localAddress, method: 'POST', path: '/api/v1/login', agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, cookie: (res.headers['set-cookie'] || []).join('\n') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const db of DBS) {
  describe(`auth on ${db}`, () => {
    let server;
    before(async () => {
      server = await start(db);
    });
    after(async () => {
      await server?.close();
    });

    it('logs in with an HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
      const c = server.client();
      const r = await c.login('vanphong');
      assert.equal(r.status, 200);
      const cookie = r.headers.get('set-cookie');
      assert.match(cookie, /^dh_session=[0-9a-f]{64};/);
      assert.match(cookie, /;\s*HttpOnly/i);
      assert.match(cookie, /;\s*SameSite=Strict/i);
      assert.match(cookie, /;\s*Path=\//);
      assert.match(r.body.csrf_token, /^[0-9a-f]{32,}$/);
      const u = r.body.user;
      assert.equal(u.username, 'vanphong');
      assert.equal(typeof u.id, 'number');
      assert.equal(typeof u.full_name, 'string');
      assert.deepEqual(u.roles.map((x) => [x.role, x.unit_code]), [['office', 'MA']]);
      assert.equal(typeof u.roles[0].unit_id, 'number');
      assert.equal(typeof u.roles[0].unit_name, 'string');
      assert.ok(u.permissions.includes('units.write'));
      assert.ok(u.permissions.includes('users.read'));
      assert.ok(!u.permissions.includes('users.write'));
      // The session token never appears in the body.
      assert.ok(!JSON.stringify(r.body).includes(cookie.slice(11, 75)));

      const me = await c.get('/api/v1/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.username, 'vanphong');
      assert.equal(me.body.csrf_token, r.body.csrf_token, 'a reloaded page gets the same CSRF token');
      assert.deepEqual(me.body.permissions, u.permissions);
    });

    it('answers 401 unauthenticated without a session, or with a made-up one', async () => {
      const c = server.client();
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      c.cookie = 'dh_session=' + 'ab'.repeat(32);
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      c.cookie = 'dh_session=short';
      assertError(await c.get('/api/v1/units'), 401, 'unauthenticated');
    });

    it('gives the same 401 for a wrong password and an unknown user', async () => {
      const c = server.client();
      const wrong = await c.login('xem', 'Sai@mat-khau1');
      const unknown = await c.login('khong.co.ai', 'Sai@mat-khau1');
      assertError(wrong, 401, 'invalid_credentials');
      assertError(unknown, 401, 'invalid_credentials');
      assert.deepEqual(unknown.body, wrong.body);
      assert.equal(wrong.headers.get('set-cookie'), null);
      assert.equal(c.cookie, '');
    });

    it('validates the login body', async () => {
      const c = server.client();
      assertError(await c.post('/api/v1/login', { username: 'admin' }), 400, undefined, 'password');
      assertError(await c.post('/api/v1/login', { username: 'admin', password: '' }), 400, undefined, 'password');
      assertError(await c.post('/api/v1/login', { username: 'admin', password: 5 }), 400, undefined, 'password');
      assertError(await c.post('/api/v1/login', { password: DEMO_PASSWORD }), 400, 'required', 'username');
      assertError(await c.post('/api/v1/login', { username: 7, password: DEMO_PASSWORD }), 400, 'wrong_type', 'username');
      assertError(await c.post('/api/v1/login', '{"username":'), 400, 'invalid_json');
      assertError(await c.post('/api/v1/login', ['admin', DEMO_PASSWORD]), 400, 'invalid_json');
    });

    it('refuses a cookie write without X-CSRF-Token (403 csrf_required) and writes nothing', async () => {
      const c = await server.as('vanphong');
      const before = assertList(await c.get('/api/v1/tokens')).length;
      assertError(await c.post('/api/v1/tokens', { name: 'no csrf' }, { csrf: false }), 403, 'csrf_required');
      assertError(
        await c.post('/api/v1/tokens', { name: 'wrong csrf' }, { csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } }),
        403,
        'csrf_required',
      );
      assertError(
        await c.post('/api/v1/units', { code: 'MA.CSRF', name: 'x', kind: 'other' }, { csrf: false }),
        403,
        'csrf_required',
      );
      assertError(await c.patch('/api/v1/users/1', { full_name: 'x' }, { csrf: false }), 403, 'csrf_required');
      assertError(await c.del('/api/v1/tokens/1', { csrf: false }), 403, 'csrf_required');
      assert.equal(assertList(await c.get('/api/v1/tokens')).length, before);
      const units = assertList(await c.get('/api/v1/units?q=MA.CSRF'));
      assert.equal(units.length, 0);
      // Reads need no CSRF header.
      assert.equal((await c.get('/api/v1/units')).status, 200);
    });

    it('logs out: needs the CSRF header, clears the cookie, ends the session', async () => {
      const c = await server.as('lanhdao');
      const cookie = c.cookie;
      assertError(await c.post('/api/v1/logout', undefined, { csrf: false }), 403, 'csrf_required');
      assert.equal((await c.get('/api/v1/me')).status, 200, 'still logged in after a refused logout');
      const r = await c.post('/api/v1/logout');
      assert.equal(r.status, 204);
      assert.match(r.headers.get('set-cookie'), /^dh_session=;.*Max-Age=0/);
      assert.equal(c.cookie, '');
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      // The old cookie, replayed, is dead on the server too.
      c.cookie = cookie;
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      // Logging out twice: no session any more.
      assertError(await c.post('/api/v1/logout'), 401, 'unauthenticated');
    });

    it('throttles password guessing: 429 with Retry-After after 5 failures', async () => {
      const c = server.client();
      for (let i = 0; i < 5; i++) assertError(await c.login('doanhnghiep', `Sai@mat-khau${i}`), 401, 'invalid_credentials');
      const r = await c.login('doanhnghiep', `Sai@mat-khau5`);
      assertError(r, 429, 'too_many_attempts');
      const retry = r.headers.get('retry-after');
      assert.match(retry ?? '', /^[1-9][0-9]*$/, 'Retry-After in whole seconds');
      // The right password does not get through while the account is throttled.
      assertError(await c.login('doanhnghiep'), 429, 'too_many_attempts');
      assert.equal(c.cookie, '');
      // Other accounts are not locked by someone guessing this one.
      assert.equal((await server.client().login('xem')).status, 200);
    });

    it('unknown usernames count towards throttling too', async () => {
      const c = server.client();
      for (let i = 0; i < 5; i++) assertError(await c.login('khong.ton.tai', 'Sai@mat-khau'), 401, 'invalid_credentials');
      const r = await c.login('khong.ton.tai', 'Sai@mat-khau');
      assertError(r, 429, 'too_many_attempts');
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    });

    it('API tokens: create, use as Bearer without CSRF, list, revoke', async () => {
      const c = await server.as('vanphong');
      const created = await c.post('/api/v1/tokens', { name: 'Đồng bộ Kho bạc', expires_in_days: 30 });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const t = created.body;
      assert.equal(typeof t.id, 'number');
      assert.equal(t.name, 'Đồng bộ Kho bạc');
      assert.match(t.token, /^[0-9a-f]{32,}$/);
      assert.match(t.expires_at, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(t.revoked, false);

      const list = assertList(await c.get('/api/v1/tokens'));
      const listed = list.find((x) => x.id === t.id);
      assert.ok(listed);
      assert.equal(listed.token, undefined, 'the secret is shown once, never listed');

      // As an integration: no cookie, no CSRF header.
      const api = server.client();
      api.bearer = t.token;
      const me = await api.get('/api/v1/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.username, 'vanphong');
      assert.equal(me.body.csrf_token, undefined);
      const wrote = await api.post('/api/v1/units', { code: 'MA.TOKEN', name: 'Tổ công tác (qua API)', kind: 'other', parent_id: me.body.roles[0].unit_id });
      assert.equal(wrote.status, 201, JSON.stringify(wrote.body));
      assert.equal(wrote.headers.get('set-cookie'), null);

      // Only its owner sees or revokes a token.
      const other = await server.as('lanhdao');
      assert.ok(!assertList(await other.get('/api/v1/tokens')).some((x) => x.id === t.id));
      assertError(await other.del(`/api/v1/tokens/${t.id}`), 404, 'not_found');
      assert.equal((await api.get('/api/v1/me')).status, 200);

      const revoked = await c.del(`/api/v1/tokens/${t.id}`);
      assert.equal(revoked.status, 204);
      assertError(await api.get('/api/v1/me'), 401, 'invalid_token');
      assertError(await api.post('/api/v1/units', { code: 'MA.TOKEN2', name: 'x', kind: 'other' }), 401, 'invalid_token');
      assertError(await c.del(`/api/v1/tokens/${t.id}`), 404, 'not_found');
      assert.equal(assertList(await c.get('/api/v1/tokens')).find((x) => x.id === t.id).revoked, true);

      const bogus = server.client();
      bogus.bearer = 'f'.repeat(64);
      assertError(await bogus.get('/api/v1/me'), 401, 'invalid_token');
    });

    it('takes the Authorization scheme in any case (RFC 7235), and nothing like it', async () => {
      const c = await server.as('lanhdao');
      const made = await c.post('/api/v1/tokens', { name: 'Tích hợp', expires_in_days: 1 });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const token = made.body.token;
      const me = (authorization) => server.client().get('/api/v1/me', { headers: { authorization } });
      for (const value of [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `bEaReR ${token}`, `Bearer   ${token}`]) {
        const r = await me(value);
        assert.equal(r.status, 200, `${value.slice(0, 10)}…: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.username, 'lanhdao');
      }
      const refused = [
        [`Bearer${token}`, 'unauthenticated', 'no space after the scheme: not Bearer'],
        [`Basic ${token}`, 'unauthenticated', 'another scheme: no cookie, not signed in'],
        [`Bearer ${token}x`, 'invalid_token', 'a token that is not the one issued'],
        ['Bearer', 'invalid_token', 'the scheme without a token'],
        [`Bearer ${token.toUpperCase()}`, 'invalid_token', 'the token itself is case-sensitive'],
      ];
      for (const [value, code, why] of refused) {
        const r = await me(value);
        assert.equal(r.status, 401, why);
        assertError(r, 401, code);
      }
    });

    it('validates token requests', async () => {
      const c = await server.as('xem');
      assertError(await c.post('/api/v1/tokens', {}), 400, 'required', 'name');
      assertError(await c.post('/api/v1/tokens', { name: '   ' }), 400, 'required', 'name');
      assertError(await c.post('/api/v1/tokens', { name: 't', expires_in_days: 0 }), 400, undefined, 'expires_in_days');
      assertError(await c.post('/api/v1/tokens', { name: 't', expires_in_days: 367 }), 400, undefined, 'expires_in_days');
      assertError(await c.post('/api/v1/tokens', { name: 't', expires_in_days: 99999999999 }), 400, undefined, 'expires_in_days');
      assertError(await c.post('/api/v1/tokens', { name: 't', expires_in_days: '30' }), 400, 'wrong_type', 'expires_in_days');
      assertError(await c.post('/api/v1/tokens', { name: 't', expires_in_days: 1.5 }), 400, 'wrong_type', 'expires_in_days');
      assertError(await c.del('/api/v1/tokens/abc'), 404);
      assertError(await c.del('/api/v1/tokens/0'), 404);
      assertError(await c.del('/api/v1/tokens/999999'), 404, 'not_found');
      assert.equal(assertList(await c.get('/api/v1/tokens')).length, 0);
    });

    it('records logins and logouts in the audit log, never the password', async () => {
      const admin = await server.as('admin');
      const r = await admin.get('/api/v1/audit?entity=user&limit=500');
      const entries = assertList(r);
      assert.ok(entries.some((e) => e.action === 'session.login' && e.username === 'vanphong'));
      assert.ok(entries.some((e) => e.action === 'session.logout' && e.username === 'lanhdao'));
      assert.ok(!JSON.stringify(r.body).includes(DEMO_PASSWORD));
      assert.ok(!JSON.stringify(r.body).includes('Sai@mat-khau'));
    });

    it('a plain server: the cookie has no Secure and a forged header changes nothing', async () => {
      const r = await loginFrom(server, '127.0.0.1', { 'x-forwarded-proto': 'https' });
      assert.equal(r.status, 200);
      assert.doesNotMatch(r.cookie, /Secure/i);
    });
  });

  describe(`the session cookie is Secure behind TLS, on ${db}`, () => {
    let direct, proxied;
    before(async () => {
      direct = await start(db, { args: ['--public-url', 'https://dieuhanh.minhan.gov.vn/'] });
      proxied = await start(db, { args: ['--trusted-proxy', '10.9.8.7,127.0.0.2', '--public-url', 'http://noi-bo.minhan/'] });
    });
    after(async () => {
      await direct?.close();
      await proxied?.close();
    });

    it('with an https public URL: login and logout cookies carry Secure', async () => {
      const c = direct.client();
      const r = await c.login('xem');
      assert.equal(r.status, 200);
      assert.match(r.headers.get('set-cookie'), /^dh_session=[0-9a-f]{64};.*;\s*Secure/i);
      const out = await c.post('/api/v1/logout');
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie'), /^dh_session=;.*;\s*Secure/i);
    });

    it('believes X-Forwarded-Proto: https only from a trusted proxy', async () => {
      const cases = [
        ['127.0.0.2', { 'x-forwarded-proto': 'https' }, true, 'trusted proxy, https'],
        ['127.0.0.2', { 'x-forwarded-proto': 'HTTPS' }, true, 'the scheme in capitals'],
        ['127.0.0.2', {}, false, 'trusted proxy, no header'],
        ['127.0.0.2', { 'x-forwarded-proto': 'http' }, false, 'trusted proxy, plain http'],
        ['127.0.0.1', { 'x-forwarded-proto': 'https' }, false, 'the header from an address that is not a proxy'],
        ['127.0.0.3', { 'x-forwarded-proto': 'https' }, false, 'another untrusted address'],
      ];
      for (const [from, headers, secure, why] of cases) {
        const r = await loginFrom(proxied, from, headers);
        assert.equal(r.status, 200, why);
        assert.match(r.cookie, /^dh_session=[0-9a-f]{64};/, why);
        assert.equal(/;\s*Secure/i.test(r.cookie), secure, `${why}: ${r.cookie}`);
      }
    });
  });
}

// Users: list with filters, create, edit, disable, change a password; validation errors
// name the field — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from './support.mjs';
import { DBS, assertError, assertList, assertUnchanged, snapshot, start, unitsByCode, userId } from './lib.mjs';

const USER_KEYS = ['active', 'created_at', 'email', 'full_name', 'id', 'roles', 'username'];

function assertUser(u) {
  assert.deepEqual(Object.keys(u).sort(), USER_KEYS, JSON.stringify(u));
  assert.equal(typeof u.id, 'number');
  assert.equal(typeof u.active, 'boolean');
  assert.match(u.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  for (const r of u.roles) {
    assert.deepEqual(Object.keys(r).sort(), ['role', 'unit_code', 'unit_id', 'unit_name']);
    assert.ok(['admin', 'office', 'leader', 'officer', 'investor', 'business', 'viewer'].includes(r.role));
  }
}

for (const db of DBS) {
  describe(`users on ${db}`, () => {
    let server, admin, units;
    const uid = (code) => units.get(code).id;
    const valid = () => ({
      username: 'nguyen.van.a',
      full_name: 'Nguyễn Văn A',
      email: 'a@minhan.gov.vn',
      password: 'Mat-khau@2026',
      roles: [{ role: 'officer', unit_id: uid('MA.SXD') }],
    });

    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      units = await unitsByCode(admin);
    });
    after(async () => {
      await server?.close();
    });

    it('lists users with roles, no password material', async () => {
      const r = await admin.get('/api/v1/users');
      const items = assertList(r);
      items.forEach(assertUser);
      assert.equal(r.body.total, 13);
      const names = items.map((u) => u.username).sort();
      assert.deepEqual(names, ['admin', 'canbo.q1', 'canbo.skhdt', 'canbo.stc', 'canbo.sxd', 'chudautu.gt',
        'dn.cokhi', 'dn.detmay', 'dn.nangluong', 'doanhnghiep', 'lanhdao', 'vanphong', 'xem']);
      // The demo businesses' logins each hold the role business on their own organisation.
      for (const u of items.filter((x) => x.username.startsWith('dn.') || x.username === 'doanhnghiep'))
        assert.deepEqual(u.roles.map((g) => [g.role, g.unit_code.startsWith('MA.DN.')]), [['business', true]], u.username);
      assert.ok(!/password|hash|\$argon/i.test(JSON.stringify(r.body)));
      const admin1 = items.find((u) => u.username === 'admin');
      assert.deepEqual(admin1.roles, [{ role: 'admin', unit_id: null, unit_code: null, unit_name: null }]);
    });

    it('filters by q (no diacritics), role and unit; pages', async () => {
      const names = async (q) => assertList(await admin.get(`/api/v1/users?${q}`)).map((u) => u.username).sort();
      assert.deepEqual(await names('q=tran%20thi%20mai'), ['vanphong']);
      assert.deepEqual(await names('q=TRẦN THỊ'), ['vanphong']);
      assert.deepEqual(await names('q=canbo'), ['canbo.q1', 'canbo.skhdt', 'canbo.stc', 'canbo.sxd']);
      assert.deepEqual(await names('q=50%25'), [], 'LIKE wildcards are taken literally');
      assert.deepEqual(await names('role=officer'), ['canbo.q1', 'canbo.skhdt', 'canbo.stc', 'canbo.sxd']);
      assert.deepEqual(await names(`unit_id=${uid('MA.STC')}`), ['canbo.skhdt', 'canbo.stc'], 'the role passed with the 2025 merge');
      assert.deepEqual(await names(`role=officer&unit_id=${uid('MA.SXD')}`), ['canbo.sxd']);
      const page = await admin.get('/api/v1/users?limit=3&offset=3');
      assert.equal(assertList(page).length, 3);
      assert.equal(page.body.total, 13);
      const all = assertList(await admin.get('/api/v1/users'));
      assert.deepEqual(page.body.items, all.slice(3, 6));
      assertError(await admin.get('/api/v1/users?unit_id=abc'), 400, undefined, 'unit_id');
      assertError(await admin.get('/api/v1/users?limit=-1'), 400, undefined, 'limit');
      assertError(await admin.get('/api/v1/users?offset=x'), 400, undefined, 'offset');
    });

    it('reads one user; unknown and malformed ids are 404', async () => {
      const id = await userId(admin, 'canbo.stc');
      const r = await admin.get(`/api/v1/users/${id}`);
      assert.equal(r.status, 200);
      assertUser(r.body);
      assert.equal(r.body.username, 'canbo.stc');
      assert.deepEqual(r.body.roles.map((x) => [x.role, x.unit_code]), [['officer', 'MA.STC']]);
      assertError(await admin.get('/api/v1/users/999999'), 404, 'not_found');
      assertError(await admin.get('/api/v1/users/abc'), 404);
      assertError(await admin.patch('/api/v1/users/999999', { full_name: 'x' }), 404, 'not_found');
    });

    it('creates a user who can then log in; the audit keeps no password', async () => {
      const r = await admin.post('/api/v1/users', valid());
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assertUser(r.body);
      assert.equal(r.body.username, 'nguyen.van.a');
      assert.equal(r.body.full_name, 'Nguyễn Văn A');
      assert.equal(r.body.email, 'a@minhan.gov.vn');
      assert.equal(r.body.active, true);
      assert.deepEqual(r.body.roles, [{ role: 'officer', unit_id: uid('MA.SXD'), unit_code: 'MA.SXD', unit_name: 'Sở Xây dựng' }]);
      const c = server.client();
      const login = await c.login('nguyen.van.a', 'Mat-khau@2026');
      assert.equal(login.status, 200);
      assert.deepEqual(login.body.user.roles.map((x) => x.unit_code), ['MA.SXD']);
      const audit = await admin.get(`/api/v1/audit?entity=user&entity_id=${r.body.id}`);
      const entry = assertList(audit).find((e) => e.action === 'user.create');
      assert.ok(entry);
      assert.equal(entry.after.username, 'nguyen.van.a');
      assert.equal(entry.unit_id, uid('MA.SXD'));
      assert.ok(!/Mat-khau|argon|password_hash/i.test(JSON.stringify(audit.body)));

      // Several roles; admin needs no unit.
      const multi = await admin.post('/api/v1/users', {
        username: 'tran.b', full_name: 'Trần B', password: 'Mat-khau@2026',
        roles: [{ role: 'leader', unit_id: uid('MA.STC') }, { role: 'viewer', unit_id: uid('MA') }, { role: 'admin' }],
      });
      assert.equal(multi.status, 201, JSON.stringify(multi.body));
      assert.deepEqual(multi.body.roles.map((x) => x.role), ['leader', 'viewer', 'admin']);
      assert.equal(multi.body.email, '');
    });

    it('refuses invalid users, naming the field, and writes nothing', async () => {
      const snap = await snapshot(admin);
      const cases = [
        [{ ...valid(), username: 'nguyen.van.a' }, 409, 'already_exists', 'username'],
        [{ ...valid(), username: 'ADMIN' }, 400, undefined, 'username'],
        [{ ...valid(), username: 'ab' }, 400, undefined, 'username'],
        [{ ...valid(), username: 'nguyễn' }, 400, undefined, 'username'],
        [{ ...valid(), username: 'a b c' }, 400, undefined, 'username'],
        [{ ...valid(), username: undefined }, 400, undefined, 'username'],
        [{ ...valid(), username: 42 }, 400, 'wrong_type', 'username'],
        [{ ...valid(), full_name: undefined }, 400, undefined, 'full_name'],
        [{ ...valid(), full_name: '  ' }, 400, undefined, 'full_name'],
        [{ ...valid(), full_name: 'x'.repeat(201) }, 400, 'too_long', 'full_name'],
        [{ ...valid(), email: 'khong-phai-email' }, 400, undefined, 'email'],
        [{ ...valid(), email: ['a@b'] }, 400, 'wrong_type', 'email'],
        [{ ...valid(), password: undefined }, 400, undefined, 'password'],
        [{ ...valid(), password: 'ngan' }, 400, undefined, 'password'],
        [{ ...valid(), password: '1234567890' }, 400, undefined, 'password'],
        [{ ...valid(), password: 12345678 }, 400, undefined, 'password'],
        [{ ...valid(), roles: undefined }, 400, undefined, 'roles'],
        [{ ...valid(), roles: [] }, 400, undefined, 'roles'],
        [{ ...valid(), roles: 'officer' }, 400, undefined, 'roles'],
        [{ ...valid(), roles: ['officer'] }, 400, undefined, 'roles'],
        [{ ...valid(), roles: [{ role: 'boss', unit_id: uid('MA') }] }, 400, undefined, 'roles[0].role'],
        [{ ...valid(), roles: [{ role: 'officer' }] }, 400, undefined, 'roles'],
        [{ ...valid(), roles: [{ role: 'officer', unit_id: 'MA' }] }, 400, 'wrong_type', 'roles[0].unit_id'],
        [{ ...valid(), roles: [{ role: 'officer', unit_id: 999999 }] }, 400, undefined, 'roles'],
        [{ ...valid(), roles: [{ role: 'officer', unit_id: uid('MA.SKHDT') }] }, 400, undefined, 'roles'],
        [{ ...valid(), active: 'yes' }, 400, 'wrong_type', 'active'],
      ];
      for (const [body, status, code, field] of cases) {
        assertError(await admin.post('/api/v1/users', body), status, code, field);
      }
      await assertUnchanged(admin, snap, 'after refused users');
    });

    it('edits a user; username is fixed; cannot disable oneself', async () => {
      const id = await userId(admin, 'nguyen.van.a');
      const r = await admin.patch(`/api/v1/users/${id}`, {
        full_name: 'Nguyễn Văn An', email: 'an@minhan.gov.vn', roles: [{ role: 'leader', unit_id: uid('MA.SXD') }],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assertUser(r.body);
      assert.equal(r.body.full_name, 'Nguyễn Văn An');
      assert.equal(r.body.email, 'an@minhan.gov.vn');
      assert.deepEqual(r.body.roles.map((x) => [x.role, x.unit_code]), [['leader', 'MA.SXD']]);
      assert.equal((await admin.get(`/api/v1/users/${id}`)).body.full_name, 'Nguyễn Văn An');
      const audit = assertList(await admin.get(`/api/v1/audit?entity=user&entity_id=${id}`));
      const upd = audit.find((e) => e.action === 'user.update');
      assert.equal(upd.before.full_name, 'Nguyễn Văn A');
      assert.equal(upd.after.full_name, 'Nguyễn Văn An');

      const snap = await snapshot(admin);
      const self = await userId(admin, 'admin');
      assertError(await admin.patch(`/api/v1/users/${id}`, { username: 'nguyen.van.b' }), 400, undefined, 'username');
      assertError(await admin.patch(`/api/v1/users/${id}`, { full_name: '' }), 400, undefined, 'full_name');
      assertError(await admin.patch(`/api/v1/users/${id}`, { roles: [] }), 400, undefined, 'roles');
      assertError(await admin.patch(`/api/v1/users/${id}`, { password: 'short' }), 400, undefined, 'password');
      assertError(await admin.patch(`/api/v1/users/${id}`, { active: 0 }), 400, 'wrong_type', 'active');
      assertError(await admin.patch(`/api/v1/users/${self}`, { active: false }), 400, undefined, 'active');
      await assertUnchanged(admin, snap, 'after refused edits');
    });

    it('disabling a user ends their sessions and their logins', async () => {
      const c = await server.as('canbo.sxd');
      const id = await userId(admin, 'canbo.sxd');
      const r = await admin.patch(`/api/v1/users/${id}`, { active: false });
      assert.equal(r.status, 200);
      assert.equal(r.body.active, false);
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      assertError(await server.client().login('canbo.sxd'), 401, 'invalid_credentials');
      assert.equal((await admin.patch(`/api/v1/users/${id}`, { active: true })).status, 200);
      assert.equal((await server.client().login('canbo.sxd')).status, 200);
    });

    it('a new password replaces the old one and ends the user’s other sessions', async () => {
      const c = await server.as('canbo.stc');
      const c2 = await server.as('canbo.stc');
      const id = await userId(admin, 'canbo.stc');
      const r = await admin.patch(`/api/v1/users/${id}`, { password: 'Mat-khau-moi@2026' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
      assertError(await c2.get('/api/v1/me'), 401, 'unauthenticated');
      assert.equal((await admin.get('/api/v1/me')).status, 200, 'the admin who reset it stays in');
      assertError(await server.client().login('canbo.stc', DEMO_PASSWORD), 401, 'invalid_credentials');
      assert.equal((await server.client().login('canbo.stc', 'Mat-khau-moi@2026')).status, 200);
      const audit = assertList(await admin.get(`/api/v1/audit?entity=user&entity_id=${id}`));
      const upd = audit.find((e) => e.action === 'user.update');
      assert.equal(upd.after.password_changed, true);
      assert.ok(!JSON.stringify(audit).includes('Mat-khau-moi'));
    });

    it('changing one’s own password ends one’s other sessions and keeps this one', async () => {
      const made = await admin.post('/api/v1/users', {
        username: 'quantri.hai', full_name: 'Quản trị Hai', password: 'Mat-khau@2026', roles: [{ role: 'admin' }],
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const here = await server.as('quantri.hai', 'Mat-khau@2026');
      const there = await server.as('quantri.hai', 'Mat-khau@2026');
      const r = await here.patch(`/api/v1/users/${made.body.id}`, { password: 'Mat-khau-rieng@2026' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assertError(await there.get('/api/v1/me'), 401, 'unauthenticated');
      const me = await here.get('/api/v1/me');
      assert.equal(me.status, 200, 'the session that changed the password goes on');
      assert.equal(me.body.username, 'quantri.hai');
      assert.equal((await here.patch(`/api/v1/users/${made.body.id}`, { full_name: 'Quản trị Hai (sau)' })).status, 200);
      assertError(await server.client().login('quantri.hai', 'Mat-khau@2026'), 401, 'invalid_credentials');
      assert.equal((await server.client().login('quantri.hai', 'Mat-khau-rieng@2026')).status, 200);
    });

    it('the last active admin keeps the role, even when two admins drop theirs at once', async () => {
      // Admins now: admin, tran.b (created above) and quantri.hai (above); tran.b steps down.
      const tranB = await userId(admin, 'tran.b');
      const hai = await userId(admin, 'quantri.hai');
      const self = await userId(admin, 'admin');
      const viewer = [{ role: 'viewer', unit_id: uid('MA') }];
      assert.equal((await admin.patch(`/api/v1/users/${tranB}`, { roles: viewer })).status, 200);
      const other = await server.as('quantri.hai', 'Mat-khau-rieng@2026');
      const adminRole = [{ role: 'admin' }];
      const isAdmin = async (c) => (await c.get('/api/v1/me')).body.permissions.includes('users.write');
      // Each removes the other's role, then each its own, at the same moment. The later one is
      // refused: 409 when it was signed in as admin, 403/404 when the first had already committed.
      const rounds = [
        [[admin, hai], [other, self], [403, 404, 409]],
        [[admin, self], [other, hai], [409]],
      ];
      for (const [a, b, refusals] of rounds) {
        const answers = await Promise.all([a[0].patch(`/api/v1/users/${a[1]}`, { roles: viewer }), b[0].patch(`/api/v1/users/${b[1]}`, { roles: viewer })]);
        const bodies = JSON.stringify(answers.map((r) => r.body));
        assert.equal(answers.filter((r) => r.status === 200).length, 1, bodies);
        const no = answers.find((r) => r.status !== 200);
        assert.ok(refusals.includes(no.status), bodies);
        if (no.status === 409) assertError(no, 409, 'last_admin', 'roles');
        const adminKept = await isAdmin(admin);
        assert.notEqual(adminKept, await isAdmin(other), 'exactly one admin left');
        // Whoever is still admin gives the role back to the other.
        const back = await (adminKept ? admin : other).patch(`/api/v1/users/${adminKept ? hai : self}`, { roles: adminRole });
        assert.equal(back.status, 200, JSON.stringify(back.body));
      }
      // Alone again: admin cannot drop the role, and nobody can lock admin out.
      assert.equal((await admin.patch(`/api/v1/users/${hai}`, { active: false })).status, 200);
      const snap = await snapshot(admin);
      const refused = await admin.patch(`/api/v1/users/${self}`, { roles: viewer, full_name: 'Không lưu' });
      assertError(refused, 409, 'last_admin', 'roles');
      assert.match(refused.body.error.message, /^Vai trò: .*quản trị hệ thống cuối cùng/);
      assertError(await admin.patch(`/api/v1/users/${self}`, { active: false }), 400, undefined, 'active');
      await assertUnchanged(admin, snap, 'after the last admin was refused');
      assert.equal((await admin.get('/api/v1/me')).body.permissions.includes('users.write'), true);
    });
  });
}

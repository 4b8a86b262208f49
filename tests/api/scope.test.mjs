// Roles and unit scope, one demo login per role: what each may read and write. Data
// outside a user's scope does not exist for them (404 for one object, absent from
// lists); an action the role does not carry is 403 and writes nothing — on SQLite and
// on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, assertUnchanged, snapshot, start, unitsByCode, userId } from './lib.mjs';

// The permissions of the features under test (units, users, audit) that `me` carries;
// later features add their own.
const FOUNDATION = ['audit.read', 'audit.verify', 'units.read', 'units.write', 'users.read', 'users.write'];
function assertPermissions(me, expected) {
  assert.deepEqual(me.permissions.filter((p) => FOUNDATION.includes(p)).sort(), expected);
}

for (const db of DBS) {
  describe(`scope on ${db}`, () => {
    let server, admin, units, allCodes;
    const id = (code) => {
      assert.ok(units.has(code), code);
      return units.get(code).id;
    };
    const codesOf = async (c, q = '?include_ended=true') =>
      assertList(await c.get(`/api/v1/units${q}`)).map((u) => u.code).sort();
    const eventsOf = async (c) => assertList(await c.get('/api/v1/units/restructure-events'));

    // Every unit write a role without units.write might try, each refused with 403
    // whatever the body, and nothing written.
    async function refusesUnitWrites(c) {
      const snap = await snapshot(admin);
      const bodies = [
        { code: 'MA.X1', name: 'X', kind: 'other', parent_id: id('MA.STC') },
        { code: 'MA.X2', name: 'X', kind: 'other', parent_id: id('MA.SXD') },
        { code: 'MA.X3', name: 'X', kind: 'other' },
        {},
      ];
      for (const b of bodies) assertError(await c.post('/api/v1/units', b), 403, 'forbidden');
      for (const code of ['MA.STC', 'MA.SXD', 'MA.BQLGT', 'MA.P.TRUNGTAM']) {
        const r = await c.patch(`/api/v1/units/${id(code)}`, { name: 'Đổi tên' });
        assert.ok(r.status === 403 || r.status === 404, `PATCH ${code}: ${r.status}`);
        assertError(r, r.status);
      }
      for (const b of [
        { kind: 'merge', date: '2026-06-01', source_ids: [id('MA.STP')], target_ids: [id('MA.STC')] },
        { kind: 'merge', date: '2026-06-01', source_ids: [id('MA.STC')], target_ids: [id('MA.SXD')] },
        { kind: 'split', date: '2026-06-01', source_ids: [999999], target_ids: [] },
      ])
        assertError(await c.post('/api/v1/units/restructure', b), 403, 'forbidden');
      await assertUnchanged(admin, snap);
    }

    async function refusesUsers(c, ownId) {
      const snap = await snapshot(admin);
      assertError(await c.get('/api/v1/users'), 403, 'forbidden');
      assertError(await c.get(`/api/v1/users/${await userId(admin, 'admin')}`), 404, 'not_found');
      const self = await c.get(`/api/v1/users/${ownId}`);
      assert.equal(self.status, 200, 'everyone reads their own user');
      assertError(
        await c.post('/api/v1/users', { username: 'khong.duoc', full_name: 'X', password: 'Mat-khau@2026', roles: [{ role: 'viewer', unit_id: id('MA') }] }),
        403,
        'forbidden',
      );
      assertError(await c.patch(`/api/v1/users/${ownId}`, { full_name: 'Tự đổi' }), 403, 'forbidden');
      assertError(await c.patch(`/api/v1/users/${ownId}`, { roles: [{ role: 'admin' }] }), 403, 'forbidden');
      await assertUnchanged(admin, snap);
    }

    async function refusesAudit(c) {
      assertError(await c.get('/api/v1/audit'), 403, 'forbidden');
      assertError(await c.get('/api/v1/audit/verify'), 403, 'forbidden');
    }

    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      units = await unitsByCode(admin);
      allCodes = [...units.keys()].sort();
    });
    after(async () => {
      await server?.close();
    });

    it('admin: everything', async () => {
      assert.deepEqual(await codesOf(admin), allCodes);
      assert.equal(assertList(await admin.get('/api/v1/users')).length, 10);
      assert.equal((await admin.get('/api/v1/audit')).status, 200);
      assert.equal((await admin.get('/api/v1/audit/verify')).body.ok, true);
      assert.equal((await eventsOf(admin)).length, 15);
      const me = (await admin.get('/api/v1/me')).body;
      assertPermissions(me, ['audit.read', 'audit.verify', 'units.read', 'units.write', 'users.read', 'users.write']);
    });

    it('office (vanphong, city): writes units, reads users of its scope, reads audit; no user writes', async () => {
      const c = await server.as('vanphong');
      assert.deepEqual(await codesOf(c), allCodes);
      const created = await c.post('/api/v1/units', { code: 'MA.TCT', name: 'Tổ công tác', kind: 'other', parent_id: id('MA') });
      assert.equal(created.status, 201);
      assert.equal((await c.patch(`/api/v1/units/${created.body.id}`, { name: 'Tổ công tác đặc biệt' })).status, 200);

      const users = assertList(await c.get('/api/v1/users'));
      assert.ok(!users.some((u) => u.username === 'admin'), 'the admin has no unit in the office’s scope');
      assert.equal(users.length, 9);
      assertError(await c.get(`/api/v1/users/${await userId(admin, 'admin')}`), 404, 'not_found');
      assert.equal((await c.get(`/api/v1/users/${await userId(admin, 'canbo.sxd')}`)).status, 200);
      const snap = await snapshot(admin);
      assertError(
        await c.post('/api/v1/users', { username: 'moi.nguoi', full_name: 'X', password: 'Mat-khau@2026', roles: [{ role: 'viewer', unit_id: id('MA') }] }),
        403,
        'forbidden',
      );
      assertError(await c.post('/api/v1/users', {}), 403, 'forbidden');
      assertError(await c.patch(`/api/v1/users/${await userId(admin, 'xem')}`, { active: false }), 403, 'forbidden');
      await assertUnchanged(admin, snap);

      assert.equal((await c.get('/api/v1/audit')).status, 200);
      assertError(await c.get('/api/v1/audit/verify'), 403, 'forbidden');
      const me = (await c.get('/api/v1/me')).body;
      assertPermissions(me, ['audit.read', 'units.read', 'units.write', 'users.read']);
    });

    it('leader (lanhdao, city): reads units and audit; writes nothing', async () => {
      const c = await server.as('lanhdao');
      assert.deepEqual(await codesOf(c), [...(await unitsByCode(admin)).keys()].sort());
      assert.equal((await eventsOf(c)).length, 15);
      await refusesUnitWrites(c);
      await refusesUsers(c, await userId(admin, 'lanhdao'));
      assert.equal((await c.get('/api/v1/audit')).status, 200);
      assertError(await c.get('/api/v1/audit/verify'), 403, 'forbidden');
      assertPermissions((await c.get('/api/v1/me')).body, ['audit.read', 'units.read']);
    });

    it('officer (canbo.stc): its department and the one merged into it', async () => {
      const c = await server.as('canbo.stc');
      assert.deepEqual(await codesOf(c), ['MA.SKHDT', 'MA.STC']);
      assert.deepEqual(await codesOf(c, ''), ['MA.STC'], 'today only the living one');
      assert.equal((await c.get(`/api/v1/units/${id('MA.STC')}`)).status, 200);
      assert.equal((await c.get(`/api/v1/units/${id('MA.SKHDT')}`)).status, 200, 'its predecessor');
      for (const code of ['MA.SXD', 'MA', 'MA.BQLGT', 'MA.P.TRUNGTAM'])
        assertError(await c.get(`/api/v1/units/${id(code)}`), 404, 'not_found');
      assert.deepEqual(assertList(await c.get('/api/v1/units?q=xay%20dung')), []);
      const events = await eventsOf(c);
      assert.equal(events.length, 1);
      assert.deepEqual(events[0].sources.map((s) => s.code), ['MA.SKHDT']);
      await refusesUnitWrites(c);
      await refusesUsers(c, await userId(admin, 'canbo.stc'));
      await refusesAudit(c);
      assertPermissions((await c.get('/api/v1/me')).body, ['units.read']);
    });

    it('officer (canbo.sxd): Sở Xây dựng and the transport department merged into it', async () => {
      const c = await server.as('canbo.sxd');
      assert.deepEqual(await codesOf(c), ['MA.SGTVT', 'MA.SXD']);
      assertError(await c.get(`/api/v1/units/${id('MA.STC')}`), 404, 'not_found');
      assertError(await c.get(`/api/v1/units/${id('MA.SKHDT')}`), 404, 'not_found');
      await refusesUnitWrites(c);
      await refusesAudit(c);
    });

    it('officer of a merged unit (canbo.skhdt): the role passed to Sở Tài chính', async () => {
      const c = await server.as('canbo.skhdt');
      const me = (await c.get('/api/v1/me')).body;
      assert.deepEqual(me.roles.map((r) => [r.role, r.unit_code]), [['officer', 'MA.STC']]);
      assert.deepEqual(await codesOf(c), ['MA.SKHDT', 'MA.STC']);
      assertError(await c.get(`/api/v1/units/${id('MA.SXD')}`), 404, 'not_found');
      await refusesAudit(c);
    });

    it('officer of a former district (canbo.q1): now the ward at its seat, and its past', async () => {
      const c = await server.as('canbo.q1');
      const me = (await c.get('/api/v1/me')).body;
      assert.deepEqual(me.roles.map((r) => [r.role, r.unit_code]), [['officer', 'MA.P.TRUNGTAM']]);
      const codes = await codesOf(c);
      for (const code of ['MA.P.TRUNGTAM', 'MA.Q1', 'MA.Q1.CD', 'MA.Q1.DX']) assert.ok(codes.includes(code), code);
      for (const code of ['MA', 'MA.STC', 'MA.Q2', 'MA.P.BACSON']) assert.ok(!codes.includes(code), code);
      assert.deepEqual(await codesOf(c, ''), ['MA.P.TRUNGTAM']);
      assert.equal((await c.get(`/api/v1/units/${id('MA.Q1')}`)).status, 200);
      assertError(await c.get(`/api/v1/units/${id('MA.STC')}`), 404, 'not_found');
      assertError(await c.get(`/api/v1/units/${id('MA.Q2')}`), 404, 'not_found');
      assert.ok((await eventsOf(c)).length >= 2);
      await refusesUnitWrites(c);
      await refusesAudit(c);
    });

    it('investor (chudautu.gt): its project board only', async () => {
      const c = await server.as('chudautu.gt');
      assert.deepEqual(await codesOf(c), ['MA.BQLGT']);
      assertError(await c.get(`/api/v1/units/${id('MA')}`), 404, 'not_found');
      assertError(await c.get(`/api/v1/units/${id('MA.BQLDD')}`), 404, 'not_found');
      assert.deepEqual(await eventsOf(c), []);
      await refusesUnitWrites(c);
      await refusesUsers(c, await userId(admin, 'chudautu.gt'));
      await refusesAudit(c);
    });

    it('business (doanhnghiep): reads the city’s units; no writes, users or audit', async () => {
      const c = await server.as('doanhnghiep');
      assert.deepEqual(await codesOf(c), [...(await unitsByCode(admin)).keys()].sort());
      await refusesUnitWrites(c);
      await refusesUsers(c, await userId(admin, 'doanhnghiep'));
      await refusesAudit(c);
    });

    it('viewer (xem): reads the city’s units; no writes, users or audit', async () => {
      const c = await server.as('xem');
      assert.deepEqual(await codesOf(c), [...(await unitsByCode(admin)).keys()].sort());
      await refusesUnitWrites(c);
      await refusesUsers(c, await userId(admin, 'xem'));
      await refusesAudit(c);
      assertPermissions((await c.get('/api/v1/me')).body, ['units.read']);
      // Anyone may keep API tokens for themselves; the token carries no more than the role.
      const t = await c.post('/api/v1/tokens', { name: 'đọc số liệu' });
      assert.equal(t.status, 201);
      const api = server.client();
      api.bearer = t.body.token;
      assert.equal((await api.get('/api/v1/units')).status, 200);
      assertError(await api.post('/api/v1/units', { code: 'MA.Y', name: 'Y', kind: 'other', parent_id: id('MA') }), 403, 'forbidden');
      assertError(await api.get('/api/v1/audit'), 403, 'forbidden');
    });

    it('tasks: each role sees the tasks of its units only; business none; only admin and office assign', async () => {
      const all = assertList(await admin.get('/api/v1/tasks?limit=1000'));
      assert.ok(all.length > 0, 'the demo city has tasks');
      for (const username of ['vanphong', 'lanhdao', 'canbo.stc', 'canbo.sxd', 'canbo.skhdt', 'canbo.q1', 'chudautu.gt', 'doanhnghiep', 'xem']) {
        const c = await server.as(username);
        const me = (await c.get('/api/v1/me')).body;
        const r = await c.get('/api/v1/tasks?limit=1000');
        if (username === 'doanhnghiep') {
          assertError(r, 403, 'forbidden');
          const one = await c.get(`/api/v1/tasks/${all[0].id}`);
          assert.ok([403, 404].includes(one.status), `business reads task ${all[0].id}: ${one.status}`);
          assertError(one, one.status);
          continue;
        }
        const seen = assertList(r);
        const mine = new Set(assertList(await c.get('/api/v1/units?include_ended=true')).map((u) => u.id));
        for (const t of seen)
          assert.ok(
            mine.has(t.lead_unit_id) || t.coordinator_ids.some((id) => mine.has(id)) || t.assignee_id === me.id,
            `${username} sees task ${t.id} led by ${t.lead_unit.code}`,
          );
        const hidden = all.find((t) => !seen.some((x) => x.id === t.id));
        if (hidden) assertError(await c.get(`/api/v1/tasks/${hidden.id}`), 404, 'not_found');
        const assign = await c.post('/api/v1/tasks', { title: 'Nhiệm vụ thử', lead_unit_id: id('MA.STC'), deadline: '2026-06-30' });
        if (username === 'vanphong') assert.equal(assign.status, 201, JSON.stringify(assign.body));
        else assertError(assign, 403, 'forbidden');
      }
    });

    it('an office for one department writes only there; other units do not exist for it', async () => {
      const created = await admin.post('/api/v1/users', {
        username: 'vanphong.stc', full_name: 'Văn phòng Sở Tài chính', password: 'Mat-khau@2026',
        roles: [{ role: 'office', unit_id: id('MA.STC') }],
      });
      assert.equal(created.status, 201);
      const c = await server.as('vanphong.stc', 'Mat-khau@2026');
      assert.deepEqual(await codesOf(c), ['MA.SKHDT', 'MA.STC']);

      const child = await c.post('/api/v1/units', { code: 'MA.STC.P1', name: 'Phòng Ngân sách', kind: 'other', parent_id: id('MA.STC') });
      assert.equal(child.status, 201, JSON.stringify(child.body));
      assert.equal((await c.patch(`/api/v1/units/${child.body.id}`, { name: 'Phòng Quản lý ngân sách' })).status, 200);
      // Its scope includes the department itself.
      assert.equal((await c.patch(`/api/v1/units/${id('MA.STC')}`, { name: 'Sở Tài chính' })).status, 200);

      const snap = await snapshot(admin);
      assertError(await c.post('/api/v1/units', { code: 'MA.SXD.P1', name: 'X', kind: 'other', parent_id: id('MA.SXD') }), 400, undefined, 'parent_id');
      assertError(await c.post('/api/v1/units', { code: 'MA.ROOT2', name: 'X', kind: 'other' }), 403, 'forbidden');
      assertError(await c.patch(`/api/v1/units/${id('MA.SXD')}`, { name: 'X' }), 404, 'not_found');
      assertError(await c.patch(`/api/v1/units/${id('MA')}`, { name: 'X' }), 404, 'not_found');
      assertError(await c.patch(`/api/v1/units/${child.body.id}`, { parent_id: id('MA.SXD') }), 400, undefined, 'parent_id');
      assertError(
        await c.post('/api/v1/units/restructure', { kind: 'merge', date: '2026-06-01', source_ids: [id('MA.SXD')], target_ids: [child.body.id] }),
        400, undefined, 'source_ids',
      );
      assertError(
        await c.post('/api/v1/units/restructure', { kind: 'merge', date: '2026-06-01', source_ids: [child.body.id], target_ids: [id('MA.SXD')] }),
        400, undefined, 'target_ids',
      );
      assertError(
        await c.post('/api/v1/units/restructure', {
          kind: 'merge', date: '2026-06-01', source_ids: [child.body.id],
          new_units: [{ code: 'MA.Z', name: 'Z', kind: 'other', parent_id: id('MA.SXD') }],
        }),
        400, undefined, 'new_units',
      );
      await assertUnchanged(admin, snap);

      const users = assertList(await c.get('/api/v1/users')).map((u) => u.username).sort();
      assert.deepEqual(users, ['canbo.skhdt', 'canbo.stc', 'vanphong.stc']);
      assertError(await c.get(`/api/v1/users/${await userId(admin, 'canbo.sxd')}`), 404, 'not_found');
      const audit = assertList(await c.get('/api/v1/audit?limit=500'));
      const mine = new Set(assertList(await c.get('/api/v1/units?include_ended=true')).map((u) => u.id));
      assert.ok(audit.every((e) => mine.has(e.unit_id)));
    });
  });
}

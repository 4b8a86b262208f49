// Roles and unit scope, one demo login per role: what each may read and write. Data
// outside a user's scope does not exist for them (404 for one object, absent from
// lists); an action the role does not carry is 403 and writes nothing — on SQLite and
// on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, assertUnchanged, snapshot, start, unitsByCode, userId } from './lib.mjs';
import { PASSWORDS, mark, plant } from './scope_fixture.mjs';

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
      assert.equal(assertList(await admin.get('/api/v1/users')).length, 13);
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
      assert.equal(users.length, 12, 'the city’s nine and the three demo businesses’ logins');
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

    it('business (doanhnghiep): reads its own organisation only; no writes, users or audit', async () => {
      const c = await server.as('doanhnghiep');
      assert.deepEqual(await codesOf(c), ['MA.DN.MINHANXANH']);
      assertError(await c.get(`/api/v1/units/${id('MA')}`), 404, 'not_found');
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

// What one object embeds of another, and the objects that hang on directives: the rules of
// src/tasks/task_access.h, on the objects of scope_fixture.mjs.
for (const db of DBS) {
  describe(`scope of embedded objects on ${db}`, () => {
    let server, f, admin;
    const as = (u) => server.as(u, PASSWORDS[u]);
    const ids = (items) => items.map((x) => x.id);
    before(async () => {
      server = await start(db);
      f = await plant(server);
      admin = await server.as('admin');
    });
    after(async () => {
      await server?.close();
    });

    it('a task’s detail embeds only the parts the caller sees; the roll-up still counts them all', async () => {
      const sxd = await as('canbo.sxd');
      const seen = await sxd.get(`/api/v1/tasks/${f.tasks.tp}`);
      assert.equal(seen.status, 200, 'Sở Xây dựng coordinates the task');
      assert.deepEqual(seen.body.parts, [], 'the part delegated inside Sở Tài chính is not shown');
      assert.equal(seen.body.progress_percent, 20, '40 % of the work at 50 %');
      assert.ok(!JSON.stringify(seen.body).includes(mark('part')));
      assertError(await sxd.get(`/api/v1/tasks/${f.tasks.part}`), 404, 'not_found');
      assert.deepEqual(assertList(await sxd.get(`/api/v1/tasks?parent_id=${f.tasks.tp}`)), []);
      for (const u of ['canbo.stc', 'vanphong.stc', 'lanhdao']) {
        const full = (await (await as(u)).get(`/api/v1/tasks/${f.tasks.tp}`)).body;
        assert.deepEqual(ids(full.parts), [f.tasks.part], u);
        assert.equal(full.progress_percent, 20, u);
      }
    });

    it('a directive is seen by who sees its issuer or one of its tasks; its groups and attachments follow it', async () => {
      const cases = [
        // user, directives seen, directives not seen
        ['canbo.stc', ['dstc', 'dmix'], ['dsxd', 'dgt']],
        ['canbo.sxd', ['dsxd', 'dmix'], ['dstc', 'dgt']],
        ['chudautu.gt', ['dgt'], ['dstc', 'dsxd', 'dmix']],
        ['xem', ['dstc', 'dsxd', 'dgt', 'dmix'], []],
      ];
      for (const [user, shown, hidden] of cases) {
        const c = await as(user);
        const listed = ids(assertList(await c.get('/api/v1/directives?limit=1000')));
        for (const d of shown) {
          assert.ok(listed.includes(f.directives[d]), `${user} lists ${d}`);
          const one = await c.get(`/api/v1/directives/${f.directives[d]}`);
          assert.equal(one.status, 200, `${user} reads ${d}`);
          assert.equal((await c.get(`/api/v1/task-groups?directive_id=${f.directives[d]}`)).status, 200, `${user}: groups of ${d}`);
          assert.equal((await c.get(`/api/v1/attachments?owner_kind=directive&owner_id=${f.directives[d]}`)).status, 200);
        }
        for (const d of hidden) {
          assert.ok(!listed.includes(f.directives[d]), `${user} does not list ${d}`);
          assert.deepEqual(assertList(await c.get(`/api/v1/directives?q=${mark(d)}`)), [], `${user} searching ${d}`);
          assertError(await c.get(`/api/v1/directives/${f.directives[d]}`), 404, 'not_found');
          assertError(await c.get(`/api/v1/task-groups?directive_id=${f.directives[d]}`), 404, 'not_found');
          assertError(await c.get(`/api/v1/attachments?owner_kind=directive&owner_id=${f.directives[d]}`), 404, 'not_found');
          const board = await c.get(`/api/v1/boards/tasks?by=group&directive_id=${f.directives[d]}`);
          assert.deepEqual(board.body.rows, [], `${user}: the board by group of ${d}`);
        }
      }
      // The attachment of a directive seen only through its task is seen too; that of a
      // directive out of scope does not exist.
      const stc = await as('canbo.stc');
      assert.equal((await stc.get(`/api/v1/attachments/${f.attachments.amix}/content`)).status, 200);
      for (const a of ['adsxd', 'atsxd']) assertError(await stc.get(`/api/v1/attachments/${f.attachments[a]}/content`), 404, 'not_found');
      const names = (await stc.get('/api/v1/boards/tasks?by=directive')).body.rows.map((r) => r.name).join(' ');
      assert.ok(names.includes(mark('dmix')) && !names.includes(mark('dsxd')), names);
    });

    it('writes naming a directive out of scope are refused as if it did not exist', async () => {
      const c = await as('vanphong.stc');
      const snap = await snapshot(admin);
      assertError(await c.post('/api/v1/tasks', { title: 'Lạc văn bản', lead_unit_id: f.unit('MA.STC'), directive_id: f.directives.dsxd }),
        400, undefined, 'directive_id');
      assertError(await c.post('/api/v1/task-groups', { directive_id: f.directives.dsxd, title: 'Lạc' }), 400, undefined, 'directive_id');
      assertError(await c.patch(`/api/v1/directives/${f.directives.dsxd}`, { title: 'Sửa' }), 404, 'not_found');
      assertError(await c.post(`/api/v1/attachments?owner_kind=directive&owner_id=${f.directives.dsxd}&filename=a.txt`, 'Tệp',
        { headers: { 'content-type': 'text/plain' } }), 404, 'not_found');
      // Seen through its task, but issued elsewhere: not this office's to change.
      assertError(await c.patch(`/api/v1/directives/${f.directives.dmix}`, { title: 'Sửa' }), 403, 'forbidden');
      assertError(await c.post('/api/v1/task-groups', { directive_id: f.directives.dmix, title: 'Nhóm' }), 403, 'forbidden');
      await assertUnchanged(admin, snap);
    });

    it('a coordination request is seen by the unit asked, with its task’s title only when that task is seen', async () => {
      const stc = await as('canbo.stc');
      const asked = await stc.post(`/api/v1/tasks/${f.tasks.tstc}/coordination-requests`,
        { to_unit_id: f.unit('MA.SXD'), body: 'Đề nghị cho ý kiến.', due_on: '2026-02-27' });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      const sxd = await as('canbo.sxd');
      const mine = () => sxd.get(`/api/v1/coordination-requests?to_unit_id=${f.unit('MA.SXD')}`);
      let item = assertList(await mine()).find((r) => r.id === asked.body.id);
      assert.equal(item.task_title, `Nhiệm vụ ${mark('tstc')}`, 'asked, Sở Xây dựng coordinates the task and sees it');
      // The office takes Sở Xây dựng off the task: the request stays Sở Xây dựng's to answer,
      // the task is no longer its to see.
      const patched = await admin.patch(`/api/v1/tasks/${f.tasks.tstc}`, { coordinator_ids: [f.unit('MA.SYT')] });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assertError(await sxd.get(`/api/v1/tasks/${f.tasks.tstc}`), 404, 'not_found');
      const r = await mine();
      item = assertList(r).find((x) => x.id === asked.body.id);
      assert.ok(item, 'the request is still listed for the unit asked');
      assert.equal(item.task_title, '');
      assert.ok(!JSON.stringify(r.body).includes(mark('tstc')));
      const answered = await sxd.post(`/api/v1/coordination-requests/${asked.body.id}/answer`, { answer: 'Thống nhất.' });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      // Whoever neither sees the task nor is asked: not found.
      assertError(await (await as('chudautu.gt')).post(`/api/v1/coordination-requests/${f.coordinations.cstc}/answer`, { answer: 'X' }),
        404, 'not_found');
    });

    it('a notification is listed while its recipient sees its task: a task reassigned away takes its notices along', async () => {
      const created = await admin.post('/api/v1/tasks', { title: `Nhiệm vụ ${mark('moved')}`, lead_unit_id: f.unit('MA.STC'), deadline: '2026-06-30' });
      assert.equal(created.status, 201);
      const stc = await as('canbo.stc');
      const before = (await stc.get('/api/v1/notifications?limit=1000')).body;
      assert.ok(before.items.some((n) => n.task_id === created.body.id && n.title.includes(mark('moved'))));
      const moved = await admin.post(`/api/v1/tasks/${created.body.id}/reassignment`, { lead_unit_id: f.unit('MA.SXD'), note: 'Đúng chức năng' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const now = await stc.get('/api/v1/notifications?limit=1000');
      assert.ok(!JSON.stringify(now.body).includes(mark('moved')), 'the notice went with the task');
      assert.equal(now.body.total, before.total - 1);
      assert.equal(now.body.unread, before.unread - 1);
      assert.equal((await stc.get('/api/v1/notifications?unread=true&limit=1000')).body.total, before.unread - 1);
      const sxd = (await (await as('canbo.sxd')).get('/api/v1/notifications?limit=1000')).body;
      assert.ok(sxd.items.some((n) => n.task_id === created.body.id), 'the new lead unit is told');
    });

    it('the audit log shows an office the entries of its units only', async () => {
      const c = await as('vanphong.stc');
      const mine = new Set(assertList(await c.get('/api/v1/units?include_ended=true')).map((u) => u.id));
      const entries = assertList(await c.get('/api/v1/audit?limit=500'));
      assert.ok(entries.length > 0);
      assert.ok(entries.every((e) => mine.has(e.unit_id)));
      const text = JSON.stringify(entries);
      assert.ok(text.includes(mark('tstc')) && !text.includes(mark('tsxd')) && !text.includes(mark('esxd')));
      assert.deepEqual(assertList(await c.get(`/api/v1/audit?entity=directive&entity_id=${f.directives.dsxd}`)), []);
      assert.ok(assertList(await admin.get(`/api/v1/audit?entity=directive&entity_id=${f.directives.dsxd}`)).length > 0);
    });
  });
}

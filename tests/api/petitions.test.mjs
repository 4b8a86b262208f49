// Business petitions through a real server, on SQLite and on PostgreSQL: a business files,
// the office routes, the unit answers, its leader approves, the business rates and reopens
// once, the office publishes and the answer appears on the public page (no login, no
// private field); forwarding, returning as a duplicate, the board of the two QĐ 766 rates
// and the petitions behind each number, dialogue sessions and their .xlsx; scope (a business
// sees only its own, an officer of another unit cannot answer) and bad input, each error
// naming the field.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, auditTotal, start, unitsByCode } from './lib.mjs';

// Thursday 15/01/2026: 7 working days later is Monday 26/01, 20 is Thursday 12/02.
const NOW = '2026-01-15';
const PASSWORD = 'Mat-khau@2026';
const PUBLIC_KEYS = ['id', 'title', 'content', 'category', 'category_label', 'business_name', 'responsible_unit_name',
  'state', 'state_label', 'answer_text', 'filed_on', 'answered_on', 'published_on'];

// Two businesses (organisation units) with a user each, and a leader of Sở Tài chính.
async function fixture(server) {
  const admin = await server.as('admin');
  const units = await unitsByCode(admin);
  const root = units.get('MA').id;
  const made = {};
  for (const [code, name] of [['MA.DN.A', 'Công ty TNHH An Phát (minh họa)'], ['MA.DN.B', 'Công ty CP Bình Minh (minh họa)']]) {
    const r = await admin.post('/api/v1/units', { code, name, kind: 'other', parent_id: root });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    made[code] = r.body.id;
  }
  const users = [['dn.a', 'business', made['MA.DN.A']], ['dn.b', 'business', made['MA.DN.B']],
    ['lanhdao.stc', 'leader', units.get('MA.STC').id]];
  for (const [username, role, unit_id] of users) {
    const r = await admin.post('/api/v1/users', { username, full_name: username, password: PASSWORD, roles: [{ role, unit_id }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const as = (u) => server.as(u, ['dn.a', 'dn.b', 'lanhdao.stc'].includes(u) ? PASSWORD : undefined);
  return { admin, units, a: made['MA.DN.A'], b: made['MA.DN.B'], stc: units.get('MA.STC').id, sxd: units.get('MA.SXD').id, as };
}

async function file(c, body) {
  const r = await c.post('/api/v1/petitions', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(c, id, action, body = {}, status = 200) {
  const r = await c.post(`/api/v1/petitions/${id}/${action}`, body);
  assert.equal(r.status, status, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

for (const db of DBS) {
  describe(`petitions (${db})`, () => {
    let server, f, dnA, dnB, office, stc, sxd, leader;
    before(async () => {
      server = await start(db, { now: NOW });
      f = await fixture(server);
      [dnA, dnB, office, stc, sxd, leader] = await Promise.all(
        ['dn.a', 'dn.b', 'vanphong', 'canbo.stc', 'canbo.sxd', 'lanhdao.stc'].map((u) => f.as(u)));
    });
    after(async () => server && (await server.close()));

    it('runs the whole loop: file, route, answer, approve, rate, reopen once, publish', async () => {
      const audit0 = await auditTotal(f.admin);
      const p = await file(dnA, { title: 'Hoàn thuế giá trị gia tăng chậm', content: 'Hồ sơ hoàn thuế nộp từ tháng 9 chưa được giải quyết.', category: 'thue_phi', publishable: true });
      assert.equal(p.state, 'filed');
      assert.equal(p.business_unit_id, f.a);
      assert.equal(p.channel, 'online');
      assert.deepEqual(p.allowed_actions, []);
      assert.deepEqual((await office.get(`/api/v1/petitions/${p.id}`)).body.allowed_actions, ['route', 'return']);

      const routed = await act(office, p.id, 'route', { unit_id: f.stc });
      assert.equal(routed.state, 'routed');
      assert.equal(routed.responsible_unit_id, f.stc);
      assert.equal(routed.received_on, NOW);
      assert.equal(routed.due_on, '2026-01-26');
      assert.equal(routed.timeliness, 'in_time');
      assert.equal(routed.working_days_left, 7);

      const seen = (await stc.get(`/api/v1/petitions/${p.id}`)).body;
      assert.deepEqual(seen.allowed_actions, ['forward', 'answer']);
      const drafted = await act(stc, p.id, 'answer', { text: 'Sở đã chỉ đạo Chi cục Thuế giải quyết trong tháng 1.', outcome: 'directed' });
      assert.equal(drafted.state, 'answer_drafted');
      // Not yet approved: the business cannot rate it.
      assertError(await dnA.post(`/api/v1/petitions/${p.id}/rate`, { satisfied: true }), 409, 'not_answered', 'satisfied');
      // An officer does not approve; the unit's leader does.
      assertError(await stc.post(`/api/v1/petitions/${p.id}/approve-answer`, {}), 403);
      const approved = await act(leader, p.id, 'approve-answer');
      assert.equal(approved.state, 'directed');
      assert.equal(approved.answered_on, NOW);
      assert.equal(approved.timeliness, 'done_on_time');

      const mine = (await dnA.get(`/api/v1/petitions/${p.id}`)).body;
      assert.deepEqual(mine.allowed_actions, ['rate', 'reopen']);
      assert.ok(mine.events.map((e) => e.kind).join(' ').startsWith('filed routed answer_drafted answer_approved'));
      assertError(await dnA.post(`/api/v1/petitions/${p.id}/rate`, { satisfied: false }), 400, undefined, 'reason');
      const rated = await act(dnA, p.id, 'rate', { satisfied: false, reason: 'Chưa có thời hạn cụ thể.' });
      assert.equal(rated.state, 'rated');
      assert.equal(rated.satisfied, false);

      // Not yet published: the public page does not show it.
      const before = assertList(await server.client().get('/api/v1/public/petitions?q=hoan%20thue'));
      assert.ok(!before.some((x) => x.id === p.id));
      await act(office, p.id, 'publish');
      const pub = assertList(await server.client().get('/api/v1/public/petitions?q=hoan%20thue'));
      const item = pub.find((x) => x.id === p.id);
      assert.ok(item, 'published, found ignoring diacritics');
      assert.deepEqual(Object.keys(item).sort(), [...PUBLIC_KEYS].sort());
      assert.equal(item.business_name, 'Công ty TNHH An Phát (minh họa)');
      assert.equal(item.answer_text, drafted.answer_text);
      assertError(await office.post(`/api/v1/petitions/${p.id}/publish`, {}), 409, 'already_published');

      const reopened = await act(dnA, p.id, 'reopen', { reason: 'Đề nghị nêu rõ thời hạn hoàn thuế.' });
      assert.equal(reopened.state, 'routed');
      assert.equal(reopened.reopen_count, 1);
      assert.equal(reopened.due_on, '2026-01-26');
      assert.equal(reopened.published, false);
      await act(stc, p.id, 'answer', { text: 'Hoàn thuế trước ngày 25/01/2026.', outcome: 'resolved' });
      assert.equal((await act(leader, p.id, 'approve-answer')).state, 'resolved');
      assertError(await dnA.post(`/api/v1/petitions/${p.id}/reopen`, { reason: 'Lần nữa.' }), 409, 'reopened_once', 'reason');
      assert.equal(await auditTotal(f.admin), audit0 + 9, "one audit entry per step, none for a refusal");
    });

    it('gives four demo businesses a login that sees its own petitions only, and files for itself', async () => {
      const all = assertList(await office.get('/api/v1/petitions?limit=1000'));
      // doanhnghiep, the oldest demo login, is one business (Minh An Xanh), not the whole city.
      for (const username of ['dn.nangluong', 'dn.cokhi', 'dn.detmay', 'doanhnghiep']) {
        const c = await server.as(username);
        const me = (await c.get('/api/v1/me')).body;
        const own = me.roles.map((g) => g.unit_id);
        assert.equal(own.length, 1, JSON.stringify(me.roles));
        const mine = assertList(await c.get('/api/v1/petitions?limit=1000'));
        assert.ok(mine.length > 0 && mine.length < all.length, `${username}: ${mine.length} of ${all.length}`);
        assert.ok(mine.every((x) => x.business_unit_id === own[0]), username);
        const other = all.find((x) => x.business_unit_id !== own[0]);
        assertError(await c.get(`/api/v1/petitions/${other.id}`), 404);
        const p = await file(c, { title: 'Kiến nghị thử của doanh nghiệp minh họa', content: 'Nội dung.', category: 'other' });
        assert.equal(p.business_unit_id, own[0]);
      }
    });

    it('keeps each business to its own petitions and each unit to its own answers', async () => {
      const p = await file(dnA, { title: 'Cấp phép xây dựng nhà xưởng', content: 'Hồ sơ đã nộp 60 ngày.', category: 'xay_dung', publishable: false });
      assertError(await dnB.get(`/api/v1/petitions/${p.id}`), 404);
      assert.ok(!assertList(await dnB.get('/api/v1/petitions?limit=1000')).some((x) => x.id === p.id));
      assert.ok(assertList(await dnA.get('/api/v1/petitions?limit=1000')).every((x) => x.business_unit_id === f.a));
      assertError(await stc.get(`/api/v1/petitions/${p.id}`), 404); // not routed to it
      await act(office, p.id, 'route', { unit_id: f.stc });
      // Sở Xây dựng's officer cannot see, let alone answer, Sở Tài chính's petition.
      assertError(await sxd.post(`/api/v1/petitions/${p.id}/answer`, { text: 'Trả lời.' }), 404);
      assertError(await dnB.post(`/api/v1/petitions/${p.id}/rate`, { satisfied: true }), 404);
      // A business does not route.
      assertError(await dnA.post(`/api/v1/petitions/${p.id}/route`, { unit_id: f.sxd }), 403);
      // Forwarded to Sở Xây dựng within 5 working days: a new 7-day clock for it.
      const fw = await act(stc, p.id, 'forward', { unit_id: f.sxd, reason: 'Thuộc thẩm quyền cấp phép của Sở Xây dựng.' });
      assert.equal(fw.state, 'forwarded');
      assert.equal(fw.responsible_unit_id, f.sxd);
      assert.equal(fw.forwarded_from_unit_id, f.stc);
      assert.equal(fw.due_on, '2026-01-26');
      assert.deepEqual((await stc.get(`/api/v1/petitions/${p.id}`)).body.allowed_actions, []);
      await act(sxd, p.id, 'answer', { text: 'Sở Xây dựng cấp phép trong tuần.', outcome: 'resolved' });
      await act(await f.as('lanhdao'), p.id, 'approve-answer');
      await act(office, p.id, 'publish');
      const pub = assertList(await server.client().get('/api/v1/public/petitions?category=xay_dung'));
      const item = pub.find((x) => x.id === p.id);
      assert.ok(item);
      assert.equal(item.business_name, null, 'not publishable: the business is not named');
      // The public page takes no login and shows no unpublished petition.
      for (const x of assertList(await server.client().get('/api/v1/public/petitions?limit=1000'))) {
        const full = (await f.admin.get(`/api/v1/petitions/${x.id}`)).body;
        assert.equal(full.published, true);
      }
    });

    it('returns a duplicate linked to the answered one, and outside the authority naming it', async () => {
      const answered = assertList(await office.get('/api/v1/petitions?state=resolved&limit=1'))[0];
      const dup = await file(dnB, { title: 'Hoàn thuế chậm', content: 'Như kiến nghị đã trả lời.', category: 'thue_phi' });
      assertError(await office.post(`/api/v1/petitions/${dup.id}/return`, { reason: 'duplicate' }), 400, undefined, 'duplicate_of_id');
      const r = await act(office, dup.id, 'return', { reason: 'duplicate', duplicate_of_id: answered.id });
      assert.equal(r.state, 'returned');
      assert.equal(r.duplicate_of_id, answered.id);
      const out = await file(dnB, { title: 'Thuế nhập khẩu', content: 'Biểu thuế nhập khẩu linh kiện.', category: 'thue_phi' });
      assertError(await office.post(`/api/v1/petitions/${out.id}/return`, { reason: 'outside_authority' }), 400, undefined, 'authority');
      const o = await act(office, out.id, 'return', { reason: 'outside_authority', authority: 'Bộ Tài chính' });
      assert.equal(o.authority, 'Bộ Tài chính');
      assertError(await office.post(`/api/v1/petitions/${out.id}/route`, { unit_id: f.stc }), 409, 'invalid_state', 'unit_id');
    });

    it('shows the two QĐ 766 rates by unit, worst first, each number opening its petitions', async () => {
      const r = await office.get('/api/v1/boards/petitions?by=unit&from=2026-01-01&to=2026-01-31');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const rows = r.body.rows;
      assert.ok(rows.length >= 2);
      for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].on_time_rate <= rows[i].on_time_rate);
      for (const row of rows) {
        assert.equal(row.on_time_rate, Math.round((1000 * row.on_time) / row.total) / 10);
        for (const k of ['total', 'on_time', 'overdue', 'unsatisfied', 'pending']) {
          const list = await office.get(`/api/v1/petitions?limit=1000&${row.filters[k]}`);
          assert.equal(list.body.total, row[k], `${row.name} ${k}`);
        }
      }
      const s = rows.find((x) => x.unit_id === f.stc);
      assert.ok(s.total >= 1);
      assertError(await office.get('/api/v1/boards/petitions?by=category'), 400, undefined, 'by');
    });

    it('records a dialogue session with its petitions and exports them to .xlsx', async () => {
      const s = await office.post('/api/v1/petition-sessions', { title: 'Hội nghị đối thoại doanh nghiệp quý I', held_on: NOW, host_unit_id: f.units.get('MA').id, place: 'Hội trường UBND' });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      const p = await file(office, { title: 'Thiếu lao động kỹ thuật', content: 'Nêu tại hội nghị.', category: 'lao_dong', business_unit_id: f.b, session_id: s.body.id });
      assert.equal(p.channel, 'conference');
      assert.equal(p.business_unit_id, f.b);
      assert.ok(assertList(await dnB.get('/api/v1/petitions?limit=1000')).some((x) => x.id === p.id));
      const got = await office.get(`/api/v1/petition-sessions/${s.body.id}`);
      assert.deepEqual(got.body.petitions.map((x) => x.id), [p.id]);
      const x = await office.get(`/api/v1/petition-sessions/${s.body.id}/petitions.xlsx`);
      assert.equal(x.status, 200);
      assert.match(x.headers.get('content-type'), /spreadsheetml/);
      assertError(await dnA.get(`/api/v1/petition-sessions/${s.body.id}`), 404);
      // A business files only for itself.
      assertError(await dnA.post('/api/v1/petitions', { title: 'x', content: 'y', category: 'other', business_unit_id: f.b }), 403);
    });

    it('spawns a task under a directive for real work, linked both ways, its progress on the petition', async () => {
      const p = await file(dnA, { title: 'Sửa quy trình cấp phép', content: 'Quy trình chồng chéo giữa hai sở.', category: 'thu_tuc_hanh_chinh' });
      await act(office, p.id, 'route', { unit_id: f.stc });
      const directive = assertList(await office.get('/api/v1/directives?limit=1'))[0];
      assertError(await stc.post(`/api/v1/petitions/${p.id}/task`, { directive_id: directive.id }), 403);
      const linked = await act(office, p.id, 'task', { directive_id: directive.id }, 201);
      assert.ok(linked.task_id);
      const task = (await office.get(`/api/v1/tasks/${linked.task_id}`)).body;
      assert.equal(task.lead_unit_id, f.stc);
      assert.match(task.description, new RegExp(`kiến nghị doanh nghiệp số ${p.id}\\b`));
      assert.deepEqual(assertList(await office.get(`/api/v1/petitions?task_id=${task.id}`)).map((x) => x.id), [p.id]);
      await stc.post(`/api/v1/tasks/${task.id}/reports`, { percent: 40, body: 'Đã dự thảo quy trình liên thông.' });
      const seen = (await office.get(`/api/v1/petitions/${p.id}`)).body.task;
      assert.equal(seen.progress_percent, 40);
      assert.equal(seen.visible, true);
      // The business sees the progress, not the task itself.
      const mine = (await dnA.get(`/api/v1/petitions/${p.id}`)).body.task;
      assert.equal(mine.progress_percent, 40);
      assert.equal(mine.visible, false);
      assert.ok(!('title' in mine));
      assertError(await office.post(`/api/v1/petitions/${p.id}/task`, { directive_id: directive.id }), 409, 'has_task');
    });

    it('refuses bad input naming the field as the form labels it, and writes nothing', async () => {
      const audit0 = await auditTotal(f.admin);
      const empty = await dnA.post('/api/v1/petitions', { title: 'Tiêu đề', content: '   ', category: 'other' });
      assertError(empty, 400, undefined, 'content');
      assert.match(empty.body.error.message, /nội dung kiến nghị/i);
      const unknown = await dnA.post('/api/v1/petitions', { title: 'Tiêu đề', content: 'Nội dung', category: 'land' });
      assertError(unknown, 400, 'unknown_category', 'category');
      assert.match(unknown.body.error.message, /Lĩnh vực/);
      assertError(await dnA.post('/api/v1/petitions', { title: 'T', content: 'N', category: 'other', state: 'resolved' }), 400, 'unknown_field', 'state');
      assertError(await dnA.get('/api/v1/petitions?state=answered'), 400, undefined, 'state');
      assertError(await dnA.get('/api/v1/public/petitions?category=land'), 400, 'unknown_category', 'category');
      assertError(await dnA.get('/api/v1/petitions/999999'), 404);
      assert.equal(await auditTotal(f.admin), audit0);
    });
  });
}

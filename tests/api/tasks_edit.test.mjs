// Issue 9 (tasksedit), through a real server on SQLite and PostgreSQL: editing a task
// (audited), deleting one nobody reported on, cancelling one with a reason (gone from lists,
// boards and counts, kept on its page), and a task's own thread — the leader's directions,
// the unit's replies, each told to the other side, seen by whoever sees the task, 404 for
// anyone else — with bad input refused by field.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, auditTotal, start, unitsByCode } from './lib.mjs';

async function notices(c) {
  return assertList(await c.get('/api/v1/notifications?limit=200'));
}

async function boardTotal(c, unitId) {
  const r = await c.get('/api/v1/boards/tasks?by=unit');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.rows.find((x) => x.key === unitId)?.total ?? 0;
}

async function listed(c, id, query = '') {
  const r = await c.get(`/api/v1/tasks?limit=200&q=${encodeURIComponent('sửa xóa hủy')}${query}`);
  return assertList(r).some((t) => t.id === id);
}

for (const db of DBS) {
  describe(`tasks: edit, delete, cancel, thread (${db})`, () => {
    let server, admin, office, stc, sxd, leader, units, stcId;
    const newTask = async (title) => {
      const r = await office.post('/api/v1/tasks', {
        title: `${title} — sửa xóa hủy`, lead_unit_id: stcId, deadline: '2026-03-31' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      stc = await server.as('canbo.stc');
      sxd = await server.as('canbo.sxd');
      leader = await server.as('lanhdao');
      units = await unitsByCode(admin);
      stcId = units.get('MA.STC').id;
    });
    after(async () => server && (await server.close()));

    it('the office edits a task; the edit is audited and offered only to the office', async () => {
      const t = await newTask('Sửa');
      const mine = await office.get(`/api/v1/tasks/${t.id}`);
      for (const a of ['edit', 'cancellation', 'deletion']) assert.ok(mine.body.allowed_actions.includes(a), a);
      const theirs = await stc.get(`/api/v1/tasks/${t.id}`);
      for (const a of ['edit', 'cancellation', 'deletion']) assert.ok(!theirs.body.allowed_actions.includes(a), a);
      const audit = await auditTotal(admin);
      const r = await office.patch(`/api/v1/tasks/${t.id}`, { title: 'Sửa lại tên — sửa xóa hủy', is_key: true });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.title, 'Sửa lại tên — sửa xóa hủy');
      assert.equal(await auditTotal(admin), audit + 1);
      // Errors name the field as the form labels it.
      const bad = await office.patch(`/api/v1/tasks/${t.id}`, { title: 'x'.repeat(1001) });
      assertError(bad, 400, undefined, 'title');
      assert.match(bad.body.error.message, /Tên nhiệm vụ/);
      assertError(await stc.patch(`/api/v1/tasks/${t.id}`, { title: 'Không được' }), 403);
      assertError(await sxd.patch(`/api/v1/tasks/${t.id}`, { title: 'Không thấy' }), 404);
    });

    it('a task nobody reported on is deleted: gone from its page, lists and boards', async () => {
      const t = await newTask('Xóa');
      const before = await boardTotal(office, stcId);
      assert.ok(await listed(office, t.id));
      // Only the office that gave it; others by scope.
      assertError(await stc.del(`/api/v1/tasks/${t.id}`), 403);
      assertError(await sxd.del(`/api/v1/tasks/${t.id}`), 404);
      const audit = await auditTotal(admin);
      const r = await office.del(`/api/v1/tasks/${t.id}`);
      assert.equal(r.status, 204, JSON.stringify(r.body));
      assert.equal(await auditTotal(admin), audit + 1);
      assertError(await office.get(`/api/v1/tasks/${t.id}`), 404);
      assertError(await stc.get(`/api/v1/tasks/${t.id}`), 404);
      assert.ok(!(await listed(office, t.id)));
      assert.equal(await boardTotal(office, stcId), before - 1);
      assertError(await office.del(`/api/v1/tasks/${t.id}`), 404);
      assertError(await office.patch(`/api/v1/tasks/${t.id}`, { title: 'Đã xóa' }), 404);
      assertError(await office.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Còn không?' }), 404);
      assertError(await office.get(`/api/v1/tasks/${t.id}/comments`), 404);
      // The unit that had it was told.
      assert.ok((await notices(stc)).every((n) => n.task_id !== t.id), 'notices of a deleted task are not shown');
      // tasksa: the notice of the deletion is about no task and reads on its own.
      const gone = (await notices(stc)).find((n) => n.kind === 'deleted' && n.title.includes('Xóa — sửa xóa hủy'));
      assert.ok(gone, 'the unit sees the notice of the deletion');
      assert.match(gone.body, /đã xóa nhiệm vụ “Xóa — sửa xóa hủy” \(hạn 31\/03\/2026\)/);
    });

    it('a task with reports is not deleted (409 naming why); it is cancelled with a reason', async () => {
      const t = await newTask('Hủy');
      const rep = await stc.post(`/api/v1/tasks/${t.id}/reports`, { percent: 20, body: 'Đã triển khai.' });
      assert.equal(rep.status, 201, JSON.stringify(rep.body));
      const detail = await office.get(`/api/v1/tasks/${t.id}`);
      assert.ok(!detail.body.allowed_actions.includes('deletion'));
      assert.ok(detail.body.allowed_actions.includes('cancellation'));
      const del = await office.del(`/api/v1/tasks/${t.id}`);
      assertError(del, 409, 'has_reports');
      assert.match(del.body.error.message, /báo cáo tiến độ.*hủy nhiệm vụ/);
      const before = await boardTotal(office, stcId);
      // Bad input: the reason is required, bounded, and the only field.
      for (const [body, field] of [[{}, 'reason'], [{ reason: '   ' }, 'reason'], [{ reason: 'x'.repeat(2001) }, 'reason'],
                                   [{ reason: 'Lý do', extra: 1 }, 'extra']])
        assertError(await office.post(`/api/v1/tasks/${t.id}/cancellation`, body), 400, undefined, field);
      assertError(await stc.post(`/api/v1/tasks/${t.id}/cancellation`, { reason: 'Không phải việc của tôi' }), 403);
      assertError(await sxd.post(`/api/v1/tasks/${t.id}/cancellation`, { reason: 'Không thấy' }), 404);
      const r = await office.post(`/api/v1/tasks/${t.id}/cancellation`, { reason: 'Nội dung đã được giải quyết ở văn bản khác.' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.state, 'cancelled');
      assert.equal(r.body.timeliness, 'no_deadline');
      assert.deepEqual(r.body.allowed_actions.filter((a) => ['edit', 'cancellation', 'deletion', 'report', 'comment'].includes(a)), []);
      // Kept on its page; out of lists and boards unless asked for by state.
      assert.equal((await stc.get(`/api/v1/tasks/${t.id}`)).body.state, 'cancelled');
      assert.ok(!(await listed(office, t.id)));
      assert.ok(await listed(office, t.id, '&state=cancelled'));
      assert.equal(await boardTotal(office, stcId), before - 1);
      assert.ok((await notices(stc)).some((n) => n.kind === 'cancelled' && n.task_id === t.id));
      // Nothing more happens to it.
      assertError(await office.post(`/api/v1/tasks/${t.id}/cancellation`, { reason: 'Lần nữa' }), 409);
      assertError(await office.patch(`/api/v1/tasks/${t.id}`, { title: 'Sửa việc đã hủy' }), 409);
      assertError(await stc.post(`/api/v1/tasks/${t.id}/reports`, { percent: 40, body: 'Tiếp' }), 409);
      assertError(await leader.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Đôn đốc' }), 403);
    });

    it('the thread: directions and replies, told both ways, for whoever sees the task', async () => {
      const t = await newTask('Ý kiến');
      const d = await leader.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Đề nghị Sở Tài chính khẩn trương hoàn thành.' });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      assert.equal(d.body.kind, 'direction');
      assert.ok(d.body.author_name.length > 0);
      assert.ok((await notices(stc)).some((n) => n.kind === 'comment_direction' && n.task_id === t.id));
      const r = await stc.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Sở Tài chính xin báo cáo: đang hoàn thiện dự thảo.' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.kind, 'reply');
      assert.ok((await notices(leader)).some((n) => n.kind === 'comment_reply' && n.task_id === t.id), 'the leader hears the reply');
      assert.ok((await notices(office)).some((n) => n.kind === 'comment_reply' && n.task_id === t.id), 'the office hears the reply');
      for (const c of [office, stc, leader]) {
        const list = assertList(await c.get(`/api/v1/tasks/${t.id}/comments`));
        assert.deepEqual(list.map((x) => x.id), [d.body.id, r.body.id]);
        assert.deepEqual(Object.keys(list[0]).sort(), ['author_id', 'author_name', 'body', 'created_at', 'id', 'kind', 'task_id']);
      }
      // Out of scope: 404, for reading and writing alike.
      assertError(await sxd.get(`/api/v1/tasks/${t.id}/comments`), 404);
      assertError(await sxd.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Xin chen vào' }), 404);
      assertError(await office.get('/api/v1/tasks/999999/comments'), 404);
      assert.equal((await office.get('/api/v1/tasks/abc/comments')).status, 404, 'no such route');
      // Bad input, by field.
      for (const body of [{}, { body: '' }, { body: '  \n ' }, { body: 'x'.repeat(5001) }, { body: 12 }]) {
        const e = await stc.post(`/api/v1/tasks/${t.id}/comments`, body);
        assertError(e, 400, undefined, 'body');
        assert.match(e.body.error.message, /Nội dung ý kiến/);
      }
      assertError(await stc.post(`/api/v1/tasks/${t.id}/comments`, { body: 'Được', to: 1 }), 400, undefined, 'to');
      assertError(await stc.post(`/api/v1/tasks/${t.id}/comments`, 'not json'), 400);
      assert.equal((await stc.post(`/api/v1/tasks/${t.id}/comments`, { body: 'x'.repeat(5000) })).status, 201);
      assert.equal(assertList(await stc.get(`/api/v1/tasks/${t.id}/comments`)).length, 3);
      assert.ok((await stc.get(`/api/v1/tasks/${t.id}`)).body.allowed_actions.includes('comment'));
    });
  });
}

// "Việc của tôi" (GET /api/v1/my-work): an officer sees the tasks its unit holds, a
// coordination request its unit must answer and work sent back to it — what is due first,
// with the effective deadline and working days left — and nothing of another unit's.
// Real server, both DBs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode } from './lib.mjs';

// TODAY is Thursday 2026-01-15; January has no holiday after the 1st.
for (const db of DBS) {
  describe(`my work (${db})`, () => {
    let server, office, stc, sxd, business, unit;
    before(async () => {
      server = await start(db);
      [office, stc, sxd, business] = await Promise.all(
        ['vanphong', 'canbo.stc', 'canbo.sxd', 'doanhnghiep'].map((u) => server.as(u)));
      const units = await unitsByCode(office);
      unit = (code) => units.get(code).id;
    });
    after(async () => server && (await server.close()));

    const post = async (c, path, body, status = 201) => {
      const r = await c.post(path, body);
      assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const mine = async (c) => assertList(await c.get('/api/v1/my-work?limit=1000'));

    it('brings a unit its held tasks and a request to answer, due first, not another unit\'s', async () => {
      const task = (title, lead, deadline) => post(office, '/api/v1/tasks', { title, lead_unit_id: unit(lead), deadline });
      const later = await task('Rà soát danh mục đầu tư công', 'MA.STC', '2026-03-10');
      const sooner = await task('Báo cáo thu ngân sách tháng 1', 'MA.STC', '2026-01-27');
      const other = await task('Kiểm tra công trình trường học', 'MA.SXD', '2026-02-05');
      // Sở Tài chính coordinates this one: it sees it, but Sở Xây dựng holds it.
      const coordinated = await post(office, '/api/v1/tasks',
        { title: 'Thẩm định giá gói thầu', lead_unit_id: unit('MA.SXD'), deadline: '2026-01-20', coordinator_ids: [unit('MA.STC')] });
      const ask = await post(sxd, `/api/v1/tasks/${other.id}/coordination-requests`,
        { to_unit_id: unit('MA.STC'), body: 'Đề nghị cung cấp số vốn đã bố trí.', due_on: '2026-01-22' });

      const items = await mine(stc);
      const held = items.filter((i) => i.kind !== 'coordination').map((i) => i.task_id);
      assert.ok(held.includes(later.id) && held.includes(sooner.id), JSON.stringify(held));
      assert.ok(!held.includes(other.id), 'another unit\'s task is not mine');
      assert.ok(!held.includes(coordinated.id), 'a task my unit only coordinates is not mine to hold');
      for (const i of items.filter((x) => x.task)) assert.equal(i.task.lead_unit_id, unit('MA.STC'));
      const req = items.find((i) => i.kind === 'coordination' && i.request_id === ask.id);
      assert.ok(req, 'the request to answer is there');
      assert.equal(req.coordination.body, 'Đề nghị cung cấp số vốn đã bố trí.');
      assert.deepEqual([req.due_on, req.working_days_left, req.working_days_late], ['2026-01-22', 5, 0]);
      const s = items.find((i) => i.task_id === sooner.id);
      assert.deepEqual([s.kind, s.title, s.due_on, s.working_days_left], ['task', sooner.title, '2026-01-27', 8]);
      const at = (pred) => items.findIndex(pred);
      assert.ok(at((i) => i.request_id === ask.id) < at((i) => i.task_id === sooner.id));
      assert.ok(at((i) => i.task_id === sooner.id) < at((i) => i.task_id === later.id));
      const days = items.map((i) => i.due_on ?? '9999-12-31');
      assert.deepEqual(days, [...days].sort(), 'what is due first comes first');

      const theirs = await mine(sxd);
      assert.ok(theirs.some((i) => i.task_id === other.id && i.kind === 'task'));
      assert.ok(!theirs.some((i) => i.task_id === sooner.id || i.task_id === later.id));
      assert.ok(!theirs.some((i) => i.request_id === ask.id), 'the asking unit does not answer');
      // The office gives the work; it does not hold another unit's tasks.
      assert.ok(!(await mine(office)).some((i) => i.task_id === sooner.id));

      // Answered, the request leaves the list.
      await post(stc, `/api/v1/coordination-requests/${ask.id}/answer`, { answer: 'Đã bố trí 12.000 triệu đồng.' }, 200);
      assert.ok(!(await mine(stc)).some((i) => i.request_id === ask.id));
    });

    it('shows work sent back, and leaves out what waits on the office', async () => {
      const t = await post(office, '/api/v1/tasks', { title: 'Tổng hợp báo cáo quyết toán', lead_unit_id: unit('MA.STC'), deadline: '2026-02-10' });
      await post(stc, `/api/v1/tasks/${t.id}/completion`, { output_text: 'Báo cáo số 5/BC-STC' }, 200);
      assert.ok(!(await mine(stc)).some((i) => i.task_id === t.id), 'awaiting the office: nothing to do');
      await post(office, `/api/v1/tasks/${t.id}/confirmation`, { accept: false, reason: 'Thiếu phụ lục.' }, 200);
      const back = (await mine(stc)).find((i) => i.task_id === t.id);
      assert.equal(back?.kind, 'returned');
      assert.equal(back.task.state, 'returned');
    });

    it('is refused to a role that reads no tasks', async () => {
      assertError(await business.get('/api/v1/my-work'), 403, 'forbidden');
    });
  });
}

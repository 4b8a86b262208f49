// Issue 9, tasks as offices live them, through a real server on SQLite and PostgreSQL:
// the unit directory for choosing a coordinator whatever the caller's scope (an officer
// asks a unit outside it; that unit sees the request and that task, not the officer's
// other tasks) and the notices the coordination loop writes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode } from './lib.mjs';

// Tasks led by `code` that `c` may still ask coordination on.
async function heldTasks(c, unitIdOf) {
  const r = await c.get(`/api/v1/tasks?lead_unit_id=${unitIdOf}&limit=200`);
  const out = [];
  for (const t of assertList(r)) {
    const d = await c.get(`/api/v1/tasks/${t.id}`);
    if (d.body.allowed_actions.includes('coordination')) out.push(d.body);
  }
  return out;
}

async function notices(c) {
  return assertList(await c.get('/api/v1/notifications?limit=200'));
}

for (const db of DBS) {
  describe(`tasks as offices live them (${db})`, () => {
    let server, admin, stc, sxd, business, leader, units;
    const unit = (code) => units.get(code).id;
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      stc = await server.as('canbo.stc');
      sxd = await server.as('canbo.sxd');
      business = await server.as('doanhnghiep');
      leader = await server.as('lanhdao');
      units = await unitsByCode(admin);
    });
    after(async () => server && (await server.close()));

    it('the unit directory offers any living unit, whatever the scope', async () => {
      // The officer's own units list stays its scope: Sở Xây dựng is not in it.
      const own = assertList(await stc.get('/api/v1/units?q=xay%20dung&limit=50'));
      assert.ok(!own.some((u) => u.code === 'MA.SXD'), 'units stays the caller scope');
      const r = await stc.get('/api/v1/unit-directory?q=xay%20dung');
      const items = assertList(r);
      const sxdRow = items.find((u) => u.code === 'MA.SXD');
      assert.ok(sxdRow, JSON.stringify(items));
      assert.deepEqual(Object.keys(sxdRow).sort(), ['code', 'id', 'kind', 'name']);
      assert.equal(sxdRow.name, 'Sở Xây dựng');
      // With diacritics, by code, bounded.
      assert.ok(assertList(await stc.get('/api/v1/unit-directory?q=X%C3%A2y%20d%E1%BB%B1ng')).some((u) => u.code === 'MA.SXD'));
      assert.equal(assertList(await stc.get('/api/v1/unit-directory?q=MA.SXD'))[0].code, 'MA.SXD');
      const few = await stc.get('/api/v1/unit-directory?q=phuong&limit=2');
      assert.equal(assertList(few).length, 2);
      assert.ok(few.body.total > 2);
      // An ended unit is not offered (Quận Trung Tâm merged in 2025).
      assert.ok(!assertList(await stc.get('/api/v1/unit-directory?q=MA.Q1&limit=50')).some((u) => u.code === 'MA.Q1'));
      assertError(await stc.get('/api/v1/unit-directory?limit=51'), 400, undefined, 'limit');
      assertError(await business.get('/api/v1/unit-directory?q=so'), 403, 'forbidden');
      assertError(await leader.get('/api/v1/unit-directory?q=so'), 403, 'forbidden');
    });

    it('an officer asks a unit outside its scope; that unit sees the request, not other tasks', async () => {
      const held = await heldTasks(stc, unit('MA.STC'));
      const asked = held.find((t) => !t.coordinator_ids.includes(unit('MA.SXD')));
      assert.ok(asked, 'a task Sở Tài chính holds');
      const other = (await stc.get(`/api/v1/tasks?lead_unit_id=${unit('MA.STC')}&limit=200`)).body.items.find(
        (t) => t.id !== asked.id && !t.coordinator_ids.includes(unit('MA.SXD')));
      assert.ok(other, 'another task of Sở Tài chính');
      assert.equal((await sxd.get(`/api/v1/tasks/${asked.id}`)).status, 404, 'not seen before the request');
      const req = await stc.post(`/api/v1/tasks/${asked.id}/coordination-requests`, {
        to_unit_id: unit('MA.SXD'), body: 'Đề nghị cung cấp số liệu.', due_on: '2026-02-20' });
      assert.equal(req.status, 201, JSON.stringify(req.body));
      const incoming = assertList(await sxd.get(`/api/v1/coordination-requests?to_unit_id=${unit('MA.SXD')}&limit=200`));
      assert.ok(incoming.some((r) => r.id === req.body.id), 'the asked unit sees the request');
      assert.equal((await sxd.get(`/api/v1/tasks/${other.id}`)).status, 404, 'other tasks stay unseen');
      const seen = assertList(await sxd.get(`/api/v1/tasks?lead_unit_id=${unit('MA.STC')}&limit=200`));
      assert.ok(!seen.some((t) => t.id === other.id));
      // The asked unit is told; once it answers, the unit that asked is told.
      assert.ok((await notices(sxd)).some((n) => n.kind === 'coordination' && n.task_id === asked.id));
      assert.ok(!(await notices(stc)).some((n) => n.kind === 'coordination_answered' && n.task_id === asked.id));
      const answer = await sxd.post(`/api/v1/coordination-requests/${req.body.id}/answer`, { answer: 'Số liệu theo phụ lục.' });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const told = (await notices(stc)).filter((n) => n.kind === 'coordination_answered' && n.task_id === asked.id);
      assert.equal(told.length, 1, 'the asker hears of the answer once');
      assert.match(told[0].title, /Đã trả lời đề nghị phối hợp/);
      assert.ok(!(await notices(sxd)).some((n) => n.kind === 'coordination_answered'), 'not the one who answered');
    });

    it('a coordinating unit is told when it is named on a task, created or edited', async () => {
      const office = await server.as('vanphong');
      const investor = await server.as('chudautu.gt');
      const created = await office.post('/api/v1/tasks', {
        title: 'Rà soát hồ sơ đất đai các dự án chậm giải ngân', lead_unit_id: unit('MA.STC'),
        coordinator_ids: [unit('MA.SXD')], deadline: '2026-03-31' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const named = (await notices(sxd)).filter((n) => n.kind === 'coordinating' && n.task_id === id);
      assert.equal(named.length, 1, 'Sở Xây dựng is told it coordinates');
      assert.match(named[0].title, /Phối hợp thực hiện/);
      assert.ok(!(await notices(investor)).some((n) => n.task_id === id), 'a unit not named hears nothing');
      const edited = await office.patch(`/api/v1/tasks/${id}`, { coordinator_ids: [unit('MA.SXD'), unit('MA.BQLGT')] });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal((await notices(investor)).filter((n) => n.kind === 'coordinating' && n.task_id === id).length, 1);
      assert.equal((await notices(sxd)).filter((n) => n.kind === 'coordinating' && n.task_id === id).length, 1, 'told once');
      // A refused write tells nobody (the notice is in the write's transaction).
      const refused = await office.patch(`/api/v1/tasks/${id}`, { coordinator_ids: [unit('MA.STC')] });
      assertError(refused, 400, undefined, 'coordinator_ids');
    });

    it('refuses milestones after the deadline or not ending at 100, on create and edit', async () => {
      const office = await server.as('vanphong');
      const base = { title: 'Kiểm tra tiến độ các công trình trọng điểm', lead_unit_id: unit('MA.STC'), deadline: '2026-11-30' };
      const q = (label, due_on, planned_percent) => ({ label, due_on, planned_percent });
      const cases = [
        ['after the deadline', [q('Quý I', '2026-03-31', 25), q('Quý IV', '2026-12-31', 100)], /sau hạn hoàn thành 30\/11\/2026/],
        ['not reaching 100', [q('Quý I', '2026-03-31', 25), q('Quý II', '2026-06-30', 60)], /100 %/],
        ['going down', [q('Quý I', '2026-03-31', 50), q('Quý II', '2026-06-30', 20), q('Xong', '2026-11-30', 100)], /tăng dần/],
      ];
      for (const [what, milestones, message] of cases) {
        const r = await office.post('/api/v1/tasks', { ...base, milestones });
        assertError(r, 400, undefined, 'milestones');
        assert.match(r.body.error.message, message, what);
      }
      const ok = await office.post('/api/v1/tasks', { ...base, milestones: [q('Quý I', '2026-03-31', 25), q('Hoàn thành', '2026-11-30', 100)] });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const bad = await office.patch(`/api/v1/tasks/${ok.body.id}`, { milestones: [q('Quý IV', '2026-12-31', 100)] });
      assertError(bad, 400, undefined, 'milestones');
      const edited = await office.patch(`/api/v1/tasks/${ok.body.id}`, { milestones: [q('Quý II', '2026-06-30', 40), q('Hoàn thành', '2026-11-30', 100)] });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const d = await office.get(`/api/v1/tasks/${ok.body.id}`);
      assert.deepEqual(d.body.milestones.map((m) => [m.label, m.planned_percent]), [['Quý II', 40], ['Hoàn thành', 100]]);
    });

    it('offers each caller exactly what the server accepts: role × state → actions', async () => {
      const office = await server.as('vanphong');
      const make = async () => {
        const r = await office.post('/api/v1/tasks', { title: 'Báo cáo tình hình thu ngân sách quý', lead_unit_id: unit('MA.STC'), coordinator_ids: [unit('MA.SXD')], deadline: '2026-06-30' });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body.id;
      };
      const fresh = await make();
      const submitted = await make();
      assert.equal((await stc.post(`/api/v1/tasks/${submitted}/completion`, { output_text: 'Báo cáo số 3/BC-STC.' })).status, 200);
      const refused = await make();
      assert.equal((await stc.post(`/api/v1/tasks/${refused}/refusal`, { reason: 'Không thuộc chức năng.' })).status, 200);
      const suspended = await make();
      assert.equal((await office.post(`/api/v1/tasks/${suspended}/suspension`, { suspend: true, note: 'Chờ chủ trương.' })).status, 200);
      const holder = ['report', 'extension', 'delegate', 'coordination', 'completion', 'refusal'];
      const giver = ['report', 'delegate', 'coordination', 'reassignment', 'suspension'];
      // tasksedit: the office edits, cancels, deletes (nobody reported); whoever works or
      // leads writes on the thread.
      const withdraw = ['edit', 'cancellation', 'deletion', 'comment'];
      const cases = [
        // [who, task, actions]
        [stc, fresh, [...holder, 'comment']], [office, fresh, [...giver, ...withdraw]], [admin, fresh, [...giver, ...withdraw]],
        [sxd, fresh, []], [leader, fresh, ['comment']],
        [stc, submitted, ['comment']], [office, submitted, ['confirmation', 'suspension', 'edit', 'cancellation', 'comment']], [sxd, submitted, []],
        [stc, refused, ['comment']], [office, refused, ['reassignment', 'suspension', ...withdraw]],
        [stc, suspended, ['comment']], [office, suspended, ['suspension', ...withdraw]],
      ];
      const names = new Map([[stc, 'officer of the lead unit'], [office, 'office'], [admin, 'admin'], [sxd, 'coordinating unit'], [leader, 'leader']]);
      for (const [who, id, want] of cases)
        assert.deepEqual((await who.get(`/api/v1/tasks/${id}`)).body.allowed_actions, want, `${names.get(who)} on task ${id}`);
      // The server refuses the lead unit's own acts to the office, and changes nothing.
      const before = (await office.get(`/api/v1/tasks/${fresh}`)).body;
      for (const [path, body] of [
        ['completion', { output_text: 'Văn phòng báo cáo thay.' }],
        ['refusal', { reason: 'Văn phòng từ chối thay.' }],
        ['extensions', { new_deadline: '2026-08-31', reason: 'Văn phòng xin thay.' }],
      ])
        assertError(await office.post(`/api/v1/tasks/${fresh}/${path}`, body), 403, 'forbidden');
      const after = (await office.get(`/api/v1/tasks/${fresh}`)).body;
      assert.equal(after.state, before.state);
      assert.deepEqual(after.extensions, before.extensions);
    });

    it('says where a typed deadline falls: a day off moves, a passed day is flagged', async () => {
      // Today is Thursday 15/01/2026.
      const sat = await stc.get('/api/v1/deadline-check?date=2026-01-17');
      assert.equal(sat.status, 200, JSON.stringify(sat.body));
      assert.deepEqual(sat.body, { date: '2026-01-17', effective: '2026-01-19', day_off: true, past: false, working_days_left: 2, today: '2026-01-15' });
      const past = await stc.get('/api/v1/deadline-check?date=2026-01-14');
      assert.equal(past.body.past, true);
      assert.equal(past.body.day_off, false);
      assertError(await stc.get('/api/v1/deadline-check?date=15/01/2026'), 400, undefined, 'date');
      assertError(await stc.get('/api/v1/deadline-check'), 400, undefined, 'date');
      assertError(await business.get('/api/v1/deadline-check?date=2026-01-17'), 403, 'forbidden');
    });
  });
}

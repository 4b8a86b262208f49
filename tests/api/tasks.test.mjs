// Directives and tasks through a real server, on SQLite and on PostgreSQL: the loop of
// issue 4 (the office records a conclusion, its groups and tasks; Sở Tài chính reports and
// asks for more time; the office agrees; the board changes), the list filters, the boards,
// the working-day calendar and its swaps, today injected with --now, scope, and bad input —
// always the right 4xx with the error envelope, never a 500, nothing written.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, auditTotal, start, unitsByCode, userId } from './lib.mjs';
import { startServer } from './support.mjs';

// Monday 20/07/2026. Friday 24/07 is four working days away, Thursday 23/07 three.
const NOW = '2026-07-20';
const TIMELINESS = ['in_time', 'due_soon', 'overdue', 'done_on_time', 'done_late', 'no_deadline'];
const COUNTS = ['total', ...TIMELINESS];

function assertTask(t) {
  for (const k of ['id', 'title', 'lead_unit_id', 'state', 'timeliness', 'timeliness_reason', 'deadline',
                   'original_deadline', 'progress_percent', 'coordinator_ids', 'extensions_approved'])
    assert.ok(k in t, `task has ${k}: ${JSON.stringify(t)}`);
  assert.ok(TIMELINESS.includes(t.timeliness), t.timeliness);
  assert.ok(t.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(t.deadline));
  assert.equal(typeof t.progress_percent, 'number');
  return t;
}

// Every task `c` may see, all pages.
async function allTasks(c, query = '') {
  const out = [];
  for (let offset = 0; ; offset += 200) {
    const r = await c.get(`/api/v1/tasks?limit=200&offset=${offset}${query ? `&${query}` : ''}`);
    const items = assertList(r);
    items.forEach(assertTask);
    out.push(...items);
    if (out.length >= r.body.total || items.length === 0) {
      assert.equal(out.length, r.body.total);
      return out;
    }
  }
}

async function ids(c, query) {
  return (await allTasks(c, query)).map((t) => t.id).sort((a, b) => a - b);
}

// The board (from the read model) against a recount of the tasks list, whose timeliness is
// computed task by task: they must agree for every key and every count.
async function assertBoardMatchesTasks(c, by = 'unit', query = '') {
  const board = await c.get(`/api/v1/boards/tasks?by=${by}${query ? `&${query}` : ''}`);
  assert.equal(board.status, 200, JSON.stringify(board.body));
  const keyOf = { unit: (t) => t.lead_unit_id, directive: (t) => t.directive_id ?? 0, group: (t) => t.group_id ?? 0 }[by];
  const recount = new Map();
  for (const t of await allTasks(c, query)) {
    const k = keyOf(t);
    if (!recount.has(k)) recount.set(k, Object.fromEntries(COUNTS.map((x) => [x, 0])));
    recount.get(k).total++;
    recount.get(k)[t.timeliness]++;
  }
  const rows = new Map(board.body.rows.map((r) => [r.key, Object.fromEntries(COUNTS.map((x) => [x, r[x]]))]));
  assert.deepEqual(Object.fromEntries([...rows].sort()), Object.fromEntries([...recount].sort()), `board by ${by}`);
  for (const x of COUNTS)
    assert.equal(board.body.totals[x], board.body.rows.reduce((s, r) => s + r[x], 0), `totals.${x}`);
  // A number on the board opens the list behind it: the same count, not the unit's
  // coordinating roles besides (lead_unit_id, where unit_id would add them).
  const drill = { unit: 'lead_unit_id', directive: 'directive_id', group: 'group_id' }[by];
  for (const r of board.body.rows.slice(0, 4)) {
    if (r.key === 0) continue;
    for (const x of ['overdue', 'in_time']) {
      const list = await c.get(`/api/v1/tasks?${drill}=${r.key}&timeliness=${x}&limit=1${query ? `&${query}` : ''}`);
      assert.equal(list.body.total, r[x], `board by ${by}, row ${r.key}, ${x}`);
    }
  }
  return board.body;
}

// What a refused write must leave alone: the audit log's length and the tasks as the
// office sees them.
async function snapshotTasks(admin) {
  return { audit: await auditTotal(admin), tasks: JSON.stringify(await allTasks(admin)) };
}
async function assertTasksUnchanged(admin, before, what) {
  const now = await snapshotTasks(admin);
  assert.equal(now.audit, before.audit, `audit log grew: ${what}`);
  assert.equal(now.tasks, before.tasks, `tasks changed: ${what}`);
}

for (const db of DBS) {
  describe(`tasks on ${db}`, () => {
    let server, admin, office, leader, stc, sxd, viewer, business, units;
    let directive, groups, giaiNgan, matBang, stcUser;
    const unit = (code) => {
      assert.ok(units.has(code), `unit ${code}`);
      return units.get(code).id;
    };

    before(async () => {
      server = await start(db, { now: NOW });
      [admin, office, leader, stc, sxd, viewer, business] = await Promise.all(
        ['admin', 'vanphong', 'lanhdao', 'canbo.stc', 'canbo.sxd', 'xem', 'doanhnghiep'].map((u) => server.as(u)),
      );
      units = await unitsByCode(admin);
      stcUser = await userId(admin, 'canbo.stc');
    });
    after(async () => {
      await server?.close();
    });

    it('offers on each task the actions the caller may take now, from the server\'s own checks', async () => {
      const post = async (c, path, body, status = 200) => {
        const r = await c.post(path, body);
        assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
        return r.body;
      };
      const t = await post(office, '/api/v1/tasks', { lead_unit_id: unit('MA.STC'), coordinator_ids: [unit('MA.SXD')], title: 'Rà soát danh mục dự án chậm giải ngân', deadline: '2026-09-30' }, 201);
      // The loop's actions; edit, cancellation, deletion and comment are tasksedit's (tasks_edit.test.mjs).
      const loop = (list) => list.filter((a) => !['edit', 'cancellation', 'deletion', 'comment'].includes(a));
      const actions = async (c) => loop((await c.get(`/api/v1/tasks/${t.id}`)).body.allowed_actions);
      // The lead unit works the task; it does not decide on it.
      assert.deepEqual(await actions(stc), ['report', 'extension', 'delegate', 'coordination', 'completion', 'refusal']);
      // A coordinating unit sees the task and may do nothing of the lead unit's; nor may a leader.
      assert.deepEqual(await actions(sxd), []);
      assert.deepEqual(await actions(leader), []);
      // The office decides: reassign, suspend; confirmation only once completion is submitted.
      const byOffice = await actions(office);
      for (const a of ['reassignment', 'suspension']) assert.ok(byOffice.includes(a), a);
      assert.ok(!byOffice.includes('confirmation'));
      await post(stc, `/api/v1/tasks/${t.id}/completion`, { output_text: 'Danh mục đã rà soát.' });
      // Submitted: the unit no longer holds the task, so it may not even ask a unit for help;
      // the server refuses what it does not offer.
      assert.deepEqual(await actions(stc), []);
      assert.deepEqual(await actions(office), ['confirmation', 'suspension']);
      const late = await stc.post(`/api/v1/tasks/${t.id}/coordination-requests`, { to_unit_id: unit('MA.SXD'), body: 'Xin số liệu.', due_on: '2026-09-30' });
      assert.equal(late.status, 409, JSON.stringify(late.body));
      assert.equal(late.body.error.code, 'task_finished');
      // Each list row carries them too.
      const row = (await allTasks(stc)).find((x) => x.id === t.id);
      assert.deepEqual(loop(row.allowed_actions), []);
    });

    it('the loop: a conclusion, its groups and tasks; a report, an extension, the decision; the board changes', async () => {
      const d = await office.post('/api/v1/directives', {
        kind: 'conclusion',
        number: '128/TB-UBND',
        issued_on: '2026-07-15',
        issuer_unit_id: unit('MA'),
        title: 'Kết luận của Chủ tịch UBND thành phố về nhiệm vụ trọng tâm 6 tháng cuối năm 2026',
        body: 'Nhóm 1. Tăng cường giải ngân vốn đầu tư công …',
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      directive = d.body;
      assert.equal(directive.issuer_unit.code, 'MA');

      const g1 = await office.post('/api/v1/task-groups', { directive_id: directive.id, title: 'Tăng cường giải ngân vốn đầu tư công', position: 1 });
      assert.equal(g1.status, 201, JSON.stringify(g1.body));
      const g2 = await office.post('/api/v1/task-groups', { directive_id: directive.id, title: 'Tháo gỡ vướng mắc giải phóng mặt bằng', position: 2 });
      const g21 = await office.post('/api/v1/task-groups', { directive_id: directive.id, parent_id: g2.body.id, title: 'Dự án giao thông trọng điểm', position: 1 });
      assert.equal(g21.status, 201, JSON.stringify(g21.body));
      groups = { g1: g1.body, g2: g2.body, g21: g21.body };
      const shown = await leader.get(`/api/v1/directives/${directive.id}`);
      assert.equal(shown.status, 200);
      assert.deepEqual(shown.body.groups.map((g) => g.title), ['Tăng cường giải ngân vốn đầu tư công', 'Dự án giao thông trọng điểm', 'Tháo gỡ vướng mắc giải phóng mặt bằng']);
      assert.equal(assertList(await leader.get(`/api/v1/task-groups?directive_id=${directive.id}`)).length, 3);

      const t1 = await office.post('/api/v1/tasks', {
        directive_id: directive.id,
        group_id: groups.g1.id,
        lead_unit_id: unit('MA.STC'),
        coordinator_ids: [unit('MA.SXD')],
        title: 'Giải ngân vốn đầu tư công năm 2026 đạt trên 95% kế hoạch',
        output_kind: 'report',
        deadline: '2026-07-31',
        is_key: true,
        milestones: [{ label: 'Quý II', due_on: '2026-06-30', planned_percent: 75 }, { label: 'Hoàn thành', due_on: '2026-07-31', planned_percent: 100 }],
      });
      assert.equal(t1.status, 201, JSON.stringify(t1.body));
      giaiNgan = assertTask(t1.body);
      assert.equal(giaiNgan.timeliness, 'in_time');
      assert.equal(giaiNgan.state, 'not_started');
      assert.equal(giaiNgan.deadline, '2026-07-31');
      assert.equal(giaiNgan.original_deadline, '2026-07-31');
      assert.equal(giaiNgan.progress_percent, 0);
      assert.deepEqual(giaiNgan.coordinator_ids, [unit('MA.SXD')]);

      const t2 = await office.post('/api/v1/tasks', {
        directive_id: directive.id,
        group_id: groups.g21.id,
        lead_unit_id: unit('MA.SXD'),
        title: 'Bàn giao mặt bằng dự án đường vành đai 2',
        deadline: '2026-07-23',
      });
      assert.equal(t2.status, 201, JSON.stringify(t2.body));
      matBang = assertTask(t2.body);
      assert.equal(matBang.timeliness, 'due_soon'); // Tue 21, Wed 22, Thu 23
      assert.equal(matBang.timeliness_reason, 'Còn 3 ngày làm việc đến hạn 23/07/2026');

      const boardOf = async () => (await leader.get('/api/v1/boards/tasks?by=directive')).body.rows.find((r) => r.key === directive.id);
      const first = await boardOf();
      assert.equal(first.name, `128/TB-UBND — ${directive.title}`);
      assert.deepEqual(COUNTS.map((k) => first[k]), [2, 1, 1, 0, 0, 0, 0]);

      // Sở Tài chính reports and asks for an extension.
      const rep = await stc.post(`/api/v1/tasks/${giaiNgan.id}/reports`, { percent: 40, body: 'Đã giải ngân 40% kế hoạch vốn.', reported_on: '2026-07-20' });
      assert.equal(rep.status, 201, JSON.stringify(rep.body));
      assert.equal(rep.body.state, 'in_progress');
      assert.equal(rep.body.progress_percent, 40);
      const ext = await stc.post(`/api/v1/tasks/${giaiNgan.id}/extensions`, { new_deadline: '2026-08-31', reason: 'Chờ Trung ương phân bổ vốn bổ sung.' });
      assert.equal(ext.status, 201, JSON.stringify(ext.body));
      assert.equal(ext.body.status, 'pending');
      assert.equal(ext.body.previous_deadline, '2026-07-31');
      assertError(await stc.post(`/api/v1/tasks/${giaiNgan.id}/extensions`, { new_deadline: '2026-09-30', reason: 'Thêm' }), 409, 'extension_pending');
      assertError(await stc.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: true }), 403, 'forbidden');
      // The office is told at once and finds it among the requests awaiting its decision.
      const waiting = await office.get(`/api/v1/tasks?extension_pending=true&directive_id=${directive.id}`);
      assert.deepEqual(waiting.body.items.map((t) => [t.id, t.extension_pending]), [[giaiNgan.id, true]]);
      assert.ok((await office.get('/api/v1/notifications?limit=100')).body.items.some((n) => n.kind === 'extension_requested' && n.task_id === giaiNgan.id));
      assertError(await office.get('/api/v1/tasks?extension_pending=1'), 400, 'invalid_input', 'extension_pending');

      // The office agrees; the deadline moves, the original stays, the history is kept.
      const dec = await office.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: true, note: 'Đồng ý gia hạn.' });
      assert.equal(dec.status, 200, JSON.stringify(dec.body));
      assert.equal(dec.body.status, 'approved');
      assertError(await office.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: false, note: 'Đổi ý' }), 409, 'already_decided');
      const detail = await stc.get(`/api/v1/tasks/${giaiNgan.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.deadline, '2026-08-31');
      assert.equal(detail.body.original_deadline, '2026-07-31');
      assert.equal(detail.body.extensions_approved, 1);
      assert.equal(detail.body.extension_pending, false);
      assert.equal(detail.body.extensions.length, 1);
      assert.equal(detail.body.extensions[0].decision_note, 'Đồng ý gia hạn.');
      assert.equal(detail.body.reports.length, 1);
      assert.match(detail.body.timeliness_reason, /đã gia hạn 1 lần$/);
      const listed = (await allTasks(leader, `directive_id=${directive.id}`)).find((t) => t.id === giaiNgan.id);
      assert.equal(listed.extensions_approved, 1, 'the list says what the page says');
      assert.equal(listed.timeliness_reason, detail.body.timeliness_reason);

      // A leader sees the board as it is now.
      const after = await boardOf();
      assert.deepEqual(COUNTS.map((k) => after[k]), [2, 1, 1, 0, 0, 0, 0]);
      const byUnit = await leader.get(`/api/v1/boards/tasks?by=unit&directive_id=${directive.id}`);
      assert.deepEqual(byUnit.body.rows.map((r) => [r.code, r.total]).sort(), [['MA.STC', 1], ['MA.SXD', 1]]);
      assert.equal(byUnit.body.as_of, NOW);
      await assertBoardMatchesTasks(leader, 'unit');
      await assertBoardMatchesTasks(leader, 'directive');
    });

    it('filters: unit, assignee, directive, group, timeliness, due date and search without diacritics', async () => {
      const mine = await office.post('/api/v1/tasks', {
        directive_id: directive.id,
        group_id: groups.g1.id,
        lead_unit_id: unit('MA.STC'),
        assignee_id: stcUser,
        title: 'Báo cáo tiến độ giải ngân hằng tháng',
        recurrence: 'monthly:25',
      });
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      assert.equal(mine.body.deadline, '2026-07-25'); // a Saturday: due Monday 27/07
      assert.equal(mine.body.recurrence, 'monthly:25');
      const d = `directive_id=${directive.id}`;
      const sorted = (...xs) => xs.sort((a, b) => a - b);
      assert.deepEqual(await ids(leader, d), sorted(giaiNgan.id, matBang.id, mine.body.id));
      assert.deepEqual(await ids(leader, `group_id=${groups.g1.id}`), sorted(giaiNgan.id, mine.body.id));
      assert.deepEqual(await ids(leader, `group_id=${groups.g21.id}`), [matBang.id]);
      // A unit's tasks include those it coordinates.
      assert.deepEqual(await ids(leader, `${d}&unit_id=${unit('MA.SXD')}`), sorted(giaiNgan.id, matBang.id));
      assert.deepEqual(await ids(leader, `${d}&unit_id=${unit('MA.STC')}`), sorted(giaiNgan.id, mine.body.id));
      assert.deepEqual(await ids(leader, `assignee_id=${stcUser}`), [mine.body.id]);
      assert.deepEqual(await ids(leader, `${d}&is_key=true`), [giaiNgan.id]);
      assert.deepEqual(await ids(leader, `${d}&is_key=false`), sorted(matBang.id, mine.body.id));
      assert.deepEqual(await ids(leader, `${d}&timeliness=due_soon`), [matBang.id]);
      assert.deepEqual(await ids(leader, `${d}&timeliness=in_time`), sorted(giaiNgan.id, mine.body.id));
      assert.deepEqual(await ids(leader, `${d}&timeliness=overdue`), []);
      assert.deepEqual(await ids(leader, `${d}&due_before=2026-07-25`), sorted(matBang.id, mine.body.id));
      assert.deepEqual(await ids(leader, `${d}&due_before=2026-07-23`), [matBang.id]);
      assert.deepEqual(await ids(leader, `${d}&due_before=2026-07-22`), []);
      for (const q of ['giai ngan', 'GIẢI NGÂN', 'Giải ngân', 'giai ngan von'])
        assert.deepEqual(await ids(leader, `${d}&q=${encodeURIComponent(q)}`),
          q.endsWith('von') ? [giaiNgan.id] : sorted(giaiNgan.id, mine.body.id), q);
      // The search folds the whole list, not only this directive: every hit says "giải ngân".
      const everywhere = await allTasks(leader, 'q=giai%20ngan');
      assert.ok(everywhere.length >= 2);
      for (const t of everywhere)
        assert.match(t.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd'), /giai ngan/);
      // Lists are paged and ordered by deadline.
      const page = await leader.get(`/api/v1/tasks?${d}&limit=1&offset=1`);
      assert.equal(assertList(page).length, 1);
      assert.equal(page.body.total, 3);
      const ordered = await allTasks(leader, d);
      assert.deepEqual(ordered.map((t) => t.deadline), ['2026-07-23', '2026-07-25', '2026-08-31']);
      // Bad filters name themselves.
      for (const [q, field] of [
        ['timeliness=late', 'timeliness'],
        ['state=open', 'state'],
        ['due_before=31/07/2026', 'due_before'],
        ['due_before=2026-02-30', 'due_before'],
        ['unit_id=abc', 'unit_id'],
        ['assignee_id=1.5', 'assignee_id'],
        ['directive_id=99999999999999999999', 'directive_id'],
        ['group_id=', 'group_id'],
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['offset=-1', 'offset'],
        ['is_key=1', 'is_key'],
        ['top_level=yes', 'top_level'],
      ]) {
        const r = await leader.get(`/api/v1/tasks?${q}`);
        if (q === 'group_id=' && r.status === 200) continue; // an empty parameter may count as absent
        assertError(r, 400, undefined, field);
      }
    });

    it('boards by unit, directive and group, and the coordination board', async () => {
      const byUnit = await assertBoardMatchesTasks(leader, 'unit');
      assert.equal(byUnit.as_of, NOW);
      const stcRow = byUnit.rows.find((r) => r.key === unit('MA.STC'));
      assert.equal(stcRow.code, 'MA.STC');
      assert.equal(stcRow.name, 'Sở Tài chính');
      // Most overdue first.
      for (let i = 1; i < byUnit.rows.length; i++) assert.ok(byUnit.rows[i - 1].overdue >= byUnit.rows[i].overdue);
      await assertBoardMatchesTasks(leader, 'directive');
      const byGroup = await assertBoardMatchesTasks(leader, 'group', `directive_id=${directive.id}`);
      assert.deepEqual(byGroup.rows.map((r) => [r.name, r.total]).sort(), [
        ['Dự án giao thông trọng điểm', 1],
        ['Tăng cường giải ngân vốn đầu tư công', 2],
      ]);
      // Every timeliness filter agrees with the board's totals.
      const totals = (await leader.get('/api/v1/boards/tasks?by=unit')).body.totals;
      for (const t of TIMELINESS) assert.equal((await leader.get(`/api/v1/tasks?timeliness=${t}&limit=1`)).body.total, totals[t], t);
      // An officer's board covers its own unit and what it coordinates.
      await assertBoardMatchesTasks(stc, 'unit');
      assertError(await leader.get('/api/v1/boards/tasks?by=province'), 400, undefined, 'by');
      assertError(await leader.get('/api/v1/boards/tasks?by=unit&timeliness=soon'), 400, undefined, 'timeliness');

      // Coordination: Sở Tài chính asks Sở Xây dựng for input by Wednesday.
      const before = (await leader.get('/api/v1/boards/coordination')).body.rows.find((r) => r.unit_id === unit('MA.SXD'));
      const req = await stc.post(`/api/v1/tasks/${giaiNgan.id}/coordination-requests`, { to_unit_id: unit('MA.SXD'), body: 'Đề nghị cung cấp khối lượng hoàn thành các dự án.', due_on: '2026-07-22' });
      assert.equal(req.status, 201, JSON.stringify(req.body));
      assert.equal(req.body.status, 'pending');
      assert.equal(req.body.to_unit.code, 'MA.SXD');
      const board = await leader.get('/api/v1/boards/coordination');
      assert.equal(board.status, 200);
      assert.equal(board.body.as_of, NOW);
      const row = board.body.rows.find((r) => r.unit_id === unit('MA.SXD'));
      assert.equal(row.name, 'Sở Xây dựng');
      assert.equal(row.received, (before?.received ?? 0) + 1);
      assert.equal(row.pending, (before?.pending ?? 0) + 1);
      // Only the unit asked answers; on time here.
      assertError(await stc.post(`/api/v1/coordination-requests/${req.body.id}/answer`, { answer: 'Tự trả lời' }), 403, 'forbidden');
      assertError(await sxd.post(`/api/v1/coordination-requests/${req.body.id}/answer`, {}), 400, undefined, 'answer');
      const ans = await sxd.post(`/api/v1/coordination-requests/${req.body.id}/answer`, { answer: 'Khối lượng hoàn thành theo phụ lục.' });
      assert.equal(ans.status, 200, JSON.stringify(ans.body));
      assert.equal(ans.body.status, 'answered_on_time');
      assertError(await sxd.post(`/api/v1/coordination-requests/${req.body.id}/answer`, { answer: 'Lần hai' }), 409, 'already_answered');
      const answered = (await leader.get('/api/v1/boards/coordination')).body.rows.find((r) => r.unit_id === unit('MA.SXD'));
      assert.equal(answered.answered_on_time, (before?.answered_on_time ?? 0) + 1);
      assert.equal(answered.pending, before?.pending ?? 0);
      assertError(await business.get('/api/v1/boards/coordination'), 403, 'forbidden');

      // Every number of the coordination board opens the requests behind it.
      const sxdId = unit('MA.SXD');
      for (const [status, n] of [['answered_on_time', answered.answered_on_time], ['pending', answered.pending],
                                 ['overdue', answered.overdue], ['answered_late', answered.answered_late]]) {
        const list = await leader.get(`/api/v1/coordination-requests?to_unit_id=${sxdId}&status=${status}`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        assert.equal(list.body.total, n, `${status}: ${JSON.stringify(list.body)}`);
        for (const r of list.body.items) assert.equal(r.status, status);
      }
      const all = await leader.get(`/api/v1/coordination-requests?to_unit_id=${sxdId}&limit=1000`);
      assert.equal(all.body.total, answered.received);
      const mine = all.body.items.find((r) => r.id === req.body.id);
      assert.equal(mine.task_title, giaiNgan.title);
      assert.equal(mine.answer, 'Khối lượng hoàn thành theo phụ lục.');
      assert.equal(mine.from_unit.code, 'MA.STC');
      // The whole board, unit by unit, against the list.
      const everything = await leader.get('/api/v1/coordination-requests?limit=1000');
      assert.equal(everything.body.total, (await leader.get('/api/v1/boards/coordination')).body.rows.reduce((s, r) => s + r.received, 0));
      // Overdue first, then waiting, then answered.
      const rank = { overdue: 0, pending: 1, answered_late: 2, answered_on_time: 3 };
      const ranks = everything.body.items.map((r) => rank[r.status]);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
      // Scope: Sở Tài chính's officer sees requests asked of it, not those asked of Sở Xây dựng.
      assert.equal((await stc.get(`/api/v1/coordination-requests?to_unit_id=${sxdId}`)).body.total, 0);
      assertError(await business.get('/api/v1/coordination-requests'), 403, 'forbidden');
      assertError(await leader.get('/api/v1/coordination-requests?status=late'), 400, undefined, 'status');
      assertError(await leader.get('/api/v1/coordination-requests?to_unit_id=abc'), 400, undefined, 'to_unit_id');
      for (const [body, field] of [
        [{ to_unit_id: unit('MA.STC'), body: 'Tự hỏi', due_on: '2026-07-22' }, 'to_unit_id'],
        [{ to_unit_id: unit('MA.SXD'), body: 'Hôm qua', due_on: '2026-07-19' }, 'due_on'],
        [{ to_unit_id: unit('MA.SXD'), body: '', due_on: '2026-07-22' }, 'body'],
        [{ to_unit_id: 999999, body: 'Không có', due_on: '2026-07-22' }, 'to_unit_id'],
        [{ body: 'Thiếu đơn vị', due_on: '2026-07-22' }, 'to_unit_id'],
        [{ to_unit_id: unit('MA.SXD'), body: 'Ngày sai', due_on: '22/07/2026' }, 'due_on'],
      ])
        assertError(await stc.post(`/api/v1/tasks/${giaiNgan.id}/coordination-requests`, body), 400, undefined, field);
    });

    it('completion returned with a reason then confirmed; refusal and reassignment; suspension; delegation rolls up', async () => {
      const post = async (c, path, body, status = 200) => {
        const r = await c.post(path, body);
        assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
        return r.body;
      };
      const notes = async (c, taskId) => assertList(await c.get('/api/v1/notifications?limit=200')).filter((n) => n.task_id === taskId).map((n) => n.kind).sort();

      // Completion, returned, completed again, confirmed.
      const t = await post(office, '/api/v1/tasks', { directive_id: directive.id, lead_unit_id: unit('MA.STC'), title: 'Báo cáo quyết toán vốn đầu tư năm 2025', deadline: '2026-07-31' }, 201);
      const sub = await post(stc, `/api/v1/tasks/${t.id}/completion`, { output_text: 'Báo cáo số 50/BC-STC' });
      assert.deepEqual([sub.state, sub.timeliness, sub.finished_on, sub.progress_percent], ['awaiting_confirmation', 'done_on_time', NOW, 100]);
      assertError(await stc.post(`/api/v1/tasks/${t.id}/confirmation`, { accept: true }), 403, 'forbidden');
      assertError(await office.post(`/api/v1/tasks/${t.id}/confirmation`, { accept: false }), 400, undefined, 'reason');
      const ret = await post(office, `/api/v1/tasks/${t.id}/confirmation`, { accept: false, reason: 'Thiếu phụ lục số liệu.' });
      assert.deepEqual([ret.state, ret.timeliness, ret.finished_on, ret.progress_percent], ['returned', 'in_time', null, 90]);
      assert.deepEqual(await notes(stc, t.id), ['assigned', 'returned']);
      await post(stc, `/api/v1/tasks/${t.id}/completion`, { output_text: 'Báo cáo số 52/BC-STC (bổ sung phụ lục)' });
      const done = await post(office, `/api/v1/tasks/${t.id}/confirmation`, { accept: true });
      assert.deepEqual([done.state, done.timeliness], ['done', 'done_on_time']);
      const page = (await stc.get(`/api/v1/tasks/${t.id}`)).body;
      assert.deepEqual(page.events.map((e) => e.kind), ['submitted', 'returned', 'submitted', 'confirmed']);
      assert.equal(page.events[1].note, 'Thiếu phụ lục số liệu.');
      assertError(await stc.post(`/api/v1/tasks/${t.id}/reports`, { percent: 100, body: 'Sau khi xong' }), 409, 'invalid_state');

      // Refused by a unit whose remit it is not, reassigned by the office.
      const r = await post(office, '/api/v1/tasks', { directive_id: directive.id, lead_unit_id: unit('MA.SXD'), title: 'Thẩm định phương án giá đất cụ thể', deadline: '2026-08-14' }, 201);
      const refused = await post(sxd, `/api/v1/tasks/${r.id}/refusal`, { reason: 'Thuộc chức năng của Sở Tài chính.' });
      assert.equal(refused.state, 'refused');
      assertError(await sxd.post(`/api/v1/tasks/${r.id}/reassignment`, { lead_unit_id: unit('MA.STC') }), 403, 'forbidden');
      const moved = await post(office, `/api/v1/tasks/${r.id}/reassignment`, { lead_unit_id: unit('MA.STC'), note: 'Giao Sở Tài chính chủ trì.' });
      assert.deepEqual([moved.state, moved.lead_unit.code], ['not_started', 'MA.STC']);
      assertError(await sxd.get(`/api/v1/tasks/${r.id}`), 404, 'not_found');
      assert.equal((await stc.get(`/api/v1/tasks/${r.id}`)).body.can_work, true);
      assert.deepEqual(await notes(stc, r.id), ['assigned']);

      // Suspended: the deadline stops counting and nothing can be reported.
      const susp = await post(office, `/api/v1/tasks/${r.id}/suspension`, { suspend: true, note: 'Chờ ý kiến Thường trực Thành ủy.' });
      assert.deepEqual([susp.state, susp.timeliness], ['suspended', 'no_deadline']);
      assertError(await stc.post(`/api/v1/tasks/${r.id}/reports`, { percent: 10, body: 'Trong lúc dừng' }), 409, 'invalid_state');
      assertError(await stc.post(`/api/v1/tasks/${r.id}/suspension`, { suspend: false }), 403, 'forbidden');
      const resumed = await post(office, `/api/v1/tasks/${r.id}/suspension`, { suspend: false, note: 'Tiếp tục.' });
      assert.deepEqual([resumed.state, resumed.timeliness], ['in_progress', 'in_time']);

      // Delegated to a sub-unit: its progress rolls up by its share.
      const p = await post(office, '/api/v1/tasks', { directive_id: directive.id, lead_unit_id: unit('MA.SNNMT'), title: 'Bồi thường, giải phóng mặt bằng dự án đường vành đai 2', deadline: '2026-09-30' }, 201);
      const parts = await post(office, `/api/v1/tasks/${p.id}/delegations`, { parts: [{ unit_id: unit('MA.TTPTQD'), share_percent: 60, deadline: '2026-08-31' }] }, 201);
      assert.equal(parts.total, 1);
      const part = parts.items[0];
      assert.deepEqual([part.parent_task_id, part.lead_unit.code, part.share_percent, part.deadline], [p.id, 'MA.TTPTQD', 60, '2026-08-31']);
      await post(office, `/api/v1/tasks/${part.id}/reports`, { percent: 50, body: 'Đã chi trả cho 50% số hộ.' }, 201);
      assert.equal((await leader.get(`/api/v1/tasks/${p.id}`)).body.progress_percent, 30);
      const own = await post(office, `/api/v1/tasks/${p.id}/reports`, { percent: 100, body: 'Phần văn phòng sở đã xong.' }, 201);
      assert.equal(own.progress_percent, 70); // 60 % × 50 + 40 % × 100
      const parent = (await leader.get(`/api/v1/tasks/${p.id}`)).body;
      assert.deepEqual(parent.parts.map((x) => x.id), [part.id]);
      assert.deepEqual(await ids(leader, `parent_id=${p.id}`), [part.id]);
      assert.ok(!(await ids(leader, `top_level=true&directive_id=${directive.id}`)).includes(part.id));
      assertError(await office.post(`/api/v1/tasks/${p.id}/delegations`, { parts: [{ unit_id: unit('MA.TTPTQD'), share_percent: 41 }] }), 400, undefined, 'parts');
      await assertBoardMatchesTasks(leader, 'unit');
      await assertBoardMatchesTasks(leader, 'directive');
    });

    it('scope: another department’s task does not exist for an officer; viewers and businesses cannot write', async () => {
      const snap = await snapshotTasks(admin);
      const id = matBang.id; // led by Sở Xây dựng
      assertError(await stc.get(`/api/v1/tasks/${id}`), 404, 'not_found');
      for (const [path, body] of [
        ['reports', { percent: 10, body: 'Báo cáo hộ' }],
        ['extensions', { new_deadline: '2026-08-31', reason: 'Xin hộ' }],
        ['delegations', { parts: [{ assignee_id: stcUser, share_percent: 10 }] }],
        ['coordination-requests', { to_unit_id: unit('MA.STC'), body: 'Hỏi hộ', due_on: '2026-07-22' }],
        ['completion', { output_text: 'Nộp hộ' }],
        ['refusal', { reason: 'Từ chối hộ' }],
      ])
        assertError(await stc.post(`/api/v1/tasks/${id}/${path}`, body), 404, 'not_found', undefined, path);
      assertError(await stc.patch(`/api/v1/tasks/${id}`, { title: 'Đổi tên' }), 404, 'not_found');
      assert.ok(!(await ids(stc)).includes(id), 'not in the officer’s list');
      assert.deepEqual(await ids(stc, `unit_id=${unit('MA.SXD')}&directive_id=${directive.id}`), [giaiNgan.id]);
      // The task Sở Tài chính leads, where Sở Xây dựng coordinates: visible to both, worked by one.
      const seen = await sxd.get(`/api/v1/tasks/${giaiNgan.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.can_work, false);
      assertError(await sxd.post(`/api/v1/tasks/${giaiNgan.id}/reports`, { percent: 10, body: 'Phối hợp' }), 403, 'forbidden');
      // Viewers and leaders read, and write nothing.
      for (const c of [viewer, leader]) {
        assert.equal((await c.get(`/api/v1/tasks/${id}`)).status, 200);
        assertError(await c.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), title: 'Không được', deadline: '2026-08-31' }), 403, 'forbidden');
        assertError(await c.post(`/api/v1/tasks/${id}/reports`, { percent: 10, body: 'Xem' }), 403, 'forbidden');
        assertError(await c.post('/api/v1/directives', { kind: 'plan', number: '1/KH', issued_on: '2026-07-01', issuer_unit_id: unit('MA'), title: 'Không được' }), 403, 'forbidden');
      }
      // A business reads no tasks.
      assertError(await business.get('/api/v1/tasks'), 403, 'forbidden');
      assertError(await business.get('/api/v1/boards/tasks?by=unit'), 403, 'forbidden');
      assertError(await business.get('/api/v1/directives'), 403, 'forbidden');
      assertError(await business.get(`/api/v1/tasks/${id}`), 404, 'not_found');
      // Officers do not create tasks, directives or swaps.
      assertError(await stc.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), title: 'Tự giao', deadline: '2026-08-31' }), 403, 'forbidden');
      assertError(await stc.post('/api/v1/calendar/swaps', { date: '2026-07-24', working: false }), 403, 'forbidden');
      assertError(await office.post('/api/v1/calendar/swaps', { date: '2026-07-24', working: false }), 403, 'forbidden');
      await assertTasksUnchanged(admin, snap, 'scope');
    });

    it('bad input: the right 4xx naming the field, never a 500, nothing written', async () => {
      const other = (await office.post('/api/v1/directives', { kind: 'plan', number: '129/KH-UBND', issued_on: '2026-07-15', issuer_unit_id: unit('MA'), title: 'Kế hoạch' })).body;
      const snap = await snapshotTasks(admin);
      const t = giaiNgan.id;
      const cases = [
        // [client, method, path, body, status, code, field]
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: 150, body: 'Quá trăm' }, 400, undefined, 'percent'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: -1, body: 'Âm' }, 400, undefined, 'percent'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: '50', body: 'Chuỗi' }, 400, undefined, 'percent'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { body: 'Thiếu' }, 400, undefined, 'percent'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: 50, body: 'Ngày mai', reported_on: '2026-07-21' }, 400, undefined, 'reported_on'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: 50, body: 'Ngày sai', reported_on: '20/07/2026' }, 400, undefined, 'reported_on'],
        [stc, 'POST', `/api/v1/tasks/${t}/reports`, { percent: 50 }, 400, undefined, 'body'],
        [stc, 'POST', `/api/v1/tasks/${t}/extensions`, { new_deadline: '2026-08-15', reason: 'Sớm hơn hạn' }, 400, undefined, 'new_deadline'],
        [stc, 'POST', `/api/v1/tasks/${t}/extensions`, { new_deadline: '2026-08-31', reason: 'Bằng hạn' }, 400, undefined, 'new_deadline'],
        [stc, 'POST', `/api/v1/tasks/${t}/extensions`, { reason: 'Thiếu ngày' }, 400, undefined, 'new_deadline'],
        [stc, 'POST', `/api/v1/tasks/${t}/extensions`, { new_deadline: '2026-09-30' }, 400, undefined, 'reason'],
        [stc, 'POST', `/api/v1/tasks/${t}/delegations`, { parts: [{ unit_id: unit('MA.SXD'), share_percent: 30 }] }, 400, undefined, 'parts'],
        [stc, 'POST', `/api/v1/tasks/${t}/delegations`, { parts: [{ assignee_id: stcUser, share_percent: 60 }, { assignee_id: stcUser, share_percent: 50 }] }, 400, undefined, 'parts'],
        [stc, 'POST', `/api/v1/tasks/${t}/delegations`, { parts: [{ assignee_id: stcUser, share_percent: 1e30 }] }, 400, undefined, undefined],
        [stc, 'POST', `/api/v1/tasks/${t}/delegations`, { parts: 'Sở Xây dựng' }, 400, undefined, 'parts'],
        [stc, 'POST', `/api/v1/tasks/${t}/delegations`, { parts: [{ assignee_id: stcUser }] }, 400, undefined, 'parts[0].share_percent'],
        [stc, 'POST', `/api/v1/tasks/${t}/completion`, { finished_on: '2026-07-21', output_text: 'Ngày mai' }, 400, undefined, 'finished_on'],
        [stc, 'POST', `/api/v1/tasks/${t}/completion`, {}, 400, undefined, 'output_text'],
        [stc, 'POST', `/api/v1/tasks/${t}/refusal`, {}, 400, undefined, 'reason'],
        [office, 'POST', `/api/v1/tasks/${t}/confirmation`, { accept: true }, 409, 'invalid_state', undefined],
        [office, 'POST', `/api/v1/tasks/${t}/confirmation`, {}, 400, undefined, 'accept'],
        [office, 'POST', `/api/v1/tasks/${t}/reassignment`, { lead_unit_id: unit('MA.STC') }, 400, undefined, 'lead_unit_id'],
        [office, 'POST', `/api/v1/tasks/${t}/reassignment`, {}, 400, undefined, 'lead_unit_id'],
        [office, 'POST', `/api/v1/tasks/${t}/suspension`, { suspend: 'yes' }, 400, undefined, 'suspend'],
        [office, 'PATCH', `/api/v1/tasks/${t}`, { deadline: '2026-12-31' }, 400, undefined, 'deadline'],
        [office, 'PATCH', `/api/v1/tasks/${t}`, { lead_unit_id: unit('MA.SXD') }, 400, undefined, 'lead_unit_id'],
        [office, 'PATCH', `/api/v1/tasks/${t}`, { coordinator_ids: [unit('MA.STC')] }, 400, undefined, 'coordinator_ids'],
        [office, 'PATCH', `/api/v1/tasks/${t}`, { group_id: 999999 }, 400, undefined, 'group_id'],
        [office, 'PATCH', `/api/v1/tasks/${t}`, { title: '' }, 400, undefined, 'title'],
        [office, 'POST', '/api/v1/tasks', { lead_unit_id: unit('MA.STC'), deadline: '2026-08-31' }, 400, undefined, 'title'],
        [office, 'POST', '/api/v1/tasks', { title: '   ', lead_unit_id: unit('MA.STC'), deadline: '2026-08-31' }, 400, undefined, 'title'],
        [office, 'POST', '/api/v1/tasks', { title: 'Không chủ trì', deadline: '2026-08-31' }, 400, undefined, 'lead_unit_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Đơn vị lạ', lead_unit_id: 999999 }, 400, undefined, 'lead_unit_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Đơn vị đã giải thể', lead_unit_id: unit('MA.SKHDT') }, 400, undefined, 'lead_unit_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Ngày sai', lead_unit_id: unit('MA.STC'), deadline: '31/08/2026' }, 400, undefined, 'deadline'],
        [office, 'POST', '/api/v1/tasks', { title: 'Phối hợp sai', lead_unit_id: unit('MA.STC'), coordinator_ids: 'MA.SXD' }, 400, undefined, 'coordinator_ids'],
        [office, 'POST', '/api/v1/tasks', { title: 'Phối hợp trùng', lead_unit_id: unit('MA.STC'), coordinator_ids: [unit('MA.STC')] }, 400, undefined, 'coordinator_ids'],
        [office, 'POST', '/api/v1/tasks', { title: 'Khóa', lead_unit_id: unit('MA.STC'), is_key: 'có' }, 400, undefined, 'is_key'],
        [office, 'POST', '/api/v1/tasks', { title: 'Chu kỳ', lead_unit_id: unit('MA.STC'), recurrence: 'weekly:1' }, 400, undefined, 'recurrence'],
        [office, 'POST', '/api/v1/tasks', { title: 'Mốc', lead_unit_id: unit('MA.STC'), milestones: [{ label: 'Quý III', due_on: '2026-09-30', planned_percent: 120 }] }, 400, 'out_of_range', 'milestones[0].planned_percent'],
        [office, 'POST', '/api/v1/tasks', { title: 'Văn bản lạ', lead_unit_id: unit('MA.STC'), directive_id: 999999 }, 400, undefined, 'directive_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Nhóm lạ', lead_unit_id: unit('MA.STC'), group_id: 999999 }, 400, undefined, 'group_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Cán bộ lạ', lead_unit_id: unit('MA.STC'), assignee_id: 999999 }, 400, undefined, 'assignee_id'],
        [office, 'POST', '/api/v1/tasks', { title: 'Cán bộ sở khác', lead_unit_id: unit('MA.SXD'), assignee_id: stcUser }, 400, undefined, 'assignee_id'],
        [office, 'POST', '/api/v1/directives', { kind: 'letter', number: '1/CV', issued_on: '2026-07-01', issuer_unit_id: unit('MA'), title: 'Công văn' }, 400, undefined, 'kind'],
        [office, 'POST', '/api/v1/directives', { kind: 'plan', number: '1/KH', issued_on: '2026-13-01', issuer_unit_id: unit('MA'), title: 'Tháng 13' }, 400, undefined, 'issued_on'],
        [office, 'POST', '/api/v1/directives', { kind: 'conclusion', number: '128/TB-UBND', issued_on: '2026-07-15', issuer_unit_id: unit('MA'), title: 'Trùng số' }, 409, 'already_exists', 'number'],
        [office, 'POST', '/api/v1/task-groups', { directive_id: 999999, title: 'Không có văn bản' }, 400, undefined, 'directive_id'],
        [office, 'POST', '/api/v1/task-groups', { directive_id: directive.id }, 400, undefined, 'title'],
        [leader, 'GET', '/api/v1/task-groups', undefined, 400, undefined, 'directive_id'],
        // Unknown ids.
        [leader, 'GET', '/api/v1/tasks/999999', undefined, 404, 'not_found', undefined],
        [leader, 'GET', '/api/v1/tasks/abc', undefined, 404, 'not_found', undefined],
        [leader, 'GET', '/api/v1/tasks/0', undefined, 404, 'not_found', undefined],
        [leader, 'GET', '/api/v1/directives/999999', undefined, 404, 'not_found', undefined],
        [stc, 'POST', '/api/v1/tasks/999999/reports', { percent: 10, body: 'Không có' }, 404, 'not_found', undefined],
        [office, 'POST', '/api/v1/extensions/999999/decision', { approve: true }, 404, 'not_found', undefined],
        [sxd, 'POST', '/api/v1/coordination-requests/999999/answer', { answer: 'Không có' }, 404, 'not_found', undefined],
        [office, 'PATCH', '/api/v1/directives/999999', { title: 'Không có' }, 404, 'not_found', undefined],
        [office, 'PATCH', `/api/v1/directives/${other.id}`, { number: '128/TB-UBND' }, 409, 'already_exists', 'number'],
      ];
      for (const [c, method, path, body, status, code, field] of cases) {
        const r = await c.request(method, path, body);
        assertError(r, status, code, field, `${method} ${path} ${JSON.stringify(body)}`);
      }
      const clash = await office.patch(`/api/v1/directives/${other.id}`, { number: '128/TB-UBND' });
      assert.match(clash.body.error.message, /^Văn bản số 128\/TB-UBND ngày 15\/07\/2026/, 'a sentence, not the driver’s text');
      // Malformed bodies.
      for (const [path, body] of [
        ['/api/v1/tasks', '{"title": "Thiếu ngoặc"'],
        ['/api/v1/tasks', '[]'],
        ['/api/v1/tasks', '"chuỗi"'],
        ['/api/v1/directives', '{"kind": "plan",}'],
        [`/api/v1/tasks/${t}/reports`, 'percent=50'],
        [`/api/v1/tasks/${t}/extensions`, '{"new_deadline": "2026-09-30", "reason": "\u0000"}'],
        [`/api/v1/tasks/${t}/delegations`, '{"parts": [1, 2]}'],
        ['/api/v1/calendar/swaps', '{"date": '],
      ]) {
        const c = path.includes('swaps') ? admin : path.includes('reports') || path.includes('extensions') || path.includes('delegations') ? stc : office;
        const r = await c.post(path, body);
        assert.ok(r.status >= 400 && r.status < 500, `${path} ${body}: ${r.status} ${JSON.stringify(r.body)}`);
        assertError(r, r.status);
      }
      await assertTasksUnchanged(admin, snap, 'bad input');
    });

    it('the working-day calendar of a year, and an admin’s swap moves a deadline’s timeliness', async () => {
      const cal = await stc.get('/api/v1/calendar?year=2025');
      assert.equal(cal.status, 200);
      assert.equal(cal.body.year, 2025);
      assert.equal(cal.body.working_days, 250);
      const kinds = Object.fromEntries(cal.body.holidays.map((h) => [h.date, h.kind]));
      assert.deepEqual(
        ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'].map((d) => kinds[d]),
        ['lunar', 'lunar', 'lunar', 'lunar', 'lunar'],
        'Tết Ất Tỵ',
      );
      assert.equal(kinds['2025-02-03'], 'substitute');
      assert.equal(kinds['2025-04-07'], 'lunar'); // Giỗ Tổ Hùng Vương
      assert.equal(kinds['2025-01-01'], 'statutory');
      assert.equal(kinds['2025-09-02'], 'statutory');
      assert.ok(cal.body.holidays.every((h) => typeof h.name === 'string' && h.name.length > 0));
      const dates = cal.body.holidays.map((h) => h.date);
      assert.deepEqual(dates, [...dates].sort(), 'in date order');
      assert.equal((await stc.get('/api/v1/calendar?year=2026')).body.holidays.find((h) => h.date === '2026-02-17').kind, 'lunar');
      assert.equal((await stc.get('/api/v1/calendar')).body.year, 2026);
      for (const q of ['year=abc', 'year=1800', 'year=2101', 'year=2025.5'])
        assertError(await stc.get(`/api/v1/calendar?${q}`), 400, undefined, 'year');

      // Friday 24/07 is four working days away: in time. Make Tuesday 21/07 a day off and
      // it is three: due soon, on the list, the board and the task's page alike.
      const t = await office.post('/api/v1/tasks', { directive_id: directive.id, lead_unit_id: unit('MA.STC'), title: 'Trình phương án điều chỉnh kế hoạch vốn', deadline: '2026-07-24' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(t.body.timeliness, 'in_time');
      // The working days the pages show are the server's count, not the page's own.
      assert.deepEqual([t.body.effective_deadline, t.body.working_days_left, t.body.working_days_late], ['2026-07-24', 4, 0]);
      const snap = await snapshotTasks(admin);
      for (const [body, status, field] of [
        [{ date: '2026-07-21', working: true }, 400, 'working'],  // a weekday cannot be "worked"
        [{ date: '2026-07-25', working: false }, 400, 'working'], // a Saturday is already off
        [{ date: '21/07/2026', working: false }, 400, 'date'],
        [{ working: false }, 400, 'date'],
        [{ date: '2026-07-21' }, 400, 'working'],
        [{ date: '2026-07-21', working: 'false' }, 400, 'working'],
      ])
        assertError(await admin.post('/api/v1/calendar/swaps', body), status, undefined, field);
      await assertTasksUnchanged(admin, snap, 'refused swaps');
      const swap = await admin.post('/api/v1/calendar/swaps', { date: '2026-07-21', working: false, name: 'Nghỉ hoán đổi' });
      assert.equal(swap.status, 201, JSON.stringify(swap.body));
      assertError(await admin.post('/api/v1/calendar/swaps', { date: '2026-07-21', working: false }), 409, 'already_exists', 'date');
      const y2026 = await stc.get('/api/v1/calendar?year=2026');
      assert.deepEqual(y2026.body.holidays.find((h) => h.date === '2026-07-21'), { date: '2026-07-21', name: 'Nghỉ hoán đổi', kind: 'swap' });
      const page = await stc.get(`/api/v1/tasks/${t.body.id}`);
      assert.equal(page.body.timeliness, 'due_soon');
      assert.equal(page.body.working_days_left, 3);
      assert.deepEqual(await ids(leader, `directive_id=${directive.id}&timeliness=due_soon`), [matBang.id, t.body.id].sort((a, b) => a - b));
      await assertBoardMatchesTasks(leader, 'unit');
      // A Saturday made a working day is counted.
      const before = y2026.body.working_days;
      assert.equal((await admin.post('/api/v1/calendar/swaps', { date: '2026-07-25', working: true, name: 'Làm bù' })).status, 201);
      const after = await stc.get('/api/v1/calendar?year=2026');
      assert.deepEqual(after.body.working_swaps, [{ date: '2026-07-25', name: 'Làm bù' }]);
      assert.equal(after.body.working_days, before + 1);
    });
  });

  // Today comes from --now: the same database read on a later day tells a later story.
  describe(`tasks as days pass on ${db}`, () => {
    let first, second;
    after(async () => {
      await second?.close();
      await first?.close();
      first?.cleanupDb();
    });

    it('a due-soon task becomes overdue, a late answer counts against the unit asked', async () => {
      first = await start(db, { now: NOW, keepDb: true });
      const [office, stc] = [await first.as('vanphong'), await first.as('canbo.stc')];
      const units = await unitsByCode(office);
      const t = await office.post('/api/v1/tasks', { lead_unit_id: units.get('MA.STC').id, coordinator_ids: [units.get('MA.SXD').id], title: 'Tổng hợp báo cáo giải ngân tuần', deadline: '2026-07-22' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(t.body.timeliness, 'due_soon');
      const req = await stc.post(`/api/v1/tasks/${t.body.id}/coordination-requests`, { to_unit_id: units.get('MA.SXD').id, body: 'Đề nghị gửi số liệu giải ngân.', due_on: '2026-07-21' });
      assert.equal(req.status, 201, JSON.stringify(req.body));
      await first.stop();

      // Thursday 23/07: a day past the deadline and two past the answer's due day.
      second = await startServer({ db: first.db, now: '2026-07-23', demo: false });
      const login = async (u) => {
        const x = second.client();
        assert.equal((await x.login(u)).status, 200);
        return x;
      };
      const [leader, sxd] = [await login('lanhdao'), await login('canbo.sxd')];
      const page = await leader.get(`/api/v1/tasks/${t.body.id}`);
      assert.equal(page.body.timeliness, 'overdue');
      assert.equal(page.body.timeliness_reason, 'Quá hạn 1 ngày làm việc so với hạn 22/07/2026');
      await assertBoardMatchesTasks(leader, 'unit');
      const row = async () => (await leader.get('/api/v1/boards/coordination')).body.rows.find((r) => r.unit_id === units.get('MA.SXD').id);
      const before = await row();
      assert.ok(before.overdue >= 1);
      const ans = await sxd.post(`/api/v1/coordination-requests/${req.body.id}/answer`, { answer: 'Số liệu kèm theo.' });
      assert.equal(ans.status, 200, JSON.stringify(ans.body));
      assert.equal(ans.body.status, 'answered_late');
      assert.equal(ans.body.answered_on, '2026-07-23');
      const after = await row();
      assert.equal(after.answered_late, before.answered_late + 1);
      assert.equal(after.overdue, before.overdue - 1);
      assert.equal(after.received, before.received);
      // Submitted now, it is done late by one working day.
      const stc2 = await login('canbo.stc');
      const done = await stc2.post(`/api/v1/tasks/${t.body.id}/completion`, { output_text: 'Báo cáo số 45/BC-STC' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.state, 'awaiting_confirmation');
      assert.equal(done.body.timeliness, 'done_late');
      // Submitted "yesterday" would have been on time: the date given counts, not today.
      const t2 = await (await login('vanphong')).post('/api/v1/tasks', { lead_unit_id: units.get('MA.STC').id, title: 'Báo cáo đã xong hôm qua', deadline: '2026-07-22' });
      const early = await stc2.post(`/api/v1/tasks/${t2.body.id}/completion`, { output_text: 'Đã gửi', finished_on: '2026-07-22' });
      assert.equal(early.body.timeliness, 'done_on_time');
      await assertBoardMatchesTasks(leader, 'unit');
    });
  });

  // Several server processes over one database each keep their read model current from the
  // audit sequence (DESIGN §3): what one commits shows on the other's lists and boards.
  describe(`two servers over one ${db} database`, () => {
    let a, b;
    after(async () => {
      await b?.close();
      await a?.close();
      a?.cleanupDb();
    });

    // Asks again until `check` holds; the other process catches up about once a second.
    async function eventually(what, check) {
      const deadline = Date.now() + 30000;
      for (;;) {
        if (await check()) return;
        if (Date.now() > deadline) assert.fail(`${what}: not seen by the other server`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    it('a task created and completed on one shows on the other’s list and board', async () => {
      a = await start(db, { now: NOW, keepDb: true });
      b = await startServer({ db: a.db, now: NOW, demo: false });
      const login = async (server, u) => {
        const c = server.client();
        assert.equal((await c.login(u)).status, 200);
        return c;
      };
      const [officeA, leaderA] = [await a.as('vanphong'), await a.as('lanhdao')];
      const [stcB, leaderB] = [await login(b, 'canbo.stc'), await login(b, 'lanhdao')];
      const units = await unitsByCode(officeA);
      const t = await officeA.post('/api/v1/tasks', { lead_unit_id: units.get('MA.STC').id, title: 'Việc giao ở máy chủ thứ nhất', deadline: '2026-07-31' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      const q = `q=${encodeURIComponent('may chu thu nhat')}`;
      await eventually('the new task', async () => (await stcB.get(`/api/v1/tasks?${q}`)).body.total === 1);
      const done = await stcB.post(`/api/v1/tasks/${t.body.id}/completion`, { output_text: 'Xong ở máy chủ thứ hai' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      await eventually('the completion', async () =>
        (await leaderA.get(`/api/v1/tasks?${q}&timeliness=done_on_time`)).body.total === 1);
      await assertBoardMatchesTasks(leaderA, 'unit');
      await assertBoardMatchesTasks(leaderB, 'unit');
    });
  });
}

// Rules that depend on the database, checked inside the write's own transaction: an
// extension decided after the task was completed, new work for a unit a restructuring ends.
for (const db of DBS) {
  describe(`integrity of tasks on ${db}`, () => {
    let server, admin, office, stc, units;
    const unit = (code) => {
      assert.ok(units.has(code), `unit ${code}`);
      return units.get(code).id;
    };
    before(async () => {
      server = await start(db, { now: NOW });
      [admin, office, stc] = await Promise.all(['admin', 'vanphong', 'canbo.stc'].map((u) => server.as(u)));
      units = await unitsByCode(admin);
    });
    after(async () => {
      await server?.close();
    });

    it('an extension still pending when the task is completed closes; deciding it then is 409', async () => {
      // Friday 17/07 has passed: the task is overdue, and asks for more time.
      const t = await office.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), title: 'Rà soát các dự án chậm giải ngân', deadline: '2026-07-17' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      const ext = await stc.post(`/api/v1/tasks/${t.body.id}/extensions`, { new_deadline: '2026-07-31', reason: 'Chờ số liệu của Kho bạc.' });
      assert.equal(ext.status, 201, JSON.stringify(ext.body));
      const sub = await stc.post(`/api/v1/tasks/${t.body.id}/completion`, { output_text: 'Báo cáo số 60/BC-STC' });
      assert.equal(sub.status, 200, JSON.stringify(sub.body));
      assert.deepEqual([sub.body.state, sub.body.timeliness, sub.body.extension_pending], ['awaiting_confirmation', 'done_late', false]);
      assert.equal(sub.body.working_days_late, 1, 'submitted Monday 20/07, one working day after Friday 17/07');
      const page = (await office.get(`/api/v1/tasks/${t.body.id}`)).body;
      assert.deepEqual(page.extensions.map((e) => [e.id, e.status, e.decided_by]), [[ext.body.id, 'closed', null]]);
      assert.match(page.extensions[0].decision_note, /20\/07\/2026/);
      assert.equal(typeof page.extensions[0].decided_at, 'string');
      const audit = assertList(await admin.get('/api/v1/audit?limit=5'));
      assert.ok(audit.some((e) => e.action === 'task.extension_closed' && e.entity_id === t.body.id), JSON.stringify(audit.map((e) => e.action)));

      const before = await auditTotal(admin);
      assertError(await office.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: true }), 409, 'extension_closed');
      assertError(await office.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: false, note: 'Không đồng ý.' }), 409, 'extension_closed');
      assert.equal(await auditTotal(admin), before, 'nothing written');
      const done = await office.post(`/api/v1/tasks/${t.body.id}/confirmation`, { accept: true });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual([done.body.state, done.body.timeliness, done.body.deadline], ['done', 'done_late', '2026-07-17']);
    });

    it('submitted and decided at the same moment: never a deadline moved after completion', async () => {
      for (let round = 0; round < 5; round++) {
        const t = (await office.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), title: `Việc đua ${round}`, deadline: '2026-07-17' })).body;
        const ext = (await stc.post(`/api/v1/tasks/${t.id}/extensions`, { new_deadline: '2026-07-31', reason: 'Chờ.' })).body;
        const [sub, dec] = await Promise.all([
          stc.post(`/api/v1/tasks/${t.id}/completion`, { output_text: 'Xong' }),
          office.post(`/api/v1/extensions/${ext.id}/decision`, { approve: true }),
        ]);
        assert.equal(sub.status, 200, JSON.stringify(sub.body));
        const final = (await office.get(`/api/v1/tasks/${t.id}`)).body;
        if (dec.status === 200) {
          // Decided first: the deadline moved before the work was done.
          assert.deepEqual([final.deadline, final.timeliness, final.extensions[0].status], ['2026-07-31', 'done_on_time', 'approved']);
        } else {
          assertError(dec, 409, 'extension_closed');
          assert.deepEqual([final.deadline, final.timeliness, final.extensions[0].status], ['2026-07-17', 'done_late', 'closed']);
        }
      }
    });

    it('no new work for a unit whose merge is recorded, even before the merge day (400)', async () => {
      const merged = await office.post('/api/v1/units/restructure', { kind: 'merge', date: '2026-09-01', source_ids: [unit('MA.SYT')], target_ids: [unit('MA.SGDDT')] });
      assert.equal(merged.status, 201, JSON.stringify(merged.body));
      const t = (await office.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), title: 'Việc cần phối hợp', deadline: '2026-08-31' })).body;
      const before = await auditTotal(admin);
      const refused = await office.post('/api/v1/tasks', { lead_unit_id: unit('MA.SYT'), title: 'Việc cho Sở Y tế', deadline: '2026-08-31' });
      assertError(refused, 400, 'invalid_input', 'lead_unit_id');
      assert.match(refused.body.error.message, /01\/09\/2026/);
      assertError(await office.post('/api/v1/tasks', { lead_unit_id: unit('MA.STC'), coordinator_ids: [unit('MA.SYT')], title: 'Phối hợp', deadline: '2026-08-31' }), 400, 'invalid_input', 'coordinator_ids');
      assertError(await office.post(`/api/v1/tasks/${t.id}/reassignment`, { lead_unit_id: unit('MA.SYT') }), 400, 'invalid_input', 'lead_unit_id');
      assertError(await stc.post(`/api/v1/tasks/${t.id}/coordination-requests`, { to_unit_id: unit('MA.SYT'), body: 'Cho ý kiến', due_on: '2026-07-31' }), 400, 'invalid_input', 'to_unit_id');
      assert.equal(await auditTotal(admin), before, 'nothing written');
    });
  });
}

// "Due soon" is N working days before the deadline, N set by --due-soon-days (default 3).
describe('the due-soon window is configurable', () => {
  let server;
  after(async () => server?.close());

  it('counts a deadline six working days away as due soon when the window is ten', async () => {
    server = await start('sqlite', { now: NOW, demo: true, args: ['--due-soon-days', '10', '--notify-every', '0'] });
    const office = await server.as('vanphong');
    const units = await unitsByCode(office);
    // Monday 20/07 → Tuesday 28/07 is six working days on.
    const t = await office.post('/api/v1/tasks', { lead_unit_id: units.get('MA.STC').id, title: 'Hạn trong mười ngày làm việc', deadline: '2026-07-28' });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    assert.equal(t.body.timeliness, 'due_soon');
    const far = await office.post('/api/v1/tasks', { lead_unit_id: units.get('MA.STC').id, title: 'Hạn xa hơn', deadline: '2026-08-31' });
    assert.equal(far.body.timeliness, 'in_time');
    await assertBoardMatchesTasks(office, 'unit');
  });

  it('refuses a window that is not a number of days', async () => {
    await assert.rejects(start('sqlite', { now: NOW, args: ['--due-soon-days', 'ba'] }));
  });
});

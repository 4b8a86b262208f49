// Issue 9 (tasksa), through a real server on SQLite and PostgreSQL: assigning one task to many
// units at once — every ward ("giao cho tất cả phường, xã"), every department, or a chosen
// list. One task per unit under a new task group of the directive, created in one
// transaction with an audit entry each (and the group's), told to each unit, followed
// together through the list (group_id) and the board (by=group). Bad input refused by field,
// and a refused request leaves nothing behind.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, TODAY, assertError, assertList, auditTotal, start, unitsByCode } from './lib.mjs';

for (const db of DBS) {
  describe(`tasks: assign to many units at once (${db})`, () => {
    let server, admin, office, officer, units, directive;
    const task = (extra = {}) => ({ title: 'Rà soát, báo cáo số hộ nghèo — giao nhiều', directive_id: directive, deadline: '2026-03-31', ...extra });
    const assign = (who, body) => who.post('/api/v1/task-assignments', body);
    const groupTasks = async (groupId) => assertList(await office.get(`/api/v1/tasks?group_id=${groupId}&limit=1000`));
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      officer = await server.as('canbo.stc');
      units = await unitsByCode(admin);
      directive = assertList(await office.get('/api/v1/directives?limit=10'))[0].id;
    });
    after(async () => server && (await server.close()));

    it('gives every ward its own task under one heading, in one transaction with its audit', async () => {
      const wards = assertList(await admin.get(`/api/v1/units?kind=ward&as_of=${TODAY}&limit=1000`)).map((u) => u.id);
      assert.ok(wards.length > 5, 'the demo city has wards');
      const audit = await auditTotal(admin);
      const r = await assign(office, { task: task({ start_on: '2026-01-12' }), unit_kind: 'ward', heading: 'Rà soát hộ nghèo cuối năm' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.created, wards.length);
      assert.equal(r.body.group.title, 'Rà soát hộ nghèo cuối năm');
      assert.equal(r.body.group.directive_id, directive);
      assert.equal(await auditTotal(admin), audit + wards.length + 1, 'one entry per task and the group\'s');
      const made = await groupTasks(r.body.group.id);
      assert.deepEqual(made.map((t) => t.lead_unit_id).sort((a, b) => a - b), [...wards].sort((a, b) => a - b));
      for (const t of made) {
        assert.equal(t.group_id, r.body.group.id);
        assert.equal(t.start_on, '2026-01-12');
        assert.equal(t.deadline, '2026-03-31');
      }
      // Followed together: the board by group counts them.
      const board = await office.get(`/api/v1/boards/tasks?by=group&directive_id=${directive}`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.equal(board.body.rows.find((x) => x.key === r.body.group.id)?.total, wards.length);
    });

    it('gives a chosen list of units their tasks, the heading defaulting to the title', async () => {
      const ward = assertList(await admin.get(`/api/v1/units?kind=ward&as_of=${TODAY}&limit=1`))[0].id;
      const chosen = [units.get('MA.STC').id, units.get('MA.SXD').id, ward];
      const r = await assign(office, { task: task({ title: 'Báo cáo kết quả thực hiện quý I — giao nhiều' }), unit_ids: chosen });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.group.title, 'Báo cáo kết quả thực hiện quý I — giao nhiều');
      assert.equal(r.body.task_ids.length, 3);
      const one = await office.get(`/api/v1/tasks/${r.body.task_ids[2]}`);
      assert.equal(one.body.lead_unit_id, chosen[2]);
      assert.equal(one.body.group_id, r.body.group.id);
      // Every department the office may give work to.
      const deps = await assign(office, { task: task({ title: 'Rà soát thủ tục — các sở' }), unit_kind: 'department' });
      assert.equal(deps.status, 201, JSON.stringify(deps.body));
      assert.ok(deps.body.created >= 5);
    });

    it('refuses bad input by field and leaves nothing behind', async () => {
      const audit = await auditTotal(admin);
      const cases = [
        [{ task: task(), unit_ids: [] }, 'unit_ids'],
        [{ task: task() }, 'unit_ids'],
        [{ task: task(), unit_kind: 'ward', unit_ids: [units.get('MA.STC').id] }, 'unit_ids'],
        [{ task: task(), unit_kind: 'galaxy' }, 'unit_kind'],
        [{ task: task({ lead_unit_id: units.get('MA.STC').id }), unit_kind: 'ward' }, 'lead_unit_id'],
        [{ task: task({ directive_id: undefined }), unit_kind: 'ward' }, 'directive_id'],
        [{ task: task({ title: '' }), unit_kind: 'ward' }, 'title'],
        [{ task: task({ start_on: '2026-04-01' }), unit_kind: 'ward' }, 'start_on'],
        [{ task: task(), unit_ids: [units.get('MA.STC').id, units.get('MA.STC').id] }, 'unit_ids'],
        [{ task: task(), unit_ids: [units.get('MA.STC').id, 999999] }, 'unit_ids'],
        [{ task: task({ coordinator_ids: [units.get('MA.SXD').id] }), unit_ids: [units.get('MA.STC').id, units.get('MA.SXD').id] }, 'coordinator_ids'],
      ];
      for (const [body, field] of cases) {
        const r = await assign(office, body);
        assertError(r, 400, undefined, field);
        assert.ok(r.body.error.message.length > 10, r.body.error.message);
      }
      const forbidden = await assign(officer, { task: task(), unit_kind: 'ward' });
      assert.equal(forbidden.status, 403, JSON.stringify(forbidden.body));
      assert.equal(await auditTotal(admin), audit, 'nothing written');
    });
  });
}

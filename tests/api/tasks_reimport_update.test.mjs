// Issue 9 (tasksa), through a real server on SQLite and PostgreSQL: re-importing a file into
// the same directive with on_match=update. Matching rows (same title, same lead unit) write
// the fields that changed to their tasks — audited, in one transaction with the new rows —
// and a deadline so changed goes into the history the as-of lists rebuild (the day before
// the import shows the old deadline, the day of it the new one). A wrong row changes nothing.
// A PATCH cannot move a deadline at all (only extensions and this, both kept in history).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, TODAY, assertError, assertList, auditTotal, start, unitsByCode, uploadFile } from './lib.mjs';
import { scratchDb } from './support.mjs';

const CSV = 'text/csv; charset=utf-8';
const HEADER = '\uFEFFSTT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Ngày giao;Thời hạn;Tiến độ\r\n';

for (const db of DBS) {
  describe(`re-import: update the existing tasks (${db})`, () => {
    let server, admin, office, directive, moved, same;
    const upload = (query, csv) => uploadFile(office, `/api/v1/tasks/import?directive_id=${directive}${query}`, csv, { type: CSV });
    const inList = async (id, asOf) => {
      const r = await office.get(`/api/v1/tasks?limit=200&directive_id=${directive}${asOf ? `&as_of=${asOf}` : ''}`);
      return assertList(r).find((t) => t.id === id);
    };
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      const units = await unitsByCode(admin);
      const d = await office.post('/api/v1/directives', {
        kind: 'notice', number: '77/TB-UBND', issued_on: '2026-01-02', issuer_unit_id: units.get('MA').id,
        title: 'Thông báo kết luận — nhập lại' });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      directive = d.body.id;
      const stc = units.get('MA.STC').id;
      const make = async (title) => {
        const r = await office.post('/api/v1/tasks', { title, lead_unit_id: stc, directive_id: directive, deadline: '2026-03-31', start_on: '2026-01-05' });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body;
      };
      moved = await make('Rà soát hồ sơ dự án chậm tiến độ');
      same = await make('Báo cáo kết quả rà soát');
    });
    after(async () => server && (await server.close()));

    it('refuses a PATCH that moves the deadline', async () => {
      const r = await office.patch(`/api/v1/tasks/${moved.id}`, { deadline: '2026-05-31' });
      assertError(r, 400, undefined, 'deadline');
      assert.equal((await office.get(`/api/v1/tasks/${moved.id}`)).body.deadline, '2026-03-31');
    });

    it('a wrong matching row changes nothing and names the column', async () => {
      const csv = HEADER +
        '1;Rà soát hồ sơ dự án chậm tiến độ;MA.STC;;05/05/2026;30/04/2026;\r\n' +
        '2;Việc mới khi nhập lại;MA.STC;;;30/06/2026;\r\n';
      const audit = await auditTotal(admin);
      const r = await upload('&on_match=update', csv);
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.deepEqual(r.body.errors.map((e) => [e.row, e.column]), [[2, 'Ngày giao']]);
      assert.match(r.body.errors[0].message, /^Ngày giao 05\/05\/2026 sau Hạn hoàn thành 30\/04\/2026/);
      assert.equal(await auditTotal(admin), audit, 'nothing written');
      assert.equal((await office.get(`/api/v1/tasks/${moved.id}`)).body.deadline, '2026-03-31');
    });

    it('updates the matching tasks that changed, creates the new rows, keeps the deadline history', async () => {
      const csv = HEADER +
        '1;Rà soát hồ sơ dự án chậm tiến độ;MA.STC;Sở Xây dựng;02/01/2026;30/04/2026;\r\n' +
        '2;Báo cáo kết quả rà soát;MA.STC;;05/01/2026;31/03/2026;\r\n' +
        '3;Việc mới khi nhập lại;MA.STC;;;30/06/2026;\r\n';
      const dry = await upload('&on_match=update&dry_run=true', csv);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.deepEqual(dry.body.matches.map((m) => m.task_id).sort(), [moved.id, same.id].sort());
      assert.equal(dry.body.updated, 1, 'only the row that changed');
      assert.equal((await office.get(`/api/v1/tasks/${moved.id}`)).body.deadline, '2026-03-31', 'a dry run writes nothing');

      const audit = await auditTotal(admin);
      const r = await upload('&on_match=update', csv);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.imported, 1);
      assert.equal(r.body.updated, 1);
      // The new task, the update and the import's own entry.
      assert.equal(await auditTotal(admin), audit + 3);
      const now = (await office.get(`/api/v1/tasks/${moved.id}`)).body;
      assert.equal(now.deadline, '2026-04-30');
      assert.equal(now.start_on, '2026-01-02');
      assert.deepEqual(now.coordinators.map((c) => c.code), ['MA.SXD']);
      assert.ok(now.extensions.some((e) => e.status === 'approved' && e.requested_deadline === '2026-04-30'),
        'the changed deadline is in the task\'s history');
      assert.equal((await inList(moved.id, TODAY)).deadline, '2026-04-30');
      assert.equal((await inList(moved.id)).deadline, '2026-04-30');
    });

    it('offers update among the choices', async () => {
      const r = await upload('&on_match=maybe', HEADER + '1;Việc;MA.STC;;;30/06/2026;\r\n');
      assertError(r, 400, undefined, 'on_match');
      assert.match(r.body.error.message, /update/);
    });
  });
}

// The as-of lists rebuild the deadline each day had: a task given on Monday 5 January, its
// deadline moved by a re-import on Monday 12 January (the server restarted on each day over
// the same database).
for (const db of DBS) {
  describe(`re-import: a moved deadline in the as-of history (${db})`, () => {
    let scratch, id;
    const on = async (now, demo, step) => {
      const server = await start(scratch.url, { now, demo, keepDb: true });
      try {
        return await step(await server.as('vanphong'));
      } finally {
        await server.stop();
      }
    };
    before(() => {
      scratch = scratchDb(db);
    });
    after(() => scratch?.cleanup());

    it('shows the old deadline before the re-import and the new one from its day', async () => {
      let directive;
      await on('2026-01-05', true, async (office) => {
        const units = await unitsByCode(office);
        const d = await office.post('/api/v1/directives', {
          kind: 'notice', number: '78/TB-UBND', issued_on: '2026-01-02', issuer_unit_id: units.get('MA').id, title: 'Nhập lại theo ngày' });
        directive = d.body.id;
        const t = await office.post('/api/v1/tasks', { title: 'Lập danh mục dự án', lead_unit_id: units.get('MA.STC').id, directive_id: directive, deadline: '2026-03-31' });
        assert.equal(t.status, 201, JSON.stringify(t.body));
        id = t.body.id;
      });
      await on('2026-01-12', false, async (office) => {
        const csv = HEADER + '1;Lập danh mục dự án;MA.STC;;;30/04/2026;\r\n';
        const r = await uploadFile(office, `/api/v1/tasks/import?directive_id=${directive}&on_match=update`, csv, { type: CSV });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        assert.equal(r.body.updated, 1);
      });
      await on('2026-01-15', false, async (office) => {
        const deadlineOn = async (day) =>
          assertList(await office.get(`/api/v1/tasks?directive_id=${directive}&as_of=${day}&limit=10`)).find((t) => t.id === id).deadline;
        assert.equal(await deadlineOn('2026-01-09'), '2026-03-31');
        assert.equal(await deadlineOn('2026-01-12'), '2026-04-30');
        assert.equal((await office.get(`/api/v1/tasks/${id}`)).body.deadline, '2026-04-30');
      });
    });
  });
}

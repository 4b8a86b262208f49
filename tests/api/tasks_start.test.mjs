// Issue 9 (tasksa), through a real server on SQLite and PostgreSQL: a task's start date
// (ngày giao). Given on creation or defaulting to the day of creation (or to an already
// passed deadline), changed by PATCH (audited), in the task's page and lists, and refused
// when after the deadline with a message naming "Ngày giao" as the form labels it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, TODAY, assertError, assertList, auditTotal, start, unitsByCode } from './lib.mjs';

for (const db of DBS) {
  describe(`tasks: start date (${db})`, () => {
    let server, admin, office, stcId;
    const create = (body) =>
      office.post('/api/v1/tasks', { lead_unit_id: stcId, ...body, title: `${body.title} — ngày giao` });
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      stcId = (await unitsByCode(admin)).get('MA.STC').id;
    });
    after(async () => server && (await server.close()));

    it('keeps a given start date and shows it on the task and in lists', async () => {
      const r = await create({ title: 'Có ngày giao', start_on: '2026-01-05', deadline: '2026-03-31' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.start_on, '2026-01-05');
      const got = await office.get(`/api/v1/tasks/${r.body.id}`);
      assert.equal(got.body.start_on, '2026-01-05');
      const list = assertList(await office.get(`/api/v1/tasks?limit=200&q=${encodeURIComponent('ngày giao')}`));
      assert.equal(list.find((t) => t.id === r.body.id)?.start_on, '2026-01-05');
    });

    it('defaults to the day of creation, or to a deadline already passed', async () => {
      const plain = await create({ title: 'Không ghi ngày giao', deadline: '2026-03-31' });
      assert.equal(plain.status, 201, JSON.stringify(plain.body));
      assert.equal(plain.body.start_on, TODAY);
      const late = await create({ title: 'Ghi muộn', deadline: '2026-01-09' });
      assert.equal(late.status, 201, JSON.stringify(late.body));
      assert.equal(late.body.start_on, '2026-01-09');
    });

    it('refuses a start date after the deadline, naming the field as the form does', async () => {
      const r = await create({ title: 'Giao sau hạn', start_on: '2026-04-01', deadline: '2026-03-31' });
      assertError(r, 400, undefined, 'start_on');
      assert.match(r.body.error.message, /^Ngày giao 01\/04\/2026 sau Hạn hoàn thành 31\/03\/2026/);
      const bad = await office.post('/api/v1/tasks', { title: 'Sai ngày — ngày giao', lead_unit_id: stcId, start_on: '31/02/2026' });
      assertError(bad, 400, undefined, 'start_on');
      assert.match(bad.body.error.message, /Ngày giao/);
    });

    it('changes by PATCH, audited, and still not after the deadline', async () => {
      const t = (await create({ title: 'Đổi ngày giao', deadline: '2026-03-31' })).body;
      const audit = await auditTotal(admin);
      const r = await office.patch(`/api/v1/tasks/${t.id}`, { start_on: '2026-01-02' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.start_on, '2026-01-02');
      assert.equal(await auditTotal(admin), audit + 1);
      const after = await office.patch(`/api/v1/tasks/${t.id}`, { start_on: '2026-04-02' });
      assertError(after, 400, undefined, 'start_on');
      assert.match(after.body.error.message, /Ngày giao/);
      assert.equal((await office.get(`/api/v1/tasks/${t.id}`)).body.start_on, '2026-01-02');
    });
  });
}

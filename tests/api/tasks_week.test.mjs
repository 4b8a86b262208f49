// "Đến hạn trong tuần này" is the working week ahead (five working days from today by the
// working calendar), not the calendar week: on a Sunday, three tasks due on Tuesday are
// counted, where the calendar week (ending that Sunday) counted none. Real server, both DBs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertList, start, unitsByCode } from './lib.mjs';

const SUNDAY = '2026-07-19';

for (const db of DBS) {
  describe(`the working week ahead, on a Sunday (${db})`, () => {
    let server, office, units;
    before(async () => {
      server = await start(db, { now: SUNDAY });
      office = await server.as('vanphong');
      units = await unitsByCode(office);
    });
    after(async () => server && (await server.close()));

    it('runs Monday to Friday, and counts the tasks due on Tuesday', async () => {
      const week = await office.get('/api/v1/working-week');
      assert.equal(week.status, 200, JSON.stringify(week.body));
      assert.deepEqual(week.body, { today: SUNDAY, end: '2026-07-24', working_days: 5 });
      const ids = [];
      for (const title of ['Nộp báo cáo quý', 'Trình phương án giá', 'Gửi danh mục dự án']) {
        const r = await office.post('/api/v1/tasks', { title, lead_unit_id: units.get('MA.STC').id, deadline: '2026-07-21' });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        ids.push(r.body.id);
      }
      // What the overview's number asks: open tasks in time or due soon, due by the week's end.
      const due = async (end) => {
        const found = [];
        for (const timeliness of ['due_soon', 'in_time'])
          found.push(...assertList(await office.get(`/api/v1/tasks?timeliness=${timeliness}&due_before=${end}&limit=1000`)));
        return found.map((t) => t.id);
      };
      const ahead = await due(week.body.end);
      for (const id of ids) assert.ok(ahead.includes(id), `task ${id} due Tuesday is in the working week ahead`);
      const calendarWeek = await due(SUNDAY);
      for (const id of ids) assert.ok(!calendarWeek.includes(id), 'the calendar week (ending today) would miss it');
    });
  });
}

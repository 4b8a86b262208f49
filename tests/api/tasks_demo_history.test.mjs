// Issue 9 (tasksa), through a real server on SQLite and PostgreSQL: "due this week" as of a
// past day is the working week ahead of that day (GET /working-week?as_of=), and the demo
// city has a year of history — its conclusion's tasks were given about 118 days before today
// and first reported on a week or two later, and its annual programme gave a task every two
// weeks from about a year back, done on time, late, extended or still open — so that a board
// as of a past cut-off shows the work then.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, TODAY, assertError, assertList, start } from './lib.mjs';

const daysBefore = (n) => new Date(Date.parse(TODAY) - n * 86400000).toISOString().slice(0, 10);

for (const db of DBS) {
  describe(`tasks: the week and the demo's history as of a past day (${db})`, () => {
    let server, office;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
    });
    after(async () => server && (await server.close()));

    it('counts the working week ahead of the as-of day', async () => {
      const now = await office.get('/api/v1/working-week');
      assert.equal(now.status, 200, JSON.stringify(now.body));
      assert.equal(now.body.today, TODAY);
      // Saturday 14 June 2025: Monday 16 to Friday 20.
      const past = await office.get('/api/v1/working-week?as_of=2025-06-14');
      assert.equal(past.status, 200, JSON.stringify(past.body));
      assert.deepEqual([past.body.today, past.body.end], ['2025-06-14', '2025-06-20']);
      assertError(await office.get('/api/v1/working-week?as_of=2025-02-30'), 400, undefined, 'as_of');
    });

    it('shows the demo\'s work on a past day, and nothing before it was given', async () => {
      const board = async (day) => {
        const r = await office.get(`/api/v1/boards/tasks?by=directive&as_of=${day}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.totals.total;
      };
      assert.ok((await board(daysBefore(100))) >= 20, 'the demo conclusion\'s tasks, months back');
      assert.equal(await board(daysBefore(370)), 0, 'before the year\'s programme was issued');
      // lists: the year's programme reaches back over the whole year: half a year back (the
      // 14/6 cut-off seen in December) the board shows tasks given, done and late then.
      const half = await office.get(`/api/v1/boards/tasks?by=directive&as_of=${daysBefore(200)}`);
      assert.equal(half.status, 200, JSON.stringify(half.body));
      const t = half.body.totals;
      assert.ok(t.total >= 8, `tasks half a year back: ${JSON.stringify(t)}`);
      assert.ok(t.done_on_time >= 1 && t.done_late >= 1, `done on time and late by then: ${JSON.stringify(t)}`);
      assert.ok((await board(daysBefore(340))) >= 1, 'tasks from the start of the year');
      const then = assertList(await office.get(`/api/v1/tasks?as_of=${daysBefore(100)}&limit=200`));
      assert.ok(then.some((t) => t.progress_percent > 0 && t.state === 'in_progress'), 'first reports by then');
      assert.ok(then.every((t) => t.start_on && t.start_on <= daysBefore(100)), 'given by then');
    });
  });
}

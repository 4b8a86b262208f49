// The inspection plans' list and one plan's page through a real server, on both databases:
// the list with its filters (year, lead unit, investor visited, status, search) and paging;
// scope (an investor sees only the plans that visit it and only its own visits, another
// department none; out of scope is 404 for one plan); a bad query refused naming the field
// as the form labels it; a visit's finding recorded and a recommendation made a task, shown
// on the plan's page with its task.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, assertError, assertList, unitId } from './lib.mjs';

const TY = 1_000_000_000;
const YEAR = 2030; // no demo plan in this year: the lists hold only this test's plans

async function ok(r, status = 201) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

for (const db of DBS) {
  describe(`inspection plans (${db})`, () => {
    let server, office, investor, outsider, gt, dd, sxd, mine, theirs;
    let wide, surprise, closed, visitGt, visitDd;
    const list = async (who, query = '') => (await ok(await who.get(`/api/v1/inspection-plans?year=${YEAR}${query}`), 200));
    const ids = async (who, query = '') => (await list(who, query)).items.map((p) => p.id);

    before(async () => {
      server = await start(db);
      [office, investor, outsider] = await Promise.all(['vanphong', 'chudautu.gt', 'canbo.stc'].map((u) => server.as(u)));
      [gt, dd, sxd] = await Promise.all(['MA.BQLGT', 'MA.BQLDD', 'MA.SXD'].map((c) => unitId(office, c)));
      // One project of each board, to visit.
      [mine, theirs] = await Promise.all([['INSP-GT', gt], ['INSP-DD', dd]].map(async ([code, investor_id]) => ok(await office.post('/api/v1/projects', {
        code, name: `Dự án ${code}`, investor_id, sector: 'transport', group: 'C', total_investment: 20 * TY, start_year: 2029, end_year: 2031,
      }))));
      const plan = (title) => office.post('/api/v1/inspection-plans', { year: YEAR, title, decision_number: '15/QĐ-UBND', lead_unit_id: sxd });
      const visit = (plan_id, investor_id, project_id) => office.post('/api/v1/inspections', { plan_id, investor_id, project_id, planned_on: `${YEAR}-03-10` });
      // wide: visits both boards, one visited; surprise: the civil board only, not yet
      // visited; closed: the transport board, visited.
      wide = await ok(await plan('Kiểm tra giải ngân các ban quản lý dự án'));
      visitGt = await ok(await visit(wide.id, gt, mine.id));
      visitDd = await ok(await visit(wide.id, dd, theirs.id));
      await ok(await office.post(`/api/v1/inspections/${visitGt.id}/visit`, { visited_on: `${YEAR}-03-10`, findings: 'Chậm bàn giao mặt bằng.' }), 200);
      surprise = await ok(await plan('Kiểm tra đột xuất Ban Dân dụng'));
      await ok(await visit(surprise.id, dd, null));
      closed = await ok(await plan('Kiểm tra hoàn thành quyết toán'));
      const c = await ok(await visit(closed.id, gt, null));
      await ok(await office.post(`/api/v1/inspections/${c.id}/visit`, { visited_on: `${YEAR}-04-02`, findings: 'Đã quyết toán.' }), 200);
    });
    after(async () => server?.close());

    it('lists the plans of a year, the latest first, with their counts and status', async () => {
      const r = await list(office);
      assert.equal(r.total, 3);
      assert.deepEqual(r.items.map((p) => p.id), [closed.id, surprise.id, wide.id]);
      const w = r.items.find((p) => p.id === wide.id);
      assert.equal(w.status, 'in_progress');
      assert.deepEqual([w.visits, w.visited, w.recommendations], [2, 1, 0]);
      assert.equal(w.lead_unit_id, sxd);
      assert.ok(w.lead_unit_name, 'the lead unit is named');
      assert.deepEqual(w.investors.map((i) => i.id).sort(), [gt, dd].sort());
      assert.equal(r.items.find((p) => p.id === surprise.id).status, 'planned');
      assert.equal(r.items.find((p) => p.id === closed.id).status, 'done');
    });

    it('filters by status, investor, lead unit and words, and pages', async () => {
      const cases = [
        ['&status=done', [closed.id]],
        ['&status=planned', [surprise.id]],
        ['&status=in_progress', [wide.id]],
        [`&investor_id=${dd}`, [surprise.id, wide.id]],
        [`&lead_unit_id=${sxd}`, [closed.id, surprise.id, wide.id]],
        [`&lead_unit_id=${gt}`, []],
        [`&q=${encodeURIComponent('đột xuất')}`, [surprise.id]],
        [`&q=${encodeURIComponent('15/QĐ')}`, [closed.id, surprise.id, wide.id]],
      ];
      for (const [query, want] of cases) assert.deepEqual(await ids(office, query), want, query);
      const page = await list(office, '&limit=1&offset=1');
      assert.deepEqual([page.total, page.items.map((p) => p.id)], [3, [surprise.id]]);
    });

    it("scopes plans: an investor sees those that visit it, and only its own visits", async () => {
      assert.deepEqual(await ids(investor), [closed.id, wide.id]);
      const w = (await list(investor)).items.find((p) => p.id === wide.id);
      assert.deepEqual([w.visits, w.visited], [1, 1], 'the other board\'s visit is not counted');
      assertError(await investor.get(`/api/v1/inspection-plans/${surprise.id}`), 404);
      const page = await ok(await investor.get(`/api/v1/inspection-plans/${wide.id}`), 200);
      assert.deepEqual(page.inspections.map((x) => x.id), [visitGt.id]);
      assert.deepEqual(page.allowed_actions, [], 'an investor records nothing');
      assert.deepEqual(await ids(outsider), [], 'another department sees none');
      assertError(await outsider.get(`/api/v1/inspection-plans/${wide.id}`), 404);
      assertError(await office.get('/api/v1/inspection-plans/999999'), 404);
    });

    it('pages and counts more plans than a page, out-of-scope plans absent and not counted', async () => {
      // 23 plans of another year, the latest first: even ones visit the transport board
      // (visited when i % 4 === 0), odd ones the civil board.
      const year = YEAR + 1;
      const made = [];
      for (let i = 0; i < 23; i++) {
        const p = await ok(await office.post('/api/v1/inspection-plans', { year, title: `Kiểm tra định kỳ đợt ${i + 1}`, lead_unit_id: sxd }));
        const x = await ok(await office.post('/api/v1/inspections', { plan_id: p.id, investor_id: i % 2 ? dd : gt, planned_on: `${year}-02-01` }));
        if (i % 4 === 0) await ok(await office.post(`/api/v1/inspections/${x.id}/visit`, { visited_on: `${year}-02-01`, findings: 'Đạt.' }), 200);
        made.push({ id: p.id, gt: i % 2 === 0, done: i % 4 === 0 });
      }
      const latest = [...made].reverse();
      const walk = async (who, query, limit) => {
        const seen = [];
        let total = -1;
        for (let offset = 0; ; offset += limit) {
          const r = await ok(await who.get(`/api/v1/inspection-plans?year=${year}${query}&limit=${limit}&offset=${offset}`), 200);
          assert.ok(total === -1 || r.total === total, 'the same total on every page');
          total = r.total;
          assert.ok(r.items.length <= limit);
          seen.push(...r.items.map((p) => p.id));
          if (r.items.length < limit) break;
        }
        return { total, seen };
      };
      const cases = [
        [office, '', 10, latest],
        [office, '&status=done', 4, latest.filter((p) => p.done)],
        [office, '&status=planned', 5, latest.filter((p) => !p.done)],
        [office, `&investor_id=${dd}`, 5, latest.filter((p) => !p.gt)],
        [office, `&q=${encodeURIComponent('dot 1')}`, 3, latest.filter((p) => /đợt 1\d?$/.test(`đợt ${made.indexOf(p) + 1}`))],
        [investor, '', 5, latest.filter((p) => p.gt)],
        [investor, '&status=planned', 4, latest.filter((p) => p.gt && !p.done)],
        [investor, `&investor_id=${dd}`, 5, []],
        [outsider, '', 5, []],
      ];
      for (const [who, query, limit, want] of cases) {
        const got = await walk(who, query, limit);
        assert.deepEqual(got, { total: want.length, seen: want.map((p) => p.id) }, `${query} by ${limit}`);
      }
      const last = await ok(await office.get(`/api/v1/inspection-plans?year=${year}&limit=10&offset=20`), 200);
      assert.deepEqual([last.total, last.items.length], [23, 3]);
      const beyond = await ok(await office.get(`/api/v1/inspection-plans?year=${year}&limit=10&offset=40`), 200);
      assert.deepEqual([beyond.total, beyond.items], [23, []]);
    });

    it('refuses a bad query naming the field', async () => {
      const bad = [
        ['status=closed', 'status'],
        ['year=next', 'year'],
        ['investor_id=abc', 'investor_id'],
        ['limit=0', 'limit'],
      ];
      for (const [query, field] of bad) {
        const r = await office.get(`/api/v1/inspection-plans?${query}`);
        assertError(r, 400, undefined, field);
      }
      const r = await office.get('/api/v1/inspection-plans?status=closed');
      assert.match(r.body.error.message, /Tình trạng/, 'named as the form labels it');
      assertError(await office.get('/api/v1/inspection-plans/abc'), 404);
    });

    it("shows a plan's visits with their findings, and a recommendation made a task", async () => {
      const before = await ok(await office.get(`/api/v1/inspection-plans/${wide.id}`), 200);
      assert.deepEqual(before.allowed_actions, ['add_visit', 'record_visit', 'recommend']);
      const v = before.inspections.find((x) => x.id === visitGt.id);
      assert.equal(v.findings, 'Chậm bàn giao mặt bằng.');
      assert.equal(v.visited_on, `${YEAR}-03-10`);
      assert.equal(v.project_code, 'INSP-GT');
      assert.ok(v.investor_name);
      assert.deepEqual(v.recommendations, []);
      assertError(await investor.post(`/api/v1/inspections/${visitGt.id}/recommendations`, { title: 'Tự giao' }), 403);
      assertError(await office.post(`/api/v1/inspections/${visitGt.id}/recommendations`, { deadline: `${YEAR}-05-30` }), 400, undefined, 'title');
      const rec = await ok(await office.post(`/api/v1/inspections/${visitGt.id}/recommendations`, { title: 'Hoàn thành bàn giao mặt bằng', deadline: `${YEAR}-05-30` }));
      const after = await ok(await office.get(`/api/v1/inspection-plans/${wide.id}`), 200);
      const got = after.inspections.find((x) => x.id === visitGt.id).recommendations;
      assert.deepEqual(got.map((x) => x.task_id), [rec.task_id]);
      assert.equal(got[0].task.title, 'Hoàn thành bàn giao mặt bằng');
      assert.equal(got[0].task.lead_unit_id, gt, 'to the investor visited');
      assert.equal(after.recommendations, 1);
      assert.equal((await list(office)).items.find((p) => p.id === wide.id).recommendations, 1);
      assert.equal((await investor.get(`/api/v1/tasks/${rec.task_id}`)).status, 200, 'the investor sees its task');
      assert.deepEqual(after.inspections.find((x) => x.id === visitDd.id).recommendations, []);
    });
  });
}

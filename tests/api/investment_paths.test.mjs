// The investor's and the office's other paths through a real server, on both databases:
// monthly disbursement commitments, physical-progress reports, and the inspection plan (visits,
// findings, recommendations that become tasks) — each with its bad input refused naming the
// field as the form labels it, and its scope: out of scope is 404, in scope without the right
// is 403, and nothing is written by a refused call.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, assertError, assertList, unitId } from './lib.mjs';

const TY = 1_000_000_000;
const put = (client, path, body) => client.request('PUT', path, body);

async function ok(r, status = 201) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

for (const db of DBS) {
  describe(`investment commitments, progress and inspections (${db})`, () => {
    let server, office, investor, outsider, viewer, gt, dd, sxd, mine, theirs;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      investor = await server.as('chudautu.gt');
      outsider = await server.as('canbo.stc');
      viewer = await server.as('xem');
      [gt, dd, sxd] = await Promise.all(['MA.BQLGT', 'MA.BQLDD', 'MA.SXD'].map((c) => unitId(office, c)));
      const project = (code, investor_id) => office.post('/api/v1/projects', {
        code, name: `Dự án ${code}`, investor_id, sector: 'transport', group: 'C', total_investment: 20 * TY, start_year: 2025, end_year: 2027,
      });
      mine = await ok(await project('PATH-GT', gt));
      theirs = await ok(await project('PATH-DD', dd));
    });
    after(async () => server?.close());

    it('keeps an investor\'s monthly commitments and refuses bad months', async () => {
      const months = [{ month: 1, amount: 2 * TY }, { month: 2, amount: 3 * TY }];
      const set = assertList(await put(investor, `/api/v1/projects/${mine.id}/commitments`, { year: 2026, months }));
      assert.deepEqual(set.map((c) => [c.month, c.amount]), [[1, 2 * TY], [2, 3 * TY]]);
      const got = assertList(await office.get(`/api/v1/projects/${mine.id}/commitments?year=2026`));
      assert.deepEqual(got.map((c) => c.amount), [2 * TY, 3 * TY]);
      const bad = [
        [{ months }, 'year'],
        [{ year: 2026, months: 'all' }, 'months'],
        [{ year: 2026, months: [{ month: 13, amount: 1 }] }, 'months[0].month'],
        [{ year: 2026, months: [{ month: 1, amount: -1 }] }, 'months[0].amount'],
        [{ year: 2026, months: [{ month: 2, amount: 1 }, { month: 1, amount: 1 }] }, 'months[1].month'],
        [{ year: 2026, months: Array.from({ length: 13 }, (_, i) => ({ month: 1 + (i % 12), amount: 1 })) }, 'months'],
        [{ year: 2026, months, colour: 'red' }, 'colour'],
      ];
      for (const [body, field] of bad) assertError(await put(investor, `/api/v1/projects/${mine.id}/commitments`, body), 400, undefined, field);
      assertError(await office.get(`/api/v1/projects/${mine.id}/commitments?year=abc`), 400, undefined, 'year');
      assert.deepEqual(assertList(await office.get(`/api/v1/projects/${mine.id}/commitments?year=2026`)).map((c) => c.amount), [2 * TY, 3 * TY], 'unchanged');
    });

    it('keeps commitments within scope', async () => {
      const body = { year: 2026, months: [{ month: 1, amount: TY }] };
      assertError(await put(investor, `/api/v1/projects/${theirs.id}/commitments`, body), 404);
      assertError(await investor.get(`/api/v1/projects/${theirs.id}/commitments`), 404);
      assertError(await put(outsider, `/api/v1/projects/${mine.id}/commitments`, body), 404);
      assertError(await put(viewer, `/api/v1/projects/${mine.id}/commitments`, body), 403);
      assertError(await put(investor, '/api/v1/projects/999999/commitments', body), 404);
    });

    it('records physical progress on the project and refuses bad reports', async () => {
      const u = await ok(await investor.post(`/api/v1/projects/${mine.id}/progress`, { physical_percent: 35, note: 'Xong phần móng' }));
      assert.equal(u.physical_percent, 35);
      assert.equal(u.reported_on, '2026-01-15', 'today unless given');
      const p = await ok(await office.get(`/api/v1/projects/${mine.id}`), 200);
      assert.equal(p.physical_percent, 35);
      assert.equal(p.progress_updated_on, '2026-01-15');
      assert.deepEqual(p.progress_updates.map((x) => x.note), ['Xong phần móng']);
      const bad = [
        [{}, 'physical_percent'],
        [{ physical_percent: 101 }, 'physical_percent'],
        [{ physical_percent: -1 }, 'physical_percent'],
        [{ physical_percent: 'half' }, 'physical_percent'],
        [{ physical_percent: 40, reported_on: '2026-02-01' }, 'reported_on'],
        [{ physical_percent: 40, reported_on: '15/13/2026' }, 'reported_on'],
        [{ physical_percent: 40, note: 'x'.repeat(2001) }, 'note'],
        [{ physical_percent: 40, by: 'me' }, 'by'],
      ];
      for (const [body, field] of bad) assertError(await investor.post(`/api/v1/projects/${mine.id}/progress`, body), 400, undefined, field);
      assertError(await investor.post(`/api/v1/projects/${theirs.id}/progress`, { physical_percent: 10 }), 404);
      assertError(await outsider.post(`/api/v1/projects/${mine.id}/progress`, { physical_percent: 10 }), 404);
      assertError(await viewer.post(`/api/v1/projects/${mine.id}/progress`, { physical_percent: 10 }), 403);
      const after = await ok(await office.get(`/api/v1/projects/${mine.id}`), 200);
      assert.equal(after.physical_percent, 35, 'no refused report changed the project');
      assert.equal(after.progress_updates.length, 1);
    });

    it('runs an inspection plan: visits, findings, recommendations as tasks', async () => {
      const plan = await ok(await office.post('/api/v1/inspection-plans', { year: 2026, title: 'Kiểm tra giải ngân quý I', decision_number: '12/QĐ-UBND', lead_unit_id: sxd }));
      const x = await ok(await office.post('/api/v1/inspections', { plan_id: plan.id, investor_id: gt, project_id: mine.id, planned_on: '2026-02-10' }));
      assert.equal(x.investor_id, gt);
      const seen = async (who) => assertList(await who.get(`/api/v1/inspections?plan_id=${plan.id}`)).map((i) => i.id);
      assert.deepEqual(await seen(investor), [x.id], 'the inspected investor sees it');
      assert.deepEqual(await seen(outsider), [], 'another department does not');
      const visited = await ok(await office.post(`/api/v1/inspections/${x.id}/visit`, { visited_on: '2026-01-14', findings: 'Chậm giải phóng mặt bằng 2 hộ.' }), 200);
      assert.equal(visited.findings, 'Chậm giải phóng mặt bằng 2 hộ.');
      const rec = await ok(await office.post(`/api/v1/inspections/${x.id}/recommendations`, { title: 'Hoàn thành bồi thường 2 hộ còn lại', deadline: '2026-03-31' }));
      assert.equal(rec.task.lead_unit_id, gt, 'a recommendation goes to the investor unless another unit is named');
      assert.equal(rec.inspection_id, x.id);
      assert.equal((await investor.get(`/api/v1/tasks/${rec.task_id}`)).status, 200, 'the investor sees its task');
    });

    it('refuses bad inspections, naming the field, and keeps them within scope', async () => {
      const plan = await ok(await office.post('/api/v1/inspection-plans', { year: 2026, title: 'Kiểm tra đột xuất', lead_unit_id: sxd }));
      const badPlans = [
        [{ year: 2026, lead_unit_id: sxd }, 'title'],
        [{ year: 2026, title: 'X' }, 'lead_unit_id'],
        [{ year: 2026, title: 'X', lead_unit_id: 999999 }, 'lead_unit_id'],
        [{ year: 'next', title: 'X', lead_unit_id: sxd }, 'year'],
      ];
      for (const [body, field] of badPlans) assertError(await office.post('/api/v1/inspection-plans', body), 400, undefined, field);
      const badVisits = [
        [{ investor_id: gt, planned_on: '2026-02-10' }, 'plan_id'],
        [{ plan_id: 999999, investor_id: gt, planned_on: '2026-02-10' }, 'plan_id'],
        [{ plan_id: plan.id, planned_on: '2026-02-10' }, 'investor_id'],
        [{ plan_id: plan.id, investor_id: gt }, 'planned_on'],
        [{ plan_id: plan.id, investor_id: gt, project_id: theirs.id, planned_on: '2026-02-10' }, 'project_id'],
      ];
      for (const [body, field] of badVisits) assertError(await office.post('/api/v1/inspections', body), 400, undefined, field);
      assertError(await office.get('/api/v1/inspections?plan_id=x'), 400, undefined, 'plan_id');
      assertError(await outsider.post('/api/v1/inspection-plans', { year: 2026, title: 'X', lead_unit_id: sxd }), 403);
      const x = await ok(await office.post('/api/v1/inspections', { plan_id: plan.id, investor_id: gt, planned_on: '2026-02-10' }));
      assertError(await office.post(`/api/v1/inspections/${x.id}/visit`, { visited_on: '2026-01-14' }), 400, undefined, 'findings');
      assertError(await office.post(`/api/v1/inspections/${x.id}/visit`, { findings: 'x' }), 400, undefined, 'visited_on');
      assertError(await investor.post(`/api/v1/inspections/${x.id}/visit`, { visited_on: '2026-01-14', findings: 'x' }), 403, undefined, undefined);
      assertError(await outsider.post(`/api/v1/inspections/${x.id}/visit`, { visited_on: '2026-01-14', findings: 'x' }), 404);
      assertError(await outsider.post(`/api/v1/inspections/${x.id}/recommendations`, { title: 'x' }), 404);
      assertError(await office.post(`/api/v1/inspections/${x.id}/recommendations`, {}), 400, undefined, 'title');
      assertError(await office.post('/api/v1/inspections/999999/visit', { visited_on: '2026-01-14', findings: 'x' }), 404);
      const list = assertList(await office.get(`/api/v1/inspections?plan_id=${plan.id}`));
      assert.equal(list.length, 1);
      assert.equal(list[0].findings, '', 'no refused visit wrote findings');
    });
  });
}

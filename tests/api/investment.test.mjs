// Public investment's records through a real server with the demo city, on both databases:
// projects created, listed, patched within the caller's scope (an investor sees only its
// projects, a department the projects it manages, anything else is 404); plans and
// disbursement; a Treasury file imported (a bad one reports each row and writes nothing, the
// same file twice changes nothing); plan adjustments refused rule by rule with the field,
// and applied as versions citing the decision.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, assertError, assertList, unitId, uploadFile } from './lib.mjs';

const TY = 1_000_000_000;

async function sources(client) {
  const items = assertList(await client.get('/api/v1/capital-sources'));
  return new Map(items.map((s) => [s.code, s]));
}

async function project(office, body) {
  const r = await office.post('/api/v1/projects', { sector: 'transport', group: 'C', start_year: 2025, end_year: 2027, ...body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function ok(r, status = 201) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

const csv = (rows) => ['project_code,source_code,plan_year,paid_on,amount', ...rows].join('\n') + '\n';
const upload = (client, text) =>
  uploadFile(client, '/api/v1/disbursements/import', text, { type: 'text/csv', name: 'kho-bac.csv' });

async function disbursedRows(client, projectId) {
  const r = await client.get(`/api/v1/disbursements?project_id=${projectId}&limit=1000`);
  return assertList(r);
}

for (const db of DBS) {
  describe(`investment records (${db})`, () => {
    let server, office, investor, sxd, stc;
    let gt, dd, sxdUnit, src, p1, p2, p3, p4;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      investor = await server.as('chudautu.gt');
      sxd = await server.as('canbo.sxd');
      stc = await server.as('canbo.stc');
      gt = await unitId(office, 'MA.BQLGT');
      dd = await unitId(office, 'MA.BQLDD');
      sxdUnit = await unitId(office, 'MA.SXD');
      src = await sources(office);
      // p1: the transport board's, small total investment; p2: the civil board's, with plan
      // and disbursement; p3: a tight medium-term ceiling; p4: not in the medium-term plan.
      p1 = await project(office, { code: 'TEST-001', name: 'Đường thử nghiệm số 1', investor_id: gt, managing_unit_id: sxdUnit, total_investment: 11 * TY });
      p2 = await project(office, { code: 'TEST-002', name: 'Trường thử nghiệm', investor_id: dd, total_investment: 100 * TY });
      p3 = await project(office, { code: 'TEST-003', name: 'Cầu thử nghiệm', investor_id: gt, total_investment: 100 * TY });
      p4 = await project(office, { code: 'TEST-004', name: 'Kè thử nghiệm', investor_id: gt, total_investment: 100 * TY });
      const tt = src.get('NSDP-TT').id;
      for (const [p, amount] of [[p1, 50], [p2, 50], [p3, 12]])
        await ok(await office.post('/api/v1/medium-term-plans', { period: '2026-2030', project_id: p.id, source_id: tt, amount: amount * TY, decision_number: '88/NQ-HĐND', decision_date: '2025-12-08' }));
      for (const [p, amount] of [[p2, 20], [p3, 10]])
        await ok(await office.post('/api/v1/annual-plans', { year: 2026, project_id: p.id, source_id: tt, amount: amount * TY, basis: 'council', version_kind: 'initial', decision_number: '45/NQ-HĐND', decision_date: '2025-12-10' }));
      await ok(await office.post('/api/v1/disbursements', { project_id: p2.id, source_id: tt, plan_year: 2026, paid_on: '2026-01-10', amount: 5 * TY }));
    });
    after(async () => server && (await server.close()));

    it("holds the demo city's portfolio from the first start, plans included", async () => {
      // The demo writes its projects and plans in bulk (no one row named in the audit entry);
      // the read model must take them in at once, not at the next start.
      const r = await office.get('/api/v1/investment/rollup?year=2026&by=investor');
      assert.equal(r.status, 200);
      assert.ok(r.body.totals.plan > 1000 * TY, `the demo's plan, not only this test's: ${r.body.totals.plan}`);
      assert.ok(r.body.totals.disbursed > 0);
    });

    it('seeds the capital source tree', async () => {
      assert.equal(src.get('NSTW').level, 'central');
      assert.equal(src.get('NSDP-SDD').parent_id, src.get('NSDP').id);
      assert.equal(src.get('NSDP-SDD').level, 'local');
    });

    it('creates, shows and patches a project; refuses a duplicate code and bad fields', async () => {
      assert.equal(p1.investor_id, gt);
      assert.equal(p1.total_investment, 11 * TY);
      const got = await ok(await office.get(`/api/v1/projects/${p1.id}`), 200);
      assert.equal(got.code, 'TEST-001');
      assert.ok(Array.isArray(got.bottlenecks) && Array.isArray(got.plan_versions));
      const patched = await ok(await office.patch(`/api/v1/projects/${p1.id}`, { name: 'Đường thử nghiệm số 1 (đổi tên)', is_key: true }), 200);
      assert.equal(patched.name, 'Đường thử nghiệm số 1 (đổi tên)');
      assert.equal(patched.is_key, true);
      assertError(await office.post('/api/v1/projects', { code: 'TEST-001', name: 'x', investor_id: gt, total_investment: TY, start_year: 2026, end_year: 2026 }), 409, 'already_exists', 'code');
      assertError(await office.post('/api/v1/projects', { code: 'TEST-009', name: 'x', investor_id: gt, total_investment: TY, start_year: 2026, end_year: 2025 }), 400, undefined, 'end_year');
      assertError(await office.post('/api/v1/projects', { code: 'TEST-009', name: 'x', investor_id: gt, total_investment: TY, start_year: 2026, end_year: 2026, group: 'D' }), 400, undefined, 'group');
    });

    it('scopes projects: an investor sees its own, a department those it manages, others 404', async () => {
      const mine = assertList(await investor.get('/api/v1/projects?limit=1000'));
      assert.ok(mine.length > 0);
      assert.ok(mine.every((p) => p.investor_id === gt), 'only the transport board\'s projects');
      assert.ok(mine.some((p) => p.id === p1.id));
      assertError(await investor.get(`/api/v1/projects/${p2.id}`), 404);
      const managed = assertList(await sxd.get('/api/v1/projects?q=TEST&limit=1000')).map((p) => p.id);
      assert.ok(managed.includes(p1.id), 'the managing department sees it');
      assert.ok(!managed.includes(p2.id));
      assertError(await stc.get(`/api/v1/projects/${p1.id}`), 404);
      assertError(await investor.patch(`/api/v1/projects/${p1.id}`, { name: 'x' }), 403);
      const paid = assertList(await investor.get('/api/v1/disbursements?limit=1000'));
      assert.ok(paid.every((d) => d.project_id !== p2.id));
    });

    it('refuses a bad import row by row and writes nothing', async () => {
      const before = (await disbursedRows(office, p2.id)).length;
      const r = await upload(office, csv(['TEST-002,NSDP-TT,2026,12/01/2026,1.500.000.000', 'KHONG-CO,NSDP-TT,2026,12/01/2026,1.000', 'TEST-002,NSDP-TT,2026,31/02/2026,1.000', 'TEST-002,NSDP-TT,2026,2026-01-12,abc']));
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'invalid_rows');
      const rows = r.body.errors.map((e) => e.row);
      assert.deepEqual(rows, [3, 4, 5]);
      for (const e of r.body.errors) assert.ok(e.column && e.message, JSON.stringify(e));
      assert.equal((await disbursedRows(office, p2.id)).length, before);
    });

    it('imports a file once; the same file again changes nothing', async () => {
      const before = (await disbursedRows(office, p2.id)).length;
      const file = csv(['TEST-002,NSDP-TT,2026,13/01/2026,1.500.000.000', 'TEST-002,NSDP-TT,2026,2026-01-14,2.000.000']);
      const first = await ok(await upload(office, file));
      assert.equal(first.imported, 2);
      assert.equal(first.total, 1_502_000_000);
      assert.equal((await disbursedRows(office, p2.id)).length, before + 2);
      assertError(await upload(office, file), 409, 'already_imported', 'file');
      assert.equal((await disbursedRows(office, p2.id)).length, before + 2);
      // The transport board may not report for the civil board's project: its code is unknown.
      const theirs = await upload(investor, csv(['TEST-002,NSDP-TT,2026,14/01/2026,1.000.000']));
      assert.equal(theirs.status, 422, JSON.stringify(theirs.body));
      assert.equal(theirs.body.errors[0].column, 'Mã dự án');
    });

    it('refuses each broken adjustment rule with its field, and writes nothing', async () => {
      const tt = src.get('NSDP-TT').id, central = src.get('NSTW-TN').id;
      const versionsBefore = assertList(await office.get('/api/v1/annual-plans?year=2026&limit=1000')).length;
      const adjust = (moves) => office.post('/api/v1/plan-adjustments', { year: 2026, basis: 'council', decision_number: '99/QĐ-UBND', decision_date: '2026-01-14', moves });
      const m = (from, to, amount, extra = {}) => ({ from_project_id: from.id, to_project_id: to.id, source_id: tt, amount, ...extra });
      assertError(await adjust([m(p2, p3, 0)]), 400, 'invalid_amount', 'moves[0].amount');
      assertError(await adjust([m(p2, p2, TY)]), 400, 'same_project', 'moves[0].to_project_id');
      assertError(await adjust([m(p2, p3, TY, { to_source_id: src.get('NSDP-SDD').id })]), 400, 'source_mismatch', 'moves[0].to_source_id');
      assertError(await adjust([m(p2, p3, TY), m(p2, p3, TY, { source_id: central })]), 400, 'budget_level_mismatch', 'moves[1].source_id');
      assertError(await adjust([m(p2, p3, 16 * TY)]), 409, 'below_disbursed', 'moves[0].amount');
      assertError(await adjust([m(p2, p3, 3 * TY)]), 409, 'above_medium_term', 'moves[0].amount');
      assertError(await adjust([m(p2, p1, 12 * TY)]), 409, 'above_total_investment', 'moves[0].amount');
      assertError(await adjust([m(p2, p4, TY)]), 409, 'not_in_medium_term', 'moves[0].to_project_id');
      assertError(await investor.post('/api/v1/plan-adjustments', { year: 2026, basis: 'council', decision_number: '99', decision_date: '2026-01-14', moves: [m(p3, p1, TY)] }), 403);
      assert.equal(assertList(await office.get('/api/v1/annual-plans?year=2026&limit=1000')).length, versionsBefore);
    });

    it('applies an adjustment as versions citing the decision', async () => {
      const tt = src.get('NSDP-TT').id;
      const a = await ok(await office.post('/api/v1/plan-adjustments', { year: 2026, basis: 'council', decision_number: '100/QĐ-UBND', decision_date: '2026-01-14', moves: [{ from_project_id: p2.id, to_project_id: p3.id, source_id: tt, amount: 2 * TY }] }));
      const got = await ok(await office.get(`/api/v1/plan-adjustments/${a.id}`), 200);
      assert.equal(got.moves.length, 1);
      const byProject = new Map(got.versions.map((v) => [v.project_id, v]));
      assert.equal(byProject.get(p2.id).amount, -2 * TY);
      assert.equal(byProject.get(p3.id).amount, 2 * TY);
      for (const v of got.versions) {
        assert.equal(v.version_kind, 'adjustment');
        assert.equal(v.decision_number, '100/QĐ-UBND');
        assert.equal(v.adjustment_id, a.id);
      }
      assertError(await investor.get(`/api/v1/plan-adjustments/${a.id}`), 404);
    });

    it('opens a bottleneck as a task linked to the project', async () => {
      const b = await ok(await office.post(`/api/v1/projects/${p3.id}/bottlenecks`, { title: 'Vướng mặt bằng 3 hộ dân', category: 'site_clearance', within_own_control: true, deadline: '2026-02-15' }));
      assert.equal(b.category, 'site_clearance');
      assert.equal(b.task.lead_unit_id, gt);
      const list = assertList(await investor.get(`/api/v1/projects/${p3.id}/bottlenecks`));
      assert.ok(list.some((x) => x.task_id === b.task_id));
      const task = await ok(await office.get(`/api/v1/tasks/${b.task_id}`), 200);
      assert.equal(task.title, 'Vướng mặt bằng 3 hộ dân');
    });
  });
}

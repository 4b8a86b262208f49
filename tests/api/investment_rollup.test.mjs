// The investment roll-up, forecast and report through a real server on both databases, on
// two projects written into the database before the server starts (the read model loads
// them): the 31 January window, both plan bases, scope (an investor sees only its projects,
// a department officer those it manages), bad queries, and the .xlsx.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { DBS, start, assertError } from './lib.mjs';
import { psql } from './support.mjs';

const M = 1_000_000;

function sql(url, text) {
  if (url.startsWith('sqlite:')) return execFileSync('sqlite3', [url.slice(7), text], { encoding: 'utf8' });
  return psql(url, text);
}

const unit = (code) => `(SELECT id FROM units WHERE code = '${code}')`;
const source = `(SELECT id FROM capital_sources WHERE code = 'NSDP-TT')`;
const project = (code) => `(SELECT id FROM projects WHERE code = '${code}')`;

function seed(url) {
  const p = (code, investor, manager) =>
    `INSERT INTO projects (code, name, name_folded, investor_id, managing_unit_id, sector, project_group, is_key,
       total_investment, approval_number, start_year, end_year, is_new, status, physical_percent, created_at, updated_at)
     VALUES ('${code}', 'Dự án ${code}', 'du an', ${unit(investor)}, ${manager ? unit(manager) : 'NULL'}, 'transport', 'B', 0,
       ${100000 * M}, '1/QĐ-UBND', 2024, 2027, 0, 'in_progress', 10, 0, 0);`;
  const plan = (code, basis, amount) =>
    `INSERT INTO annual_plan_versions (year, project_id, source_id, basis, version_kind, amount, decision_number,
       decision_date, added_after_sep30, created_at)
     VALUES (2025, ${project(code)}, ${source}, '${basis}', 'initial', ${amount}, '1/NQ-HĐND', '2024-12-10', 0, 0);`;
  const pay = (code, day, amount) =>
    `INSERT INTO disbursements (project_id, source_id, plan_year, paid_on, amount, created_at)
     VALUES (${project(code)}, ${source}, 2025, '${day}', ${amount}, 0);`;
  sql(url, [
    p('APITEST-1', 'MA.BQLGT', null), p('APITEST-2', 'MA.STC', 'MA.SXD'),
    plan('APITEST-1', 'council', 1000 * M), plan('APITEST-1', 'prime_minister', 800 * M),
    plan('APITEST-2', 'council', 2000 * M), plan('APITEST-2', 'prime_minister', 1800 * M),
    pay('APITEST-1', '2025-03-10', 400 * M), pay('APITEST-1', '2026-01-10', 100 * M),
    pay('APITEST-1', '2026-02-15', 50 * M), pay('APITEST-2', '2025-06-01', 300 * M),
    // APITEST-1 spans two wards, APITEST-2 lies in one of them.
    `INSERT INTO project_locations (project_id, unit_id) VALUES (${project('APITEST-1')}, ${unit('MA.P.ANHOA')}),
       (${project('APITEST-1')}, ${unit('MA.P.TRUNGTAM')}), (${project('APITEST-2')}, ${unit('MA.P.ANHOA')});`,
  ].join('\n'));
}

for (const db of DBS) {
  describe(`investment roll-up (${db})`, () => {
    let server, admin, investor, sxd, ids;
    before(async () => {
      const first = await start(db, { keepDb: true });
      await first.stop();
      seed(first.db);
      server = await start(first.db, { demo: false });
      server.cleanupDb = first.cleanupDb;
      admin = await server.as('admin');
      investor = await server.as('chudautu.gt');
      sxd = await server.as('canbo.sxd');
      const q = (code) => sql(first.db, `SELECT id FROM projects WHERE code = '${code}'`).trim();
      ids = { p1: Number(q('APITEST-1')), p2: Number(q('APITEST-2')) };
    });
    after(async () => {
      await server?.stop();
      server?.cleanupDb();
    });

    const row = (r, key) => r.body.rows.find((x) => x.key === key);

    it('rolls up on either basis, counting until 31 January and no later', async () => {
      const r = await admin.get(`/api/v1/investment/rollup?year=2025&by=project&project_id=${ids.p1}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.as_of, '2026-01-15');
      const p1 = row(r, ids.p1);
      assert.equal(p1.plan, 1000 * M);
      assert.equal(p1.disbursed, 500 * M, 'paid 10/01/2026 counts; 15/02/2026 does not');
      assert.equal(p1.rate, 0.5);
      assert.equal(p1.name, 'APITEST-1 — Dự án APITEST-1');
      const pm = await admin.get(`/api/v1/investment/rollup?year=2025&basis=prime_minister&by=project&project_id=${ids.p2}`);
      assert.equal(row(pm, ids.p2).plan, 1800 * M);
      assert.equal(row(pm, ids.p2).rate, 300 / 1800);
      const months = await admin.get(`/api/v1/investment/rollup?year=2025&by=month&project_id=${ids.p1}`);
      assert.equal(months.body.rows.length, 13);
      assert.equal(months.body.rows[2].disbursed, 400 * M, 'cumulative by the end of March');
      assert.equal(months.body.rows[12].disbursed, 500 * M, 'and by 31 January');
      assert.equal(months.body.trajectory.length, 13);
    });

    it('counts a project spanning several wards once by place, so the places add up to the city', async () => {
      const one = await admin.get(`/api/v1/investment/rollup?year=2025&by=location&project_id=${ids.p1}`);
      assert.equal(one.status, 200, JSON.stringify(one.body));
      assert.deepEqual(one.body.rows.map((x) => [x.key, x.plan]), [[0, 1000 * M]], 'one row, not one per ward');
      assert.match(one.body.rows[0].name, /nhiều địa bàn/);
      const ward = await admin.get(`/api/v1/investment/rollup?year=2025&by=location&project_id=${ids.p2}`);
      assert.equal(ward.body.rows.length, 1);
      assert.notEqual(ward.body.rows[0].key, 0, 'a project in one ward counts in that ward');
      const all = await admin.get('/api/v1/investment/rollup?year=2025&by=location');
      const sum = (k) => all.body.rows.reduce((a, x) => a + x[k], 0);
      assert.equal(sum('plan'), all.body.totals.plan, 'no plan counted twice');
      assert.equal(sum('disbursed'), all.body.totals.disbursed, 'no payment counted twice');
    });

    it('shows each caller only the projects in scope', async () => {
      const cases = [
        [investor, 'an investor: its own projects', true, false],
        [sxd, 'a department: the projects it manages', false, true],
        [admin, 'the city: all', true, true],
      ];
      for (const [who, why, sees1, sees2] of cases) {
        const r = await who.get('/api/v1/investment/rollup?year=2025&by=project');
        assert.equal(r.status, 200, why);
        assert.equal(Boolean(row(r, ids.p1)), sees1, why);
        assert.equal(Boolean(row(r, ids.p2)), sees2, why);
      }
      const other = await investor.get(`/api/v1/investment/rollup?year=2025&by=city&project_id=${ids.p2}`);
      assert.equal(other.body.totals.plan, 0, 'filtering on a project out of scope finds nothing');
    });

    it('refuses bad queries, naming the field', async () => {
      const cases = [
        ['year=abc', 'year'], ['year=1999', 'year'], ['basis=mayor', 'basis'], ['by=colour', 'by'],
        ['group=Z', 'group'], ['is_key=maybe', 'is_key'], ['investor_id=x', 'investor_id'],
      ];
      for (const [q, field] of cases) {
        assertError(await admin.get(`/api/v1/investment/rollup?${q}`), 400, undefined, field);
        if (field !== 'by') assertError(await admin.get(`/api/v1/investment/report.xlsx?${q}`), 400, undefined, field);
      }
      assertError(await admin.get('/api/v1/investment/forecast?basis=x'), 400, undefined, 'basis');
      assertError(await server.client().get('/api/v1/investment/rollup'), 401);
    });

    it('forecasts and writes the report', async () => {
      const f = await admin.get('/api/v1/investment/forecast?year=2025');
      assert.equal(f.status, 200, JSON.stringify(f.body));
      assert.ok(f.body.method.startsWith('Dự báo'));
      assert.ok(Array.isArray(f.body.projects) && Array.isArray(f.body.backtest));
      for (const q of ['year=2025', 'year=2025&by=investor', 'year=2025&basis=prime_minister&by=source']) {
        const x = await admin.get(`/api/v1/investment/report.xlsx?${q}`);
        assert.equal(x.status, 200, q);
        assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      }
    });
  });
}

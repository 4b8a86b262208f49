// Targets fed by the rest of the system, through a real server with the demo city, on SQLite
// and PostgreSQL: the disbursement rate computed from public investment's records (it
// follows a payment recorded just before; no one types it), and late explanation requests
// reminding the unit asked through the notification job (`dieuhanh notify run`), the
// reminder resolving itself once the unit answers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN } from './support.mjs';
import { DBS, TODAY, assertError, assertList, start, unitsByCode } from './lib.mjs';

const TY = 1_000_000_000;

async function ok(r, status = 201) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

function notifyRun(db, now) {
  const r = spawnSync(BIN, ['notify', 'run', '--db', db, '--now', now], { encoding: 'utf8', timeout: 120000 });
  assert.ok(r.status === 0 || r.status === 3, `notify run: ${r.status} ${r.stdout}${r.stderr}`);
}

for (const db of DBS) {
  describe(`targets' sources on ${db}`, () => {
    let server, office, leader, sxd, units;
    const id = (code) => units.get(code).id;

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      leader = await server.as('lanhdao');
      sxd = await server.as('canbo.sxd');
      units = await unitsByCode(office);
    });
    after(async () => {
      await server?.close();
    });

    it('computes the disbursement rate from the investment records, month by month', async () => {
      const indicator = await ok(await office.post('/api/v1/indicators', {
        code: 'API_GIAINGAN', name: 'Tỷ lệ giải ngân vốn đầu tư công', name_en: 'Disbursement rate', unit_of_measure: '%',
        direction: 'higher_better', aggregation: 'none', periodicity: 'month', responsible_unit_id: id('MA.STC'), group: 'economy',
        computed: 'investment.disbursement_rate',
      }));
      assert.equal(indicator.computed, 'investment.disbursement_rate');
      // Sở Công Thương invests in nothing in the demo: its rate is this test's project alone.
      const investor = id('MA.SCT');
      const target = await ok(await office.post('/api/v1/targets', { indicator_id: indicator.id, unit_id: investor, period: '2026', expression: 'trên 95%' }));
      assert.equal(target.status, 'not_reported');
      const sources = new Map(assertList(await office.get('/api/v1/capital-sources')).map((s) => [s.code, s.id]));
      const tt = sources.get('NSDP-TT');
      const p = await ok(await office.post('/api/v1/projects', {
        code: 'API-GN-001', name: 'Chợ đầu mối thử nghiệm', investor_id: investor, total_investment: 100 * TY,
        sector: 'transport', group: 'C', start_year: 2026, end_year: 2027,
      }));
      await ok(await office.post('/api/v1/medium-term-plans', { period: '2026-2030', project_id: p.id, source_id: tt, amount: 60 * TY, decision_number: '88/NQ-HĐND', decision_date: '2025-12-08' }));
      await ok(await office.post('/api/v1/annual-plans', { year: 2026, project_id: p.id, source_id: tt, amount: 40 * TY, basis: 'council', version_kind: 'initial', decision_number: '45/NQ-HĐND', decision_date: '2025-12-10' }));
      await ok(await office.post('/api/v1/disbursements', { project_id: p.id, source_id: tt, plan_year: 2026, paid_on: '2026-01-10', amount: 10 * TY }));
      let got = await ok(await office.get(`/api/v1/targets/${target.id}`), 200);
      assert.deepEqual([got.latest?.period, got.latest?.value, got.latest?.kind], ['2026-01', 25, 'estimate'], JSON.stringify(got));
      assert.notEqual(got.status, 'not_reported');
      assert.match(got.status_reason, /25/);
      // Another payment: the rate follows it on the next read.
      await ok(await office.post('/api/v1/disbursements', { project_id: p.id, source_id: tt, plan_year: 2026, paid_on: '2026-01-12', amount: 30 * TY }));
      got = await ok(await office.get(`/api/v1/targets/${target.id}`), 200);
      assert.equal(got.latest.value, 100);
      assert.equal(got.status, 'on_track', got.status_reason);
      // No one types it.
      assertError(await office.post('/api/v1/indicator-values', { indicator_id: indicator.id, unit_id: investor, period: '2026-01', value: 50, kind: 'estimate' }), 400, 'computed_indicator', 'indicator_id');
      // The demo's own GIAINGAN is computed: no one types it. (Its figures come from the demo's
      // portfolio, which the investment read model takes in when the server next starts.)
      const demo = assertList(await office.get('/api/v1/targets?limit=500')).find((t) => t.indicator_code === 'GIAINGAN' && t.period === '2025' && t.unit_id === id('MA'));
      assert.ok(demo, 'the demo city has its disbursement target for 2025');
      assert.equal(demo.computed, true);
      assert.ok(demo.value === null || demo.value_period.startsWith('2025'), JSON.stringify(demo));
    });

    it('answers what the web shows: unit names, one-size trends, allowed actions, the late requests', async () => {
      const board = assertList(await office.get('/api/v1/targets?period=2025&limit=500'));
      assert.ok(board.length > 10);
      for (const x of board) {
        assert.equal(typeof x.unit_name, 'string');
        assert.ok(!x.unit_name.startsWith('#'), x.unit_name);
        assert.equal(x.indicator.code, x.indicator_code);
        assert.equal(new Set(x.trend.map((r) => r.period.length)).size <= 1, true, `one period size: ${JSON.stringify(x.trend)}`);
        assert.equal(x.value === null, x.latest === null);
        assert.ok(Array.isArray(x.allowed_actions));
      }
      // GRDP 2025: judged on the year's estimate; its trend is years only (2024, 2025), not
      // the third quarter between them.
      const grdp = board.find((x) => x.indicator_code === 'GRDP' && x.unit_id === id('MA'));
      assert.deepEqual(grdp.trend.map((r) => r.period), ['2024', '2025']);
      assert.deepEqual([grdp.value, grdp.value_kind, grdp.value_period], [8.2, 'estimate', '2025']);
      const review = await ok(await office.get('/api/v1/reviews?period=2025'), 200);
      for (const line of review.items) assert.ok(new Set(line.trend.map((r) => r.period.length)).size <= 1, `review: ${JSON.stringify(line.trend)}`);
      // Who may do what, as the server decides it.
      const sxdTarget = assertList(await sxd.get('/api/v1/targets?period=2025')).find((x) => x.unit_id === id('MA.SXD'));
      assert.deepEqual(sxdTarget.allowed_actions, ['submit_value'], 'a unit officer reports, does not ask');
      const asLeader = await ok(await leader.get(`/api/v1/targets/${sxdTarget.id}`), 200);
      assert.ok(asLeader.allowed_actions.includes('ask_explanation'));
      // The late filter: open requests past their date only.
      const late = assertList(await leader.get('/api/v1/explanation-requests?late=true'));
      assert.ok(late.length >= 1);
      assert.ok(late.every((e) => e.late && e.state === 'open'));
      assert.ok(assertList(await leader.get('/api/v1/explanation-requests')).some((e) => !e.late), 'the demo also has one on time');
      const mine = assertList(await sxd.get('/api/v1/explanation-requests?late=true'));
      assert.deepEqual(mine[0].allowed_actions, ['answer']);
      assert.equal(mine[0].unit_name, units.get('MA.SXD').name);
      assert.ok(!late.find((e) => e.id === mine[0].id).allowed_actions.includes('accept'), 'nothing to accept before the answer');
      // Lists come a page at a time with the total of all in scope.
      const all = await ok(await office.get('/api/v1/indicator-values?limit=1000'), 200);
      const page = await ok(await office.get('/api/v1/indicator-values?limit=2&offset=1'), 200);
      assert.equal(page.total, all.total);
      assert.deepEqual(page.items.map((v) => v.id), all.items.slice(1, 3).map((v) => v.id));
      assert.ok(page.items.every((v) => typeof v.unit_name === 'string' && Array.isArray(v.allowed_actions)));
      const asked = await ok(await leader.get('/api/v1/explanation-requests?limit=1'), 200);
      assert.equal(asked.items.length, 1);
      assert.ok(asked.total >= 2);
      assertError(await office.get('/api/v1/indicator-values?limit=0'), 400, undefined, 'limit');
    });

    it('checks a sheet of values without importing it (the import page\'s first step)', async () => {
      const upload = (query, body) => sxd.request('POST', `/api/v1/indicator-values/import${query}`, body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'x-file-name': 'kiem-tra.csv' } });
      const head = 'Mã chỉ số;Mã đơn vị;Kỳ;Giá trị;Loại số liệu;Nguồn số liệu;Ghi chú\r\n';
      const good = head + 'DVCTT;MA.SXD;2025-Q4;52,5;ước tính;Sở Xây dựng;\r\n';
      const count = async () => assertList(await sxd.get('/api/v1/indicator-values?unit_id=' + id('MA.SXD') + '&limit=1000')).length;
      const before = await count();
      const checked = await ok(await upload('?dry_run=true', good), 200);
      assert.deepEqual([checked.ok, checked.dry_run, checked.valid_rows, checked.imported], [true, true, 1, 0]);
      assert.equal(await count(), before, 'a check imports nothing');
      const bad = await upload('?dry_run=true', head + 'DVCTT;MA.SXD;2025-Q4;abc;ước tính;;\r\n');
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e) => e.column), ['Giá trị']);
      const done = await ok(await upload('', good), 200);
      assert.deepEqual([done.valid_rows, done.imported], [1, 1]);
      assert.equal(await count(), before + 1);
    });

    it('reminds the unit of a late explanation, and stops once it answers', async () => {
      const late = assertList(await sxd.get('/api/v1/explanation-requests?state=open')).find((e) => e.late);
      assert.ok(late, 'the demo has a late request to Sở Xây dựng');
      notifyRun(server.db, TODAY);
      const about = async () => assertList(await sxd.get('/api/v1/notifications?limit=100')).filter((n) => n.item?.kind === 'explanation' && n.item.id === late.id);
      const notes = await about();
      const overdue = notes.find((n) => n.kind === 'overdue');
      assert.ok(overdue, `an overdue reminder: ${JSON.stringify(notes)}`);
      assert.equal(overdue.item.link, `/targets/explanations/${late.id}`);
      assert.match(overdue.title, /^Quá hạn: Giải trình: /);
      const [en] = assertList(await sxd.get('/api/v1/notifications?limit=100', { headers: { 'accept-language': 'en' } }))
        .filter((n) => n.id === overdue.id);
      assert.match(en.title, /^Overdue: Explanation: /, 'the reminder in the reader\'s language');
      await ok(await sxd.post(`/api/v1/explanation-requests/${late.id}/answer`, { causes: 'Hệ thống một cửa chưa kết nối', measures: 'Kết nối trong quý I', expected_value: 60 }), 200);
      assert.deepEqual((await about()).map((n) => n.kind), [], 'answered: its reminders and request are resolved');
      notifyRun(server.db, '2026-01-22');
      assert.deepEqual((await about()).map((n) => n.kind), [], 'an answered request reminds nobody');
      assert.ok(leader, 'the leader may look at it');
    });
  });
}

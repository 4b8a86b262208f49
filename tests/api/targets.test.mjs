// Targets and indicators through a real server, on SQLite and on PostgreSQL: the expression
// reader, the catalogue, a target with its split, values submitted, returned and approved,
// the status that follows, explanations asked, answered, asked again and accepted, the
// review and its .xlsx; bad input (an unreadable expression, a value for a computed
// indicator, a period in a wrong form) and scope (another unit's objects are 404).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode, uploadFile } from './lib.mjs';

async function exportXlsx(client, query) {
  const res = await fetch(`${client.base}/api/v1/reviews/export.xlsx${query}`, { headers: { cookie: client.cookie } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), buf };
}

for (const db of DBS) {
  describe(`targets on ${db}`, () => {
    let server, office, leader, sxd, stc, units;
    const id = (code) => units.get(code).id;
    let housing, target, computed;

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      leader = await server.as('lanhdao');
      sxd = await server.as('canbo.sxd');
      stc = await server.as('canbo.stc');
      units = await unitsByCode(office);
    });
    after(async () => {
      await server?.close();
    });

    it('reads target expressions without saving, and refuses what it cannot read', async () => {
      const ok = [
        ['7,5 – 8 %', 'between', [7.5, 8], '%'],
        ['trên 95%', '>', [95], '%'],
        ['không dưới 95%', '>=', [95], '%'],
        ['≥ 1.000 căn', '>=', [1000], 'căn'],
        ['giảm 10%', '<=', [-10], '%'],
      ];
      for (const [expression, comparator, values, unit] of ok) {
        const r = await office.post('/api/v1/targets/parse', { expression });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual([r.body.comparator, r.body.values, r.body.unit], [comparator, values, unit], expression);
        assert.match(r.body.reading, /^Giá trị phải /);
      }
      for (const expression of ['khoảng 8%', '7.5%', '', 'cao nhất có thể']) {
        const r = await office.post('/api/v1/targets/parse', { expression });
        assertError(r, 400, undefined, 'expression');
        assert.match(r.body.error.message, /Chỉ tiêu/);
      }
    });

    it('keeps the catalogue', async () => {
      const r = await office.post('/api/v1/indicators', {
        code: 'API_NOXH', name: 'Số căn nhà ở xã hội hoàn thành', name_en: 'Social housing units completed',
        unit_of_measure: 'căn', direction: 'higher_better', aggregation: 'sum', periodicity: 'quarter',
        responsible_unit_id: id('MA.SXD'), group: 'society',
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      housing = r.body;
      assert.equal(housing.computed, null);
      assertError(await office.post('/api/v1/indicators', { ...r.body, id: undefined, computed: undefined }), 409, 'already_exists', 'code');
      assertError(await office.post('/api/v1/indicators', { code: 'X', name: 'X', direction: 'up', aggregation: 'sum', periodicity: 'year', responsible_unit_id: id('MA') }), 400, undefined, 'direction');
      const patched = await office.patch(`/api/v1/indicators/${housing.id}`, { name_en: 'Social housing (units)' });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.name_en, 'Social housing (units)');
      assert.equal(patched.body.code, 'API_NOXH');
      const list = assertList(await stc.get('/api/v1/indicators'));
      assert.ok(list.some((i) => i.code === 'API_NOXH'), 'the catalogue is seen by every unit');
      assertError(await sxd.post('/api/v1/indicators', { code: 'Y', name: 'Y', direction: 'higher_better', aggregation: 'sum', periodicity: 'year', responsible_unit_id: id('MA.SXD') }), 403);
    });

    it('sets a target as typed, split into quarters, not yet reported', async () => {
      const r = await office.post('/api/v1/targets', {
        indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025', expression: '≥ 1.000 căn',
        split: [{ period: '2025-Q1', share: 10 }, { period: '2025-Q2', share: 20 }, { period: '2025-Q3', value: 300 }, { period: '2025-Q4', share: 40 }],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      target = r.body;
      assert.equal(target.comparator, '>=');
      assert.deepEqual(target.values, [1000]);
      assert.equal(target.status, 'not_reported');
      assert.equal(target.status_reason, 'chưa có số liệu năm 2025');
      assert.deepEqual(target.split.map((s) => s.share), [10, 20, 30, 40]);
      assertError(await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025', expression: 'trên 5 căn' }), 409, 'already_exists', 'period');
      assertError(await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025/06', expression: 'trên 5 căn' }), 400, 'invalid_period', 'period');
      assertError(await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2026', expression: 'khoảng 5 căn' }), 400, 'unreadable_expression', 'expression');
      assertError(await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2026', comparator: 'between', values: [8] }), 400, undefined, 'values');
      assertError(await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2026', expression: '≥ 10 căn', split: [{ period: '2027-Q1', share: 10 }] }), 400, undefined, 'split');
      const given = await office.post('/api/v1/targets', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2026', comparator: '>', values: [1200], unit: 'căn' });
      assert.equal(given.status, 201, JSON.stringify(given.body));
      assert.equal(given.body.expression, '');
    });

    it('takes values from the unit, returned or approved by the office; the status follows', async () => {
      const first = await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-Q2', value: 250, kind: 'official', source: 'Sở Xây dựng', note: 'Nhập lần 1' });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.state, 'submitted');
      assert.equal((await office.get(`/api/v1/targets/${target.id}`)).body.status, 'not_reported', 'a submitted value does not count yet');
      assertError(await office.post(`/api/v1/indicator-values/${first.body.id}/return`, {}), 400, 'required', 'note');
      const returned = await office.post(`/api/v1/indicator-values/${first.body.id}/return`, { note: 'Thiếu số căn quận Trung Tâm' });
      assert.equal(returned.body.state, 'returned');
      const second = await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-Q2', value: 310, kind: 'official', source: 'Sở Xây dựng' });
      const approved = await office.post(`/api/v1/indicator-values/${second.body.id}/approve`, {});
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.state, 'approved');
      assertError(await office.post(`/api/v1/indicator-values/${second.body.id}/approve`, {}), 409, 'already_decided');
      const t = (await office.get(`/api/v1/targets/${target.id}`)).body;
      assert.equal(t.status, 'on_track');
      assert.equal(t.status_reason, 'quý II đạt 31 % kế hoạch năm, cần 30 %: đúng tiến độ');
      const history = assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`));
      assert.deepEqual(history.map((v) => v.state), ['approved', 'returned'], 'history kept, newest first');
      const list = assertList(await office.get(`/api/v1/targets?indicator_id=${housing.id}`));
      assert.ok(list.every((x) => typeof x.status === 'string' && typeof x.status_reason === 'string'));
    });

    it('refuses bad values: a computed indicator, a period in a wrong form, no kind', async () => {
      const r = await office.post('/api/v1/indicators', {
        code: 'API_ONTIME', name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', name_en: 'Tasks on time', unit_of_measure: '%',
        direction: 'higher_better', aggregation: 'average', periodicity: 'quarter', responsible_unit_id: id('MA'), group: 'administration',
        computed: 'tasks.on_time_rate',
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      computed = r.body;
      assertError(await office.post('/api/v1/indicator-values', { indicator_id: computed.id, unit_id: id('MA'), period: '2026-Q1', value: 90, kind: 'estimate' }), 400, 'computed_indicator', 'indicator_id');
      assertError(await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: 'Q2-2025', value: 1, kind: 'official' }), 400, 'invalid_period', 'period');
      assertError(await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-13', value: 1, kind: 'official' }), 400, 'invalid_period', 'period');
      assertError(await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-Q3', value: 1 }), 400, 'required', 'kind');
      assertError(await sxd.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-Q3', value: '1', kind: 'official' }), 400, undefined, 'value');
      const t = await office.post('/api/v1/targets', { indicator_id: computed.id, unit_id: id('MA'), period: '2026-Q1', expression: 'tối thiểu 90%' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(t.body.computed, true);
    });

    it('keeps another unit out: its targets and values are 404', async () => {
      assertError(await stc.get(`/api/v1/targets/${target.id}`), 404);
      const values = assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`));
      assertError(await stc.get(`/api/v1/indicator-values/${values[0].id}`), 404);
      assert.equal(assertList(await stc.get(`/api/v1/indicator-values?indicator_id=${housing.id}`)).length, 0);
      assert.ok(!assertList(await stc.get('/api/v1/targets')).some((t) => t.id === target.id));
      assertError(await stc.post('/api/v1/indicator-values', { indicator_id: housing.id, unit_id: id('MA.SXD'), period: '2025-Q3', value: 1, kind: 'official' }), 404);
      assertError(await stc.post(`/api/v1/indicator-values/${values[0].id}/approve`, {}), 404);
    });

    it('asks for an explanation, takes the answer, asks again and accepts', async () => {
      const asked = await leader.post('/api/v1/explanation-requests', { target_id: target.id, due_in_days: 5, question: 'Vì sao quý II chỉ đạt 31 %?' });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      const e = asked.body;
      assert.equal(e.state, 'open');
      assert.equal(e.unit_id, id('MA.SXD'));
      assert.match(e.due_on, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(e.late, false);
      assertError(await leader.post('/api/v1/explanation-requests', { target_id: target.id, question: 'Hạn?' }), 400, 'required', 'due_on');
      assertError(await leader.post('/api/v1/explanation-requests', { target_id: target.id, due_on: '2020-01-01', question: 'Hạn?' }), 400, undefined, 'due_on');
      assertError(await leader.post('/api/v1/explanation-requests', { due_in_days: 5, question: 'Gì?' }), 400, undefined, 'target_id');
      assertError(await sxd.post('/api/v1/explanation-requests', { target_id: target.id, due_in_days: 5, question: 'Tự hỏi?' }), 403);
      assertError(await stc.post(`/api/v1/explanation-requests/${e.id}/answer`, { causes: 'x', measures: 'y', expected_value: 1 }), 404);
      assertError(await leader.post(`/api/v1/explanation-requests/${e.id}/accept`, {}), 409, 'not_answered');
      assertError(await sxd.post(`/api/v1/explanation-requests/${e.id}/answer`, { causes: 'Vướng mặt bằng', measures: 'Họp hằng tuần' }), 400, 'required', 'expected_value');
      const answer = { causes: 'Vướng giải phóng mặt bằng ở hai dự án', measures: 'Họp tháo gỡ hằng tuần', expected_value: 1000, expected_on: '2025-12-31' };
      const answered = await sxd.post(`/api/v1/explanation-requests/${e.id}/answer`, answer);
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.equal(answered.body.state, 'answered');
      assertError(await sxd.post(`/api/v1/explanation-requests/${e.id}/answer`, answer), 409, 'not_open');
      const again = await leader.post(`/api/v1/explanation-requests/${e.id}/ask-again`, { question: 'Nêu rõ từng dự án.', due_in_days: 3 });
      assert.equal(again.body.state, 'open');
      assert.equal(again.body.round, 2);
      assert.equal((await sxd.post(`/api/v1/explanation-requests/${e.id}/answer`, answer)).body.state, 'answered');
      const accepted = await leader.post(`/api/v1/explanation-requests/${e.id}/accept`, {});
      assert.equal(accepted.body.state, 'accepted');
      const detail = (await sxd.get(`/api/v1/explanation-requests/${e.id}`)).body;
      assert.deepEqual(detail.events.map((x) => x.kind), ['asked', 'answered', 'asked_again', 'answered', 'accepted']);
      assertError(await stc.get(`/api/v1/explanation-requests/${e.id}`), 404);
      assert.ok(assertList(await sxd.get(`/api/v1/explanation-requests?target_id=${target.id}`)).some((x) => x.id === e.id));
      assert.equal(assertList(await stc.get(`/api/v1/explanation-requests?target_id=${target.id}`)).length, 0);
    });

    it('lists the requests about tasks apart from those about targets: what the task boards count', async () => {
      const list = async (c, q) => {
        const r = await c.get(`/api/v1/explanation-requests?${q}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body;
      };
      // The demo asked Sở Tài chính about one of its overdue tasks, and that request is late.
      const late = await list(leader, 'about=task&late=true&limit=100');
      assert.ok(late.total >= 1, 'the demo has a late request about a task');
      assert.ok(late.items.every((e) => e.task_id && !e.target_id && e.late && e.state === 'open'), JSON.stringify(late.items));
      // Each names its task by title (the lists show it, not a bare number).
      for (const e of late.items) {
        const t = (await leader.get(`/api/v1/tasks/${e.task_id}`)).body;
        assert.equal(e.task?.title, (t.task || t).title, JSON.stringify(e));
      }
      const aboutTargets = await list(leader, 'about=target&limit=1000');
      assert.ok(aboutTargets.total >= 2 && aboutTargets.items.every((e) => e.target_id && !e.task_id));
      const all = await list(leader, 'limit=1000');
      const aboutTasks = await list(leader, 'about=task&limit=1000');
      assert.equal(aboutTasks.total + aboutTargets.total, all.total);
      // Scope: Sở Tài chính sees the request about its task, Sở Xây dựng does not.
      const stcTask = late.items.find((e) => e.unit_id === id('MA.STC'));
      assert.ok(stcTask, JSON.stringify(late.items));
      assert.ok((await list(stc, 'about=task&late=true')).items.some((e) => e.id === stcTask.id));
      assert.ok(!(await list(sxd, 'about=task&limit=1000')).items.some((e) => e.id === stcTask.id));
      // A new request about a task: one more open, none more late.
      const open0 = (await list(leader, 'about=task&state=open&limit=1')).total;
      const task = assertList(await office.get(`/api/v1/tasks?unit_id=${id('MA.SXD')}&limit=1`))[0];
      const asked = await leader.post('/api/v1/explanation-requests', { task_id: task.id, due_in_days: 3, question: 'Vì sao nhiệm vụ chậm?' });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.equal(asked.body.task_id, task.id);
      assert.equal((await list(leader, 'about=task&state=open&limit=1')).total, open0 + 1);
      assert.equal((await list(leader, 'about=task&late=true&limit=1')).total, late.total);
      assert.ok(!(await list(leader, 'about=target&limit=1000')).items.some((e) => e.id === asked.body.id));
      const bad = await leader.get('/api/v1/explanation-requests?about=tasks');
      assertError(bad, 400, undefined, 'about');
      assert.match(bad.body.error.message, /^Đối tượng giải trình/);
    });

    it('lists the requests about one task: what its page shows, only to those who may see them', async () => {
      // A task of Sở Xây dựng that Sở Tài chính does not work on (not even as a coordinator).
      const tasks = assertList(await office.get(`/api/v1/tasks?unit_id=${id('MA.SXD')}&limit=50`));
      const task = tasks.find((x) => x.lead_unit_id === id('MA.SXD') && !x.coordinator_ids.includes(id('MA.STC')));
      assert.ok(task, JSON.stringify(tasks.map((x) => x.id)));
      const other = tasks.find((x) => x.id !== task.id);
      const ask = (t, question) => leader.post('/api/v1/explanation-requests', { task_id: t.id, due_in_days: 5, question });
      const asked = await ask(task, 'Nêu nguyên nhân chậm tiến độ và ngày hoàn thành.');
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      if (other) assert.equal((await ask(other, 'Vì sao chưa báo cáo?')).status, 201);
      const about = async (c) => assertList(await c.get(`/api/v1/explanation-requests?task_id=${task.id}&limit=1000`));
      const mine = await about(leader);
      assert.ok(mine.some((e) => e.id === asked.body.id), JSON.stringify(mine));
      assert.ok(mine.every((e) => e.task_id === task.id && !e.target_id), 'only the requests about this task');
      assert.equal(mine.find((e) => e.id === asked.body.id).task?.title, task.title);
      // The unit that answers sees it; a unit that cannot see the task gets nothing.
      assert.ok((await about(sxd)).some((e) => e.id === asked.body.id));
      assertError(await stc.get(`/api/v1/tasks/${task.id}`), 404);
      assert.deepEqual(await about(stc), []);
      assertError(await leader.get('/api/v1/explanation-requests?task_id=abc'), 400, undefined, 'task_id');
    });

    it('imports values from a sheet: every row or none, the same file twice changes nothing', async () => {
      const upload = (c, body) => uploadFile(c, '/api/v1/indicator-values/import', body, { type: 'text/csv; charset=utf-8', name: 'so-lieu.csv' });
      const head = '\uFEFFMã chỉ số;Mã đơn vị;Kỳ;Giá trị;Loại số liệu;Nguồn số liệu;Ghi chú\r\n';
      const good = head + 'API_NOXH;MA.SXD;2025-Q3;1.234,5;chính thức;Sở Xây dựng;Đợt 1\r\nAPI_NOXH;MA.SXD;2025-09;120;ước tính;;\r\n';
      const before = assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`)).length;
      const bad = head + 'API_NOXH;MA.SXD;2025-Q3;12;chính thức;;\r\nAPI_ONTIME;MA.SXD;Q3;abc;có thể;;\r\nAPI_NOXH;MA.STC;2025;1;ước tính;;\r\n';
      const r = await upload(sxd, bad);
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.deepEqual(r.body.errors.map((e) => [e.row, e.column]), [[3, 'Mã chỉ số'], [3, 'Kỳ'], [3, 'Giá trị'], [3, 'Loại số liệu'], [4, 'Mã đơn vị']]);
      assert.equal(assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`)).length, before, 'nothing partial');
      const ok = await upload(sxd, good);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.imported, 2);
      const values = assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`));
      assert.equal(values.length, before + 2);
      assert.ok(values.some((v) => v.value === 1234.5 && v.kind === 'official' && v.state === 'submitted'));
      assertError(await upload(sxd, good), 409, 'already_imported', 'file');
      assert.equal(assertList(await sxd.get(`/api/v1/indicator-values?indicator_id=${housing.id}`)).length, before + 2, 'the same file twice changes nothing');
      const x = await fetch(`${sxd.base}/api/v1/indicator-values/export.xlsx?indicator_id=${housing.id}`, { headers: { cookie: sxd.cookie } });
      assert.equal(x.status, 200);
      assert.equal(Buffer.from(await x.arrayBuffer()).subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    });

    it('runs the review of a period, as a page and as .xlsx', async () => {
      const r = await office.get('/api/v1/reviews?period=2025-Q2');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const line = r.body.items.find((x) => x.id === target.id);
      assert.ok(line, 'a yearly target is reviewed at mid-year');
      assert.equal(line.status, 'on_track');
      assert.ok(Array.isArray(line.trend) && line.trend.length === 1);
      assert.equal(typeof r.body.summary.on_track, 'number');
      assertError(await office.get('/api/v1/reviews?period=06-2025'), 400, 'invalid_period', 'period');
      assertError(await office.get('/api/v1/reviews'), 400, 'invalid_period', 'period');
      const x = await exportXlsx(office, '?period=2025');
      assert.equal(x.status, 200);
      assert.match(x.type, /spreadsheetml/);
      assert.equal(x.buf.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
      assert.ok(!(await stc.get('/api/v1/reviews?period=2025')).body.items.some((i) => i.id === target.id));
    });
  });
}

// Boards, task lists and the periodic report "as of" a past day, against tasks built with a
// known history: the server is stopped and started again on later days over the same
// database, so that each step happens on its own date. Each task as it stood that day: its
// state, deadline (before a later extension), finished day and timeliness. The report
// (GET /reports/tasks.docx) is unzipped and its XML read; the month calendar of deadlines
// (GET /deadline-calendar) lays the same tasks out by day. Real server, both DBs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode } from './lib.mjs';
import { scratchDb } from './support.mjs';
import { unzip, paragraphs, tableRows, download } from './docx.mjs';

// The history: Monday 5 January 2026 the office gives three tasks; Monday 12 January
// Sở Tài chính reports on one, is granted more time on another and submits the late
// third, which the office confirms; Monday 26 January the first is submitted and confirmed
// and a fourth task is given. Today is 2 February.
const DAYS = { given: '2026-01-05', middle: '2026-01-12', late: '2026-01-26', today: '2026-02-02' };

async function on(db, now, demo, step) {
  const server = await start(db.url, { now, demo, keepDb: true });
  try {
    return await step(server);
  } finally {
    await server.stop();
  }
}

// A write that must succeed (200 or 201).
async function post(c, path, body) {
  const r = await c.post(path, body);
  assert.ok(r.status === 200 || r.status === 201, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// Builds the history above; returns the ids.
async function buildHistory(db) {
  const ids = {};
  await on(db, DAYS.given, true, async (server) => {
    const office = await server.as('vanphong');
    const units = await unitsByCode(office);
    ids.stc = units.get('MA.STC').id;
    ids.sxd = units.get('MA.SXD').id;
    const d = await post(office, '/api/v1/directives', {
      kind: 'conclusion', number: '31-KL/TU', issued_on: '2026-01-02', issuer_unit_id: units.get('MA').id,
      title: 'Kết luận về các nhiệm vụ trọng tâm quý I', body: 'Ba nhiệm vụ.' });
    ids.directive = d.id;
    const task = (title, deadline, unit = ids.stc) =>
      post(office, '/api/v1/tasks', { directive_id: d.id, title, lead_unit_id: unit, deadline });
    ids.extended = (await task('Trình phương án giá đất', '2026-01-20')).id;
    ids.late = (await task('Báo cáo quyết toán', '2026-01-09')).id;
    ids.other = (await task('Rà soát quy hoạch', '2026-02-27', ids.sxd)).id;
  });
  await on(db, DAYS.middle, false, async (server) => {
    const [office, stc] = [await server.as('vanphong'), await server.as('canbo.stc')];
    await post(stc, `/api/v1/tasks/${ids.late}/reports`, { percent: 50, body: 'Đang tổng hợp.' });
    const ext = await post(stc, `/api/v1/tasks/${ids.extended}/extensions`, { new_deadline: '2026-02-06', reason: 'Chờ ý kiến Bộ.' });
    await post(office, `/api/v1/extensions/${ext.id}/decision`, { approve: true, note: 'Đồng ý.' });
    await post(stc, `/api/v1/tasks/${ids.late}/completion`, { output_text: 'Báo cáo số 5/BC-STC' });
    await post(office, `/api/v1/tasks/${ids.late}/confirmation`, { accept: true });
  });
  await on(db, DAYS.late, false, async (server) => {
    const office = await server.as('vanphong');
    const stc = await server.as('canbo.stc');
    await post(stc, `/api/v1/tasks/${ids.extended}/completion`, { output_text: 'Tờ trình số 9/TTr-STC' });
    await post(office, `/api/v1/tasks/${ids.extended}/confirmation`, { accept: true });
    ids.fourth = (await post(office, '/api/v1/tasks', {
      directive_id: ids.directive, title: 'Tổng kết quý I', lead_unit_id: ids.stc, deadline: '2026-03-31' })).id;
  });
  return ids;
}

for (const db of DBS) {
  describe(`tasks as of a past day (${db})`, () => {
    let scratch, server, office, stc, ids;
    before(async () => {
      scratch = scratchDb(db);
      ids = await buildHistory(scratch);
      server = await start(scratch.url, { now: DAYS.today, demo: false, keepDb: true });
      office = await server.as('vanphong');
      stc = await server.as('canbo.stc');
    });
    after(async () => {
      if (server) await server.stop();
      if (scratch) scratch.cleanup();
    });

    const listOn = async (c, day) => {
      const items = assertList(await c.get(`/api/v1/tasks?directive_id=${ids.directive}&as_of=${day}&limit=100`));
      return new Map(items.map((t) => [t.id, t]));
    };
    const stand = (t) => t && [t.state, t.deadline, t.finished_on, t.timeliness];

    it('lists each task as it stood that day', async () => {
      const cases = [
        // day, task, [state, deadline, finished_on, timeliness]; undefined: not given yet
        [DAYS.given, 'extended', ['not_started', '2026-01-20', null, 'in_time']],
        [DAYS.given, 'fourth', undefined],
        ['2026-01-10', 'late', ['not_started', '2026-01-09', null, 'overdue']],
        ['2026-01-11', 'extended', ['not_started', '2026-01-20', null, 'in_time']],
        ['2026-01-14', 'extended', ['not_started', '2026-02-06', null, 'in_time']],
        ['2026-01-14', 'late', ['done', '2026-01-09', '2026-01-12', 'done_late']],
        ['2026-01-14', 'other', ['not_started', '2026-02-27', null, 'in_time']],
        ['2026-01-21', 'extended', ['not_started', '2026-02-06', null, 'in_time']],
        [DAYS.late, 'extended', ['done', '2026-02-06', DAYS.late, 'done_on_time']],
        [DAYS.late, 'fourth', ['not_started', '2026-03-31', null, 'in_time']],
      ];
      for (const [day, name, want] of cases) {
        const got = (await listOn(office, day)).get(ids[name]);
        assert.deepEqual(stand(got), want, `${name} on ${day}`);
      }
      const now = await listOn(office, DAYS.today);
      const live = new Map(assertList(await office.get(`/api/v1/tasks?directive_id=${ids.directive}&limit=100`)).map((t) => [t.id, t]));
      for (const [id, t] of live) assert.deepEqual(stand(now.get(id)), stand(t), 'as of today is today');
      assert.equal((await listOn(office, '2026-01-11')).get(ids.late).progress_percent, 0, 'the report of 12 January is not there on the 11th');
      assert.equal((await listOn(office, '2026-01-14')).get(ids.late).progress_percent, 100, 'completion submitted');
    });

    it('counts the board as of that day, and filters by the timeliness of that day', async () => {
      const board = async (day) => {
        const r = await office.get(`/api/v1/boards/tasks?by=directive&directive_id=${ids.directive}&as_of=${day}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.as_of, day);
        return r.body.totals;
      };
      assert.deepEqual(await board('2026-01-10'), { total: 3, done_on_time: 0, done_late: 0, in_time: 2, due_soon: 0, overdue: 1, no_deadline: 0 });
      assert.deepEqual(await board(DAYS.late), { total: 4, done_on_time: 1, done_late: 1, in_time: 2, due_soon: 0, overdue: 0, no_deadline: 0 });
      const overdue = assertList(await office.get(`/api/v1/tasks?directive_id=${ids.directive}&timeliness=overdue&as_of=2026-01-10`));
      assert.deepEqual(overdue.map((t) => t.id), [ids.late]);
      assertError(await office.get('/api/v1/boards/tasks?as_of=14/06/2026'), 400, undefined, 'as_of');
      assertError(await office.get('/api/v1/tasks?as_of=2026-13-01'), 400, undefined, 'as_of');
    });

    it('writes the periodic report as of a cut-off day as a Decree 30 .docx', async () => {
      const r = await download(office, `/api/v1/reports/tasks.docx?directive_id=${ids.directive}&as_of=2026-01-14` +
        '&number=12/BC-VP&place=Minh An&signer_title=Chánh Văn phòng&signer_name=Trần Thị Mai');
      assert.equal(r.status, 200, r.bytes.toString());
      assert.match(r.type, /wordprocessingml/);
      const xml = unzip(r.bytes).get('word/document.xml').toString('utf8');
      assert.ok(!xml.includes('{{'), 'no placeholder left');
      const text = paragraphs(xml);
      for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/BC-VP', 'Minh An, ngày 02 tháng 02 năm 2026', 'BÁO CÁO',
        'Tính đến ngày 14/01/2026, tổng số nhiệm vụ: 3.', '- Đã hoàn thành: 1 (đúng hạn 0, quá hạn 1).',
        '- Đang thực hiện: 2 (trong hạn 2, sắp đến hạn 0, quá hạn 0).', 'CHÁNH VĂN PHÒNG', 'Trần Thị Mai', 'Nơi nhận:'])
        assert.ok(text.includes(line), `${line} in ${JSON.stringify(text)}`);
      assert.ok(text.some((t) => t.startsWith('Tình hình thực hiện nhiệm vụ theo Kết luận số 31-KL/TU ngày 02/01/2026')), JSON.stringify(text));
      const rows = tableRows(xml);
      assert.ok(rows.includes('STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện'), JSON.stringify(rows));
      const row = rows.find((x) => x.includes('Trình phương án giá đất'));
      assert.ok(row && row.includes('06/02/2026') && row.includes('Chưa thực hiện') && row.includes('đã gia hạn 1 lần'), `the extended deadline of that day: ${row}`);
      assert.ok(rows.some((x) => x.includes('Báo cáo quyết toán') && x.includes('Hoàn thành ngày 12/01/2026, trễ 1 ngày làm việc')), JSON.stringify(rows));
      assert.ok(!rows.some((x) => x.includes('Tổng kết quý I')), 'a task given later is not in it');
    });

    it('reports a unit and only what the caller may see; refuses bad input naming the field', async () => {
      const r = await download(stc, `/api/v1/reports/tasks.docx?unit_id=${ids.stc}&as_of=2026-01-14`);
      assert.equal(r.status, 200, r.bytes.toString());
      const rows = tableRows(unzip(r.bytes).get('word/document.xml').toString('utf8'));
      for (const title of ['Trình phương án giá đất', 'Báo cáo quyết toán'])
        assert.ok(rows.some((x) => x.includes(title)), `${title} in ${JSON.stringify(rows)}`);
      assert.ok(!rows.some((x) => x.includes('Rà soát quy hoạch')), 'another unit’s task is left out');
      const hidden = await download(stc, `/api/v1/reports/tasks.docx?unit_id=${ids.sxd}`);
      assert.equal(hidden.status, 404);
      const long = 'x'.repeat(101);
      const cases = [
        ['', 'directive_id'],
        [`directive_id=${ids.directive}&as_of=2026-02-03`, 'as_of'],
        [`directive_id=${ids.directive}&as_of=2026-02-30`, 'as_of'],
        ['directive_id=abc', 'directive_id'],
        [`directive_id=${ids.directive}&number=${'1'.repeat(51)}`, 'number'],
        [`directive_id=${ids.directive}&signer_name=${long}`, 'signer_name'],
        [`directive_id=${ids.directive}&signer_title=${long}`, 'signer_title'],
      ];
      for (const [query, field] of cases)
        assertError(await office.get(`/api/v1/reports/tasks.docx?${query}`), 400, undefined, field);
      assertError(await office.get('/api/v1/reports/tasks.docx?directive_id=999999'), 404, 'not_found');
    });

    it('lays out a month of deadlines by working day, as far as the caller sees', async () => {
      const month = async (c, m) => {
        const r = await c.get(`/api/v1/deadline-calendar?month=${m}&directive_id=${ids.directive}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return new Map(r.body.days.map((d) => [d.date, d]));
      };
      const feb = await month(office, '2026-02');
      assert.equal(feb.size, 28);
      assert.equal(feb.get('2026-02-01').working, false, 'a Sunday');
      assert.equal(feb.get('2026-02-02').working, true);
      const titles = (d) => feb.get(d).tasks.map((t) => t.title);
      assert.deepEqual(titles('2026-02-27'), ['Rà soát quy hoạch']);
      assert.deepEqual(titles('2026-02-06'), ['Trình phương án giá đất']);
      assert.equal(feb.get('2026-02-06').tasks[0].timeliness, 'done_on_time');
      assert.equal([...feb.values()].reduce((n, d) => n + d.tasks.length, 0), 2, 'January’s and March’s deadlines are not in February');
      const mine = await month(stc, '2026-02');
      assert.deepEqual(mine.get('2026-02-27').tasks, [], 'another unit’s task is not shown');
      for (const bad of ['2026-2', '2026-13', 'feb'])
        assertError(await office.get(`/api/v1/deadline-calendar?month=${bad}`), 400, undefined, 'month');
    });
  });
}

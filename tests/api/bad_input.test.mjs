// Bad input that was once taken silently, through a real server on SQLite and PostgreSQL:
// a field of the wrong type, over its length or out of the range of its column is
// refused with its name (400), never dropped or truncated; an unknown field is refused;
// a long Vietnamese file name is cut by code point and stays valid UTF-8; bidirectional
// overrides are stripped from file names; a ZIP holding a program is not a Word
// document (415); a spreadsheet deadline of NaN is a row error (422). Nothing is written
// by any refused request.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, XLSX, assertError, assertList, assertUnchanged, snapshot, start, unitId } from './lib.mjs';
import { zip } from './zip.mjs';

// ---- A small ZIP writer (stored entries) -------------------------------------------------


const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const PROGRAM = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(200, 0x41)]);
const DOCX_PARTS = [
  ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`],
  ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`],
  ['word/document.xml', `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`],
];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref, s) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

// A one-sheet workbook in the import's layout; `deadline` goes raw into <v>, as a tool
// that wrote NaN would put it.
function workbook(rows) {
  const sheetRows = rows
    .map((cells, i) => {
      const r = i + 1;
      const cs = cells.map(([col, v]) => (v.raw !== undefined ? `<c r="${col}${r}"><v>${v.raw}</v></c>` : inline(`${col}${r}`, v)));
      return `<row r="${r}">${cs.join('')}</row>`;
    })
    .join('');
  return zip([
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Nhiệm vụ" sheetId="1"/></sheets></workbook>`],
    ['xl/worksheets/sheet1.xml', `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

const MB_NOTE = 'a'.repeat(1024 * 1024);
const TWO_40 = 2 ** 40;

// Stays valid UTF-8: a decoder that refuses bad bytes reads the whole answer.
async function rawUtf8(server, client, path) {
  const res = await fetch(server.base + path, { headers: { cookie: client.cookie } });
  const buf = Buffer.from(await res.arrayBuffer());
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
}

const codePoints = (s) => [...s].length;

for (const db of DBS) {
  describe(`bad input on ${db}`, () => {
    let server, admin, office, task, directive;
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      task = assertList(await office.get('/api/v1/tasks?limit=1'))[0];
      directive = assertList(await office.get('/api/v1/directives?limit=1'))[0];
      assert.ok(task && directive, 'the demo has a task and a directive');
    });
    after(async () => server && (await server.close()));

    it('refuses a field of the wrong type, too long or out of range, with its name, and writes nothing', async () => {
      const stc = await unitId(office, 'MA.STC');
      const tokens = assertList(await office.get('/api/v1/tokens')).length;
      const groups = assertList(await office.get(`/api/v1/task-groups?directive_id=${directive.id}`)).length;
      const before = await snapshot(admin);
      const taskBefore = (await office.get(`/api/v1/tasks/${task.id}`)).body;
      const cases = [
        ['a 1 MB note', 'POST', `/api/v1/tasks/${task.id}/suspension`, { suspend: true, note: MB_NOTE }, 'note', 'too_long'],
        ['a number for a note', 'POST', `/api/v1/tasks/${task.id}/suspension`, { suspend: true, note: 5 }, 'note', 'wrong_type'],
        ['an object for a reason', 'POST', `/api/v1/tasks/${task.id}/refusal`, { reason: { vi: 'x' } }, 'reason', 'wrong_type'],
        ['a list for an answer', 'POST', '/api/v1/coordination-requests/1/answer', { answer: ['x'] }, 'answer', 'wrong_type'],
        ['a 1 MB report body', 'POST', `/api/v1/tasks/${task.id}/reports`, { percent: 10, body: MB_NOTE }, 'body', 'too_long'],
        ['percent 2^40', 'POST', `/api/v1/tasks/${task.id}/reports`, { percent: TWO_40, body: 'x' }, 'percent', 'out_of_range'],
        ['percent 101', 'POST', `/api/v1/tasks/${task.id}/reports`, { percent: 101 }, 'percent', 'out_of_range'],
        ['percent 50.5', 'POST', `/api/v1/tasks/${task.id}/reports`, { percent: 50.5 }, 'percent', 'wrong_type'],
        ['expires_in_days 4294967386 (90 as a 32-bit int)', 'POST', '/api/v1/tokens', { name: 'tích hợp', expires_in_days: 4294967386 }, 'expires_in_days', 'out_of_range'],
        ['expires_in_days as text', 'POST', '/api/v1/tokens', { name: 'tích hợp', expires_in_days: '30' }, 'expires_in_days', 'wrong_type'],
        ['position 2^40', 'POST', '/api/v1/task-groups', { directive_id: directive.id, title: 'Nhóm mới', position: TWO_40 }, 'position', 'out_of_range'],
        ['position -1', 'POST', '/api/v1/task-groups', { directive_id: directive.id, title: 'Nhóm mới', position: -1 }, 'position', 'out_of_range'],
        ['a directive id past int64', 'POST', '/api/v1/task-groups', { directive_id: 2 ** 70, title: 'Nhóm mới' }, 'directive_id', 'out_of_range'],
        ['share 2^32 + 40', 'POST', `/api/v1/tasks/${task.id}/delegations`, { parts: [{ unit_id: stc, share_percent: 2 ** 32 + 40 }] }, 'parts[0].share_percent', 'out_of_range'],
        ['a milestone percent of 2^40', 'POST', '/api/v1/tasks', { title: 'Việc', lead_unit_id: stc, milestones: [{ label: 'Quý I', due_on: '2026-03-31', planned_percent: TWO_40 }] }, 'milestones[0].planned_percent', 'out_of_range'],
        ['a coordinator id of 0', 'POST', '/api/v1/tasks', { title: 'Việc', lead_unit_id: stc, coordinator_ids: [0] }, 'coordinator_ids', 'out_of_range'],
        ['a title over 1.000 letters', 'POST', '/api/v1/tasks', { title: 'ệ'.repeat(1001), lead_unit_id: stc }, 'title', 'too_long'],
        ['is_key as text', 'POST', '/api/v1/tasks', { title: 'Việc', lead_unit_id: stc, is_key: 'true' }, 'is_key', 'wrong_type'],
        ['a deadline in year 9999', 'POST', '/api/v1/tasks', { title: 'Việc', lead_unit_id: stc, deadline: '9999-12-31' }, 'deadline', 'invalid_date'],
        ['an unknown field', 'POST', '/api/v1/tasks', { title: 'Việc', lead_unit_id: stc, priority: 'cao' }, 'priority', 'unknown_field'],
        ['an unknown field in a part', 'POST', `/api/v1/tasks/${task.id}/delegations`, { parts: [{ unit_id: stc, share_percent: 10, weight: 2 }] }, 'parts[0].weight', 'unknown_field'],
        ['a misspelt note', 'POST', `/api/v1/tasks/${task.id}/suspension`, { suspend: true, notes: 'x' }, 'notes', 'unknown_field'],
        ['a swap name as a number', 'POST', '/api/v1/calendar/swaps', { date: '2026-05-02', working: true, name: 7 }, 'name', 'wrong_type'],
        ['a unit name as a number', 'PATCH', `/api/v1/units/${stc}`, { name: 12 }, 'name', 'wrong_type'],
        ['a role unit past int64', 'POST', '/api/v1/users', { username: 'moi.nguoi', full_name: 'Người Mới', password: 'mat-khau-2026', roles: [{ role: 'officer', unit_id: 2 ** 70 }] }, 'roles[0].unit_id', 'out_of_range'],
        ['a password as a number', 'POST', '/api/v1/users', { username: 'moi.nguoi', full_name: 'Người Mới', password: 12345678 }, 'password', 'wrong_type'],
      ];
      for (const [what, method, path, body, field, code] of cases) {
        const who = method === 'PATCH' || path === '/api/v1/users' ? admin : office;
        const r = await who.request(method, path, body);
        assertError(r, 400, code, field);
        assert.ok(!r.body.error.message.includes('undefined'), `${what}: ${r.body.error.message}`);
      }
      await assertUnchanged(admin, before, 'after refused fields');
      assert.equal(assertList(await office.get('/api/v1/tokens')).length, tokens, 'no token was made');
      assert.equal(assertList(await office.get(`/api/v1/task-groups?directive_id=${directive.id}`)).length, groups, 'no group was made');
      assert.deepEqual((await office.get(`/api/v1/tasks/${task.id}`)).body, taskBefore, 'the task is as it was');
    });

    it('names the field as the form labels it', async () => {
      const note = await office.post(`/api/v1/tasks/${task.id}/reassignment`, { lead_unit_id: 1, note: 5 });
      assertError(note, 400, 'wrong_type', 'note');
      assert.equal(note.body.error.message, 'Ghi chú phải là một chuỗi ký tự.');
      const pos = await office.post('/api/v1/task-groups', { directive_id: directive.id, title: 'Nhóm', position: TWO_40 });
      assert.equal(pos.body.error.message, 'Thứ tự phải là số nguyên từ 0 đến 99.999.');
      const days = await office.post('/api/v1/tokens', { name: 'x', expires_in_days: 4294967386 });
      assert.match(days.body.error.message, /từ 1 đến 366/);
      // A query number is checked before it becomes an int: 2^32 + 2026 is not 2026.
      assertError(await office.get(`/api/v1/calendar?year=${2 ** 32 + 2026}`), 400, 'out_of_range', 'year');
    });

    it('takes the bounds themselves', async () => {
      const t = await office.post('/api/v1/tokens', { name: 'một năm nhuận', expires_in_days: 366 });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal((await office.del(`/api/v1/tokens/${t.body.id}`)).status, 204);
      const g = await office.post('/api/v1/task-groups', { directive_id: directive.id, title: 'Nhóm cuối', position: 99999 });
      assert.equal(g.status, 201, JSON.stringify(g.body));
      assert.equal(g.body.position, 99999);
    });

    it('cuts a long Vietnamese file name by code point and keeps it valid UTF-8', async () => {
      const stem = 'Báo cáo kết quả thực hiện nhiệm vụ giải ngân vốn đầu tư công '.repeat(6); // 372 letters
      const name = `${stem}.pdf`;
      const up = await office.post(
        `/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}&filename=${encodeURIComponent(name)}`,
        '%PDF-1.4 tệp thử', { headers: { 'content-type': 'application/pdf' } });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      const want = [...stem].slice(0, 196).join('').replace(/[ \t\r\n]+$/, '') + '.pdf';
      assert.equal(up.body.filename, want);
      assert.ok(codePoints(up.body.filename) <= 200);
      const list = await rawUtf8(server, office, `/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}`);
      assert.ok(list.items.some((a) => a.id === up.body.id && a.filename === want), 'the list reads back the same name');
      const dl = await office.get(`/api/v1/attachments/${up.body.id}/content`);
      assert.equal(dl.status, 200);
    });

    it('strips bidirectional overrides and control characters from file names', async () => {
      const name = 'hoa-don\u202Etxt.exe\u200F\u2066\u0007';
      const up = await office.post(
        `/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}&filename=${encodeURIComponent(name)}`,
        '%PDF-1.4 hóa đơn', { headers: { 'content-type': 'application/pdf' } });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.filename, 'hoa-dontxt.exe');
    });

    it('checks a ZIP by its structure: a program inside is not a Word document (415)', async () => {
      const before = assertList(await office.get(`/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}`)).length;
      const post = (bytes, filename) =>
        office.post(`/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}&filename=${filename}`, new Uint8Array(bytes),
          { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
      const refused = [
        ['a zip of setup.exe', zip([['setup.exe', PROGRAM]])],
        ['a docx carrying setup.exe', zip([...DOCX_PARTS, ['setup.exe', PROGRAM]])],
        ['a zip naming word/ in a text', zip([['readme.txt', 'word/document.xml xl/ ppt/']])],
        ['a program renamed .docx', PROGRAM],
      ];
      for (const [what, bytes] of refused) {
        const r = await post(bytes, 'hop-dong.docx');
        assertError(r, 415, 'unsupported_media_type', 'file');
        assert.ok(r.body.error.message.length > 20, what);
      }
      assert.equal(assertList(await office.get(`/api/v1/attachments?owner_kind=directive&owner_id=${directive.id}`)).length, before);
      const docx = await post(zip(DOCX_PARTS), 'hop-dong.docx');
      assert.equal(docx.status, 201, JSON.stringify(docx.body));
      assert.equal(docx.body.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      // A workbook as a real writer makes it (the server's own export, deflated, with
      // styles and shared strings) is taken as Excel.
      const exported = await fetch(`${server.base}/api/v1/tasks/export.xlsx?directive_id=${directive.id}`, { headers: { cookie: office.cookie } });
      assert.equal(exported.status, 200);
      const xlsx = await post(Buffer.from(await exported.arrayBuffer()), 'danh-muc.xlsx');
      assert.equal(xlsx.status, 201, JSON.stringify(xlsx.body));
      assert.equal(xlsx.body.mime, XLSX);
    });

    it('reports a NaN deadline as a row error (422) and imports nothing', async () => {
      const header = [['A', 'STT'], ['B', 'Nhiệm vụ'], ['C', 'Đơn vị chủ trì'], ['D', 'Thời hạn']];
      const rows = [
        header,
        [['A', '1'], ['B', 'Việc có hạn'], ['C', 'MA.STC'], ['D', { raw: '46188' }]],
        [['A', '2'], ['B', 'Việc hạn NaN'], ['C', 'MA.STC'], ['D', { raw: 'nan' }]],
        [['A', '3'], ['B', 'Việc hạn vô cùng'], ['C', 'MA.STC'], ['D', { raw: 'inf' }]],
        [['A', '4'], ['B', 'Việc hạn 1e300'], ['C', 'MA.STC'], ['D', { raw: '1e300' }]],
      ];
      const before = await snapshot(admin);
      const tasks = (await office.get('/api/v1/tasks?limit=1')).body.total;
      const res = await fetch(`${server.base}/api/v1/tasks/import?directive_id=${directive.id}`, {
        method: 'POST',
        headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': XLSX },
        body: workbook(rows),
      });
      const body = await res.json();
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(body.ok, false);
      assert.deepEqual(body.errors.map((e) => [e.row, e.column]), [[3, 'Thời hạn'], [4, 'Thời hạn'], [5, 'Thời hạn']]);
      // NaN and infinities reach the importer as the text written, 1e300 as a number.
      for (const e of body.errors) assert.match(e.message, /^Thời hạn .*(không phải ngày hợp lệ|không đọc được)/);
      await assertUnchanged(admin, before, 'after a refused import');
      assert.equal((await office.get('/api/v1/tasks?limit=1')).body.total, tasks);
    });
  });
}

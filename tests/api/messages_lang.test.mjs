// Issue 9 (tasksb): server messages come in the reader's language — the `dh_lang` cookie the
// web sets when the user picks a language, else Accept-Language, else Vietnamese. The same
// bad requests answered in Vietnamese and in English, on SQLite and PostgreSQL: a task
// form's field error (with the form's label and the number as 1.000 / 1,000), a list
// query's error, a task route's own error and the router's own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, XLSX, assertError, assertList, rawRequest, start, unitsByCode, uploadFile } from './lib.mjs';

const VI = { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } };
const EN = { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } };

for (const db of DBS) {
  describe(`server messages in the reader's language (${db})`, () => {
    let server, office, stcId;
    before(async () => {
      server = await start(db);
      const admin = await server.as('admin');
      office = await server.as('vanphong');
      stcId = (await unitsByCode(admin)).get('MA.STC').id;
    });
    after(async () => server && (await server.close()));

    const cases = [
      {
        what: 'a field too long names the form label, the number grouped per language',
        send: (c, extra) => c.post('/api/v1/tasks', { title: 'x'.repeat(1001), lead_unit_id: stcId }, extra),
        status: 400, code: 'too_long', field: 'title',
        vi: 'Tên nhiệm vụ dài quá 1.000 ký tự; hãy rút gọn.',
        en: 'Task name is longer than 1,000 characters; please shorten it.',
      },
      {
        what: 'a missing required field',
        send: (c, extra) => c.post('/api/v1/tasks', { lead_unit_id: stcId, deadline: '2026-03-31' }, extra),
        status: 400, code: 'invalid_input', field: 'title',
        vi: 'Nhập tên nhiệm vụ.', en: 'Enter the task name.',
      },
      {
        what: 'a list query out of bounds',
        send: (c, extra) => c.get('/api/v1/tasks?limit=5000', extra),
        status: 400, code: 'invalid_input', field: 'limit',
        vi: 'Tham số limit phải từ 1 đến 1.000.', en: 'The parameter limit must be from 1 to 1,000.',
      },
      {
        what: 'a task that does not exist',
        send: (c, extra) => c.get('/api/v1/tasks/999999999', extra),
        status: 404, code: 'not_found', field: undefined,
        vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.',
      },
      {
        what: 'a board grouped by something it does not know',
        send: (c, extra) => c.get('/api/v1/boards/tasks?by=color', extra),
        status: 400, code: 'invalid_input', field: 'by',
        vi: 'Chọn cách gộp: unit, directive hoặc group.', en: 'Choose how to group: unit, directive or group.',
      },
      {
        what: 'an address the router does not know',
        send: (c, extra) => c.get('/api/v1/no-such-thing', extra),
        status: 404, code: 'route_not_found', field: undefined,
        vi: 'Không có địa chỉ /api/v1/no-such-thing.', en: 'There is no address /api/v1/no-such-thing.',
      },
      {
        what: "a unit restructuring's own check (a merger without a receiving unit)",
        send: (c, extra) => c.post('/api/v1/units/restructure',
          { kind: 'merge', date: '2026-06-01', source_ids: [stcId] }, extra),
        status: 400, code: 'invalid_input', field: 'target_ids',
        vi: 'Sáp nhập cần đúng một đơn vị tiếp nhận (có sẵn hoặc mới).',
        en: 'A merger needs exactly one receiving unit (existing or new).',
      },
      {
        what: 'a unit restructuring naming a unit that does not exist',
        send: (c, extra) => c.post('/api/v1/units/restructure',
          { kind: 'merge', date: '2026-06-01', source_ids: [stcId], target_ids: [987654] }, extra),
        status: 400, code: 'invalid_input', field: 'target_ids',
        vi: 'Không có đơn vị số 987654.', en: 'There is no unit number 987654.',
      },
      {
        what: 'an import of a file that is a zip but not a spreadsheet (the sheets\' file check)',
        send: async (c, extra) => {
          const directive = assertList(await c.get('/api/v1/directives?limit=1'))[0];
          return uploadFile(c, `/api/v1/tasks/import?directive_id=${directive.id}`,
            Buffer.from('PK\x03\x04 not a zip at all'), { type: XLSX, headers: extra?.headers });
        },
        status: 415, code: 'unsupported_media_type', field: 'file',
        vi: 'Tệp nén này không phải bảng tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng Excel Workbook (.xlsx).',
        en: 'This compressed file is not an Excel spreadsheet (.xlsx). Open the file in Excel and save it as an Excel Workbook (.xlsx).',
      },
      {
        what: 'a body that is not JSON',
        send: (c, extra) => c.request('POST', '/api/v1/units/restructure', '{"kind": ',
          { headers: { 'content-type': 'application/json', ...extra?.headers } }),
        status: 400, code: 'invalid_json', field: undefined,
        vi: /^Nội dung gửi lên không phải JSON hợp lệ \(UTF-8\): /,
        en: /^The request body is not valid JSON \(UTF-8\): /,
      },
      {
        what: 'a body larger than the limit, refused before any route (http/server.cc)',
        send: (c, extra) => rawRequest(server.port,
          `POST /api/v1/units HTTP/1.1\r\nHost: x\r\nCookie: ${c.cookie}\r\nX-CSRF-Token: ${c.csrf}\r\n` +
          Object.entries(extra?.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
          `Content-Type: application/json\r\nContent-Length: ${2 * 1024 * 1024 + 1}\r\n\r\n`),
        status: 413, code: 'payload_too_large', field: undefined,
        vi: 'Nội dung gửi lên quá lớn (tối đa 2.048 KiB).',
        en: 'The request body is too large (at most 2,048 KiB).',
      },
    ];

    for (const k of cases) {
      it(`${k.what}: Vietnamese by default and for vi, English for en`, async () => {
        for (const [extra, want] of [[undefined, k.vi], [VI, k.vi], [EN, k.en]]) {
          const r = await k.send(office, extra);
          assertError(r, k.status, k.code, k.field);
          if (want instanceof RegExp) assert.match(r.body.error.message, want);
          else assert.equal(r.body.error.message, want);
        }
      });
    }

    it('holiday names come in the reader\'s language', async () => {
      const vi = await office.get('/api/v1/calendar?year=2026', VI);
      const en = await office.get('/api/v1/calendar?year=2026', EN);
      assert.equal(vi.status, 200);
      const name = (r, date) => r.body.holidays.find((h) => h.date === date)?.name;
      assert.equal(name(vi, '2026-09-02'), 'Quốc khánh');
      assert.equal(name(en, '2026-09-02'), 'National Day');
      assert.equal(name(en, '2026-01-01'), "New Year's Day");
      assert.equal(en.body.holidays.length, vi.body.holidays.length);
      for (const h of en.body.holidays) assert.doesNotMatch(h.name, /Tết|Quốc|Ngày|Nghỉ|Giỗ/, h.name);
    });

    it("an import's row errors come in the reader's language", async () => {
      const directive = assertList(await office.get('/api/v1/directives?limit=5'))[0];
      const csv = '\uFEFFSTT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Tiến độ\r\n' +
        '1;Ngày không có;MA.STC;;31/02/2026;\r\n' +
        '2;Quá trăm;MA.STC;;;150%\r\n';
      const send = (extra) => uploadFile(office, `/api/v1/tasks/import?directive_id=${directive.id}`, csv,
        { type: 'text/csv; charset=utf-8', headers: extra.headers });
      const vi = await send(VI);
      const en = await send(EN);
      assert.equal(vi.status, 422, JSON.stringify(vi.body));
      assert.equal(en.status, 422, JSON.stringify(en.body));
      assert.deepEqual(vi.body.errors.map((e) => e.message), [
        'Ngày 31/02/2026 không có (tháng 2 năm 2026 có 28 ngày).',
        'Tiến độ “150%” ngoài khoảng 0–100%. Tiến độ là một số từ 0 đến 100 (%), ví dụ 45 hoặc 45%.',
      ]);
      assert.deepEqual(en.body.errors.map((e) => e.message), [
        'There is no day 31/02/2026 (month 2 of 2026 has 28 days).',
        'Progress “150%” is outside 0–100%. Progress is a number from 0 to 100 (%), for example 45 or 45%.',
      ]);
      assert.equal(vi.body.error.message, '2 lỗi trong tệp; chưa nhập nhiệm vụ nào. Sửa các dòng được nêu rồi gửi lại.');
      assert.equal(en.body.error.message, '2 errors in the file; nothing was imported. Correct the rows listed and send it again.');
    });

    it('the language the user picked (the dh_lang cookie) wins over Accept-Language', async () => {
      const c = await server.as('vanphong');
      c.cookie += '; dh_lang=en';
      const r = await c.get('/api/v1/tasks/999999999', VI);
      assert.equal(r.body.error.message, 'Task not found.');
      c.cookie = c.cookie.replace('dh_lang=en', 'dh_lang=vi');
      const back = await c.get('/api/v1/tasks/999999999', EN);
      assert.equal(back.body.error.message, 'Không tìm thấy nhiệm vụ.');
    });
  });
}

// Issue 9: the petitions', the conferences' and the task import's messages come in the reader's
// language (Accept-Language), on SQLite and PostgreSQL. The same bad requests are answered in
// Vietnamese (by default and for vi) and in English, with the same field and error code: a bad
// filing and a bad step of a petition, a bad opinion, answer and vote of a conference, a task
// import with a missing column and rows naming units wrongly. Labels the web shows (a
// petition's category and state, an answer's kind, a vote's outcome) follow the reader too.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode, uploadFile } from './lib.mjs';

const VI = { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } };
const EN = { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } };

// Sends `send(extra)` without a language, in Vietnamese and in English; each answer must be the
// error `status`/`code`/`field` with the message `vi` (twice) and then `en`.
async function saysInBoth(send, { status, code, field, vi, en }) {
  for (const [extra, want] of [[undefined, vi], [VI, vi], [EN, en]]) {
    const r = await send(extra);
    assertError(r, status, code, field);
    assert.equal(r.body.error.message, want);
  }
}

const csvUpload = (client, path, csv, extra) =>
  uploadFile(client, path, csv, { type: 'text/csv; charset=utf-8', headers: extra?.headers });

for (const db of DBS) {
  describe(`petitions', conferences' and the task import's messages in the reader's language (${db})`, () => {
    let server, office, units, petition, routed, conf, opinion, directive;
    const unit = (code) => units.get(code).id;

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      units = await unitsByCode(office);
      const p = await office.post('/api/v1/petitions', {
        title: 'Cấp phép xây dựng chậm', content: 'Hồ sơ nộp từ tháng 9 chưa có kết quả.', category: 'xay_dung',
        business_unit_id: unit('MA.STC'),
      });
      assert.equal(p.status, 201, JSON.stringify(p.body));
      petition = p.body;
      const q = await office.post('/api/v1/petitions', {
        title: 'Thuế đất chậm', content: 'Chưa có thông báo thuế.', category: 'dat_dai', business_unit_id: unit('MA.STC'),
      });
      assert.equal(q.status, 201, JSON.stringify(q.body));
      const r = await office.post(`/api/v1/petitions/${q.body.id}/route`, { unit_id: unit('MA.STC') });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      routed = r.body;
      const c = await office.post('/api/v1/conferences', {
        name: 'Kỳ họp (thử tiếng)', body_unit_id: unit('MA'), starts_on: '2026-01-12', ends_on: '2026-01-14',
        documents: [{ title: 'Dự thảo Nghị quyết về phí', drafting_unit_id: unit('MA.STC'), sections: ['Điều 1'] }],
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      conf = c.body;
      for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) {
        const d = await office.post(`/api/v1/conferences/${conf.id}/delegates`, { full_name: name, delegation: 'Tổ 1' });
        assert.equal(d.status, 201, JSON.stringify(d.body));
        if (!opinion) {
          const o = await office.post(`/api/v1/conferences/${conf.id}/opinions`,
            { delegate_ids: [d.body.id], document_id: conf.documents[0].id, content: 'Đề nghị giảm mức thu.' });
          assert.equal(o.status, 201, JSON.stringify(o.body));
          opinion = o.body;
        }
      }
      directive = assertList(await office.get('/api/v1/directives?limit=1'))[0];
    });
    after(async () => server && (await server.close()));

    const cases = [
      {
        what: 'a filing without a category (the service\'s own check)',
        send: (extra) => office.post('/api/v1/petitions',
          { title: 'Thiếu lĩnh vực', content: 'Nội dung', business_unit_id: unit('MA.STC') }, extra),
        status: 400, code: 'invalid_input', field: 'category',
        vi: 'Chọn lĩnh vực của kiến nghị.', en: "Choose the petition's category.",
      },
      {
        what: 'a filing with a title too long (the form\'s label, the number grouped)',
        send: (extra) => office.post('/api/v1/petitions',
          { title: 'x'.repeat(301), content: 'Nội dung', category: 'dat_dai', business_unit_id: unit('MA.STC') }, extra),
        status: 400, code: 'too_long', field: 'title',
        vi: 'Tiêu đề dài quá 300 ký tự; hãy rút gọn.', en: 'Title is longer than 300 characters; please shorten it.',
      },
      {
        what: 'a filing in a category that does not exist',
        send: (extra) => office.post('/api/v1/petitions',
          { title: 'Lĩnh vực lạ', content: 'Nội dung', category: 'thoi_tiet', business_unit_id: unit('MA.STC') }, extra),
        status: 400, code: 'unknown_category', field: 'category',
        vi: 'Lĩnh vực không có trong danh sách: chọn thủ tục hành chính, đất đai, thuế – phí, xây dựng, đầu tư, lao động hoặc khác.',
        en: 'The category is not in the list: choose administrative procedures, land, taxes and fees, construction, investment, labour or other.',
      },
      {
        what: 'a step the petition\'s state does not allow (returning a routed petition)',
        send: (extra) => office.post(`/api/v1/petitions/${routed.id}/return`, { reason: 'incomplete', note: 'Bổ sung giấy tờ' }, extra),
        status: 409, code: 'invalid_state', field: 'reason',
        vi: 'Chỉ trả lại được kiến nghị vừa tiếp nhận, chưa chuyển xử lý.',
        en: 'Only a petition just received, not yet routed, can be returned.',
      },
      {
        what: 'routing to a unit that does not exist (the units\' check with the form\'s label)',
        send: (extra) => office.post(`/api/v1/petitions/${petition.id}/route`, { unit_id: 987654 }, extra),
        status: 400, code: 'invalid_input', field: 'unit_id',
        vi: 'Đơn vị xử lý không có trong danh mục đơn vị.', en: 'Handling unit is not in the unit directory.',
      },
      {
        what: 'a petition list filtered by a state that does not exist',
        send: (extra) => office.get('/api/v1/petitions?state=lost', extra),
        status: 400, code: 'invalid_input', field: 'state',
        vi: 'Trạng thái không có trong danh sách.', en: 'The status is not in the list.',
      },
      {
        what: 'an opinion on a draft of another conference',
        send: (extra) => office.post(`/api/v1/conferences/${conf.id}/opinions`,
          { delegate_ids: opinion.delegate_ids, document_id: 987654, content: 'Ý kiến' }, extra),
        status: 400, code: 'invalid_input', field: 'document_id',
        vi: 'Chọn một dự thảo của hội nghị này.', en: 'Choose a draft of this conference.',
      },
      {
        what: 'an opinion raised by someone who is not a delegate',
        send: (extra) => office.post(`/api/v1/conferences/${conf.id}/opinions`,
          { delegate_ids: [987654], document_id: conf.documents[0].id, content: 'Ý kiến' }, extra),
        status: 400, code: 'not_a_delegate', field: 'delegate_ids',
        vi: 'Người nêu ý kiến phải là đại biểu của hội nghị này.',
        en: 'Whoever raises an opinion must be a delegate of this conference.',
      },
      {
        what: 'an answer of a kind that does not exist',
        send: (extra) => office.post(`/api/v1/opinions/${opinion.id}/answer`, { kind: 'ignored' }, extra),
        status: 400, code: 'unknown_answer_kind', field: 'kind',
        vi: 'Chọn cách trả lời: tiếp thu, giải trình, ghi nhận hoặc chuyển.',
        en: 'Choose how to answer: accepted, explained, noted or referred.',
      },
      {
        what: 'a vote with more ballots than delegates (the numbers as parameters)',
        send: (extra) => office.post(`/api/v1/conferences/${conf.id}/votes`,
          { subject: 'Thông qua', in_favour: 3, against: 1 }, extra),
        status: 400, code: 'too_many_votes', field: 'in_favour',
        vi: 'Tổng số phiếu tán thành, không tán thành và không biểu quyết (4) vượt quá tổng số đại biểu (3). Kiểm tra lại số phiếu.',
        en: 'The votes in favour, against and abstaining (4) are more than all the delegates (3). Check the numbers of votes.',
      },
      {
        what: 'a vote under a rule that does not exist',
        send: (extra) => office.post(`/api/v1/conferences/${conf.id}/votes`,
          { subject: 'Thông qua', rule: 'unanimity', in_favour: 1 }, extra),
        status: 400, code: 'invalid_input', field: 'rule',
        vi: 'Chọn nguyên tắc biểu quyết: quá nửa hoặc hai phần ba tổng số đại biểu.',
        en: 'Choose the voting rule: more than half or two thirds of all delegates.',
      },
      {
        what: 'a task import whose sheet lacks the task column (the hint in the reader\'s language)',
        send: (extra) => csvUpload(office, `/api/v1/tasks/import?directive_id=${directive.id}`,
          '\uFEFFSTT;Việc;Đơn vị chủ trì\r\n1;Một việc;MA.STC\r\n', extra),
        status: 400, code: 'no_header_row', field: 'file',
        vi: 'Không tìm thấy dòng tiêu đề của bảng: cần ít nhất các cột “Nhiệm vụ” và “Đơn vị chủ trì” ' +
          '(như tệp xuất từ hệ thống, tải tại Nhiệm vụ → Xuất Excel). ' +
          'Dòng 1 giống dòng tiêu đề nhưng thiếu cột “Nhiệm vụ”.',
        en: 'The table\'s header row was not found: it needs at least the columns “Nhiệm vụ” and “Đơn vị chủ trì” ' +
          '(as in a file exported from the system: Nhiệm vụ (Tasks) → Xuất Excel (Export to Excel)). ' +
          'Row 1 looks like the header row but lacks the columns “Nhiệm vụ”.',
      },
    ];

    for (const k of cases) {
      it(`${k.what}: Vietnamese by default and for vi, English for en`, async () => {
        await saysInBoth(k.send, k);
      });
    }

    it("a task import's rows naming units wrongly, and a title too long, in the reader's language", async () => {
      const csv = '\uFEFFSTT;Nhiệm vụ;Đơn vị chủ trì\r\n' +
        '1;Một việc;MA.KHONGCO\r\n' +
        `2;${'x'.repeat(1001)};MA.STC\r\n`;
      const send = (extra) => csvUpload(office, `/api/v1/tasks/import?directive_id=${directive.id}`, csv, extra);
      const vi = await send(VI);
      const en = await send(EN);
      assert.equal(vi.status, 422, JSON.stringify(vi.body));
      assert.equal(en.status, 422, JSON.stringify(en.body));
      assert.deepEqual(vi.body.errors.map((e) => [e.row, e.column, e.message]), [
        [2, 'Đơn vị chủ trì', 'Không tìm thấy đơn vị “MA.KHONGCO”. Ghi mã đơn vị (ví dụ MA.STC) hoặc tên đúng như trong danh mục đơn vị.'],
        [3, 'Nhiệm vụ', 'Tên nhiệm vụ dài quá 1.000 ký tự; đưa phần chi tiết sang cột Mô tả.'],
      ]);
      assert.deepEqual(en.body.errors.map((e) => [e.row, e.column, e.message]), [
        [2, 'Đơn vị chủ trì', 'The unit “MA.KHONGCO” was not found. Write the unit code (for example MA.STC) or its name as in the unit directory.'],
        [3, 'Nhiệm vụ', 'Task name is longer than 1,000 characters; move the details to the column “Mô tả” (Description).'],
      ]);
    });

    it("a petition's category and state, an answer's kind and a vote's outcome follow the reader", async () => {
      const vi = (await office.get(`/api/v1/petitions/${petition.id}`, VI)).body;
      const en = (await office.get(`/api/v1/petitions/${petition.id}`, EN)).body;
      assert.deepEqual([vi.category_label, vi.state_label], ['Xây dựng', 'Đã tiếp nhận']);
      assert.deepEqual([en.category_label, en.state_label], ['Construction', 'Received']);

      const answered = await office.post(`/api/v1/opinions/${opinion.id}/answer`, { kind: 'noted' }, EN);
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.equal(answered.body.answer.label, 'Noted');

      const vote = await office.post(`/api/v1/conferences/${conf.id}/votes`, { subject: 'Thông qua', in_favour: 2 }, EN);
      assert.equal(vote.status, 201, JSON.stringify(vote.body));
      assert.equal(vote.body.outcome, 'Passed: 2/3 delegates in favour (66.7%); against 0, abstaining 0; at least 2 needed.');
      const votes = assertList(await office.get(`/api/v1/conferences/${conf.id}/votes`, VI));
      assert.equal(votes[0].outcome,
        'Thông qua: 2/3 đại biểu tán thành (66,7 %); không tán thành 0, không biểu quyết 0; cần ít nhất 2.');
      assert.match(votes[0].rule_text, /^Nghị quyết được thông qua khi có quá nửa tổng số đại biểu/);
    });
  });
}

// Issue 9 (i18ntgt): the targets' and the attachments' errors come in the reader's language,
// naming the field as the form labels it, with numbers as 120,5 / 120.5; Vietnamese by default
// and for vi, English for en, on SQLite and PostgreSQL. The field and the code stay as they
// were (the web and the other tests read them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode } from './lib.mjs';

const VI = { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } };
const EN = { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } };
const EXAMPLES_VI = '"trên 95%", "7,5 – 8%" hoặc "≥ 1.000 căn"';
const EXAMPLES_EN = '“trên 95%”, “7,5 – 8%” or “≥ 1.000 căn”';

// An upload of `bytes` as an attachment, with the language's headers.
const upload = (c, query, bytes, extra) =>
  c.post(`/api/v1/attachments?${query}`, bytes,
    { headers: { ...extra?.headers, 'content-type': 'application/octet-stream' } });

for (const db of DBS) {
  describe(`targets' and attachments' messages in the reader's language (${db})`, () => {
    let server, office, leader, sxd, units, typed, target, open, directiveId;
    const id = (code) => units.get(code).id;

    before(async () => {
      server = await start(db);
      [office, leader, sxd] = await Promise.all(['vanphong', 'lanhdao', 'canbo.sxd'].map((u) => server.as(u)));
      units = await unitsByCode(office);
      typed = assertList(await office.get('/api/v1/indicators?limit=200')).find((i) => !i.computed);
      target = assertList(await leader.get('/api/v1/targets?limit=1'))[0];
      const asked = await leader.post('/api/v1/explanation-requests',
        { target_id: target.id, due_in_days: 5, question: 'Vì sao chưa đạt?' });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      open = asked.body;
      directiveId = assertList(await office.get('/api/v1/directives?limit=1'))[0].id;
    });
    after(async () => server && (await server.close()));

    // A request for something that does not exist (404, no field).
    const missing = (what, path, vi, en) =>
      ({ what, send: (extra) => office.get(path, extra), status: 404, code: 'not_found', field: undefined, vi, en });
    const targetBody = (extra) => ({ indicator_id: typed.id, unit_id: id('MA.SXD'), period: '2031', expression: '≥ 10 căn', ...extra });
    const cases = [
      {
        what: 'an indicator form with a value outside its list names the form label',
        send: (extra) => office.post('/api/v1/indicators', { code: 'X', name: 'X', direction: 'up', aggregation: 'sum',
          periodicity: 'year', responsible_unit_id: id('MA') }, extra),
        status: 400, code: 'invalid_input', field: 'direction',
        vi: 'Chiều đánh giá chỉ nhận một trong: higher_better, lower_better, in_range.',
        en: 'Direction takes one of: higher_better, lower_better, in_range.',
      },
      {
        what: 'an indicator form without its name',
        send: (extra) => office.post('/api/v1/indicators', { code: 'X', direction: 'higher_better', aggregation: 'sum',
          periodicity: 'year', responsible_unit_id: id('MA') }, extra),
        status: 400, code: 'required', field: 'name',
        vi: 'Hãy ghi Tên chỉ số.', en: 'Fill in Indicator name.',
      },
      {
        what: 'an expression with words before the number it does not know',
        send: (extra) => office.post('/api/v1/targets/parse', { expression: 'khoảng 8%' }, extra),
        status: 400, code: 'unreadable_expression', field: 'expression',
        vi: 'Chỉ tiêu: không hiểu "khoảng" trước con số; hãy dùng "trên", "tối thiểu", "không dưới", "tối đa", "không quá", "dưới", "bằng", "tăng" hoặc "giảm".',
        en: 'Target: “khoảng” before the number is not understood; use “trên”, “tối thiểu”, “không dưới”, “tối đa”, “không quá”, “dưới”, “bằng”, “tăng” or “giảm”.',
      },
      {
        what: 'an expression without a number gives the examples',
        send: (extra) => office.post('/api/v1/targets/parse', { expression: 'cao nhất có thể' }, extra),
        status: 400, code: 'unreadable_expression', field: 'expression',
        vi: `Chỉ tiêu chưa có con số: hãy ghi như ${EXAMPLES_VI}.`,
        en: `The target has no number yet: write it as ${EXAMPLES_EN}.`,
      },
      {
        what: 'a split over 100 % gives its total as each language writes a decimal',
        send: (extra) => office.post('/api/v1/targets', targetBody({ split: [{ period: '2031-Q1', share: 60.5 }, { period: '2031-Q2', share: 60 }] }), extra),
        status: 400, code: 'invalid_input', field: 'split',
        vi: 'Tổng các kỳ là 120,5 %, vượt 100 % chỉ tiêu; hãy sửa lại phân kỳ.',
        en: 'The parts add up to 120.5 %, more than 100 % of the target; correct the split.',
      },
      {
        what: 'a split outside the target\'s period names both periods',
        send: (extra) => office.post('/api/v1/targets', targetBody({ split: [{ period: '2032-Q1', share: 10 }] }), extra),
        status: 400, code: 'invalid_input', field: 'split',
        vi: 'Phân kỳ quý I/2032 không nằm trong năm 2031; chỉ chia trong kỳ của chỉ tiêu.',
        en: 'The part Q1/2032 is not within 2031; split only within the target\'s period.',
      },
      {
        what: 'a value that is not a number',
        send: (extra) => sxd.post('/api/v1/indicator-values', { indicator_id: typed.id, unit_id: id('MA.SXD'), period: '2025-Q3', value: '1', kind: 'official' }, extra),
        status: 400, code: 'invalid_input', field: 'value',
        vi: 'Giá trị phải là một số (ví dụ 7.5).', en: 'Value must be a number (for example 7.5).',
      },
      {
        what: 'a value for a period written wrong',
        send: (extra) => sxd.post('/api/v1/indicator-values', { indicator_id: typed.id, unit_id: id('MA.SXD'), period: 'Q2-2025', value: 1, kind: 'official' }, extra),
        status: 400, code: 'invalid_period', field: 'period',
        vi: 'Kỳ "Q2-2025" không đúng cách ghi: năm ghi 2024, quý ghi 2024-Q2, tháng ghi 2024-06.',
        en: 'The period “Q2-2025” is not written correctly: a year is written 2024, a quarter 2024-Q2, a month 2024-06.',
      },
      {
        what: 'a value without its kind',
        send: (extra) => sxd.post('/api/v1/indicator-values', { indicator_id: typed.id, unit_id: id('MA.SXD'), period: '2025-Q3', value: 1 }, extra),
        status: 400, code: 'required', field: 'kind',
        vi: 'Hãy ghi Loại số liệu (ước tính hay chính thức).', en: 'Fill in Kind of value (estimate or official).',
      },
      {
        what: 'an explanation asked about nothing',
        send: (extra) => leader.post('/api/v1/explanation-requests', { due_in_days: 5, question: 'Gì?' }, extra),
        status: 400, code: 'invalid_input', field: 'target_id',
        vi: 'Chọn một chỉ tiêu hoặc một nhiệm vụ cần giải trình.', en: 'Choose one target or one task to be explained.',
      },
      {
        what: 'an explanation asked without a due date',
        send: (extra) => leader.post('/api/v1/explanation-requests', { target_id: target.id, question: 'Hạn?' }, extra),
        status: 400, code: 'required', field: 'due_on',
        vi: 'Ghi Hạn trả lời (ngày) hoặc số ngày làm việc để đơn vị trả lời.',
        en: 'Fill in the Answer due date or the number of working days the unit has to answer.',
      },
      {
        what: 'an explanation due in the past',
        send: (extra) => leader.post('/api/v1/explanation-requests', { target_id: target.id, due_on: '2020-01-01', question: 'Hạn?' }, extra),
        status: 400, code: 'invalid_input', field: 'due_on',
        vi: 'Hạn trả lời đã qua; chọn một ngày từ hôm nay trở đi.',
        en: 'The answer due date has passed; choose a day from today on.',
      },
      {
        what: 'an explanation accepted before the unit answered',
        send: (extra) => leader.post(`/api/v1/explanation-requests/${open.id}/accept`, {}, extra),
        status: 409, code: 'not_answered', field: undefined,
        vi: 'Chỉ chấp nhận được khi đơn vị đã trả lời.',
        en: 'An explanation can be accepted only once the unit has answered.',
      },
      missing('an explanation request that does not exist', '/api/v1/explanation-requests/999999999',
        'Không có yêu cầu giải trình này.', 'This explanation request was not found.'),
      {
        what: 'explanation requests filtered by a state that does not exist',
        send: (extra) => leader.get('/api/v1/explanation-requests?state=closed', extra),
        status: 400, code: 'invalid_input', field: 'state',
        vi: 'Tình trạng chỉ nhận open, answered hoặc accepted.', en: 'The state takes open, answered or accepted.',
      },
      {
        what: 'an attachment without what it is attached to',
        send: (extra) => upload(office, 'filename=a.txt', 'x', extra),
        status: 400, code: 'invalid_input', field: 'owner_kind',
        vi: 'Chọn đối tượng đính kèm: owner_kind=directive hoặc task.',
        en: 'Choose what the file is attached to: owner_kind=directive or task.',
      },
      {
        what: 'an empty attachment',
        send: (extra) => upload(office, `owner_kind=directive&owner_id=${directiveId}&filename=a.txt`, '', extra),
        status: 400, code: 'invalid_input', field: 'file',
        vi: 'Tệp rỗng; chọn lại tệp cần đính kèm.', en: 'The file is empty; choose the file to attach again.',
      },
      {
        what: 'a program sent as an attachment',
        send: (extra) => upload(office, `owner_kind=directive&owner_id=${directiveId}&filename=x.pdf`,
          new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), extra),
        status: 415, code: 'unsupported_media_type', field: 'file',
        vi: 'Chỉ nhận tệp PDF, Word, Excel, PowerPoint, OpenDocument, ảnh PNG/JPEG hoặc văn bản UTF-8; tệp này không thuộc loại nào trong số đó (kiểm tra theo nội dung, không theo tên tệp).',
        en: 'Only PDF, Word, Excel, PowerPoint, OpenDocument files, PNG/JPEG images or UTF-8 text are accepted; this file is none of them (judged by its content, not by its name).',
      },
      {
        what: 'a broken zip sent as an attachment says why in the same language',
        send: (extra) => upload(office, `owner_kind=directive&owner_id=${directiveId}&filename=x.docx`,
          'PK\x03\x04 not a zip at all', extra),
        status: 415, code: 'unsupported_media_type', field: 'file',
        vi: 'Tệp nén này không được nhận: tệp nén bị hỏng hoặc không đúng cấu trúc ZIP. Chỉ nhận tài liệu Word, Excel, PowerPoint (.docx, .xlsx, .pptx) hoặc OpenDocument (.odt, .ods, .odp); hãy gửi riêng từng tài liệu.',
        en: 'This compressed file is not accepted: the compressed file is damaged or not a ZIP file. Only Word, Excel, PowerPoint (.docx, .xlsx, .pptx) or OpenDocument (.odt, .ods, .odp) documents are accepted; send each document on its own.',
      },
      missing('an attachment that does not exist', '/api/v1/attachments/999999999/content',
        'Không tìm thấy tệp đính kèm.', 'Attachment not found.'),
    ];

    it('how a target expression was read comes in the reader\'s language', async () => {
      const readings = [
        ['trên 95%', 'Giá trị phải lớn hơn 95 %.', 'The value must be greater than 95 %.'],
        ['≥ 1.000,5 căn', 'Giá trị phải ít nhất 1.000,5 căn.', 'The value must be at least 1,000.5 căn.'],
        ['giảm 10%', 'Giá trị phải giảm ít nhất 10 % so với giá trị chính thức kỳ trước.',
          'The value must decrease by at least 10 % compared with the previous period\'s official value.'],
      ];
      for (const [expression, vi, en] of readings) {
        for (const [extra, want] of [[undefined, vi], [VI, vi], [EN, en]]) {
          const r = await office.post('/api/v1/targets/parse', { expression }, extra);
          assert.equal(r.status, 200, JSON.stringify(r.body));
          assert.equal(r.body.reading, want);
        }
      }
    });

    it('a target\'s status reason comes in the reader\'s language', async () => {
      const made = await office.post('/api/v1/targets', targetBody({ period: '2033' }));
      assert.equal(made.status, 201, JSON.stringify(made.body));
      for (const [extra, want] of [[undefined, 'chưa có số liệu năm 2033'], [VI, 'chưa có số liệu năm 2033'], [EN, 'no values yet for 2033']]) {
        const r = await office.get(`/api/v1/targets/${made.body.id}`, extra);
        assert.equal(r.status, 200);
        assert.equal(r.body.status_reason, want);
      }
    });

    for (const k of cases) {
      it(`${k.what}: Vietnamese by default and for vi, English for en`, async () => {
        for (const [extra, want] of [[undefined, k.vi], [VI, k.vi], [EN, k.en]]) {
          const r = await k.send(extra);
          assertError(r, k.status, k.code, k.field);
          assert.equal(r.body.error.message, want);
        }
      });
    }
  });
}

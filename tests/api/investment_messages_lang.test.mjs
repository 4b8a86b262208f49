// Issue 9 for public investment: its errors come in the reader's language (Accept-Language),
// naming the field as the form labels it, numbers as 1.000 / 1,000 and years as 2026. The same
// bad requests answered in Vietnamese and in English, on SQLite and PostgreSQL: the body
// readers' own errors with investment's labels, the service's rules, a plan rule with a date
// and a year, the list and roll-up queries, a row of an imported file and a missing record.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitId, uploadFile } from './lib.mjs';

const VI = { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } };
const EN = { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } };
const TY = 1_000_000_000;

for (const db of DBS) {
  describe(`public investment's messages in the reader's language (${db})`, () => {
    let server, office, gt, project, other, source;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      gt = await unitId(office, 'MA.BQLGT');
      const sources = assertList(await office.get('/api/v1/capital-sources'));
      source = sources.find((s) => s.code === 'NSDP-TT');
      const r = await office.post('/api/v1/projects', {
        code: 'LANG-001', name: 'Đường thử ngôn ngữ', investor_id: gt, sector: 'transport',
        group: 'C', start_year: 2025, end_year: 2027, total_investment: 10 * TY,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      project = r.body;
      const r2 = await office.post('/api/v1/projects', newProject({ code: 'LANG-003' }));
      assert.equal(r2.status, 201, JSON.stringify(r2.body));
      other = r2.body;
    });
    after(async () => server && (await server.close()));

    const newProject = (extra) => ({
      code: 'LANG-002', name: 'Cầu thử ngôn ngữ', investor_id: gt, sector: 'transport',
      group: 'C', start_year: 2025, end_year: 2027, total_investment: 10 * TY, ...extra,
    });
    const cases = [
      {
        what: 'a field too long names investment\'s form label, the number grouped per language',
        send: (c, extra) => c.post('/api/v1/projects', newProject({ code: 'X'.repeat(1001) }), extra),
        status: 400, code: 'too_long', field: 'code',
        vi: 'Mã dự án dài quá 50 ký tự; hãy rút gọn.',
        en: 'Project code is longer than 50 characters; please shorten it.',
      },
      {
        what: 'an amount out of range, the bound grouped per language',
        send: (c, extra) => c.post('/api/v1/projects', newProject({ total_investment: -1 }), extra),
        status: 400, code: 'out_of_range', field: 'total_investment',
        vi: 'Tổng mức đầu tư phải là số nguyên từ 0 đến 1.152.921.504.606.846.976.',
        en: 'Total investment must be a whole number from 0 to 1,152,921,504,606,846,976.',
      },
      {
        what: 'a required field of a new project',
        send: (c, extra) => c.post('/api/v1/projects', newProject({ code: undefined }), extra),
        status: 400, code: 'required', field: 'code',
        vi: 'Cần nhập Mã dự án.', en: 'Enter the project code.',
      },
      {
        what: 'a project whose years run backwards',
        send: (c, extra) => c.post('/api/v1/projects', newProject({ start_year: 2027, end_year: 2025 }), extra),
        status: 400, code: 'invalid_input', field: 'end_year',
        vi: 'Năm hoàn thành không được trước năm khởi công.',
        en: 'The completion year cannot be before the start year.',
      },
      {
        what: 'a project code already taken, on creating and on editing',
        send: async (c, extra) => {
          const created = await c.post('/api/v1/projects', newProject({ code: 'LANG-001' }), extra);
          assertError(created, 409, 'already_exists', 'code');
          return c.patch(`/api/v1/projects/${other.id}`, { code: 'LANG-001' }, extra);
        },
        status: 409, code: 'already_exists', field: 'code',
        vi: 'Mã dự án LANG-001 đã có.', en: 'The project code LANG-001 is already taken.',
      },
      {
        what: 'a choice left empty names the label',
        send: (c, extra) => c.post('/api/v1/capital-sources', { code: 'LANG', name: 'Nguồn thử' }, extra),
        status: 400, code: 'required', field: 'level',
        vi: 'Cần chọn Cấp ngân sách.', en: 'Budget level: choose one.',
      },
      {
        what: 'a choice outside its values',
        send: (c, extra) => c.post('/api/v1/capital-sources', { code: 'LANG', name: 'Nguồn thử', level: 'federal' }, extra),
        status: 400, code: 'invalid_value', field: 'level',
        vi: 'Cấp ngân sách phải là central hoặc local.', en: 'Budget level must be central or local.',
      },
      {
        what: 'a plan adjustment without its list of moves',
        send: (c, extra) => c.post('/api/v1/plan-adjustments', {
          year: 2026, basis: 'council', decision_number: '1/QĐ', decision_date: '2026-01-14', moves: 'none',
        }, extra),
        status: 400, code: 'wrong_type', field: 'moves',
        vi: 'Các dòng điều chuyển vốn phải là một danh sách (tối đa 500 dòng).',
        en: 'The capital moves must be a list (at most 500 rows).',
      },
      {
        what: 'a payment dated before its plan year (a date and a year, never 2.026)',
        send: (c, extra) => c.post('/api/v1/disbursements', {
          project_id: project.id, source_id: source.id, plan_year: 2026, paid_on: '2025-05-01', amount: 1000,
        }, extra),
        status: 400, code: 'before_plan_year', field: 'paid_on',
        vi: 'Ngày giải ngân 01/05/2025 trước năm kế hoạch 2026.',
        en: 'The payment date 01/05/2025 is before the plan year 2026.',
      },
      {
        what: 'a roll-up grouped by something it does not know',
        send: (c, extra) => c.get('/api/v1/investment/rollup?by=color', extra),
        status: 400, code: 'invalid_input', field: 'by',
        vi: 'Cách gộp là một trong: investor, manager, sector, source, location, group, key, project, month, city.',
        en: 'Group by one of: investor, manager, sector, source, location, group, key, project, month, city.',
      },
      {
        what: 'an inspection plans\' list filtered by an unknown status',
        send: (c, extra) => c.get('/api/v1/inspection-plans?status=lost', extra),
        status: 400, code: 'invalid_input', field: 'status',
        vi: 'Tình trạng phải là planned (chưa kiểm tra), in_progress (đang kiểm tra) hoặc done (đã kiểm tra xong).',
        en: 'The status must be planned (not inspected yet), in_progress (being inspected) or done (inspected).',
      },
      {
        what: 'an adjustment decision that does not exist',
        send: (c, extra) => c.get('/api/v1/plan-adjustments/999999999', extra),
        status: 404, code: 'not_found', field: undefined,
        vi: 'Không tìm thấy quyết định điều chỉnh.', en: 'Adjustment decision not found.',
      },
    ];

    for (const k of cases) {
      it(`${k.what}: Vietnamese by default and for vi, English for en`, async () => {
        for (const [extra, want] of [[undefined, k.vi], [VI, k.vi], [EN, k.en]]) {
          const r = await k.send(office, extra);
          assertError(r, k.status, k.code, k.field);
          assert.equal(r.body.error.message, want);
        }
      });
    }

    it('a Treasury file\'s row errors and their count come in the reader\'s language', async () => {
      const file = 'project_code,source_code,plan_year,paid_on,amount\nNO-SUCH,NSDP-TT,2026,15/03/2026,1000\n';
      const send = (extra) => uploadFile(office, '/api/v1/disbursements/import', file,
        { type: 'text/csv', name: 'kho-bac-lang.csv', headers: extra?.headers });
      const vi = await send(VI);
      assertError(vi, 422, 'invalid_rows');
      assert.equal(vi.body.error.message, '1 lỗi trong tệp; chưa nhập dòng giải ngân nào. Sửa các dòng được nêu rồi gửi lại.');
      assert.equal(vi.body.errors[0].message, 'Không tìm thấy dự án mã NO-SUCH.');
      const en = await send(EN);
      assertError(en, 422, 'invalid_rows');
      assert.equal(en.body.error.message, '1 errors in the file; nothing was imported. Correct the rows listed and send it again.');
      assert.equal(en.body.errors[0].message, 'There is no project with the code NO-SUCH.');
    });

    it('the forecast page\'s method is said in the reader\'s language', async () => {
      const vi = await office.get('/api/v1/investment/forecast', VI);
      assert.equal(vi.status, 200, JSON.stringify(vi.body));
      assert.match(vi.body.method, /^Dự báo dựa trên số đã giải ngân/);
      const en = await office.get('/api/v1/investment/forecast', EN);
      assert.equal(en.status, 200, JSON.stringify(en.body));
      assert.match(en.body.method, /^The forecast rests on what has been disbursed/);
    });
  });
}

// Issue 9: a notice is stored as catalogue keys and parameters and read in its reader's
// language — the same notice in the bell in Vietnamese and in English, by Accept-Language
// and by the language the user picked (dh_lang) — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, unitId } from './lib.mjs';

const VI = { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } };
const EN = { headers: { 'accept-language': 'en-US,en;q=0.9' } };
const MARK = '[LANG]';

async function notice(client, kind, taskId, extra) {
  const r = await client.get('/api/v1/notifications?limit=100&resolved=true', extra);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const found = r.body.items.filter((n) => n.kind === kind && n.item?.id === taskId);
  assert.equal(found.length, 1, `one ${kind} notice about task ${taskId}`);
  return found[0];
}

for (const db of DBS) {
  describe(`notices in the reader's language on ${db}`, () => {
    let server, office, officer, stc;

    before(async () => {
      server = await start(db);
      const admin = await server.as('admin');
      office = await server.as('vanphong');
      officer = await server.as('canbo.stc');
      stc = await unitId(admin, 'MA.STC');
    });
    after(async () => server?.close());

    const newTask = async (title) => {
      const t = await office.post('/api/v1/tasks', { title: `${MARK} ${title}`, lead_unit_id: stc, deadline: '2026-06-30', output_kind: 'report' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      return t.body;
    };

    const cases = [
      {
        what: 'a new task, with its deadline',
        make: async () => ({ task: await newTask('Rà soát danh mục'), reader: officer, kind: 'assigned' }),
        vi: { title: `Nhiệm vụ mới: ${MARK} Rà soát danh mục`, body: 'Đơn vị được giao chủ trì nhiệm vụ, hạn 30/06/2026.' },
        en: { title: `New task: ${MARK} Rà soát danh mục`, body: 'Your unit is to lead this task, due 30/06/2026.' },
      },
      {
        what: 'a completion to confirm, with the output as written',
        make: async () => {
          const task = await newTask('Báo cáo quý');
          const r = await officer.post(`/api/v1/tasks/${task.id}/completion`, { output_text: 'Báo cáo đã gửi.' });
          assert.equal(r.status, 200, JSON.stringify(r.body));
          return { task, reader: office, kind: 'completion_submitted' };
        },
        vi: { title: `Chờ xác nhận hoàn thành: ${MARK} Báo cáo quý`, body: 'Sản phẩm: Báo cáo đã gửi.' },
        en: { title: `Completion awaiting confirmation: ${MARK} Báo cáo quý`, body: 'Output: Báo cáo đã gửi.' },
      },
      {
        what: 'a completion returned, with the reason as written',
        make: async () => {
          const task = await newTask('Báo cáo năm');
          assert.equal((await officer.post(`/api/v1/tasks/${task.id}/completion`, { output_text: 'Xong.' })).status, 200);
          const r = await office.post(`/api/v1/tasks/${task.id}/confirmation`, { accept: false, reason: 'Bổ sung số liệu.' });
          assert.equal(r.status, 200, JSON.stringify(r.body));
          return { task, reader: officer, kind: 'returned' };
        },
        vi: { title: `Trả lại: ${MARK} Báo cáo năm`, body: 'Lý do: Bổ sung số liệu.' },
        en: { title: `Returned: ${MARK} Báo cáo năm`, body: 'Reason: Bổ sung số liệu.' },
      },
    ];

    for (const k of cases) {
      it(`${k.what}: the same notice in Vietnamese by default and for vi, in English for en`, async () => {
        const { task, reader, kind } = await k.make();
        const pick = ({ title, body }) => ({ title, body });
        const none = await notice(reader, kind, task.id);
        const vi = await notice(reader, kind, task.id, VI);
        const en = await notice(reader, kind, task.id, EN);
        assert.deepEqual(pick(none), k.vi);
        assert.deepEqual(pick(vi), k.vi);
        assert.deepEqual(pick(en), k.en);
        assert.equal(en.id, vi.id, 'one notice, read twice');
      });
    }

    it('the language the user picked (dh_lang) wins over Accept-Language', async () => {
      const task = await newTask('Theo ngôn ngữ đã chọn');
      const c = await server.as('canbo.stc');
      c.cookie += '; dh_lang=en';
      const n = await notice(c, 'assigned', task.id, VI);
      assert.equal(n.title, `New task: ${MARK} Theo ngôn ngữ đã chọn`);
    });
  });
}

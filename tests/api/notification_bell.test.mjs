// The bell shows only what still waits on its reader: a notice about something already
// dealt with (a completion confirmed or returned, a coordination request answered, an
// extension decided) resolves itself in the decision's transaction and leaves the bell,
// for every recipient; `resolved=true` still lists it. Each notice names its item
// ({kind, id, link}) — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, unitId } from './lib.mjs';

const MARK = '[BELL]';

async function bell(client, query = '') {
  const r = await client.get(`/api/v1/notifications?limit=100${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const about = (list, kind, taskId) => list.items.filter((n) => n.kind === kind && n.item?.id === taskId);

for (const db of DBS) {
  describe(`the notification bell on ${db}`, () => {
    let server, office, officer, builder, stc, sxd;

    before(async () => {
      // The bell's notices here are the ones a decision writes in its own transaction; the
      // background job's reminders would change the unread count between two reads.
      server = await start(db, { args: ['--notify-every', '0'] });
      const admin = await server.as('admin');
      office = await server.as('vanphong');
      officer = await server.as('canbo.stc');
      builder = await server.as('canbo.sxd');
      stc = await unitId(admin, 'MA.STC');
      sxd = await unitId(admin, 'MA.SXD');
    });
    after(async () => server?.close());

    const newTask = async (title) => {
      const t = await office.post('/api/v1/tasks', { title: `${MARK} ${title}`, lead_unit_id: stc, deadline: '2026-06-30', output_kind: 'report' });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      return t.body;
    };

    it('names the item of each notice and where it leads', async () => {
      const t = await newTask('Rà soát danh mục dự án');
      const [n] = about(await bell(officer), 'assigned', t.id);
      assert.ok(n, 'the lead unit is told');
      assert.deepEqual(n.item, { kind: 'task', id: t.id, link: `/tasks/${t.id}` });
      assert.equal(n.task_id, t.id, 'task_id stays for the clients that read it');
      assert.equal(n.resolved, false);
    });

    it('takes a completion out of the bell once it is returned, and the return once it is submitted again', async () => {
      const t = await newTask('Báo cáo quyết toán quý');
      assert.equal((await officer.post(`/api/v1/tasks/${t.id}/completion`, { output_text: 'Báo cáo đã gửi.' })).status, 200);
      const waiting = await bell(office);
      assert.equal(about(waiting, 'completion_submitted', t.id).length, 1, 'the office is asked to confirm');
      const returned = await office.post(`/api/v1/tasks/${t.id}/confirmation`, { accept: false, reason: 'Bổ sung số liệu quý IV.' });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      const after = await bell(office);
      assert.equal(about(after, 'completion_submitted', t.id).length, 0, 'dealt with: out of the bell');
      assert.equal(after.unread, waiting.unread - 1);
      const history = await bell(office, '&resolved=true');
      const [old] = about(history, 'completion_submitted', t.id);
      assert.equal(old?.resolved, true, 'still listed when asked for');
      assert.equal(old.read, false, 'resolved, not marked read');

      assert.equal(about(await bell(officer), 'returned', t.id).length, 1, 'the unit is asked to redo it');
      assert.equal((await officer.post(`/api/v1/tasks/${t.id}/completion`, { output_text: 'Đã bổ sung.' })).status, 200);
      assert.equal(about(await bell(officer), 'returned', t.id).length, 0, 'submitted again: the return is dealt with');
      // (The server's clock stands still here, so the second submission's notice shares the
      // first one's key "submitted/<task>/<second>" and is not written again.)
    });

    it('takes a confirmed completion out of the bell', async () => {
      const t = await newTask('Báo cáo sơ kết 6 tháng');
      assert.equal((await officer.post(`/api/v1/tasks/${t.id}/completion`, { output_text: 'Đã gửi.' })).status, 200);
      assert.equal(about(await bell(office), 'completion_submitted', t.id).length, 1);
      assert.equal((await office.post(`/api/v1/tasks/${t.id}/confirmation`, { accept: true })).status, 200);
      assert.equal(about(await bell(office), 'completion_submitted', t.id).length, 0);
    });

    it('takes an extension request out of the bell once decided, and tells the asker', async () => {
      const t = await newTask('Rà soát nguồn vốn đối ứng');
      const ext = await officer.post(`/api/v1/tasks/${t.id}/extensions`, { new_deadline: '2026-09-30', reason: 'Chờ ý kiến của Bộ Tài chính' });
      assert.equal(ext.status, 201, JSON.stringify(ext.body));
      assert.equal(about(await bell(office), 'extension_requested', t.id).length, 1);
      const dec = await office.post(`/api/v1/extensions/${ext.body.id}/decision`, { approve: true, note: 'Đồng ý.' });
      assert.equal(dec.status, 200, JSON.stringify(dec.body));
      assert.equal(about(await bell(office), 'extension_requested', t.id).length, 0);
      assert.equal(about(await bell(officer), 'extension_decided', t.id).length, 1);
    });

    it('takes one coordination request out of the bell once answered, and leaves the others', async () => {
      const t = await newTask('Cung cấp khối lượng hoàn thành');
      const ask = (body) => officer.post(`/api/v1/tasks/${t.id}/coordination-requests`, { to_unit_id: sxd, body, due_on: '2026-07-22' });
      const first = await ask('Đề nghị cung cấp khối lượng.');
      const second = await ask('Đề nghị cung cấp hồ sơ nghiệm thu.');
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.equal(about(await bell(builder), 'coordination', t.id).length, 2);
      const ans = await builder.post(`/api/v1/coordination-requests/${first.body.id}/answer`, { answer: 'Theo phụ lục.' });
      assert.equal(ans.status, 200, JSON.stringify(ans.body));
      const left = about(await bell(builder), 'coordination', t.id);
      assert.equal(left.length, 1, 'the unanswered request still waits');
      assert.equal(about(await bell(builder, '&resolved=true'), 'coordination', t.id).filter((n) => n.resolved).length, 1);
      assert.ok(stc > 0);
    });
  });
}

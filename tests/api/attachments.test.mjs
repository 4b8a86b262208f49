// Attachments through a real server: upload, list, download, type sniffing, size limit,
// and scope (a file is served only to whoever may see the object that owns it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support.mjs';

for (const db of ['sqlite', 'postgres']) {
  test(`attachments on ${db}`, async () => {
    const server = await startServer({ db, args: ['--upload-limit-mb', '1'] });
    try {
      const office = server.client();
      await office.login('vanphong');
      const directives = await office.get('/api/v1/directives');
      const directiveId = directives.body.items[0].id;
      const pdf = '%PDF-1.4 Kết luận hội nghị';
      const name = encodeURIComponent('Kết luận 245.pdf');
      const up = await office.post(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}&filename=${name}`, pdf,
        { headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.mime, 'application/pdf');
      assert.equal(up.body.filename, 'Kết luận 245.pdf');

      const list = await office.get(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}`);
      assert.equal(list.body.total, 1);
      const dl = await office.get(`/api/v1/attachments/${up.body.id}/content`);
      assert.equal(dl.status, 200);
      assert.equal(dl.headers.get('content-type'), 'application/pdf');
      assert.match(dl.headers.get('content-disposition'), /filename\*=UTF-8''K%E1%BA%BFt/);

      // A program named .pdf is refused by its bytes.
      const exe = await office.post(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}&filename=x.pdf`,
        new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), { headers: { 'content-type': 'application/pdf' } });
      assert.equal(exe.status, 415);
      assert.equal(exe.body.error.code, 'unsupported_media_type');
      assert.equal(exe.body.error.field, 'file');

      // Over the upload limit: 413, nothing stored.
      const big = await office.post(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}&filename=big.txt`,
        'a'.repeat(1024 * 1024 + 10), { headers: { 'content-type': 'text/plain' } });
      assert.equal(big.status, 413);
      assert.equal((await office.get(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}`)).body.total, 1);

      // Tasks: a Sở Xây dựng task is invisible to the officer of Sở Tài chính, and so are its files.
      const sxd = (await office.get('/api/v1/units?q=MA.SXD')).body.items[0];
      const task = (await office.get(`/api/v1/tasks?unit_id=${sxd.id}&limit=100`)).body.items.find((t) => t.lead_unit_id === sxd.id);
      assert.ok(task, 'the demo has a task led by Sở Xây dựng');
      const officerSxd = server.client();
      await officerSxd.login('canbo.sxd');
      const evidence = await officerSxd.post(`/api/v1/attachments?owner_kind=task&owner_id=${task.id}&filename=anh.png`,
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), { headers: { 'content-type': 'image/png' } });
      assert.equal(evidence.status, 201, JSON.stringify(evidence.body));
      const officerStc = server.client();
      await officerStc.login('canbo.stc');
      assert.equal((await officerStc.get(`/api/v1/attachments/${evidence.body.id}/content`)).status, 404);
      assert.equal((await officerStc.get(`/api/v1/attachments?owner_kind=task&owner_id=${task.id}`)).status, 404);
      const poke = await officerStc.post(`/api/v1/attachments?owner_kind=task&owner_id=${task.id}&filename=x.txt`, 'x',
        { headers: { 'content-type': 'text/plain' } });
      assert.equal(poke.status, 404);
      // The viewer sees the directive's file but may not add one.
      const viewer = server.client();
      await viewer.login('xem');
      assert.equal((await viewer.get(`/api/v1/attachments/${up.body.id}/content`)).status, 200);
      assert.equal((await viewer.post(`/api/v1/attachments?owner_kind=directive&owner_id=${directiveId}&filename=y.txt`, 'y',
        { headers: { 'content-type': 'text/plain' } })).status, 403);

      // Every upload is in the audit log.
      const audit = await office.get('/api/v1/audit?entity=directive');
      assert.ok(audit.body.items.some((e) => e.action === 'attachment.upload'));
    } finally {
      await server.close();
    }
  });
}

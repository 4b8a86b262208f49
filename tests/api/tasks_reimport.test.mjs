// Re-importing an exported Excel into the same directive: the rows that match tasks already
// there (same title, same lead unit) are found on the dry run; the import is refused until
// the caller says to skip them or to create them again, and nothing is written meanwhile.
// Real server, both DBs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start } from './lib.mjs';
import { download } from './docx.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const db of DBS) {
  describe(`re-importing an export into the same directive (${db})`, () => {
    let server, office, exported, count;
    const upload = (query) =>
      office.request('POST', `/api/v1/tasks/import?directive_id=1${query}`, exported, { headers: { 'content-type': XLSX } });
    const tasksOf = async () => assertList(await office.get('/api/v1/tasks?directive_id=1&limit=1000')).length;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      const r = await download(office, '/api/v1/tasks/export.xlsx?directive_id=1&top_level=true');
      assert.equal(r.status, 200);
      exported = r.bytes;
      count = await tasksOf();
    });
    after(async () => server && (await server.close()));

    it('finds the matching rows on a dry run, refuses without a choice, skips or creates again', async () => {
      const dry = await upload('&dry_run=true');
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.ok(dry.body.matches.length > 0, 'every exported task matches itself');
      const ids = new Set(assertList(await office.get('/api/v1/tasks?directive_id=1&limit=1000')).map((t) => t.id));
      for (const m of dry.body.matches) {
        assert.ok(ids.has(m.task_id), `row ${m.row} names a task of the directive`);
        assert.ok(m.row > 1 && m.title.length > 0);
      }
      const refused = await upload('');
      assertError(refused, 409, 'matches_existing');
      assert.match(refused.body.error.message, /dòng trùng với nhiệm vụ đã có/);
      assert.equal(await tasksOf(), count, 'nothing written');
      assertError(await upload('&on_match=maybe'), 400, undefined, 'on_match');

      const skipped = await upload('&on_match=skip');
      assert.equal(skipped.status, 201, JSON.stringify(skipped.body));
      assert.equal(skipped.body.skipped, dry.body.matches.length);
      assert.equal(skipped.body.imported, dry.body.valid_rows - dry.body.matches.length);
      assert.equal(await tasksOf(), count + skipped.body.imported);

      const created = await upload('&on_match=create');
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.imported, dry.body.valid_rows);
    });
  });
}

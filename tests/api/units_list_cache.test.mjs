// GET /api/v1/units answers from a serialised body kept per scope and query while the unit
// tree is unchanged (src/units/unit_routes.cc): every change to units must show in the
// very next list, and two people with different scopes never get each other's list.
// Runs with --io-threads 1 (the setting) and the default.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start, unitsByCode } from './lib.mjs';

const LIST = '/api/v1/units?limit=20000';

for (const db of DBS) {
  for (const io of [['--io-threads', '1'], []]) {
    describe(`the units list on ${db} ${io.join(' ') || '(default I/O threads)'}`, () => {
      let server, office, officer;
      before(async () => {
        server = await start(db, { args: io });
        office = await server.as('vanphong');
        officer = await server.as('canbo.sxd');
      });
      after(async () => {
        await server?.close();
      });

      it('shows a created, renamed and ended unit in the next list', async () => {
        const codes = async () => assertList(await office.get(LIST)).map((u) => u.code);
        const before = await codes();
        assert.deepEqual(await codes(), before, 'the same list twice');
        const parent = (await unitsByCode(office)).get('MA').id;
        const made = await office.post('/api/v1/units', {
          code: 'MA.BCD', name: 'Ban Chỉ đạo chuyển đổi số', kind: 'agency', parent_id: parent, valid_from: '2026-01-01',
        });
        assert.equal(made.status, 201, JSON.stringify(made.body));
        assert.ok((await codes()).includes('MA.BCD'), 'created');
        assert.equal((await office.patch(`/api/v1/units/${made.body.id}`, { name: 'Ban Chỉ đạo số' })).status, 200);
        const renamed = assertList(await office.get(LIST)).find((u) => u.code === 'MA.BCD');
        assert.equal(renamed.name, 'Ban Chỉ đạo số', 'renamed');
        const ended = await office.patch(`/api/v1/units/${made.body.id}`, { valid_to: '2026-01-10' });
        assert.equal(ended.status, 200, JSON.stringify(ended.body));
        assert.ok(!(await codes()).includes('MA.BCD'), 'ended before today');
        const asOf = assertList(await office.get(`${LIST}&as_of=2026-01-05`)).map((u) => u.code);
        assert.ok(asOf.includes('MA.BCD'), 'still there on a day it was active');
      });

      it('keeps each scope’s list apart, and the query’s', async () => {
        const all = assertList(await office.get(LIST)).map((u) => u.code);
        const mine = assertList(await officer.get(LIST)).map((u) => u.code);
        assert.ok(mine.length < all.length, `${mine.length} < ${all.length}`);
        assert.ok(mine.includes('MA.SXD') && !mine.includes('MA.STC'));
        assert.deepEqual(assertList(await office.get(LIST)).map((u) => u.code), all);
        const page = await office.get('/api/v1/units?limit=2&offset=1');
        assert.deepEqual(assertList(page).map((u) => u.code), all.slice(1, 3));
        assert.equal(page.body.total, all.length);
        assertError(await office.get('/api/v1/units?as_of=2026-02-30'), 400, undefined, 'as_of');
      });
    });
  }
}

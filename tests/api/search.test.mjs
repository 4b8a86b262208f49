// One search box across directives, tasks and units (GET /api/v1/search?q=): diacritics
// optional (the words as typed, case aside), each kind scoped as its own list is; bad input is 400
// naming the field. Real server, both DBs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, start, unitsByCode } from './lib.mjs';

for (const db of DBS) {
  describe(`search (${db})`, () => {
    let server, office, stc, admin, units, planted;
    before(async () => {
      server = await start(db);
      [office, stc, admin] = [await server.as('vanphong'), await server.as('canbo.stc'), await server.as('admin')];
      units = await unitsByCode(office);
      planted = {};
      for (const [code, title] of [['MA.STC', 'Số hóa hồ sơ lưu trữ Quýt'], ['MA.SXD', 'Rà soát hồ sơ xây dựng Quýt']]) {
        const r = await office.post('/api/v1/tasks', { title, lead_unit_id: units.get(code).id, deadline: '2026-03-31' });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        planted[code] = r.body.id;
      }
    });
    after(async () => server && (await server.close()));

    const search = async (c, q, extra = '') => {
      const r = await c.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      for (const kind of ['directives', 'tasks', 'units']) {
        assert.ok(Array.isArray(r.body[kind].items), kind);
        assert.ok(r.body[kind].total >= r.body[kind].items.length, kind);
      }
      return r.body;
    };

    it('finds directives, tasks and units with or without diacritics', async () => {
      const cases = [
        // caller, q, kind, what must be found (a predicate on the items)
        [office, 'quyt', 'tasks', (items) => items.length === 2],
        [office, 'ho so luu tru quyt', 'tasks', (items) => items.length === 1 && items[0].id === planted['MA.STC']],
        [office, 'HỒ SƠ LƯU TRỮ Quýt', 'tasks', (items) => items.length === 1 && items[0].id === planted['MA.STC']],
        [office, '245/TB-UBND', 'directives', (items) => items.some((d) => d.number === '245/TB-UBND' && d.citation === 'Thông báo kết luận số 245/TB-UBND')],
        [office, 'ket luan cua chu tich', 'directives', (items) => items.length > 0],
        [admin, 'so tai chinh', 'units', (items) => items.some((u) => u.code === 'MA.STC' && u.name === 'Sở Tài chính')],
        [admin, 'MA.STC', 'units', (items) => items[0]?.code === 'MA.STC'],
        [office, 'khong co gi nhu the nay', 'tasks', (items) => items.length === 0],
      ];
      for (const [c, q, kind, ok] of cases) {
        const body = await search(c, q);
        assert.ok(ok(body[kind].items), `${q} → ${kind}: ${JSON.stringify(body[kind])}`);
      }
      const one = await search(office, 'quyt', '&limit=1');
      assert.equal(one.tasks.items.length, 1);
      assert.equal(one.tasks.total, 2);
    });

    it('shows each kind only as far as the caller may see it', async () => {
      const body = await search(stc, 'quyt');
      assert.deepEqual(body.tasks.items.map((t) => t.id), [planted['MA.STC']], 'another unit’s task is not found');
      assert.equal(body.tasks.total, 1);
      for (const d of body.directives.items) assert.equal((await stc.get(`/api/v1/directives/${d.id}`)).status, 200);
    });

    it('refuses bad input naming the field', async () => {
      const cases = [['', 'q'], ['%20%20', 'q'], ['x'.repeat(201), 'q'], ['abc&limit=x', 'limit']];
      for (const [q, field] of cases) assertError(await office.get(`/api/v1/search?q=${q}`), 400, undefined, field);
      assertError(await office.get('/api/v1/search'), 400, undefined, 'q');
    });
  });
}

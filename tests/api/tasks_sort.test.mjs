// Issue 9 (tasksb): the task list sorts on the server by the column asked for (sort=col,
// sort=-col for descending), on SQLite and PostgreSQL; a column it does not sort by is
// refused naming the field and the choices.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start } from './lib.mjs';

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

for (const db of DBS) {
  describe(`task list sort (${db})`, () => {
    let server, office;
    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
    });
    after(async () => server && (await server.close()));

    const cases = [
      ['created', (a, b) => a.id < b.id],
      ['-created', (a, b) => a.id > b.id],
      ['title', (a, b) => fold(a.title) <= fold(b.title)],
      ['-title', (a, b) => fold(a.title) >= fold(b.title)],
      ['deadline', (a, b) => (a.effective_deadline ?? a.deadline ?? '9999') <= (b.effective_deadline ?? b.deadline ?? '9999')],
    ];
    for (const [sort, inOrder] of cases) {
      it(`sort=${sort}: every neighbour in order, the same tasks as unsorted`, async () => {
        const items = assertList(await office.get(`/api/v1/tasks?limit=1000&sort=${sort}`));
        const plain = assertList(await office.get('/api/v1/tasks?limit=1000'));
        assert.ok(items.length > 10);
        assert.deepEqual(items.map((t) => t.id).sort((a, b) => a - b), plain.map((t) => t.id).sort((a, b) => a - b));
        for (let i = 1; i < items.length; i++) assert.ok(inOrder(items[i - 1], items[i]), `${sort} at ${i}`);
      });
    }

    it('refuses a column it does not sort by, in the reader\'s language', async () => {
      const vi = await office.get('/api/v1/tasks?sort=color');
      assertError(vi, 400, 'invalid_sort', 'sort');
      assert.match(vi.body.error.message, /^Tham số sort phải là một trong: deadline, title, state, timeliness, created/);
      const en = await office.get('/api/v1/tasks?sort=-color', { headers: { 'accept-language': 'en' } });
      assertError(en, 400, 'invalid_sort', 'sort');
      assert.match(en.body.error.message, /^The parameter sort must be one of: deadline, title/);
    });
  });
}

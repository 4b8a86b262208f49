// Issue 9: every list a page shows as a table sorts on the server by the column asked for
// (sort=col, sort=-col for descending) through the one ListSpec path, on SQLite and
// PostgreSQL; a column a list does not sort by is refused with 400 naming the field `sort`.
// Each case: the list's path, a column ascending and descending with how two neighbours
// must compare, and a column it does not sort by.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, assertError, assertList, start } from './lib.mjs';

// Every list orders text folded (without tone marks, Đ as D, lower case), as the task list
// and search do.
const fold = (s) => (s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const text = (key) => (a, b) => (fold(key(a)) < fold(key(b)) ? -1 : fold(key(a)) > fold(key(b)) ? 1 : 0);
const plain = (key) => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

const LISTS = [
  { path: '/api/v1/users', user: 'admin', sort: 'full_name', cmp: text((u) => u.full_name), bad: 'password' },
  { path: '/api/v1/users', user: 'admin', sort: 'username', cmp: plain((u) => u.username), bad: 'roles' },
  { path: '/api/v1/projects', user: 'vanphong', sort: 'total_investment', cmp: plain((p) => p.total_investment), bad: 'investor' },
  { path: '/api/v1/projects', user: 'vanphong', sort: 'code', cmp: plain((p) => p.code), bad: 'rate' },
  { path: '/api/v1/petitions', user: 'vanphong', sort: 'title', cmp: text((p) => p.title), bad: 'content' },
  { path: '/api/v1/petitions', user: 'vanphong', sort: 'due_on', cmp: plain((p) => p.due_on ?? ''), bad: 'business' },
  { path: '/api/v1/indicators', user: 'vanphong', sort: 'code', cmp: plain((i) => i.code), bad: 'unit_of_measure' },
  { path: '/api/v1/indicators', user: 'vanphong', sort: 'name', cmp: text((i) => i.name), bad: 'id' },
  { path: '/api/v1/targets', user: 'vanphong', sort: 'indicator', cmp: text((x) => x.indicator?.name ?? x.indicator_name), bad: 'value' },
  { path: '/api/v1/explanation-requests', user: 'vanphong', sort: 'due_on', cmp: plain((e) => e.due_on), bad: 'question' },
  // The task list's progress column (percent), as the web's sort header asks for it.
  { path: '/api/v1/tasks', user: 'vanphong', sort: 'progress', cmp: plain((t) => t.progress_percent), bad: 'assignee', varied: (t) => t.progress_percent },
];

function assertOrdered(items, cmp, descending, what) {
  for (let i = 1; i < items.length; i++) {
    const c = cmp(items[i - 1], items[i]);
    assert.ok(descending ? c >= 0 : c <= 0, `${what}: rows ${i - 1} and ${i} out of order`);
  }
}

const ids = (items) => items.map((x) => x.id).sort((a, b) => a - b);

for (const db of DBS) {
  describe(`list sort (${db})`, () => {
    let server;
    const clients = {};
    before(async () => {
      server = await start(db);
      for (const u of ['admin', 'vanphong']) clients[u] = await server.as(u);
    });
    after(async () => server && (await server.close()));

    for (const l of LISTS) {
      it(`${l.path}?sort=${l.sort} and -${l.sort}: in order, the same rows as unsorted`, async () => {
        const c = clients[l.user];
        const unsorted = assertList(await c.get(`${l.path}?limit=1000`));
        assert.ok(unsorted.length >= 2, `${l.path} has rows to sort`);
        if (l.varied) assert.ok(new Set(unsorted.map(l.varied)).size >= 3, `${l.path}: ${l.sort} differs between rows`);
        for (const desc of [false, true]) {
          const sort = `${desc ? '-' : ''}${l.sort}`;
          const items = assertList(await c.get(`${l.path}?limit=1000&sort=${sort}`));
          assert.deepEqual(ids(items), ids(unsorted), `${sort}: the same rows`);
          assertOrdered(items, l.cmp, desc, `${l.path} sort=${sort}`);
        }
        // The order holds across pages: the second page goes on where the first stopped.
        const first = assertList(await c.get(`${l.path}?limit=1&sort=-${l.sort}`));
        const second = assertList(await c.get(`${l.path}?limit=1&offset=1&sort=-${l.sort}`));
        assertOrdered([...first, ...second], l.cmp, true, `${l.path} pages`);
      });

      it(`${l.path}?sort=${l.bad}: 400 naming sort`, async () => {
        const r = await clients[l.user].get(`${l.path}?sort=${l.bad}`);
        assertError(r, 400, 'invalid_sort', 'sort');
        assert.match(r.body.error.message, new RegExp(`^Tham số sort phải là một trong: .*${l.sort}`));
      });
    }
  });
}

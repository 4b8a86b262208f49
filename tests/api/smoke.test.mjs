// The thin end-to-end slice: a real server on each database, a login, a read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support.mjs';

for (const db of ['sqlite', 'postgres']) {
  test(`server on ${db}: health, login, units`, async () => {
    const server = await startServer({ db });
    try {
      const c = server.client();
      assert.equal((await c.get('/healthz')).body.status, 'ok');
      const login = await c.login('vanphong');
      assert.equal(login.status, 200);
      assert.ok(login.body.csrf_token);
      const units = await c.get('/api/v1/units');
      assert.equal(units.status, 200);
      assert.ok(units.body.total > 10);
      assert.ok(units.body.items.some((u) => u.code === 'MA.STC'));
    } finally {
      await server.close();
    }
  });
}

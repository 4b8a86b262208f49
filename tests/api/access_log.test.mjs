// The access log (stdout, one JSON line per request) is written from per-thread buffers
// (src/http/access_log.h): a clean stop (SIGTERM) must still leave every request's line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start } from './lib.mjs';

for (const db of DBS) {
  describe(`access log on ${db}`, () => {
    it('has every request’s line after SIGTERM, none torn', async () => {
      const server = await start(db, { captureStdout: true });
      try {
        const c = await server.as('vanphong');
        const paths = [];
        for (let round = 0; round < 20; round++) {
          const batch = [];
          for (let i = 0; i < 25; i++) {
            const path = `/api/v1/units/${1000000 + round * 25 + i}`;
            paths.push(path);
            batch.push(c.get(path));
          }
          for (const r of await Promise.all(batch)) assert.equal(r.status, 404);
        }
        const out = server.proc.stdout;
        const drained = out.readableEnded ? Promise.resolve() : new Promise((r) => out.once('end', r));
        await server.stop('SIGTERM');
        await drained;
        const lines = server.stdout().split('\n').filter((l) => l !== '');
        const logged = new Map();
        for (const l of lines) {
          const entry = JSON.parse(l);  // every line whole
          logged.set(entry.path, entry);
        }
        for (const p of paths) {
          assert.ok(logged.has(p), `line of GET ${p}`);
          assert.equal(logged.get(p).status, 404);
          assert.equal(logged.get(p).method, 'GET');
        }
        assert.equal(logged.get('/api/v1/login').status, 200);
      } finally {
        await server.close();
      }
    });
  });
}

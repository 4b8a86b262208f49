// The static-file handler through a real server: every shape of "step outside the web
// root" an attacker tries answers 404 (or 400 when the request line itself is malformed)
// and never carries a byte of what lies outside. Raw sockets, since fetch normalises paths.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './support.mjs';
import { rawRequest } from './lib.mjs';

const SECRET = 'SECRET-7f3a9c';

describe('static files stay inside the web root', () => {
  let server, base, dbFile;
  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'dieuhanh-static-'));
    const root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<html>app</html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), SECRET);
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'out.js'));
    symlinkSync(base, join(root, 'up'));
    mkdirSync(join(base, 'data'));
    dbFile = join(base, 'data', 'test.db');
    server = await startServer({
      db: `sqlite:${dbFile}`,
      args: ['--web-root', root],
      env: { DIEUHANH_SMTP_PASSWORD: SECRET },
    });
  });
  after(async () => {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  const get = (target) =>
    rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

  it('serves the app and its files', async () => {
    const r = await get('/assets/app.js');
    assert.equal(r.status, 200);
    assert.equal(r.body, 'console.log(1)');
    assert.equal((await get('/tasks/12')).body, '<html>app</html>');
  });

  it('refuses every way out', async () => {
    const targets = [
      `/${join(base, 'secret.txt')}`,
      '//proc/self/environ',
      '/%2Fproc/self/environ',
      '/%2fproc%2fself%2fenviron',
      `/%2F${encodeURIComponent(dbFile.slice(1))}`,
      `/${dbFile}`,
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/assets/out.js',
      '/up/secret.txt',
      '/up/data/test.db',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/secret.txt',
      '/%e0%80%ae%e0%80%ae/secret.txt',
      '/.%2e/secret.txt',
    ];
    for (const t of targets) {
      const r = await get(t);
      assert.ok([400, 404].includes(r.status), `${t}: status ${r.status}`);
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      assert.ok(!text.includes(SECRET), `${t} leaked the secret`);
      assert.ok(!text.includes('SQLite format'), `${t} leaked the database`);
    }
  });
});

// Bad input never gets a 500 nor a partial write, always the error envelope; the limits
// on headers and bodies; unknown routes and methods; the security headers on every
// answer (errors and static files too); /metrics; and a graceful stop on SIGTERM that
// finishes the requests in flight — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { BIN, startServer } from './support.mjs';
import {
  DBS, TODAY, assertError, assertList, assertSecurityHeaders, assertUnchanged, rawRequest, snapshot, start, unitsByCode, userId,
} from './lib.mjs';

// Every answer of a client, checked for the security headers and for "never 500".
function watch(c) {
  const request = c.request.bind(c);
  c.request = async (...args) => {
    const r = await request(...args);
    assertSecurityHeaders(r.headers, `${args[0]} ${args[1]}`);
    assert.ok(r.status < 500, `${args[0]} ${args[1]} → ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  return c;
}

const enc = new TextEncoder();
const bytes = (...parts) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
};

// Bodies that are not a JSON object at all.
const NOT_AN_OBJECT = [
  ['malformed JSON', '{"code": "MA.X", '],
  ['a JSON array', '[{"code": "MA.X"}]'],
  ['an empty array', '[]'],
  ['a string', '"MA.X"'],
  ['a number', '42'],
  ['null', 'null'],
  ['true', 'true'],
  ['an empty body', ''],
  ['two objects', '{"a":1}{"b":2}'],
  ['single quotes', "{'code': 'MA.X'}"],
  ['a trailing comma', '{"code": "MA.X",}'],
  ['a comment', '{"code": "MA.X" /* x */}'],
  ['deep nesting', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}'],
  ['invalid UTF-8 in a string', bytes('{"code":"MA.X","name":"Ph', [0xc6, 0x20, 0xff, 0xfe], 'ng","kind":"other"}')],
  ['an overlong UTF-8 sequence', bytes('{"name":"', [0xc0, 0xaf], '"}')],
  ['a UTF-8 encoded surrogate', bytes('{"name":"', [0xed, 0xa0, 0x80], '"}')],
  ['a lone surrogate escape', '{"name":"\\ud800"}'],
  ['Latin-1 bytes', bytes('{"name":"Ph', [0xf4], ' L', [0xe2], 'm"}')],
];

for (const db of DBS) {
  describe(`robustness on ${db}`, () => {
    let server, admin, office, units;
    before(async () => {
      server = await start(db);
      admin = watch(await server.as('admin'));
      office = watch(await server.as('vanphong'));
      units = await unitsByCode(admin);
    });
    after(async () => {
      await server?.close();
    });

    // The write routes that read a JSON body, and a string field of each.
    const writeRoutes = () => [
      ['POST', '/api/v1/login', 'username', server.client()],
      ['POST', '/api/v1/tokens', 'name', office],
      ['POST', '/api/v1/units', 'name', office],
      ['PATCH', `/api/v1/units/${units.get('MA.STC').id}`, 'name', office],
      ['POST', '/api/v1/units/restructure', 'note', office],
      ['POST', '/api/v1/users', 'full_name', admin],
      ['PATCH', '/api/v1/users/1', 'full_name', admin],
    ];

    it('answers a body that is not a JSON object with 400 invalid_json, and writes nothing', async () => {
      const snap = await snapshot(admin);
      for (const [method, path, , client] of writeRoutes()) {
        watch(client);
        for (const [what, body] of NOT_AN_OBJECT) {
          const r = await client.request(method, path, body);
          assertError(r, 400, 'invalid_json');
          assert.ok(r.body.error.message.length > 0, `${method} ${path} with ${what}`);
        }
      }
      await assertUnchanged(admin, snap);
    });

    it('refuses control characters (NUL) in strings, naming the field', async () => {
      const snap = await snapshot(admin);
      const stc = units.get('MA.STC').id;
      const bodies = {
        '/api/v1/login': (v) => ({ username: v, password: 'x' }),
        '/api/v1/tokens': (v) => ({ name: v }),
        '/api/v1/units': (v) => ({ code: 'MA.NUL', name: v, kind: 'other', parent_id: stc }),
        [`/api/v1/units/${stc}`]: (v) => ({ name: v }),
        '/api/v1/units/restructure': (v) => ({ kind: 'merge', date: '2026-06-01', source_ids: [units.get('MA.SNV').id], target_ids: [stc], note: v }),
        '/api/v1/users': (v) => ({ username: 'nul.user', full_name: v, password: 'Mat-khau@2026', roles: [{ role: 'viewer', unit_id: stc }] }),
        '/api/v1/users/1': (v) => ({ full_name: v }),
      };
      for (const [method, path, field, client] of writeRoutes()) {
        for (const v of ['Sở\u0000Tài chính', 'a\u0007b', '\u001b[31mđỏ']) {
          const r = await client.request(method, path, bodies[path](v));
          assertError(r, 400, 'invalid_characters', field);
        }
      }
      await assertUnchanged(admin, snap);
      // Tabs and line breaks are text.
      const ok = await office.post('/api/v1/units', { code: 'MA.TAB', name: 'Tổ\tcông tác', kind: 'other', parent_id: stc });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
    });

    it('never answers 500 to garbage on any route the server registers', async () => {
      // The route list comes from the server, so routes added later are covered too.
      const routes = execFileSync(BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n').map((l) => l.split(' '));
      const garbage = [
        ...NOT_AN_OBJECT.map(([, b]) => b),
        {}, { id: 'x' }, { title: 5, name: [], kind: {}, date: 'x', percent: 'x', parts: 'x', approve: 'x' },
        { title: 'x'.repeat(100000) }, { deadline: '2026-02-30', due_on: 1, new_deadline: null, lead_unit_id: -1 },
        { parts: [{ share_percent: 1e20 }], milestones: [{}], coordinator_ids: [1.5], recurrence: 'hourly:99' },
        { percent: -1e30, year: 1e10, working: 'yes', accept: 1, suspend: 'no', to_unit_id: 2 ** 63 },
      ];
      const queries = ['', '?limit=abc', '?limit=-1', '?offset=x', '?as_of=x', '?year=abc', '?year=99999', '?by=bogus',
        '?timeliness=bogus', '?state=bogus', '?directive_id=x', '?due_before=2026-13-01', '?unit_id=1e3', '?q=%25%5F%5C'];
      const ids = ['1', '999999', 'abc', '0'];
      let calls = 0;
      for (const [method, pattern] of routes) {
        if (pattern === '/api/v1/logout') continue; // keep the session
        const paths = pattern.includes('{') ? ids.map((id) => pattern.replace(/\{[^}]+\}/g, id)) : [pattern];
        for (const path of paths) {
          if (method === 'GET') {
            for (const q of queries) {
              const r = await admin.get(path + q);
              if (r.status >= 400) assertError(r, r.status);
              calls++;
            }
          } else {
            for (const body of garbage) {
              const r = await admin.request(method, path, body);
              if (r.status >= 400) assertError(r, r.status);
              calls++;
            }
          }
        }
      }
      assert.ok(calls > 500);
      assert.ok(!server.stderr().includes('unhandled exception'), server.stderr());
    });

    it('answers wrong types and missing fields with 400 and the field', async () => {
      const snap = await snapshot(admin);
      const cases = [
        ['POST', '/api/v1/units', { code: ['MA.X'], name: 'X', kind: 'other' }, 'code'],
        ['POST', '/api/v1/units', { code: 'MA.X', name: { vi: 'X' }, kind: 'other' }, 'name'],
        ['POST', '/api/v1/units', { code: 'MA.X', name: 'X', kind: 'other', parent_id: true }, 'parent_id'],
        ['POST', '/api/v1/units', { code: 'MA.X', name: 'X', kind: 'other', parent_id: 2 ** 64 }, 'parent_id'],
        ['POST', '/api/v1/units', { code: 'MA.X', name: 'X', kind: 'other', valid_from: '2026-1-5' }, 'valid_from'],
        ['POST', '/api/v1/units', { name: 'X', kind: 'other' }, 'code'],
        ['POST', '/api/v1/units/restructure', { kind: 'merge', date: '2026-06-01', source_ids: [null] }, 'source_ids'],
        ['POST', '/api/v1/units/restructure', { kind: ['merge'], date: '2026-06-01' }, 'kind'],
        ['POST', '/api/v1/units/restructure', { kind: 'merge', date: 20260601 }, 'date'],
        ['POST', '/api/v1/units/restructure', { kind: 'merge' }, 'date'],
        ['PATCH', `/api/v1/units/${units.get('MA.STC').id}`, { valid_to: 5 }, 'valid_to'],
        ['PATCH', `/api/v1/units/${units.get('MA.STC').id}`, { parent_id: 'MA' }, 'parent_id'],
        ['POST', '/api/v1/tokens', { name: 5 }, 'name'],
        ['POST', '/api/v1/tokens', { name: 't', expires_in_days: [30] }, 'expires_in_days'],
      ];
      for (const [method, path, body, field] of cases) assertError(await office.request(method, path, body), 400, undefined, field);
      const adminCases = [
        ['POST', '/api/v1/users', { username: 'x.y.z', full_name: 'X', password: 'Mat-khau@2026', roles: { role: 'viewer' } }, 'roles'],
        ['POST', '/api/v1/users', { username: 'x.y.z', full_name: 'X', password: ['Mat-khau@2026'], roles: [] }, 'password'],
        ['PATCH', '/api/v1/users/2', { active: 'false' }, 'active'],
        ['PATCH', '/api/v1/users/2', { email: 5 }, 'email'],
      ];
      for (const [method, path, body, field] of adminCases) assertError(await admin.request(method, path, body), 400, undefined, field);
      await assertUnchanged(admin, snap);
    });

    it('answers unknown and malformed ids with 404', async () => {
      for (const id of ['999999', 'abc', '0', '-1', '1e3', '0x10', '%20', '9223372036854775808', '1;DROP TABLE units']) {
        const p = encodeURI(id).replace(/;/g, '%3B');
        assertError(await office.get(`/api/v1/units/${p}`), 404);
        assertError(await office.patch(`/api/v1/units/${p}`, { name: 'x' }), 404);
        assertError(await admin.get(`/api/v1/users/${p}`), 404);
        assertError(await admin.patch(`/api/v1/users/${p}`, { full_name: 'x' }), 404);
        assertError(await office.del(`/api/v1/tokens/${p}`), 404);
      }
    });

    it('answers unknown routes with a 404 envelope and wrong methods with 405 and Allow', async () => {
      for (const p of ['/api/v1/nothing', '/api/v2/units', '/api/v1/units/1/children', '/api', '/api/v1/']) {
        assertError(await office.get(p), 404, 'route_not_found');
        assertError(await office.post(p, {}), 404, 'route_not_found');
      }
      const cases = [
        ['PUT', `/api/v1/units/${units.get('MA.STC').id}`, 'GET, HEAD, PATCH'],
        ['DELETE', '/api/v1/units', 'GET, HEAD, POST'],
        ['GET', '/api/v1/login', 'POST'],
        ['POST', '/api/v1/me', 'GET, HEAD'],
        ['DELETE', '/api/v1/users/1', 'GET, HEAD, PATCH'],
        ['POST', '/healthz', 'GET, HEAD'],
        ['PATCH', '/metrics', 'GET, HEAD'],
      ];
      for (const [method, path, allow] of cases) {
        const r = await office.request(method, path, method === 'GET' ? undefined : {});
        assertError(r, 405, 'method_not_allowed');
        assert.deepEqual(r.headers.get('allow').split(', ').sort(), allow.split(', ').sort(), `${method} ${path}`);
      }
      // A HEAD of a GET route: the headers, no body.
      const head = await office.request('HEAD', '/api/v1/units');
      assert.equal(head.status, 200);
      assert.equal(head.body, null);
    });

    it('refuses malformed request targets with 400, never a page or a 500', async () => {
      const cases = ['/api/v1/units/%ZZ', '/api/v1/units?q=%FF%FE', '/api/v1/users?q=%00', '/api/v1/audit?entity=%FF',
        '/api/v1/users?role=%C0%AF', '/api/v1/units/%00', '/%ZZ', '/api/v1/audit?entity%FF=unit'];
      for (const target of cases) {
        const r = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nCookie: ${office.cookie}\r\nConnection: close\r\n\r\n`);
        assertError(r, 400, 'bad_request');
        assertSecurityHeaders(r.headers, target);
      }
      // Well-encoded Vietnamese in the query is fine.
      const ok = assertList(await office.get(`/api/v1/units?q=${encodeURIComponent('Hoa Sen Đông')}`));
      assert.deepEqual(ok.map((u) => u.code), ['MA.P.HSDONG']);
    });

    it('limits the body to 2 MiB (413) and the headers (431), with the envelope', async () => {
      const big = await rawRequest(
        server.port,
        `POST /api/v1/units HTTP/1.1\r\nHost: x\r\nCookie: ${office.cookie}\r\nX-CSRF-Token: ${office.csrf}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${2 * 1024 * 1024 + 1}\r\n\r\n`,
      );
      assertError(big, 413, 'payload_too_large');
      assertSecurityHeaders(big.headers, '413');

      const headers = await rawRequest(server.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
      assertError(headers, 431, 'headers_too_large');
      assertSecurityHeaders(headers.headers, '431');

      const garbage = await rawRequest(server.port, 'HELLO THERE\r\n\r\n');
      assertError(garbage, 400, 'bad_request');
      assertSecurityHeaders(garbage.headers, '400');

      // Just under the limit the body is read, and refused for what it says.
      const snap = await snapshot(admin);
      const r = await office.post('/api/v1/units', { code: 'MA.BIG', name: 'x'.repeat(2 * 1024 * 1024 - 200), kind: 'other' });
      assertError(r, 400, 'too_long', 'name');
      await assertUnchanged(admin, snap);
      assert.equal((await server.client().get('/healthz')).status, 200, 'the server is still up');
    });

    it('sends the security headers on every kind of answer', async () => {
      const anon = watch(server.client());
      await anon.get('/healthz');
      await anon.get('/metrics');
      await anon.get('/api/v1/me');
      await anon.post('/api/v1/login', { username: 'xem', password: 'sai' });
      await office.get('/api/v1/units');
      await office.get('/api/v1/units/999999');
      await office.post('/api/v1/units', { code: 'MA.STC', name: 'x', kind: 'other' });
      await office.post('/api/v1/units', {}, { csrf: false });
      await office.request('PUT', '/api/v1/units');
      await office.get('/api/v1/nothing');
      assert.ok(!server.stderr().includes('unhandled exception'));
    });

    it('serves /metrics: request counter, latency histogram, pool gauge', async () => {
      await office.get('/api/v1/units');
      await office.get('/api/v1/units/999999');
      const r = await server.client().get('/metrics');
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^text\/plain/);
      const text = r.body;
      assert.match(text, /^# TYPE dieuhanh_http_requests_total counter$/m);
      assert.match(text, /^# TYPE dieuhanh_http_request_duration_seconds histogram$/m);
      assert.match(text, /^# TYPE dieuhanh_db_pool_connections gauge$/m);
      const value = (re) => {
        const m = text.match(re);
        assert.ok(m, `metric ${re}`);
        return Number(m[1]);
      };
      assert.ok(value(/^dieuhanh_http_requests_total\{route="GET \/api\/v1\/units",status="200"\} (\d+)$/m) >= 1);
      assert.ok(value(/^dieuhanh_http_requests_total\{route="GET \/api\/v1\/units\/\{id\}",status="404"\} (\d+)$/m) >= 1);
      const route = 'GET /api/v1/units';
      const esc = route.replace(/[/{}]/g, (c) => '\\' + c);
      const buckets = [...text.matchAll(new RegExp(`^dieuhanh_http_request_duration_seconds_bucket\\{route="${esc}",le="([^"]+)"\\} (\\d+)$`, 'gm'))];
      assert.ok(buckets.length >= 2);
      assert.equal(buckets[buckets.length - 1][1], '+Inf');
      const counts = buckets.map((b) => Number(b[2]));
      for (let i = 1; i < counts.length; i++) assert.ok(counts[i] >= counts[i - 1], 'buckets are cumulative');
      const count = value(new RegExp(`^dieuhanh_http_request_duration_seconds_count\\{route="${esc}"\\} (\\d+)$`, 'm'));
      assert.equal(count, counts[counts.length - 1]);
      assert.ok(value(new RegExp(`^dieuhanh_http_request_duration_seconds_sum\\{route="${esc}"\\} ([0-9.e+-]+)$`, 'm')) >= 0);
      assert.ok(value(/^dieuhanh_db_pool_connections\{state="open"\} (\d+)$/m) >= 1);
      assert.ok(value(/^dieuhanh_db_pool_connections\{state="in_use"\} (\d+)$/m) >= 0);
      assertSecurityHeaders(r.headers, '/metrics');
    });

    it('finishes the requests in flight on SIGTERM, exits 0, and keeps their writes', async () => {
      await gracefulStop(db);
    });
  });
}

describe('static files', () => {
  let server, root;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dieuhanh-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>dieuhanh</title><div id="app"></div>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log("xin chào");');
    server = await startServer({ db: 'sqlite', now: TODAY, args: ['--web-root', root] });
  });
  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app with the security headers, errors in the envelope', async () => {
    const c = server.client();
    const index = await c.get('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(index.body, /<div id="app">/);
    assertSecurityHeaders(index.headers, '/');

    const asset = await c.get('/assets/app-abc123.js');
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type'), /^text\/javascript/);
    assert.match(asset.headers.get('cache-control'), /immutable/);
    assertSecurityHeaders(asset.headers, 'asset');

    const route = await c.get('/units/12');
    assert.equal(route.status, 200, 'app routes get the app');
    assert.match(route.body, /<div id="app">/);
    assertSecurityHeaders(route.headers, 'app route');

    const missing = await c.get('/assets/missing.js');
    assertError(missing, 404);
    assertSecurityHeaders(missing.headers, 'missing asset');

    for (const p of ['/../../etc/passwd', '/assets/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await rawRequest(server.port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assert.ok(r.status === 200 || r.status === 404 || r.status === 400, `${p}: ${r.status}`);
      assert.ok(typeof r.body !== 'string' || !r.body.includes('root:'), `${p} stays inside the web root`);
      assertSecurityHeaders(r.headers, p);
    }
    const api = await c.get('/api/v1/nothing');
    assertError(api, 404, 'route_not_found');
    assertSecurityHeaders(api.headers, 'api 404 beside the app');
  });
});

// ---------------------------------------------------------------------------------------

// Holds the database's write lock from outside, so that writes sent to the server stay
// in flight for as long as the test wants: psql on PostgreSQL, the sqlite3 shell on
// SQLite. Resolves once the lock is held; release() lets the writes go on.
async function holdWriteLock(server) {
  let cmd, args, lock;
  if (server.db.startsWith('sqlite:')) {
    cmd = 'sqlite3';
    args = [server.db.slice(7)];
    lock = 'BEGIN IMMEDIATE;\n.print locked\n';
  } else {
    cmd = 'psql';
    args = [server.db, '-q', '-v', 'ON_ERROR_STOP=1'];
    lock = 'BEGIN;\nLOCK TABLE audit_head IN EXCLUSIVE MODE;\n\\echo locked\n';
  }
  const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const locked = new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('locked')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${err}`)));
  });
  proc.stdin.write(lock);
  await locked;
  return {
    async release() {
      const done = new Promise((r) => proc.once('exit', r));
      proc.stdin.end('ROLLBACK;\n');
      await done;
    },
  };
}

function hasSqliteCli() {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls until `check` is true; the deadline only turns a hang into a failure.
async function until(what, check, deadlineMs = 60000) {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await sleep(20);
  }
}

// Requests the server is handling, less the one that asks.
async function requestsInFlight(server) {
  const r = await fetch(`${server.base}/metrics`);
  const m = /^dieuhanh_http_requests_in_flight (\d+)$/m.exec(await r.text());
  return m ? Number(m[1]) - 1 : 0;
}

function refusesConnections(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

async function gracefulStop(db) {
  if (db === 'sqlite' && !hasSqliteCli()) return; // needs the sqlite3 shell to hold the lock
  const server = await start(db);
  try {
    const office = await server.as('vanphong');
    const ma = (await unitsByCode(office)).get('MA').id;
    const lock = await holdWriteLock(server);
    let released = false;
    try {
      // Three writes inside the server, all held up by the lock (the first in the writer's
      // transaction, the others queued behind it).
      const writes = [1, 2, 3].map((i) =>
        office.post('/api/v1/units', { code: `MA.SIGTERM${i}`, name: `Tổ trực ${i}`, kind: 'other', parent_id: ma }),
      );
      await until('three writes inside the server', async () => (await requestsInFlight(server)) >= 3);
      const exited = new Promise((resolve) => server.proc.once('exit', (code, signal) => resolve({ code, signal })));
      server.proc.kill('SIGTERM');
      // The server has taken the signal once it stops accepting connections.
      await until('the server to stop accepting', () => refusesConnections(server.port));
      assert.equal(server.proc.exitCode, null, 'still running while requests are in flight');
      await lock.release();
      released = true;
      const answers = await Promise.all(writes);
      for (const r of answers) assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(await exited, { code: 0, signal: null });
    } finally {
      if (!released) await lock.release();
    }
    // The writes are there after a restart, with their audit entries.
    const again = await startServer({ db: server.db, now: TODAY });
    try {
      const admin = await again.client();
      assert.equal((await admin.login('admin')).status, 200);
      const codes = [...(await unitsByCode(admin)).keys()];
      for (const i of [1, 2, 3]) assert.ok(codes.includes(`MA.SIGTERM${i}`), `MA.SIGTERM${i} kept`);
      const verify = await admin.get('/api/v1/audit/verify');
      assert.equal(verify.body.ok, true);
      const created = assertList(await admin.get('/api/v1/audit?entity=unit&limit=10')).filter((e) => e.action === 'unit.create' && e.after.code.startsWith('MA.SIGTERM'));
      assert.equal(created.length, 3);
    } finally {
      await again.stop();
    }
  } finally {
    await server.close();
  }
}

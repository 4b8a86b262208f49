// Shared helpers of the API tests (not a test file itself): error-envelope checks, a
// raw-socket request for what fetch cannot send, and a few look-ups on the demo city.
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './support.mjs';

export const DBS = ['sqlite', 'postgres'];
// A fixed "today" so that dates in the tests never drift.
export const TODAY = '2026-01-15';

// Asserts the error envelope {"error":{"code","message","field?"}} and the status.
export function assertError(r, status, code, field) {
  const where = `${JSON.stringify(r.body)}`;
  assert.equal(r.status, status, `status ${r.status}, expected ${status}: ${where}`);
  assert.ok(r.body && typeof r.body === 'object' && r.body.error, `error envelope expected: ${where}`);
  const e = r.body.error;
  assert.equal(typeof e.code, 'string', where);
  assert.match(e.code, /^[a-z][a-z0-9_]*$/, `snake_case code: ${where}`);
  assert.equal(typeof e.message, 'string', where);
  assert.ok(e.message.length > 0, where);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'field'].includes(k), `unexpected key ${k}: ${where}`);
  if (code !== undefined) assert.equal(e.code, code, where);
  if (field !== undefined) assert.equal(e.field, field, where);
  if (e.field !== undefined) assert.equal(typeof e.field, 'string');
}

// A list envelope {"items":[…],"total":N}.
export function assertList(r) {
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(Array.isArray(r.body.items), 'items is an array');
  assert.equal(typeof r.body.total, 'number');
  assert.ok(r.body.total >= r.body.items.length);
  return r.body.items;
}

// Starts a server and returns it with a login helper: server.as('vanphong').
export async function start(db, opts = {}) {
  const server = await startServer({ db, now: TODAY, ...opts });
  server.as = async (username, password) => {
    const c = server.client();
    const r = await c.login(username, password);
    assert.equal(r.status, 200, `login ${username}: ${JSON.stringify(r.body)}`);
    return c;
  };
  return server;
}

// Every unit, ended ones included, by code (as seen by `client`).
export async function unitsByCode(client) {
  const r = await client.get('/api/v1/units?include_ended=true&limit=20000');
  const items = assertList(r);
  return new Map(items.map((u) => [u.code, u]));
}

export async function unitId(client, code) {
  const u = (await unitsByCode(client)).get(code);
  assert.ok(u, `unit ${code} is visible`);
  return u.id;
}

export async function userId(admin, username) {
  const r = await admin.get(`/api/v1/users?q=${encodeURIComponent(username)}&limit=1000`);
  const u = assertList(r).find((x) => x.username === username);
  assert.ok(u, `user ${username} exists`);
  return u.id;
}

export async function auditTotal(admin) {
  const r = await admin.get('/api/v1/audit?limit=1');
  assertList(r);
  return r.body.total;
}

// What a failed write must leave alone: every unit with its dates and parent, the audit
// log's length, the restructure events and the users.
export async function snapshot(admin) {
  const units = await admin.get('/api/v1/units?include_ended=true&limit=20000');
  const events = await admin.get('/api/v1/units/restructure-events');
  const users = await admin.get('/api/v1/users?limit=1000');
  return {
    units: JSON.stringify(assertList(units)),
    events: JSON.stringify(assertList(events)),
    users: JSON.stringify(assertList(users)),
    audit: await auditTotal(admin),
  };
}

export async function assertUnchanged(admin, before, what = '') {
  const after = await snapshot(admin);
  assert.equal(after.audit, before.audit, `audit log grew ${what}`);
  assert.equal(after.units, before.units, `units changed ${what}`);
  assert.equal(after.events, before.events, `restructure events changed ${what}`);
  assert.equal(after.users, before.users, `users changed ${what}`);
}

// Sends `head` (and optional `body`) on a fresh TCP connection and reads the answer
// until the server closes or the declared length has arrived. For requests fetch will
// not send: oversized headers, a declared body larger than the limit, bad framing.
export function rawRequest(port, head, body) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      const buf = Buffer.concat(chunks);
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const headText = buf.subarray(0, sep).toString('latin1');
      const [statusLine, ...lines] = headText.split('\r\n');
      const headers = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const len = Number(headers['content-length'] ?? -1);
      const bodyBuf = buf.subarray(sep + 4);
      if (len >= 0 && bodyBuf.length < len) return;
      settled = true;
      sock.destroy();
      const text = bodyBuf.toString('utf8');
      let parsed = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: parsed });
    };
    sock.on('data', (d) => {
      chunks.push(d);
      finish();
    });
    sock.on('end', () => {
      finish();
      if (!settled) reject(new Error(`connection closed without a full answer: ${Buffer.concat(chunks)}`));
    });
    sock.on('error', (e) => {
      finish();
      if (!settled) reject(e);
    });
    sock.write(body === undefined ? head : Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]));
  });
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Uploads a file as the import routes take it: its bytes as the body, its type as content-type
// and, when given, its name in x-file-name (as the caller writes it); `headers` adds more.
export function uploadFile(client, path, bytes, { type = XLSX, name, headers = {} } = {}) {
  const named = name === undefined ? {} : { 'x-file-name': name };
  return client.request('POST', path, bytes, { headers: { 'content-type': type, ...named, ...headers } });
}

// The headers every answer carries, JSON or not, success or error.
export function assertSecurityHeaders(headers, what = '') {
  const get = (k) => (typeof headers.get === 'function' ? headers.get(k) : headers[k]);
  const csp = get('content-security-policy') || '';
  assert.match(csp, /frame-ancestors 'none'/, `CSP with frame-ancestors ${what}`);
  assert.match(csp, /default-src 'self'/, `CSP default-src ${what}`);
  assert.equal(get('x-content-type-options'), 'nosniff', `nosniff ${what}`);
}

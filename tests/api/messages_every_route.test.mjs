// Issue 9: an English reader gets no Vietnamese message from any route. Every operation of
// docs/openapi.yaml is sent bad input with Accept-Language: en — an empty body, each
// documented field of the wrong type, each field too long or out of range, ids that do not
// exist, a list query with bad parameters — by the admin, and the empty body by the office,
// an officer, an investor and a business as well (for their refusals). Every error message
// that comes back must be English: a Vietnamese letter outside quotes (“…”, the user's own
// data) fails the test, naming the operation and the message. The Vietnamese answers are
// the catalogue's other half (ctest message_catalogue checks both exist).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start } from './lib.mjs';
import { loadSpec, objectShape, resolve } from './openapi_spec.mjs';

const EN = { headers: { 'accept-language': 'en-US,en;q=0.9' } };
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const spec = loadSpec();

// The operations a signed-in user may send bad input to. Signing in and out is left out:
// the walk keeps its sessions.
function operations() {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    if (/\/(login|logout)$/.test(path)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) out.push({ method: method.toUpperCase(), path, op: item[method] });
    }
  }
  return out;
}

function requestShape(op) {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? objectShape(spec, schema) : { properties: {}, required: [] };
}

// A value of the wrong JSON type for a property, and one of the right type that no form
// accepts (too long, out of range, a day that does not exist, a choice that is not offered).
function wrongType(prop) {
  const t = resolve(spec, prop).type;
  return t === 'string' ? 12345 : t === 'array' ? 'x' : t === 'object' ? 'x' : 'x';
}
function outOfRange(prop) {
  const p = resolve(spec, prop);
  if (p.enum) return 'no_such_choice';
  if (p.format === 'date') return '2026-02-30';
  if (p.type === 'string') return 'x'.repeat(20001);
  if (p.type === 'integer' || p.type === 'number') return -999999999;
  if (p.type === 'array') return [{}, 'x', -1];
  if (p.type === 'object') return { no_such_field: 1 };
  return null;
}
// A value a form could hold, to get past the first checks to the rules behind them.
function plausible(prop) {
  const p = resolve(spec, prop);
  if (p.enum) return p.enum[0];
  if (p.format === 'date') return '2026-06-30';
  if (p.type === 'string') return 'Thu nghiem'; // the user's own words may be echoed: no diacritics
  if (p.type === 'integer' || p.type === 'number') return 2;
  if (p.type === 'boolean') return true;
  if (p.type === 'array') return [];
  return {};
}
const mapProps = (shape, f) => Object.fromEntries(Object.entries(shape.properties).map(([k, v]) => [k, f(v)]));
const withRequired = (shape, rest) => ({ ...rest, ...Object.fromEntries(shape.required.map((k) => [k, plausible(shape.properties[k] ?? {})])) });

function bodies(op) {
  const shape = requestShape(op);
  return [
    {},
    mapProps(shape, wrongType),
    mapProps(shape, outOfRange),
    withRequired(shape, mapProps(shape, outOfRange)),
    mapProps(shape, plausible),
    'not json {',
  ];
}

const BAD_QUERY = '?year=abc&page=-1&limit=abc&offset=-5&as_of=2026-02-30&status=no_such&by=no_such&sort=no_such';

// Every message in an error answer: the message and those of the fields or rows it lists.
function messages(body) {
  const e = body?.error;
  if (!e) return [];
  const nested = [...(e.fields ?? []), ...(e.errors ?? []), ...(e.rows ?? [])];
  return [e.message, ...nested.map((x) => x?.message)].filter((m) => typeof m === 'string');
}
const isVietnamese = (m) => VIETNAMESE.test(m.replace(/“[^”]*”|"[^"]*"/g, ''));

async function send(client, who, { method, path }, id, body, found) {
  const url = path.replace(/\{[^}]+\}/g, id) + (method === 'GET' ? BAD_QUERY : '');
  let r = await client.request(method, url, body, EN);
  if (r.status === 401 && who !== 'none') {
    await client.login(who);
    r = await client.request(method, url, body, EN);
  }
  if (r.status < 400) return;
  for (const m of messages(r.body)) if (isVietnamese(m)) found.add(`${method} ${path} (${who}, ${r.status}): ${m}`);
}

for (const db of DBS) {
  describe(`every route answers an English reader in English (${db})`, () => {
    let server;
    before(async () => { server = await start(db); });
    after(async () => server && (await server.close()));

    it('bad input of every kind, sent by the admin', async () => {
      const admin = await server.as('admin');
      const found = new Set();
      for (const o of operations()) {
        // DELETE only what does not exist; other ids: one that exists (2, not the admin) and one that does not.
        const ids = o.method === 'DELETE' ? ['999999999'] : ['2', '999999999'];
        for (const id of ids) {
          for (const body of o.method === 'GET' || o.method === 'DELETE' ? [undefined] : bodies(o.op)) {
            await send(admin, 'admin', o, id, body, found);
          }
        }
      }
      assert.deepEqual([...found], []);
    });

    it('an empty form, sent by each role (their refusals too)', async () => {
      const found = new Set();
      for (const who of ['vanphong', 'canbo.stc', 'chudautu.gt', 'dn.nangluong', 'xem']) {
        const client = await server.as(who);
        for (const o of operations()) {
          if (o.method === 'DELETE') continue;
          await send(client, who, o, '2', o.method === 'GET' ? undefined : {}, found);
        }
      }
      assert.deepEqual([...found], []);
    });
  });
}

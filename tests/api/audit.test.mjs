// The audit log: newest first, filters, scope, and the hash chain's verification, which
// must notice an entry changed behind the server's back — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, psql } from './support.mjs';
import { DBS, TODAY, assertError, assertList, start, unitsByCode, userId } from './lib.mjs';

const ENTRY_KEYS = ['action', 'after', 'at', 'before', 'entity', 'entity_id', 'hash', 'seq', 'unit_id', 'user_id', 'username'];

function assertEntry(e) {
  assert.deepEqual(Object.keys(e).sort(), ENTRY_KEYS, JSON.stringify(e));
  assert.equal(typeof e.seq, 'number');
  assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.ok(e.user_id === null || typeof e.user_id === 'number');
  assert.equal(typeof e.username, 'string');
  assert.match(e.action, /^[a-z_]+\.[a-z_]+$/);
  assert.equal(typeof e.entity, 'string');
  assert.ok(e.unit_id === null || typeof e.unit_id === 'number');
  assert.match(e.hash, /^[0-9a-f]{64}$/);
}

function hasSqliteCli() {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Changes one stored entry directly in the database, as an intruder with file access would.
function tamper(server, seq) {
  const sql = `UPDATE audit_log SET after_json = '{"name":"đã bị sửa"}' WHERE seq = ${seq}`;
  if (server.db.startsWith('sqlite:')) execFileSync('sqlite3', [server.db.slice(7), sql]);
  else psql(server.db, sql);
}

// Every entry a reader sees for a query, page after page (the demo city writes more than one
// page of 500).
async function everyEntry(client, query = '') {
  const items = [];
  for (;;) {
    const r = await client.get(`/api/v1/audit?limit=500&offset=${items.length}${query ? `&${query}` : ''}`);
    items.push(...assertList(r));
    if (items.length >= r.body.total || !r.body.items.length) return items;
  }
}

for (const db of DBS) {
  describe(`audit on ${db}`, () => {
    let server, admin, office;
    before(async () => {
      server = await start(db);
      admin = await server.as('admin');
      office = await server.as('vanphong');
      // Something recent to find: a rename by the office.
      const units = await unitsByCode(office);
      const r = await office.patch(`/api/v1/units/${units.get('MA.STP').id}`, { name: 'Sở Tư pháp thành phố' });
      assert.equal(r.status, 200);
    });
    after(async () => {
      await server?.close();
    });

    it('lists entries newest first, with before and after', async () => {
      const r = await admin.get('/api/v1/audit?limit=1');
      const items = await everyEntry(admin);
      items.forEach(assertEntry);
      assert.equal(items.length, r.body.total);
      for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].seq > items[i].seq, 'newest first');
      assert.equal(items[items.length - 1].seq, 1);
      const rename = items.find((e) => e.action === 'unit.update');
      assert.ok(rename);
      assert.equal(rename.username, 'vanphong');
      assert.equal(rename.entity, 'unit');
      assert.equal(rename.before.name, 'Sở Tư pháp');
      assert.equal(rename.after.name, 'Sở Tư pháp thành phố');
      assert.equal(rename.unit_id, rename.entity_id);
      // The default page is 50 entries.
      const first = await admin.get('/api/v1/audit');
      assert.equal(assertList(first).length, Math.min(50, r.body.total));
      const page = await admin.get('/api/v1/audit?limit=10&offset=10');
      assert.deepEqual(assertList(page), items.slice(10, 20));
    });

    it('filters by entity, entity_id, user and dates', async () => {
      const all = await everyEntry(admin);
      const units = await everyEntry(admin, 'entity=unit');
      assert.ok(units.length > 0 && units.every((e) => e.entity === 'unit'));
      assert.equal(units.length, all.filter((e) => e.entity === 'unit').length);

      const stp = (await unitsByCode(admin)).get('MA.STP').id;
      const one = assertList(await admin.get(`/api/v1/audit?entity=unit&entity_id=${stp}`));
      assert.deepEqual(one.map((e) => e.action), ['unit.update', 'unit.create']);

      const vp = await userId(admin, 'vanphong');
      const mine = await everyEntry(admin, `user_id=${vp}`);
      assert.ok(mine.length >= 2);
      assert.ok(mine.every((e) => e.user_id === vp && e.username === 'vanphong'));

      // The server's clock is fixed on TODAY: every entry is from that day.
      const day = (d, n) => new Date(Date.parse(d) + n * 86400000).toISOString().slice(0, 10);
      const total = async (q) => (await admin.get(`/api/v1/audit?limit=1&${q}`)).body.total;
      assert.equal(await total(`from=${TODAY}&to=${TODAY}`), all.length);
      assert.equal(await total(`from=${day(TODAY, 1)}`), 0);
      assert.equal(await total(`to=${day(TODAY, -1)}`), 0);
      assert.equal(await total(`from=${day(TODAY, -30)}&to=${TODAY}&entity=unit`), units.length);
      assert.equal(await total('entity=khong_co'), 0);
    });

    it('rejects bad filters, naming the parameter', async () => {
      assertError(await admin.get('/api/v1/audit?entity_id=abc'), 400, undefined, 'entity_id');
      assertError(await admin.get('/api/v1/audit?user_id=1x'), 400, undefined, 'user_id');
      assertError(await admin.get('/api/v1/audit?from=hom-nay'), 400, undefined, 'from');
      assertError(await admin.get('/api/v1/audit?to=2026-02-30'), 400, undefined, 'to');
      assertError(await admin.get('/api/v1/audit?limit=501'), 400, undefined, 'limit');
      assertError(await admin.get('/api/v1/audit?offset=-5'), 400, undefined, 'offset');
    });

    it('shows a scoped reader only the entries of its units', async () => {
      const all = await admin.get('/api/v1/audit?limit=1');
      const seen = await everyEntry(office);
      assert.ok(seen.length > 0);
      assert.ok(seen.length < all.body.total, 'logins (no unit) are not in an office’s view');
      assert.ok(seen.every((e) => e.unit_id !== null));

      // An office for one department only.
      const units = await unitsByCode(admin);
      const created = await admin.post('/api/v1/users', {
        username: 'vanphong.stc', full_name: 'Văn phòng Sở Tài chính', password: 'Mat-khau@2026',
        roles: [{ role: 'office', unit_id: units.get('MA.STC').id }],
      });
      assert.equal(created.status, 201);
      const stcOffice = await server.as('vanphong.stc', 'Mat-khau@2026');
      const mine = new Set(assertList(await stcOffice.get('/api/v1/units?include_ended=true')).map((u) => u.id));
      assert.ok(mine.has(units.get('MA.SKHDT').id));
      const entries = await everyEntry(stcOffice);
      assert.ok(entries.length > 0);
      assert.ok(entries.every((e) => mine.has(e.unit_id)), 'only entries of its own units');
      assert.ok(entries.some((e) => e.username === 'vanphong.stc' || e.entity === 'unit'));
      assert.equal((await stcOffice.get(`/api/v1/audit?entity=unit&entity_id=${units.get('MA.STP').id}`)).body.total, 0);
    });

    it('verifies the chain (admin only)', async () => {
      const total = (await admin.get('/api/v1/audit?limit=1')).body.total;
      const r = await admin.get('/api/v1/audit/verify');
      assert.equal(r.status, 200);
      assert.deepEqual({ ok: r.body.ok, checked: r.body.checked, head_seq: r.body.head_seq }, { ok: true, checked: total, head_seq: total });
      assert.match(r.body.head_hash, /^[0-9a-f]{64}$/);
      // The head, kept elsewhere, anchors a later check.
      const anchored = await admin.get(`/api/v1/audit/verify?anchor=${r.body.head_seq}:${r.body.head_hash}`);
      assert.equal(anchored.body.ok, true, JSON.stringify(anchored.body));
      const wrong = await admin.get(`/api/v1/audit/verify?anchor=${r.body.head_seq}:${'0'.repeat(64)}`);
      assert.equal(wrong.body.ok, false);
      assert.equal(wrong.body.first_bad_seq, r.body.head_seq);
      const gone = await admin.get(`/api/v1/audit/verify?anchor=${r.body.head_seq + 1000}:${r.body.head_hash}`);
      assert.equal(gone.body.ok, false);
      assertError(await admin.get('/api/v1/audit/verify?anchor=abc'), 400, 'invalid_input', 'anchor');
      assertError(await office.get('/api/v1/audit/verify'), 403, 'forbidden');
      const leader = await server.as('lanhdao');
      assertError(await leader.get('/api/v1/audit/verify'), 403, 'forbidden');
    });

    it('catches, with an anchor from the command line, a tail removed together with the head row', { skip: db === 'sqlite' && !hasSqliteCli() && 'no sqlite3 CLI' }, async () => {
      const cli = (...args) => spawnSync(BIN, ['audit', 'verify', '--db', server.db, ...args], { encoding: 'utf8' });
      const first = cli();
      assert.equal(first.status, 0, first.stdout + first.stderr);
      const anchor = /Mốc để đối chiếu lần sau[^:]*: (\d+:[0-9a-f]{64})/.exec(first.stdout)?.[1];
      assert.ok(anchor, first.stdout);
      assert.equal(cli('--anchor', anchor).status, 0);
      assert.equal(cli('--anchor', 'not-an-anchor').status, 2, 'a malformed anchor is a usage error');
      // An intruder removes the last two entries and rewrites the head row to match.
      const seq = Number(anchor.split(':')[0]);
      const run = (sql) => (server.db.startsWith('sqlite:') ? execFileSync('sqlite3', [server.db.slice(7), sql], { encoding: 'utf8' }) : psql(server.db, sql));
      run(`DELETE FROM audit_log WHERE seq > ${seq - 2}; UPDATE audit_head SET seq = ${seq - 2}, hash = (SELECT hash FROM audit_log WHERE seq = ${seq - 2});`);
      assert.equal(cli().status, 0, 'without the anchor the shortened chain looks whole');
      const caught = cli('--anchor', anchor);
      assert.equal(caught.status, 1, caught.stdout + caught.stderr);
      assert.match(caught.stdout, new RegExp(`tại mục ${seq - 1}`));
    });

    it('notices an entry changed behind its back', { skip: db === 'sqlite' && !hasSqliteCli() && 'no sqlite3 CLI' }, async () => {
      tamper(server, 5);
      const r = await admin.get('/api/v1/audit/verify');
      assert.equal(r.status, 200);
      assert.equal(r.body.ok, false);
      assert.equal(r.body.first_bad_seq, 5);
      assert.equal(typeof r.body.reason, 'string');
      assert.ok(r.body.reason.length > 0);
      assert.equal(typeof r.body.checked, 'number');
    });
  });
}

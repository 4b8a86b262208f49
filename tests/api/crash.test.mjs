// Durability under a crash: a stream of concurrent writes through the API, the server
// killed with SIGKILL while requests are in flight, then restarted on the same database.
// Every write that was acknowledged (2xx) must be there, nothing half-written may be
// (each unit and its audit entries committed together), and the audit chain must verify,
// through the API and through `dieuhanh audit verify`. On SQLite and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, psql, scratchDb, startServer } from './support.mjs';

const WORKERS = 8;
const ROUNDS = 2; // kill, restart, write again, kill again
const CREATED_FROM = '2025-01-01';
const MERGE_DATE = '2025-07-01';
const ENDED_ON = '2025-06-30';
const TODAY = '2026-01-15';

// A small deterministic PRNG (mulberry32), so a failing run can be replayed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What the clients were told, unit by unit. A write whose answer never came (the
// server died first) may or may not have happened: it is kept as a possibility.
class Model {
  constructor() {
    this.units = new Map(); // id -> { id, code, name, pendingName, ended, pendingEnd, mergedFrom }
    this.maybeCodes = new Set(); // creates whose answer never came
    this.acked = 0;
  }
  acceptedNames(u) {
    return u.pendingName === null ? [u.name] : [u.name, u.pendingName];
  }
}

// One round: log in, let WORKERS clients write until `killAfter` writes are
// acknowledged, then SIGKILL the server at once, with the other requests in flight.
async function writeUntilKilled(server, model, round, killAfter) {
  const c = server.client();
  assert.equal((await c.login('vanphong')).status, 200);
  const list = await c.get('/api/v1/units?q=MA&limit=1000');
  const ma = list.body.items.find((u) => u.code === 'MA');
  assert.ok(ma, 'the demo city MA is visible to vanphong');

  let acked = 0;
  let inFlight = 0;
  let killed = false;
  let inFlightAtKill = -1;
  const serverErrors = [];
  let killDone = null;

  const kill = () => {
    if (killed) return;
    killed = true;
    inFlightAtKill = inFlight;
    killDone = server.stop('SIGKILL');
  };

  // Sends one request; returns the response, or null when the server died before
  // answering (the write may or may not have committed).
  async function send(method, path, body) {
    inFlight++;
    try {
      const r = await c.request(method, path, body);
      if (r.status >= 500) serverErrors.push(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r;
    } catch {
      return null; // connection reset or refused: the server is gone
    } finally {
      inFlight--;
    }
  }
  function ack() {
    model.acked++;
    if (++acked >= killAfter) kill();
  }

  async function worker(w) {
    const rand = rng(1000 * round + w + 1);
    const live = []; // units this worker created before MERGE_DATE and has not merged
    const mergedUnits = []; // units this worker created by merging
    let n = 0;
    while (!killed) {
      n++;
      const roll = rand();
      if (roll < 0.1 && live.length >= 2) {
        // Merge two of our units into a new one.
        const a = live.splice(Math.floor(rand() * live.length), 1)[0];
        const b = live.splice(Math.floor(rand() * live.length), 1)[0];
        const code = `CR${round}.W${w}.M${n}`;
        a.pendingEnd = b.pendingEnd = true;
        model.maybeCodes.add(code);
        const r = await send('POST', '/api/v1/units/restructure', {
          kind: 'merge',
          date: MERGE_DATE,
          source_ids: [a.id, b.id],
          target_ids: [],
          new_units: [{ code, name: `Đơn vị sáp nhập ${round}-${w}-${n}`, kind: 'agency', parent_id: ma.id }],
          note: `Thử nghiệm sự cố, vòng ${round}`,
        });
        if (r && r.status === 201) {
          const succ = r.body.successors[0];
          assert.equal(succ.code, code);
          a.ended = b.ended = true;
          a.pendingEnd = b.pendingEnd = false;
          model.maybeCodes.delete(code);
          const u = { id: succ.id, code, name: succ.name, pendingName: null, ended: false, pendingEnd: false, mergedFrom: [a.id, b.id] };
          model.units.set(u.id, u);
          mergedUnits.push(u);
          ack();
        } else if (r && r.status < 500) {
          assert.fail(`merge refused: ${r.status} ${JSON.stringify(r.body)}`);
        }
      } else if (roll < 0.4 && live.length + mergedUnits.length > 0) {
        // Rename one of our live units.
        const pool = live.concat(mergedUnits);
        const u = pool[Math.floor(rand() * pool.length)];
        const name = `Đơn vị thử ${round}-${w}-${n} (đã đổi tên)`;
        u.pendingName = name;
        const r = await send('PATCH', `/api/v1/units/${u.id}`, { name });
        if (r && r.status === 200) {
          assert.equal(r.body.name, name);
          u.name = name;
          u.pendingName = null;
          ack();
        } else if (r && r.status < 500) {
          assert.fail(`rename refused: ${r.status} ${JSON.stringify(r.body)}`);
        }
      } else {
        const code = `CR${round}.W${w}.U${n}`;
        const name = `Đơn vị thử ${round}-${w}-${n}`;
        model.maybeCodes.add(code);
        const r = await send('POST', '/api/v1/units', {
          code,
          name,
          kind: 'agency',
          parent_id: ma.id,
          valid_from: CREATED_FROM,
        });
        if (r && r.status === 201) {
          assert.equal(r.body.code, code);
          model.maybeCodes.delete(code);
          const u = { id: r.body.id, code, name, pendingName: null, ended: false, pendingEnd: false, mergedFrom: null };
          model.units.set(u.id, u);
          live.push(u);
          ack();
        } else if (r && r.status < 500) {
          assert.fail(`create refused: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }
    }
  }

  const workers = [];
  for (let w = 0; w < WORKERS; w++) workers.push(worker(w));
  // A worker that fails stops the round, so the others do not write forever.
  await Promise.all(workers.map((p) => p.catch((e) => { kill(); throw e; })));
  await killDone;
  assert.equal(server.proc.signalCode, 'SIGKILL', 'the server was killed, not stopped');
  assert.deepEqual(serverErrors, [], 'no write failed with a server error before the crash');
  assert.ok(inFlightAtKill > 0, `requests were in flight when the server was killed (${inFlightAtKill})`);
  return { acked, inFlightAtKill };
}

async function allPages(c, path, pageSize) {
  const items = [];
  for (let offset = 0; ; offset += pageSize) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await c.get(`${path}${sep}limit=${pageSize}&offset=${offset}`);
    assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
    items.push(...r.body.items);
    if (r.body.items.length < pageSize || items.length >= r.body.total) {
      assert.equal(items.length, r.body.total, `${path}: every page read`);
      return items;
    }
  }
}

// Checks the restarted server against the model: every acknowledged write there, each
// unit with exactly its audit entries, no unit or audit entry without the other.
async function checkDurable(server, model) {
  const admin = server.client();
  assert.equal((await admin.login('admin')).status, 200);
  const office = server.client();
  assert.equal((await office.login('vanphong')).status, 200);

  const units = await allPages(admin, '/api/v1/units?include_ended=true', 20000);
  const byId = new Map(units.map((u) => [u.id, u]));
  const audit = await allPages(admin, '/api/v1/audit?entity=unit', 500);
  audit.sort((x, y) => x.seq - y.seq);
  const creates = new Map();
  const updates = new Map(); // id -> last unit.update entry
  const restructures = new Map(); // id -> unit.restructure entries
  for (const e of audit) {
    if (e.action === 'unit.create') {
      assert.ok(!creates.has(e.entity_id), `unit ${e.entity_id} has one unit.create entry`);
      creates.set(e.entity_id, e);
    } else if (e.action === 'unit.update') {
      updates.set(e.entity_id, e);
    } else if (e.action === 'unit.restructure') {
      if (!restructures.has(e.entity_id)) restructures.set(e.entity_id, []);
      restructures.get(e.entity_id).push(e);
    }
  }

  // Nothing half-written: a unit exists if and only if its creation was audited, and
  // its name is the one its last audited change wrote.
  for (const u of units) {
    const created = creates.get(u.id);
    assert.ok(created, `unit ${u.code} (${u.id}) has its unit.create audit entry`);
    assert.equal(created.after.code, u.code);
    const last = updates.get(u.id) || created;
    assert.equal(last.after.name, u.name, `unit ${u.code}: name as its last audit entry wrote it`);
    assert.equal(u.valid_to !== null, restructures.has(u.id) || (updates.get(u.id)?.after.valid_to ?? null) !== null,
      `unit ${u.code}: ended if and only if an audited change ended it`);
  }
  for (const id of creates.keys()) assert.ok(byId.has(id), `audited unit ${id} exists`);

  // Every acknowledged write is there.
  const known = new Set();
  for (const m of model.units.values()) {
    known.add(m.code);
    const u = byId.get(m.id);
    assert.ok(u, `acknowledged unit ${m.code} (${m.id}) survived the crash`);
    assert.equal(u.code, m.code);
    assert.ok(model.acceptedNames(m).includes(u.name),
      `unit ${m.code}: name ${JSON.stringify(u.name)} is one of ${JSON.stringify(model.acceptedNames(m))}`);
    if (m.ended) assert.equal(u.valid_to, ENDED_ON, `merged unit ${m.code} stays ended`);
    else if (!m.pendingEnd) assert.equal(u.valid_to, null, `unit ${m.code} was never ended`);
    if (m.ended !== (u.valid_to !== null)) {
      // A merge that was in flight and committed: then it did so completely.
      assert.ok(m.pendingEnd);
    }
    // The office finds it by id and by code, as a user would.
    const one = await office.get(`/api/v1/units/${m.id}`);
    assert.equal(one.status, 200, `GET unit ${m.id}`);
    assert.equal(one.body.name, u.name);
    if (m.mergedFrom) {
      assert.deepEqual(one.body.predecessors.map((p) => p.id).sort((x, y) => x - y),
        [...m.mergedFrom].sort((x, y) => x - y), `merged unit ${m.code} has its predecessors`);
    }
  }
  for (const m of model.units.values()) {
    if (m.mergedFrom || m.id % 7 !== 0) continue; // a sample: the search is not what is tested
    const found = await office.get(`/api/v1/units?include_ended=true&q=${encodeURIComponent(m.code)}`);
    assert.ok(found.body.items.some((u) => u.id === m.id), `unit ${m.code} found by its code`);
  }
  // A merge is all or nothing: its new unit exists exactly when both sources ended.
  for (const u of units) {
    if (!/^CR\d+\.W\d+\.M\d+$/.test(u.code)) continue;
    const one = await admin.get(`/api/v1/units/${u.id}`);
    assert.equal(one.body.predecessors.length, 2, `merged unit ${u.code} has both predecessors`);
    for (const p of one.body.predecessors) {
      assert.equal(byId.get(p.id).valid_to, ENDED_ON, `predecessor ${p.code} of ${u.code} ended`);
      assert.equal(restructures.get(p.id)?.length, 1, `predecessor ${p.code} has its unit.restructure entry`);
    }
  }
  // No unit appeared that no client asked for.
  for (const u of units) {
    if (!u.code.startsWith('CR')) continue;
    assert.ok(known.has(u.code) || model.maybeCodes.has(u.code), `unit ${u.code} was asked for`);
  }

  const verify = await admin.get('/api/v1/audit/verify');
  assert.equal(verify.status, 200);
  assert.equal(verify.body.ok, true, `audit chain: ${JSON.stringify(verify.body)}`);
  assert.ok(verify.body.checked >= audit.length);
  return { units: units.length, auditEntries: verify.body.checked };
}

// The same checks in SQL, below the API: every unit row has its creation audited.
function checkInSql(kind, url) {
  const orphans =
    "SELECT COUNT(*) FROM units u WHERE NOT EXISTS (SELECT 1 FROM audit_log a " +
    "WHERE a.action = 'unit.create' AND a.entity = 'unit' AND a.entity_id = u.id)";
  const ghosts =
    "SELECT COUNT(*) FROM audit_log a WHERE a.action = 'unit.create' AND a.entity = 'unit' " +
    'AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = a.entity_id)';
  const head = 'SELECT (SELECT seq FROM audit_head WHERE id = 1) - (SELECT MAX(seq) FROM audit_log)';
  const run =
    kind === 'sqlite'
      ? (sql) => execFileSync('sqlite3', [url.slice('sqlite:'.length), sql], { encoding: 'utf8' }).trim()
      : (sql) => psql(url, sql).trim();
  assert.equal(run(orphans), '0', 'no unit row without its unit.create audit entry');
  assert.equal(run(ghosts), '0', 'no unit.create audit entry without its unit row');
  assert.equal(run(head), '0', 'the audit head is the last entry');
  if (kind === 'sqlite') assert.equal(run('PRAGMA integrity_check'), 'ok');
}

for (const kind of ['sqlite', 'postgres']) {
  test(`acknowledged writes survive SIGKILL on ${kind}`, async (t) => {
    const db = scratchDb(kind);
    const model = new Model();
    let server = null;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        server = await startServer({ db: db.url, demo: round === 0, now: TODAY });
        if (round > 0) await checkDurable(server, model);
        const killAfter = 90 + 53 * round;
        const { acked, inFlightAtKill } = await writeUntilKilled(server, model, round, killAfter);
        assert.ok(acked >= killAfter);
        t.diagnostic(`${kind} round ${round}: ${acked} writes acknowledged, ${inFlightAtKill} in flight at SIGKILL`);
        server = null;
      }

      server = await startServer({ db: db.url, demo: false, now: TODAY });
      const seen = await checkDurable(server, model);
      checkInSql(kind, db.url);

      // The restarted server keeps writing onto the same chain.
      const c = server.client();
      assert.equal((await c.login('vanphong')).status, 200);
      const ma = (await c.get('/api/v1/units?q=MA&limit=1000')).body.items.find((u) => u.code === 'MA');
      const after = await c.post('/api/v1/units', { code: 'CR.AFTER', name: 'Sau sự cố', kind: 'agency', parent_id: ma.id });
      assert.equal(after.status, 201);
      model.units.set(after.body.id, { id: after.body.id, code: 'CR.AFTER', name: 'Sau sự cố', pendingName: null, ended: false, pendingEnd: false, mergedFrom: null });
      await checkDurable(server, model);
      await server.stop('SIGTERM');
      assert.equal(server.proc.exitCode, 0, `clean stop: ${server.stderr()}`);
      server = null;

      const cli = spawnSync(BIN, ['audit', 'verify', '--db', db.url], { encoding: 'utf8' });
      assert.equal(cli.status, 0, `dieuhanh audit verify: ${cli.stdout}${cli.stderr}`);
      checkInSql(kind, db.url);
      assert.ok(seen.units > model.units.size);
    } finally {
      // support.mjs stop() waits for an exit that already happened when the process
      // died of a signal: only stop a server that still runs.
      if (server && server.proc.exitCode === null && server.proc.signalCode === null) await server.stop('SIGKILL');
      db.cleanup();
    }
  });
}

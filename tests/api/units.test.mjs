// Units: the tree as of a date, search without diacritics, create, edit, end, and the
// restructurings (merge, split) with their errors — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, TODAY, assertError, assertList, assertUnchanged, snapshot, start, unitsByCode, userId } from './lib.mjs';

const UNIT_KEYS = ['active', 'code', 'id', 'kind', 'name', 'parent_id', 'valid_from', 'valid_to'];

function assertUnit(u) {
  for (const k of UNIT_KEYS) assert.ok(k in u, `unit has ${k}: ${JSON.stringify(u)}`);
  assert.equal(typeof u.id, 'number');
  assert.equal(typeof u.code, 'string');
  assert.equal(typeof u.active, 'boolean');
  assert.match(u.valid_from, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(u.valid_to === null || /^\d{4}-\d{2}-\d{2}$/.test(u.valid_to));
  assert.ok(u.parent_id === null || typeof u.parent_id === 'number');
}

// Parents come before their children.
function assertTreeOrder(items) {
  const pos = new Map(items.map((u, i) => [u.id, i]));
  for (const [i, u] of items.entries())
    if (u.parent_id !== null && pos.has(u.parent_id)) assert.ok(pos.get(u.parent_id) < i, `${u.code} after its parent`);
}

async function list(c, query = '') {
  const items = assertList(await c.get(`/api/v1/units${query}`));
  items.forEach(assertUnit);
  return items;
}

for (const db of DBS) {
  describe(`units on ${db}`, () => {
    let server, office, admin, codes;
    const id = (code) => {
      assert.ok(codes.has(code), `unit ${code}`);
      return codes.get(code).id;
    };
    const refresh = async () => {
      codes = await unitsByCode(admin);
    };

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      admin = await server.as('admin');
      await refresh();
    });
    after(async () => {
      await server?.close();
    });

    it('lists the tree of today, parents before children', async () => {
      const r = await office.get('/api/v1/units');
      const items = assertList(r);
      items.forEach(assertUnit);
      assert.equal(r.body.total, items.length);
      assertTreeOrder(items);
      assert.equal(items[0].code, 'MA');
      assert.ok(items.every((u) => u.active && u.valid_from <= TODAY && (u.valid_to === null || u.valid_to >= TODAY)));
      const byCode = new Map(items.map((u) => [u.code, u]));
      assert.ok(byCode.has('MA.STC') && byCode.has('MA.P.TRUNGTAM') && byCode.has('MA.SNNMT'));
      assert.ok(!byCode.has('MA.SKHDT'), 'an ended unit is not in today’s tree');
      assert.ok(!byCode.has('MA.Q1'), 'districts ended on 2025-06-30');
      assert.equal(byCode.get('MA.TTPTQD').parent_id, byCode.get('MA.SNNMT').id, 'children moved to the merged department');
    });

    it('lists the tree as of a past date, and ended units on request', async () => {
      const before = new Map((await list(office, '?as_of=2025-06-30')).map((u) => [u.code, u]));
      assert.ok(before.has('MA.Q1') && before.has('MA.Q1.AH'));
      assert.equal(before.get('MA.Q1.AH').parent_id, before.get('MA.Q1').id);
      assert.ok(!before.has('MA.P.TRUNGTAM'), 'not founded yet');
      assert.ok(!before.has('MA.SKHDT'), 'merged on 2025-03-01');
      const older = new Map((await list(office, '?as_of=2025-02-28')).map((u) => [u.code, u]));
      assert.ok(older.has('MA.SKHDT') && older.get('MA.SKHDT').active);
      assert.equal(older.get('MA.TTPTQD').parent_id, older.get('MA.STNMT').id, 'the structure of that time');
      assertTreeOrder([...older.values()]);

      const all = await list(office, '?include_ended=true');
      const skhdt = all.find((u) => u.code === 'MA.SKHDT');
      assert.ok(skhdt);
      assert.equal(skhdt.active, false);
      assert.equal(skhdt.valid_to, '2025-02-28');
      assert.ok(all.length > (await list(office)).length);
    });

    it('searches names without diacritics or case', async () => {
      const names = async (q, extra = '') =>
        (await list(office, `?q=${encodeURIComponent(q)}${extra}`)).map((u) => u.name).sort();
      assert.deepEqual(await names('hoa sen'), ['Phường Hoa Sen Tây', 'Phường Hoa Sen Đông']);
      assert.deepEqual(await names('HOA SEN DONG'), ['Phường Hoa Sen Đông']);
      assert.deepEqual(await names('hoa sen đông'), ['Phường Hoa Sen Đông']);
      assert.deepEqual(await names('so tai chinh'), ['Sở Tài chính']);
      assert.deepEqual(await names('hoa sen', '&as_of=2025-06-30'), ['Phường Hoa Sen']);
      assert.deepEqual(await names('ke hoach va dau tu', '&include_ended=true'), ['Sở Kế hoạch và Đầu tư']);
      assert.deepEqual(await names('MA.SXD'), ['Sở Xây dựng'], 'codes are searched too');
      assert.deepEqual(await names('khong co don vi nao nhu the'), []);
    });

    it('filters by kind and pages with limit/offset', async () => {
      const wards = await list(office, '?kind=ward');
      assert.ok(wards.length >= 9);
      assert.ok(wards.every((u) => u.kind === 'ward'));
      const all = await list(office);
      const r = await office.get('/api/v1/units?limit=5&offset=5');
      assert.deepEqual(assertList(r), all.slice(5, 10));
      assert.equal(r.body.total, all.length);
      const tail = await office.get(`/api/v1/units?offset=${all.length}`);
      assert.deepEqual(assertList(tail), []);
      assert.equal(tail.body.total, all.length);
    });

    it('rejects bad list parameters with the field named', async () => {
      assertError(await office.get('/api/v1/units?as_of=2025-13-01'), 400, undefined, 'as_of');
      assertError(await office.get('/api/v1/units?as_of=01/07/2025'), 400, undefined, 'as_of');
      assertError(await office.get('/api/v1/units?limit=abc'), 400, undefined, 'limit');
      assertError(await office.get('/api/v1/units?limit=0'), 400, undefined, 'limit');
      assertError(await office.get('/api/v1/units?limit=1000000'), 400, undefined, 'limit');
      assertError(await office.get('/api/v1/units?offset=-1'), 400, undefined, 'offset');
    });

    it('reads one unit with predecessors, successors and parent history', async () => {
      const r = await office.get(`/api/v1/units/${id('MA.STC')}`);
      assert.equal(r.status, 200);
      assertUnit(r.body);
      assert.equal(r.body.code, 'MA.STC');
      const pred = r.body.predecessors.find((p) => p.code === 'MA.SKHDT');
      assert.ok(pred, JSON.stringify(r.body.predecessors));
      assert.equal(pred.id, id('MA.SKHDT'));
      assert.equal(pred.date, '2025-03-01');
      assert.equal(pred.event_kind, 'merge');
      assert.equal(typeof pred.event_id, 'number');
      assert.equal(typeof pred.name, 'string');
      assert.deepEqual(r.body.successors, []);
      assert.equal(r.body.parents.length, 1);
      assert.equal(r.body.parents[0].parent_id, id('MA'));
      assert.equal(r.body.parents[0].valid_from, '2020-01-01');
      assert.equal(r.body.parents[0].valid_to, null);
      assert.equal(typeof r.body.parents[0].parent_name, 'string');

      const old = await office.get(`/api/v1/units/${id('MA.SKHDT')}`);
      assert.equal(old.status, 200);
      assert.equal(old.body.active, false);
      assert.equal(old.body.valid_to, '2025-02-28');
      assert.equal(old.body.parent_id, id('MA'), 'an ended unit shows the parent of its last day');
      assert.deepEqual(old.body.successors.map((s) => s.code), ['MA.STC']);

      const split = await office.get(`/api/v1/units/${id('MA.Q2.HS')}`);
      assert.deepEqual(split.body.successors.map((s) => s.code).sort(), ['MA.P.HSDONG', 'MA.P.HSTAY']);
      assert.ok(split.body.successors.every((s) => s.event_kind === 'split'));
    });

    it('answers 404 for unknown or malformed ids', async () => {
      assertError(await office.get('/api/v1/units/999999'), 404, 'not_found');
      assertError(await office.get('/api/v1/units/abc'), 404);
      assertError(await office.get('/api/v1/units/0'), 404);
      assertError(await office.get('/api/v1/units/-3'), 404);
      assertError(await office.get('/api/v1/units/1.5'), 404);
      assertError(await office.get('/api/v1/units/99999999999999999999999'), 404);
      assertError(await office.patch('/api/v1/units/999999', { name: 'x' }), 404, 'not_found');
      assertError(await office.patch('/api/v1/units/abc', { name: 'x' }), 404);
    });

    it('creates a unit and records it in the audit log', async () => {
      const body = { code: 'MA.BCD', name: 'Ban Chỉ đạo chuyển đổi số', kind: 'agency', parent_id: id('MA'), valid_from: '2026-01-01' };
      const r = await office.post('/api/v1/units', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assertUnit(r.body);
      assert.deepEqual(
        { code: r.body.code, name: r.body.name, kind: r.body.kind, parent_id: r.body.parent_id, valid_from: r.body.valid_from, valid_to: r.body.valid_to, active: r.body.active },
        { ...body, valid_to: null, active: true },
      );
      const got = await office.get(`/api/v1/units/${r.body.id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.name, body.name);
      const items = await list(office);
      assert.ok(items.some((u) => u.id === r.body.id));
      assertTreeOrder(items);
      const audit = assertList(await admin.get(`/api/v1/audit?entity=unit&entity_id=${r.body.id}`));
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'unit.create');
      assert.equal(audit[0].username, 'vanphong');
      assert.equal(audit[0].before, null);
      assert.equal(audit[0].after.code, 'MA.BCD');

      // Defaults: founded today, no end. Text is trimmed.
      const d = await office.post('/api/v1/units', { code: 'MA.BCD.TK', name: '  Tổ thư ký  ', kind: 'other', parent_id: r.body.id });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      assert.equal(d.body.valid_from, TODAY);
      assert.equal(d.body.name, 'Tổ thư ký');
      await refresh();
    });

    it('refuses invalid units, naming the field, and writes nothing', async () => {
      const snap = await snapshot(admin);
      const ok = { code: 'MA.NEW', name: 'Đơn vị mới', kind: 'agency', parent_id: id('MA') };
      const cases = [
        [{ ...ok, code: 'MA.STC' }, 409, 'already_exists', 'code'],
        [{ ...ok, code: undefined }, 400, undefined, 'code'],
        [{ ...ok, code: '' }, 400, undefined, 'code'],
        [{ ...ok, name: undefined }, 400, undefined, 'name'],
        [{ ...ok, name: '   ' }, 400, undefined, 'name'],
        [{ ...ok, name: 'x'.repeat(301) }, 400, 'too_long', 'name'],
        [{ ...ok, kind: 'province' }, 400, undefined, 'kind'],
        [{ ...ok, kind: 3 }, 400, 'wrong_type', 'kind'],
        [{ ...ok, parent_id: 999999 }, 400, undefined, 'parent_id'],
        [{ ...ok, parent_id: '1' }, 400, 'wrong_type', 'parent_id'],
        [{ ...ok, parent_id: 1.5 }, 400, 'wrong_type', 'parent_id'],
        [{ ...ok, parent_id: id('MA.SKHDT') }, 400, undefined, 'parent_id'],
        [{ ...ok, valid_from: '2026-02-30' }, 400, 'invalid_date', 'valid_from'],
        [{ ...ok, valid_from: 20260101 }, 400, 'invalid_date', 'valid_from'],
        [{ ...ok, valid_from: '2026-01-10', valid_to: '2026-01-01' }, 400, undefined, 'valid_to'],
      ];
      for (const [body, status, code, field] of cases) {
        const r = await office.post('/api/v1/units', body);
        assertError(r, status, code, field);
      }
      await assertUnchanged(admin, snap, 'after refused creates');
    });

    it('edits name and kind, keeps the code, moves a unit from a date', async () => {
      const bcd = id('MA.BCD');
      const r = await office.patch(`/api/v1/units/${bcd}`, { name: 'Ban Chỉ đạo về chuyển đổi số', kind: 'other' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assertUnit(r.body);
      assert.equal(r.body.name, 'Ban Chỉ đạo về chuyển đổi số');
      assert.equal(r.body.kind, 'other');
      assert.equal(r.body.code, 'MA.BCD');
      assert.equal((await office.patch(`/api/v1/units/${bcd}`, { code: 'MA.BCD' })).status, 200, 'the same code is fine');

      const snap = await snapshot(admin);
      assertError(await office.patch(`/api/v1/units/${bcd}`, { code: 'MA.KHAC' }), 400, undefined, 'code');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { name: '' }), 400, undefined, 'name');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { kind: 'nope' }), 400, undefined, 'kind');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { valid_to: 'mai' }), 400, 'invalid_date', 'valid_to');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { valid_to: '2025-01-01' }), 400, undefined, 'valid_to');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { parent_id: id('MA.BCD.TK') }), 400, undefined, 'parent_id');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { parent_id: id('MA.SKHDT') }), 400, undefined, 'parent_id');
      assertError(await office.patch(`/api/v1/units/${bcd}`, { parent_id: id('MA'), effective: 'x' }), 400, 'invalid_date', 'effective');
      await assertUnchanged(admin, snap, 'after refused edits');

      const moved = await office.patch(`/api/v1/units/${bcd}`, { parent_id: id('MA.STC'), effective: '2026-02-01' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.parent_id, id('MA.STC'));
      const at = async (day) => (await list(office, `?as_of=${day}&q=MA.BCD`)).find((u) => u.code === 'MA.BCD');
      assert.equal((await at('2026-01-20')).parent_id, id('MA'), 'the past keeps its structure');
      assert.equal((await at('2026-02-01')).parent_id, id('MA.STC'));
      const detail = await office.get(`/api/v1/units/${bcd}`);
      assert.deepEqual(
        detail.body.parents.map((p) => [p.parent_id, p.valid_from, p.valid_to]),
        [[id('MA'), '2026-01-01', '2026-01-31'], [id('MA.STC'), '2026-02-01', null]],
      );
    });

    it('ends a unit; a unit with live children cannot end (409)', async () => {
      const snap = await snapshot(admin);
      const r = await office.patch(`/api/v1/units/${id('MA')}`, { valid_to: '2026-06-30' });
      assertError(r, 409, 'has_active_children', 'valid_to');
      assertError(await office.patch(`/api/v1/units/${id('MA.BCD')}`, { valid_to: '2026-03-31' }), 409, 'has_active_children', 'valid_to');
      await assertUnchanged(admin, snap, 'after a refused end');

      const leaf = await office.patch(`/api/v1/units/${id('MA.BCD.TK')}`, { valid_to: '2026-03-31' });
      assert.equal(leaf.status, 200, JSON.stringify(leaf.body));
      assert.equal(leaf.body.valid_to, '2026-03-31');
      assert.equal(leaf.body.active, true, 'still active today');
      const parent = await office.patch(`/api/v1/units/${id('MA.BCD')}`, { valid_to: '2026-03-31' });
      assert.equal(parent.status, 200, JSON.stringify(parent.body));
      const after = (await list(office, '?as_of=2026-04-01')).map((u) => u.code);
      assert.ok(!after.includes('MA.BCD') && !after.includes('MA.BCD.TK'));
      const lastDay = (await list(office, '?as_of=2026-03-31')).map((u) => u.code);
      assert.ok(lastDay.includes('MA.BCD') && lastDay.includes('MA.BCD.TK'), 'valid_to is inclusive');
    });

    it('merges two departments into a new one: children and roles follow', async () => {
      // A child of one source and an officer of the other.
      const child = await office.post('/api/v1/units', { code: 'MA.SYT.BV', name: 'Bệnh viện Đa khoa Minh An', kind: 'agency', parent_id: id('MA.SYT'), valid_from: '2025-01-01' });
      assert.equal(child.status, 201, JSON.stringify(child.body));
      const officer = await admin.post('/api/v1/users', {
        username: 'canbo.sgddt', full_name: 'Cán bộ Sở Giáo dục', password: 'Demo@2026x',
        roles: [{ role: 'officer', unit_id: id('MA.SGDDT') }],
      });
      assert.equal(officer.status, 201, JSON.stringify(officer.body));
      const auditBefore = assertList(await admin.get('/api/v1/audit?limit=1'));

      const r = await office.post('/api/v1/units/restructure', {
        kind: 'merge', date: '2026-02-01', source_ids: [id('MA.SYT'), id('MA.SGDDT')], target_ids: [],
        new_units: [{ code: 'MA.SVHXH', name: 'Sở Văn hóa – Xã hội', kind: 'department', parent_id: id('MA') }],
        note: 'Hợp nhất Sở Y tế và Sở Giáo dục (thử nghiệm)',
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(typeof r.body.event_id, 'number');
      assert.equal(r.body.kind, 'merge');
      assert.equal(r.body.date, '2026-02-01');
      assert.deepEqual(r.body.sources.map((u) => u.code), ['MA.SYT', 'MA.SGDDT']);
      assert.ok(r.body.sources.every((u) => u.valid_to === '2026-01-31'));
      assert.equal(r.body.successors.length, 1);
      const succ = r.body.successors[0];
      assertUnit(succ);
      assert.equal(succ.code, 'MA.SVHXH');
      assert.equal(succ.valid_from, '2026-02-01');
      assert.equal(succ.parent_id, id('MA'));
      assert.deepEqual([r.body.moved.children, r.body.moved.roles], [1, 1], JSON.stringify(r.body.moved));

      const at = async (day) => new Map((await list(office, `?as_of=${day}`)).map((u) => [u.code, u]));
      const afterDay = await at('2026-02-01');
      assert.ok(!afterDay.has('MA.SYT') && !afterDay.has('MA.SGDDT') && afterDay.has('MA.SVHXH'));
      assert.equal(afterDay.get('MA.SYT.BV').parent_id, succ.id);
      const beforeDay = await at('2026-01-31');
      assert.ok(beforeDay.has('MA.SYT') && !beforeDay.has('MA.SVHXH'));
      assert.equal(beforeDay.get('MA.SYT.BV').parent_id, id('MA.SYT'));

      const user = await admin.get(`/api/v1/users/${officer.body.id}`);
      assert.deepEqual(user.body.roles.map((x) => [x.role, x.unit_code]), [['officer', 'MA.SVHXH']]);

      const detail = await office.get(`/api/v1/units/${succ.id}`);
      assert.deepEqual(detail.body.predecessors.map((p) => p.code).sort(), ['MA.SGDDT', 'MA.SYT']);

      const events = await office.get('/api/v1/units/restructure-events');
      const ev = assertList(events).find((e) => e.id === r.body.event_id);
      assert.ok(ev);
      assert.equal(events.body.items[0].id, r.body.event_id, 'newest first');
      assert.equal(ev.kind, 'merge');
      assert.equal(ev.date, '2026-02-01');
      assert.equal(ev.note, 'Hợp nhất Sở Y tế và Sở Giáo dục (thử nghiệm)');
      assert.deepEqual(ev.sources.map((s) => s.code).sort(), ['MA.SGDDT', 'MA.SYT']);
      assert.deepEqual(ev.successors.map((s) => s.code), ['MA.SVHXH']);
      assert.ok(ev.sources.every((s) => typeof s.id === 'number' && typeof s.name === 'string'));

      const audit = assertList(await admin.get(`/api/v1/audit?limit=50`));
      const fresh = audit.filter((e) => e.seq > auditBefore[0].seq).map((e) => e.action);
      assert.ok(fresh.includes('unit.create') && fresh.includes('unit.restructure') && fresh.includes('unit.move') && fresh.includes('user.roles_transfer'), fresh.join());
      await refresh();
    });

    it('merges into an existing unit', async () => {
      const r = await office.post('/api/v1/units/restructure', {
        kind: 'merge', date: '2026-03-01', source_ids: [id('MA.SCT')], target_ids: [id('MA.STC')],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(r.body.successors.map((u) => u.code), ['MA.STC']);
      assert.deepEqual([r.body.moved.children, r.body.moved.roles], [0, 0], JSON.stringify(r.body.moved));
      assert.ok(Object.values(r.body.moved).every(Number.isInteger), 'counts per feature');
      const stc = await office.get(`/api/v1/units/${id('MA.STC')}`);
      assert.deepEqual(stc.body.predecessors.map((p) => p.code).sort(), ['MA.SCT', 'MA.SKHDT']);
    });

    it('splits a unit into two new ones: children go to the first', async () => {
      const r = await office.post('/api/v1/units/restructure', {
        kind: 'split', date: '2026-03-01', source_ids: [id('MA.SNNMT')],
        new_units: [
          { code: 'MA.SNN', name: 'Sở Nông nghiệp', kind: 'department', parent_id: id('MA') },
          { code: 'MA.SMT', name: 'Sở Môi trường', kind: 'department', parent_id: id('MA') },
        ],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.kind, 'split');
      assert.deepEqual(r.body.successors.map((u) => u.code), ['MA.SNN', 'MA.SMT']);
      assert.deepEqual(r.body.sources.map((u) => [u.code, u.valid_to]), [['MA.SNNMT', '2026-02-28']]);
      assert.equal(r.body.moved.children, 1);
      const after = new Map((await list(office, '?as_of=2026-03-01')).map((u) => [u.code, u]));
      assert.equal(after.get('MA.TTPTQD').parent_id, r.body.successors[0].id);
      const ev = assertList(await office.get('/api/v1/units/restructure-events')).find((e) => e.id === r.body.event_id);
      assert.deepEqual(ev.successors.map((s) => s.code).sort(), ['MA.SMT', 'MA.SNN']);
      assert.deepEqual(ev.sources.map((s) => s.code), ['MA.SNNMT']);
      await refresh();
    });

    it('refuses invalid restructurings, naming the field, and writes nothing', async () => {
      const snap = await snapshot(admin);
      const merge = { kind: 'merge', date: '2026-06-01', source_ids: [id('MA.SNV')], target_ids: [id('MA.STP')] };
      const split = { kind: 'split', date: '2026-06-01', source_ids: [id('MA.SNV')], target_ids: [id('MA.STP'), id('MA.SVHTTDL')] };
      const newUnit = (code, extra = {}) => ({ code, name: `Đơn vị ${code}`, kind: 'department', parent_id: id('MA'), ...extra });
      const cases = [
        [{ ...merge, kind: 'absorb' }, 'kind'],
        [{ ...merge, kind: undefined }, 'kind'],
        [{ ...merge, date: undefined }, 'date'],
        [{ ...merge, date: '2026-02-31' }, 'date'],
        [{ ...merge, source_ids: [] }, 'source_ids'],
        [{ ...merge, source_ids: [999999] }, 'source_ids'],
        [{ ...merge, source_ids: [id('MA.SNV'), id('MA.SNV')] }, 'source_ids'],
        [{ ...merge, date: '2019-06-01' }, 'source_ids'],
        [{ ...merge, source_ids: [id('MA.SNV')], target_ids: [id('MA.SNV')] }, 'target_ids'],
        [{ ...merge, target_ids: [999999] }, 'target_ids'],
        [{ ...merge, target_ids: [id('MA.STP'), id('MA.SVHTTDL')] }, 'target_ids'],
        [{ ...merge, target_ids: [] }, 'target_ids'],
        [{ ...merge, target_ids: [], new_units: [newUnit('MA.A1'), newUnit('MA.A2')] }, 'target_ids'],
        [{ ...split, source_ids: [id('MA.SNV'), id('MA.STP')], target_ids: [id('MA.SVHTTDL'), id('MA.VP')] }, 'source_ids'],
        [{ ...split, target_ids: [id('MA.STP')] }, 'target_ids'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.STC')] }, 'new_units'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.B1'), newUnit('MA.B1')] }, 'new_units'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.B1'), newUnit('MA.B2', { kind: 'tinh' })] }, 'new_units'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.B1'), newUnit('MA.B2', { parent_id: id('MA.SNV') })] }, 'new_units'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.B1'), newUnit('MA.B2', { parent_id: 999999 })] }, 'new_units'],
        [{ ...split, target_ids: [], new_units: [newUnit('MA.B1'), { code: 'MA.B2', kind: 'department' }] }, 'new_units[1].name'],
        [{ ...merge, source_ids: '1' }, 'source_ids'],
        [{ ...merge, source_ids: [1.5] }, 'source_ids'],
        [{ ...merge, target_ids: { id: 1 } }, 'target_ids'],
        [{ ...merge, new_units: {} }, 'new_units'],
        [{ ...merge, new_units: [5] }, 'new_units'],
        [{ ...merge, note: 5 }, 'note'],
        // The whole city merged into a unit two levels below it: its departments would
        // move under their own grandchild, a loop that drops the tree.
        [{ kind: 'merge', date: '2026-06-01', source_ids: [id('MA')], target_ids: [id('MA.TTPTQD')] }, 'target_ids'],
        [{ kind: 'merge', date: '2026-06-01', source_ids: [id('MA')], new_units: [newUnit('MA.C1', { parent_id: id('MA.TTPTQD') })] }, 'new_units'],
      ];
      for (const [body, field] of cases) {
        const r = await office.post('/api/v1/units/restructure', body);
        assertError(r, 400, undefined, field);
      }
      // A unit that a restructuring already ended is not restructured again: 409.
      for (const [body, field] of [
        [{ ...merge, source_ids: [id('MA.SKHDT')] }, 'source_ids'],
        [{ ...merge, target_ids: [id('MA.SKHDT')] }, 'target_ids'],
      ]) {
        const r = await office.post('/api/v1/units/restructure', body);
        assertError(r, 409, 'already_restructured', field);
        assert.match(r.body.error.message, /đã được sắp xếp lại/);
      }
      await assertUnchanged(admin, snap, 'after refused restructurings');
      // The tree of a later day is still whole.
      const later = await list(office, '?as_of=2026-06-02');
      assert.equal(later[0].code, 'MA');
      assert.ok(later.some((u) => u.code === 'MA.TTPTQD'));
    });

    it('two merges of one unit at the same moment: one succeeds, the other answers 409', async () => {
      const snv = id('MA.SNV');
      const [a, b] = await Promise.all([id('MA.STP'), id('MA.SVHTTDL')].map((target) =>
        office.post('/api/v1/units/restructure', { kind: 'merge', date: '2026-06-01', source_ids: [snv], target_ids: [target] })));
      assert.deepEqual([a.status, b.status].sort(), [201, 409], `${JSON.stringify(a.body)} ${JSON.stringify(b.body)}`);
      const lost = a.status === 409 ? a : b;
      assertError(lost, 409, 'already_restructured', 'source_ids');
      const detail = await office.get(`/api/v1/units/${snv}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.successors.length, 1, JSON.stringify(detail.body.successors));
      assert.equal(detail.body.valid_to, '2026-05-31');
      const events = assertList(await office.get('/api/v1/units/restructure-events')).filter((e) => e.sources.some((s) => s.id === snv));
      assert.equal(events.length, 1);
      // And once more, later: still 409, nothing written.
      const snap = await snapshot(admin);
      assertError(await office.post('/api/v1/units/restructure', { kind: 'merge', date: '2026-09-01', source_ids: [snv], target_ids: [id('MA.STP')] }), 409, 'already_restructured', 'source_ids');
      await assertUnchanged(admin, snap, 'after a second merge of one unit');
      await refresh();
    });
  });
}

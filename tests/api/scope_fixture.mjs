// Objects in disjoint unit subtrees of the demo city, each carrying a unique marker string in
// its title, description, body, reason or file name, and who may see each marker. Shared by
// scope.test.mjs and scope_matrix.test.mjs (not a test file itself).
//
//   STC   Sở Tài chính and its new sub-unit MA.STC.QZ: a directive, its group, a task, their
//         attachments, an extension request, a coordination request asked of Sở Y tế
//   SXD   the same under Sở Xây dựng
//   GT    a directive and a task of the transport project board (the investor's unit)
//   MIX   a directive issued by Sở Xây dựng whose only task is led by Sở Tài chính
//   TP    a task led by Sở Tài chính with Sở Xây dựng coordinating, delegated in part
//         (40 %) to MA.STC.QZ; the part is reported at 50 %
//   K/V/X a target of 2026, a value and an explanation request of each of STC and SXD
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { unitsByCode } from './lib.mjs';

export const CITY = ['admin', 'vanphong', 'lanhdao', 'xem'];
// The demo roles, and an office for one department (the only non-city reader of the audit log).
export const ROLES = [...CITY, 'canbo.stc', 'canbo.sxd', 'chudautu.gt', 'vanphong.stc'];
export const PASSWORDS = { 'vanphong.stc': 'Mat-khau@2026' };

const STC = [...CITY, 'canbo.stc', 'vanphong.stc'];
const SXD = [...CITY, 'canbo.sxd'];
const GT = [...CITY, 'chudautu.gt'];

// marker name → who may see it. A marker is `qzk<name>qz`: none is inside another.
export const SEES = {
  upx: STC,
  dstc: STC, gstc: STC, tstc: STC, adstc: STC, atstc: STC, estc: STC, cstc: STC,
  dsxd: SXD, gsxd: SXD, tsxd: SXD, adsxd: SXD, atsxd: SXD, esxd: SXD, csxd: SXD,
  dgt: GT, tgt: GT,
  dmix: [...STC, 'canbo.sxd'], gmix: [...STC, 'canbo.sxd'], amix: [...STC, 'canbo.sxd'],
  tmix: STC,
  tp: [...STC, 'canbo.sxd'],
  part: STC,
  // Targets (issue 11): a target, a value and an explanation request of each department.
  kstc: STC, vstc: STC, xstc: STC,
  ksxd: SXD, vsxd: SXD, xsxd: SXD,
};
export const mark = (name) => `qzk${name}qz`;
export const hiddenFrom = (username) => Object.keys(SEES).filter((m) => !SEES[m].includes(username));

async function ok(r, what, status = 201) {
  assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function attach(c, kind, id, name) {
  const r = await c.post(`/api/v1/attachments?owner_kind=${kind}&owner_id=${id}&filename=${mark(name)}.txt`,
    `Tệp ${mark(name)} đính kèm`, { headers: { 'content-type': 'text/plain' } });
  return (await ok(r, `attachment ${name}`)).id;
}

// Creates everything; returns ids by marker name: { units, directives, groups, tasks,
// attachments, extensions, coordinations } each a { name: id } map, and `unit(code)`.
export async function plant(server) {
  const admin = await server.as('admin');
  const units = await unitsByCode(admin);
  const unit = (code) => units.get(code).id;
  const f = { units: {}, directives: {}, groups: {}, tasks: {}, attachments: {}, extensions: {}, coordinations: {}, unit };
  f.units.upx = (await ok(await admin.post('/api/v1/units',
    { code: 'MA.STC.QZ', name: `Phòng ${mark('upx')}`, kind: 'other', parent_id: unit('MA.STC') }), 'unit')).id;
  await ok(await admin.post('/api/v1/users', {
    username: 'vanphong.stc', full_name: 'Văn phòng Sở Tài chính', password: PASSWORDS['vanphong.stc'],
    roles: [{ role: 'office', unit_id: unit('MA.STC') }],
  }), 'user vanphong.stc');

  const directive = async (name, issuer) => {
    f.directives[name] = (await ok(await admin.post('/api/v1/directives', {
      kind: 'conclusion', number: `QZ-${name}/TB`, issued_on: '2026-01-05', title: `Kết luận ${mark(name)}`,
      body: `Nội dung ${mark(name)}`, issuer_unit_id: unit(issuer),
    }), `directive ${name}`)).id;
    return f.directives[name];
  };
  const group = async (name, d) =>
    (f.groups[name] = (await ok(await admin.post('/api/v1/task-groups', { directive_id: d, title: `Nhóm ${mark(name)}` }), `group ${name}`)).id);
  const task = async (name, lead, extra = {}) =>
    (f.tasks[name] = (await ok(await admin.post('/api/v1/tasks', {
      title: `Nhiệm vụ ${mark(name)}`, description: `Mô tả ${mark(name)}`, lead_unit_id: unit(lead), deadline: '2026-06-30', ...extra,
    }), `task ${name}`)).id);

  for (const [u, code, officer] of [['stc', 'MA.STC', 'canbo.stc'], ['sxd', 'MA.SXD', 'canbo.sxd']]) {
    const d = await directive(`d${u}`, code);
    const g = await group(`g${u}`, d);
    const t = await task(`t${u}`, code, { directive_id: d, group_id: g });
    f.attachments[`ad${u}`] = await attach(admin, 'directive', d, `ad${u}`);
    f.attachments[`at${u}`] = await attach(admin, 'task', t, `at${u}`);
    const c = await server.as(officer);
    f.extensions[`e${u}`] = (await ok(await c.post(`/api/v1/tasks/${t}/extensions`,
      { new_deadline: '2026-08-31', reason: `Lý do ${mark(`e${u}`)}` }), `extension ${u}`)).id;
    f.coordinations[`c${u}`] = (await ok(await c.post(`/api/v1/tasks/${t}/coordination-requests`,
      { to_unit_id: unit('MA.SYT'), body: `Đề nghị ${mark(`c${u}`)}`, due_on: '2026-02-20' }), `coordination ${u}`)).id;
  }
  await task('tgt', 'MA.BQLGT', { directive_id: await directive('dgt', 'MA.BQLGT') });
  const mix = await directive('dmix', 'MA.SXD');
  const gmix = await group('gmix', mix);
  f.attachments.amix = await attach(admin, 'directive', mix, 'amix');
  await task('tmix', 'MA.STC', { directive_id: mix, group_id: gmix });
  const tp = await task('tp', 'MA.STC', { coordinator_ids: [unit('MA.SXD')] });
  const parts = await ok(await admin.post(`/api/v1/tasks/${tp}/delegations`,
    { parts: [{ unit_id: f.units.upx, share_percent: 40, title: `Phần việc ${mark('part')}` }] }), 'delegation');
  f.tasks.part = parts.items[0].id;
  await ok(await admin.post(`/api/v1/tasks/${f.tasks.part}/reports`, { percent: 50, body: `Báo cáo ${mark('part')}` }), 'report');
  await plantTargets(admin, f);
  return f;
}

// Targets (issue 11): one indicator (the catalogue is everyone's), and per department a
// target, a submitted value and an explanation request, each carrying its marker.
async function plantTargets(admin, f) {
  Object.assign(f, { targets: {}, values: {}, explanations: {} });
  f.indicator = (await ok(await admin.post('/api/v1/indicators', {
    code: 'QZ_IND', name: 'Chỉ số phạm vi', name_en: 'Scope indicator', unit_of_measure: '%', direction: 'higher_better',
    aggregation: 'none', periodicity: 'quarter', responsible_unit_id: f.unit('MA'), group: 'economy',
  }), 'indicator')).id;
  for (const [u, code] of [['stc', 'MA.STC'], ['sxd', 'MA.SXD']]) {
    f.targets[`k${u}`] = (await ok(await admin.post('/api/v1/targets', {
      indicator_id: f.indicator, unit_id: f.unit(code), period: '2026', expression: 'trên 95%', note: `Ghi chú ${mark(`k${u}`)}`,
    }), `target ${u}`)).id;
    f.values[`v${u}`] = (await ok(await admin.post('/api/v1/indicator-values', {
      indicator_id: f.indicator, unit_id: f.unit(code), period: '2026-Q1', value: 90, kind: 'estimate', note: `Số liệu ${mark(`v${u}`)}`,
    }), `value ${u}`)).id;
    f.explanations[`x${u}`] = (await ok(await admin.post('/api/v1/explanation-requests', {
      target_id: f.targets[`k${u}`], due_in_days: 5, question: `Giải trình ${mark(`x${u}`)}`,
    }), `explanation ${u}`)).id;
  }
}

// ---- Raw answers: the body as text, an .xlsx unpacked --------------------------------------

function unzipText(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a ZIP end-of-central-directory record');
  let p = buf.readUInt32LE(eocd + 16);
  let out = '';
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const at = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(at, at + size);
    out += (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

// GET `path` as `client`: { status, text, json }.
export async function raw(client, path) {
  const res = await fetch(client.base + path, { headers: client.cookie ? { cookie: client.cookie } : {} });
  const buf = Buffer.from(await res.arrayBuffer());
  const zipped = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  const text = zipped ? unzipText(buf) : buf.toString('utf8');
  let json = null;
  if (!zipped)
    try {
      json = JSON.parse(text);
    } catch {}
  return { status: res.status, text, json };
}

// Keeps docs/openapi.yaml true: the operations it describes are exactly the routes the
// server registers (`dieuhanh routes`), its references resolve, its security matches
// who may call (401 without a session, except the public operations), and real
// answers match the documented schemas — required properties, types, nothing
// undocumented. The YAML is read by a small reader of the subset the file is written in.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BIN } from './support.mjs';
import { start, unitsByCode, userId } from './lib.mjs';
import { objectShape, parseYaml, resolve } from './openapi_spec.mjs';

const SPEC = new URL('../../docs/openapi.yaml', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Returns the list of ways `value` breaks `schema` (empty when it fits).
function check(spec, value, schema, where = '$') {
  schema = resolve(spec, schema);
  const errors = [];
  if (value === null) {
    if (!schema.nullable && (schema.type || schema.allOf || schema.properties)) errors.push(`${where}: null but not nullable`);
    return errors;
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${where}: ${JSON.stringify(value)} not in ${schema.enum}`);
  const isObject = schema.type === 'object' || schema.allOf || schema.properties;
  switch (schema.type) {
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${where}: not an integer: ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number') errors.push(`${where}: not a number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${where}: not a boolean`);
      break;
    case 'string':
      if (typeof value !== 'string') errors.push(`${where}: not a string: ${JSON.stringify(value)}`);
      else if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${where}: not a date: ${value}`);
      else if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${where}: not a date-time: ${value}`);
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${where}: not an array`);
      else value.forEach((v, k) => errors.push(...check(spec, v, schema.items || {}, `${where}[${k}]`)));
      break;
  }
  if (isObject) {
    if (typeof value !== 'object' || Array.isArray(value)) return [...errors, `${where}: not an object`];
    const shape = objectShape(spec, schema);
    for (const r of shape.required) if (!(r in value)) errors.push(`${where}: missing required ${r}`);
    for (const [k, v] of Object.entries(value)) {
      if (k in shape.properties) errors.push(...check(spec, v, shape.properties[k], `${where}.${k}`));
      else if (shape.additional && typeof shape.additional === 'object') errors.push(...check(spec, v, shape.additional, `${where}.${k}`));
      else if (shape.additional !== true) errors.push(`${where}: undocumented property ${k}`);
    }
  }
  return errors;
}

function responseSchema(spec, method, path, status) {
  const op = spec.paths[path]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${path} is documented`);
  const resp = resolve(spec, op.responses[String(status)]);
  assert.ok(resp, `${method} ${path} documents a ${status} answer`);
  const content = resp.content?.['application/json'];
  assert.ok(content, `${method} ${path} ${status} is JSON`);
  return content.schema;
}

// conferences: one conference with a delegate, an opinion and a vote; the GETs to check.
async function conferenceGets(admin, unit) {
  const c = await admin.post('/api/v1/conferences', { name: 'Hội nghị (OpenAPI)', body_unit_id: unit, starts_on: '2026-01-12',
    ends_on: '2026-01-12', documents: [{ title: 'Dự thảo', drafting_unit_id: unit, sections: ['Điều 1'] }] });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const d = await admin.post(`/api/v1/conferences/${c.body.id}/delegates`, { full_name: 'Đại biểu A' });
  await admin.post(`/api/v1/conferences/${c.body.id}/opinions`, { delegate_ids: [d.body.id], document_id: c.body.documents[0].id, content: 'Ý kiến.' });
  await admin.post(`/api/v1/conferences/${c.body.id}/votes`, { subject: 'Biểu quyết', in_favour: 1 });
  return [['/api/v1/conferences', '/api/v1/conferences'], ['/api/v1/conferences/{id}', `/api/v1/conferences/${c.body.id}`],
    ...['/delegates', '/opinions', '/votes'].map((x) => [`/api/v1/conferences/{id}${x}`, `/api/v1/conferences/${c.body.id}${x}`])];
}

function assertMatches(spec, r, method, path) {
  const errors = check(spec, r.body, responseSchema(spec, method, path, r.status));
  assert.deepEqual(errors, [], `${method} ${path} → ${r.status} matches the documented schema`);
}

// ---- The tests ---------------------------------------------------------------------

const spec = parseYaml(readFileSync(SPEC, 'utf8'));

function documented() {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths))
    for (const m of Object.keys(item)) if (METHODS.includes(m)) out.push(`${m.toUpperCase()} ${path}`);
  return out.sort();
}

describe('docs/openapi.yaml', () => {
  it('documents exactly the routes the server registers', () => {
    const served = execFileSync(BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.ok(served.length >= 20, `dieuhanh routes printed ${served.length} routes`);
    for (const r of served) assert.match(r, /^(GET|POST|PUT|PATCH|DELETE) \/\S*$/);
    assert.equal(new Set(served).size, served.length, 'no route registered twice');
    const docs = documented();
    const undocumented = served.filter((r) => !docs.includes(r));
    const notServed = docs.filter((r) => !served.includes(r));
    assert.deepEqual(undocumented, [], 'routes the server registers but docs/openapi.yaml does not describe');
    assert.deepEqual(notServed, [], 'operations docs/openapi.yaml describes but the server does not serve');
  });

  it('is OpenAPI 3.0 with the session, token and CSRF schemes and references that resolve', () => {
    assert.match(String(spec.openapi), /^3\.0\.\d+$/);
    assert.ok(spec.info?.title && spec.info?.version);
    const s = spec.components.securitySchemes;
    assert.deepEqual([s.cookieAuth.type, s.cookieAuth.in, s.cookieAuth.name], ['apiKey', 'cookie', 'dh_session']);
    assert.deepEqual([s.csrfToken.type, s.csrfToken.in, s.csrfToken.name], ['apiKey', 'header', 'X-CSRF-Token']);
    assert.deepEqual([s.bearerAuth.type, s.bearerAuth.scheme], ['http', 'bearer']);
    assert.deepEqual(spec.security, [{ cookieAuth: [], csrfToken: [] }, { bearerAuth: [] }]);
    const error = objectShape(spec, spec.components.schemas.Error);
    assert.deepEqual(error.required, ['error']);
    assert.deepEqual(objectShape(spec, error.properties.error).required.sort(), ['code', 'message']);

    // Every $ref anywhere resolves.
    const walk = (o) => {
      if (!o || typeof o !== 'object') return;
      if (typeof o.$ref === 'string') resolve(spec, o);
      Object.values(o).forEach(walk);
    };
    walk(spec);

    const ids = new Set();
    for (const [path, item] of Object.entries(spec.paths)) {
      assert.ok(path.startsWith('/'), path);
      for (const [m, op] of Object.entries(item)) {
        if (!METHODS.includes(m)) continue;
        const name = `${m.toUpperCase()} ${path}`;
        assert.ok(op.operationId && !ids.has(op.operationId), `${name}: a unique operationId`);
        ids.add(op.operationId);
        assert.ok(op.summary, `${name}: a summary`);
        assert.ok(op.responses && Object.keys(op.responses).length > 0, `${name}: responses`);
        // Path parameters are declared.
        const declared = (op.parameters || []).map((p) => resolve(spec, p)).filter((p) => p.in === 'path').map((p) => p.name);
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
        assert.deepEqual(declared.sort(), inPath.sort(), `${name}: path parameters`);
        // Errors answer in the envelope.
        for (const [status, resp] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const schema = resolve(spec, resolve(spec, resp).content['application/json'].schema);
          assert.equal(schema, spec.components.schemas.Error, `${name} ${status}: the error envelope`);
        }
        // Writes describe their body; protected operations their 401.
        // Uploads carry the file itself; every other write a JSON body.
        const uploads = ['/api/v1/attachments', '/api/v1/tasks/import', '/api/v1/conferences/{id}/opinions/import',
                         '/api/v1/indicator-values/import', '/api/v1/disbursements/import'];
        if (['post', 'patch', 'put'].includes(m) && !['/api/v1/logout', '/api/v1/notifications/{id}/read'].includes(path))
          assert.ok(uploads.includes(path) ? Object.keys(op.requestBody?.content ?? {}).length
                                           : op.requestBody?.content?.['application/json']?.schema,
                    `${name}: a ${uploads.includes(path) ? '' : 'JSON '}request body`);
        if (!(Array.isArray(op.security) && op.security.length === 0))
          assert.ok(op.responses['401'], `${name}: documents 401`);
      }
    }
  });

  describe('against a running server', () => {
    let server, admin, anon, ids, office, stc, sxd;
    before(async () => {
      server = await start('sqlite');
      admin = await server.as('admin');
      office = await server.as('vanphong');
      stc = await server.as('canbo.stc');
      sxd = await server.as('canbo.sxd');
      anon = server.client();
      const units = await unitsByCode(admin);
      ids = { unit: units.get('MA.STC').id, user: await userId(admin, 'canbo.stc'), ma: units.get('MA').id, sxd: units.get('MA.SXD').id };
    });

    // Investment's GETs, on the demo city's portfolio (a key project with a bottleneck, the
    // mid-year adjustment).
    async function investmentGets() {
      const key = (await admin.get('/api/v1/projects?is_key=true&limit=1')).body.items[0].id;
      return [
        ['/api/v1/capital-sources', '/api/v1/capital-sources'],
        ['/api/v1/projects', '/api/v1/projects?limit=5'],
        ['/api/v1/projects/{id}', `/api/v1/projects/${key}`],
        ['/api/v1/projects/{id}/commitments', `/api/v1/projects/${key}/commitments`],
        ['/api/v1/projects/{id}/bottlenecks', `/api/v1/projects/${key}/bottlenecks`],
        ['/api/v1/medium-term-plans', '/api/v1/medium-term-plans?limit=5'],
        ['/api/v1/annual-plans', '/api/v1/annual-plans?limit=5'],
        ['/api/v1/plan-adjustments/{id}', '/api/v1/plan-adjustments/1'],
        ['/api/v1/disbursement-targets/{year}', '/api/v1/disbursement-targets/2026'],
        ['/api/v1/disbursements', '/api/v1/disbursements?limit=5'],
        ['/api/v1/disbursements/import/columns', '/api/v1/disbursements/import/columns'],
        ['/api/v1/inspections', '/api/v1/inspections'],
        ['/api/v1/inspection-plans', '/api/v1/inspection-plans?limit=5'],
        ['/api/v1/inspection-plans/{id}', '/api/v1/inspection-plans/1'],
      ];
    }

    // Creates a directive with a group and a task through the API and walks the task
    // through its life, checking each answer against the document. Returns the ids the
    // GET checks need.
    async function tasksWalk() {
      const ok = async (r, method, path, status) => {
        assert.equal(r.status, status, `${method} ${path}: ${JSON.stringify(r.body)}`);
        assertMatches(spec, r, method, path);
        return r.body;
      };
      const d = await ok(await office.post('/api/v1/directives', {
        kind: 'conclusion', number: '45/TB-UBND', issued_on: '2026-01-10', issuer_unit_id: ids.ma,
        title: 'Kết luận của Chủ tịch UBND tại hội nghị giao ban tháng 1', body: 'Các sở, ngành khẩn trương …',
      }), 'POST', '/api/v1/directives', 201);
      await ok(await office.patch(`/api/v1/directives/${d.id}`, { body: 'Các sở, ngành khẩn trương triển khai.' }), 'PATCH', '/api/v1/directives/{id}', 200);
      const g = await ok(await office.post('/api/v1/task-groups', { directive_id: d.id, title: 'Giải ngân vốn đầu tư công' }), 'POST', '/api/v1/task-groups', 201);
      const task = await ok(await office.post('/api/v1/tasks', {
        directive_id: d.id, group_id: g.id, lead_unit_id: ids.unit, coordinator_ids: [ids.sxd],
        title: 'Rà soát, điều chuyển vốn các dự án chậm giải ngân', output_kind: 'Báo cáo', deadline: '2026-03-31', is_key: true,
        milestones: [{ label: 'Quý I', due_on: '2026-03-31', planned_percent: 100 }],
      }), 'POST', '/api/v1/tasks', 201);
      await ok(await office.patch(`/api/v1/tasks/${task.id}`, { description: 'Theo Kết luận 45/TB-UBND.' }), 'PATCH', '/api/v1/tasks/{id}', 200);
      await ok(await stc.post(`/api/v1/tasks/${task.id}/reports`, { percent: 30, body: 'Đã rà soát 12 dự án.' }), 'POST', '/api/v1/tasks/{id}/reports', 201);
      const ext = await ok(await stc.post(`/api/v1/tasks/${task.id}/extensions`, { new_deadline: '2026-04-30', reason: 'Chờ số liệu Kho bạc.' }), 'POST', '/api/v1/tasks/{id}/extensions', 201);
      await ok(await office.post(`/api/v1/extensions/${ext.id}/decision`, { approve: true, note: 'Đồng ý.' }), 'POST', '/api/v1/extensions/{id}/decision', 200);
      const cr = await ok(await stc.post(`/api/v1/tasks/${task.id}/coordination-requests`, { to_unit_id: ids.sxd, due_on: '2026-01-30', body: 'Đề nghị cung cấp danh mục dự án.' }), 'POST', '/api/v1/tasks/{id}/coordination-requests', 201);
      await ok(await sxd.post(`/api/v1/coordination-requests/${cr.id}/answer`, { answer: 'Đã gửi danh mục.' }), 'POST', '/api/v1/coordination-requests/{id}/answer', 200);
      await ok(await stc.post(`/api/v1/tasks/${task.id}/delegations`, { parts: [{ assignee_id: ids.user, share_percent: 50, title: 'Tổng hợp số liệu' }] }), 'POST', '/api/v1/tasks/{id}/delegations', 201);
      await ok(await stc.post(`/api/v1/tasks/${task.id}/completion`, { output_text: 'Báo cáo số 12/BC-STC.' }), 'POST', '/api/v1/tasks/{id}/completion', 200);
      await ok(await office.post(`/api/v1/tasks/${task.id}/confirmation`, { accept: false, reason: 'Bổ sung phụ lục.' }), 'POST', '/api/v1/tasks/{id}/confirmation', 200);

      const other = await ok(await office.post('/api/v1/tasks', { lead_unit_id: ids.unit, title: 'Nhiệm vụ giao nhầm', deadline: '2026-02-27' }), 'POST', '/api/v1/tasks', 201);
      await ok(await stc.post(`/api/v1/tasks/${other.id}/refusal`, { reason: 'Không thuộc chức năng của Sở.' }), 'POST', '/api/v1/tasks/{id}/refusal', 200);
      await ok(await office.post(`/api/v1/tasks/${other.id}/reassignment`, { lead_unit_id: ids.sxd, note: 'Giao Sở Xây dựng.' }), 'POST', '/api/v1/tasks/{id}/reassignment', 200);
      await ok(await office.post(`/api/v1/tasks/${other.id}/suspension`, { suspend: true, note: 'Tạm dừng.' }), 'POST', '/api/v1/tasks/{id}/suspension', 200);
      // tasksedit: the thread, a cancellation, a deletion (and its refusal with reports).
      await ok(await office.post(`/api/v1/tasks/${task.id}/comments`, { body: 'Đề nghị khẩn trương.' }), 'POST', '/api/v1/tasks/{id}/comments', 201);
      assertMatches(spec, await office.del(`/api/v1/tasks/${task.id}`), 'DELETE', '/api/v1/tasks/{id}');
      await ok(await office.post(`/api/v1/tasks/${other.id}/cancellation`, { reason: 'Không còn cần thiết.' }), 'POST', '/api/v1/tasks/{id}/cancellation', 200);
      const gone = await ok(await office.post('/api/v1/tasks', { lead_unit_id: ids.unit, title: 'Nhiệm vụ tạo nhầm', deadline: '2026-02-27' }), 'POST', '/api/v1/tasks', 201);
      assert.equal((await office.del(`/api/v1/tasks/${gone.id}`)).status, 204);
      await ok(await admin.post('/api/v1/calendar/swaps', { date: '2026-02-07', working: true, name: 'Làm bù' }), 'POST', '/api/v1/calendar/swaps', 201);

      const notes = await ok(await stc.get('/api/v1/notifications'), 'GET', '/api/v1/notifications', 200);
      if (notes.items.length) assert.equal((await stc.post(`/api/v1/notifications/${notes.items[0].id}/read`)).status, 204);
      assertMatches(spec, await office.post('/api/v1/tasks', { title: 'x' }), 'POST', '/api/v1/tasks');
      assertMatches(spec, await office.get('/api/v1/tasks/999999'), 'GET', '/api/v1/tasks/{id}');
      const file = await office.post(`/api/v1/attachments?owner_kind=directive&owner_id=${d.id}&filename=kl.pdf`,
        '%PDF-1.4 kết luận', { headers: { 'content-type': 'application/octet-stream' } });
      assertMatches(spec, file, 'POST', '/api/v1/attachments');
      assert.equal(file.status, 201);
      return { directive: d.id, task: task.id, attachment: file.body.id };
    }
    after(async () => {
      await server?.close();
    });

    it('answers 401 without a session exactly where the document requires one', async () => {
      for (const name of documented()) {
        const [method, path] = name.split(' ');
        const op = spec.paths[path][method.toLowerCase()];
        const url = path.replace(/\{[^}]+\}/g, '1');
        const r = await anon.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (isPublic) assert.notEqual(r.status, 401, `${name} is public`);
        else {
          assert.equal(r.status, 401, `${name} needs a session or a token`);
          assertMatches(spec, r, method, path);
        }
      }
    });

    it('GET answers match their documented schemas', async () => {
      const t = await tasksWalk();
      const gets = [
        ['/api/v1/directives', '/api/v1/directives'],
        ['/api/v1/directives/{id}', `/api/v1/directives/${t.directive}`],
        ['/api/v1/task-groups', `/api/v1/task-groups?directive_id=${t.directive}`],
        ['/api/v1/tasks', '/api/v1/tasks'],
        ['/api/v1/tasks/{id}', `/api/v1/tasks/${t.task}`],
        ['/api/v1/tasks/import/columns', '/api/v1/tasks/import/columns'],
        ['/api/v1/boards/tasks', '/api/v1/boards/tasks'],
        ['/api/v1/boards/tasks', `/api/v1/boards/tasks?by=directive`],
        ['/api/v1/boards/tasks', `/api/v1/boards/tasks?by=group&directive_id=${t.directive}`],
        ['/api/v1/boards/coordination', '/api/v1/boards/coordination'],
        ['/api/v1/coordination-requests', '/api/v1/coordination-requests?limit=20'],
        ['/api/v1/calendar', '/api/v1/calendar?year=2026'],
        ['/api/v1/notifications', '/api/v1/notifications'],
        ['/healthz', '/healthz'],
        ['/api/v1/me', '/api/v1/me'],
        ['/api/v1/tokens', '/api/v1/tokens'],
        ['/api/v1/units', '/api/v1/units?include_ended=true'],
        ['/api/v1/units/restructure-events', '/api/v1/units/restructure-events'],
        ['/api/v1/units/{id}', `/api/v1/units/${ids.unit}`],
        ['/api/v1/users', '/api/v1/users'],
        ['/api/v1/users/{id}', `/api/v1/users/${ids.user}`],
        ['/api/v1/audit', '/api/v1/audit?limit=500'],
        ['/api/v1/audit/verify', '/api/v1/audit/verify'],
        ['/api/v1/attachments', `/api/v1/attachments?owner_kind=directive&owner_id=${t.directive}`],
        ...(await conferenceGets(admin, ids.unit)),  // conferences
        ['/api/v1/unit-directory', '/api/v1/unit-directory?q=so'],
        ['/api/v1/deadline-check', '/api/v1/deadline-check?date=2026-01-17'],
        ['/api/v1/working-week', '/api/v1/working-week'],
        ['/api/v1/search', '/api/v1/search?q=so&limit=20'],  // tasksreport
        ['/api/v1/deadline-calendar', '/api/v1/deadline-calendar?month=2026-01'],  // tasksreport
        ...(await investmentGets()),
        // investment view
        ['/api/v1/investment/rollup', '/api/v1/investment/rollup?year=2026&by=investor'],
        ['/api/v1/investment/rollup', '/api/v1/investment/rollup?year=2026&by=month&basis=prime_minister'],
        ['/api/v1/investment/forecast', '/api/v1/investment/forecast?year=2026'],
        ['/api/v1/my-work', '/api/v1/my-work'],
        ['/api/v1/tasks/{id}/comments', `/api/v1/tasks/${t.task}/comments`],  // tasksedit
      ];
      // petitions
      const pet = (await office.post('/api/v1/petitions', { title: 'Kiến nghị', content: 'Nội dung', category: 'other', business_unit_id: ids.ma })).body;
      const ses = (await office.post('/api/v1/petition-sessions', { title: 'Hội nghị đối thoại', held_on: '2026-01-15', host_unit_id: ids.ma })).body;
      gets.push(['/api/v1/petitions', '/api/v1/petitions'], ['/api/v1/petitions/{id}', `/api/v1/petitions/${pet.id}`],
        ['/api/v1/petitions/{id}/answer-templates', `/api/v1/petitions/${pet.id}/answer-templates`],
        ['/api/v1/public/petitions', '/api/v1/public/petitions'], ['/api/v1/boards/petitions', '/api/v1/boards/petitions?by=unit'],
        ['/api/v1/petition-sessions', '/api/v1/petition-sessions'], ['/api/v1/petition-sessions/{id}', `/api/v1/petition-sessions/${ses.id}`]);
      assert.equal((await office.get(`/api/v1/petition-sessions/${ses.id}/petitions.xlsx`)).status, 200);
      // The file itself is not JSON: its status and type are checked here.
      const content = await admin.get(`/api/v1/attachments/${t.attachment}/content`);
      assert.equal(content.status, 200);
      assert.equal(content.headers.get('content-type'), 'application/pdf');
      const xlsx = await admin.get('/api/v1/tasks/export.xlsx');
      assert.equal(xlsx.status, 200);
      assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const report = await admin.get('/api/v1/investment/report.xlsx?year=2026');  // investment view
      assert.equal(report.status, 200);
      // Targets and indicators (issue 11): the demo city's.
      const first = async (path) => (await admin.get(path)).body.items[0].id;
      const tg = { indicator: await first('/api/v1/indicators'), target: await first('/api/v1/targets'),
                   value: await first('/api/v1/indicator-values'), explanation: await first('/api/v1/explanation-requests') };
      gets.push(['/api/v1/indicators', '/api/v1/indicators'], ['/api/v1/indicators/{id}', `/api/v1/indicators/${tg.indicator}`],
                ['/api/v1/targets', '/api/v1/targets'], ['/api/v1/targets/{id}', `/api/v1/targets/${tg.target}`],
                ['/api/v1/indicator-values', '/api/v1/indicator-values'], ['/api/v1/indicator-values/{id}', `/api/v1/indicator-values/${tg.value}`],
                ['/api/v1/explanation-requests', '/api/v1/explanation-requests'],
                ['/api/v1/explanation-requests/{id}', `/api/v1/explanation-requests/${tg.explanation}`],
                ['/api/v1/reviews', '/api/v1/reviews?period=2025']);
      for (const path of ['/api/v1/reviews/export.xlsx?period=2025', '/api/v1/indicator-values/export.xlsx']) {
        const x = await admin.get(path);
        assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      }
      const review = await admin.get('/api/v1/reviews/export.xlsx?period=2025');
      const taskReport = await admin.get('/api/v1/reports/tasks.docx?directive_id=1&as_of=2026-01-14');  // tasksreport
      assert.equal(taskReport.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.equal(review.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const covered = new Set([...gets.map(([p]) => p), '/api/v1/attachments/{id}/content', '/api/v1/tasks/export.xlsx',
        '/api/v1/conferences/{id}/report.docx', '/api/v1/conferences/{id}/report.xlsx', // conferences: binary
        '/api/v1/petition-sessions/{id}/petitions.xlsx', '/api/v1/reports/tasks.docx',
        '/api/v1/reviews/export.xlsx', '/api/v1/indicator-values/export.xlsx', '/api/v1/investment/report.xlsx']);
      for (const name of documented())
        if (name.startsWith('GET /api/')) assert.ok(covered.has(name.slice(4)), `${name} has a live check here`);
      for (const [path, url] of gets) {
        const r = await admin.get(url);
        assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
        assertMatches(spec, r, 'GET', path);
      }
      const m = await anon.get('/metrics');
      assert.equal(m.status, 200);
      assert.ok(spec.paths['/metrics'].get.responses['200'].content['text/plain']);
    });

    it('write answers and errors match their documented schemas', async () => {
      const c = server.client();
      const login = await c.login('vanphong');
      assertMatches(spec, login, 'POST', '/api/v1/login');
      assertMatches(spec, await c.login('vanphong', 'sai-mat-khau'), 'POST', '/api/v1/login');
      const token = await admin.post('/api/v1/tokens', { name: 'openapi' });
      assertMatches(spec, token, 'POST', '/api/v1/tokens');
      assert.equal((await admin.del(`/api/v1/tokens/${token.body.id}`)).status, 204);
      assertMatches(spec, await admin.del(`/api/v1/tokens/${token.body.id}`), 'DELETE', '/api/v1/tokens/{id}');

      const ma = (await unitsByCode(admin)).get('MA').id;
      const unit = await admin.post('/api/v1/units', { code: 'MA.OAS', name: 'Tổ OpenAPI', kind: 'other', parent_id: ma });
      assertMatches(spec, unit, 'POST', '/api/v1/units');
      assertMatches(spec, await admin.post('/api/v1/units', { code: 'MA.OAS', name: 'x', kind: 'other' }), 'POST', '/api/v1/units');
      assertMatches(spec, await admin.patch(`/api/v1/units/${unit.body.id}`, { name: 'Tổ OpenAPI 2' }), 'PATCH', '/api/v1/units/{id}');
      assertMatches(spec, await admin.patch(`/api/v1/units/${ma}`, { valid_to: '2026-12-31' }), 'PATCH', '/api/v1/units/{id}');
      assertMatches(spec, await admin.get('/api/v1/units/999999'), 'GET', '/api/v1/units/{id}');
      const split = await admin.post('/api/v1/units/restructure', {
        kind: 'split', date: '2026-06-01', source_ids: [unit.body.id],
        new_units: [{ code: 'MA.OAS1', name: 'Tổ 1', kind: 'other', parent_id: ma }, { code: 'MA.OAS2', name: 'Tổ 2', kind: 'other', parent_id: ma }],
        note: 'Chia tổ',
      });
      assert.equal(split.status, 201);
      assertMatches(spec, split, 'POST', '/api/v1/units/restructure');
      assertMatches(spec, await admin.post('/api/v1/units/restructure', { kind: 'merge' }), 'POST', '/api/v1/units/restructure');

      const user = await admin.post('/api/v1/users', { username: 'openapi.user', full_name: 'Người dùng OpenAPI', password: 'Mat-khau@2026', roles: [{ role: 'viewer', unit_id: ma }] });
      assertMatches(spec, user, 'POST', '/api/v1/users');
      assertMatches(spec, await admin.patch(`/api/v1/users/${user.body.id}`, { email: 'oas@minhan.gov.vn' }), 'PATCH', '/api/v1/users/{id}');
      assertMatches(spec, await admin.post('/api/v1/users', { username: 'openapi.user' }), 'POST', '/api/v1/users');
      assertMatches(spec, await c.post('/api/v1/users', {}), 'POST', '/api/v1/users');
      const out = await c.post('/api/v1/logout');
      assert.equal(out.status, 204);
      assert.ok(spec.paths['/api/v1/logout'].post.responses['204']);
    });
  });
});

// The reader itself, on the shapes the file uses.
it('the YAML reader reads the subset it claims', () => {
  const doc = parseYaml([
    '# a comment',
    'a: 1',
    "b: 'it''s: # not a comment'",
    'c: [x, "y", 3]',
    'd:',
    '  - e: 1',
    '    f: true',
    '  - plain text',
    'g:',
    '  h: {}',
    "  '200':",
    '    i: null # trailing comment',
    'j: |',
    '  line one',
    '  line two',
    'k: ~',
    'l:',
    '- m',
  ].join('\n'));
  assert.deepEqual(doc, {
    a: 1, b: "it's: # not a comment", c: ['x', 'y', 3], d: [{ e: 1, f: true }, 'plain text'],
    g: { h: {}, 200: { i: null } }, j: 'line one\nline two', k: null, l: ['m'],
  });
});

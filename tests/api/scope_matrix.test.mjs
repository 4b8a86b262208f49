// The scope matrix, generated from the route table (`dieuhanh routes`): for every GET route,
// every role and every kind of object planted by scope_fixture.mjs (units, directives, task
// groups, tasks and their parts, attachments, extensions, coordination requests, and what
// they leave in notifications, exports, boards and the audit log), the raw answer never
// carries the marker of an object the caller may not see, and a single object the caller may
// not see answers 404 — on SQLite and on PostgreSQL.
//
// A GET route this file does not know how to call fails the test: add it to CALLS below with
// the paths that list and show its objects, so that a new route is covered from its first day.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN } from './support.mjs';
import { DBS, start } from './lib.mjs';
import { PASSWORDS, ROLES, SEES, hiddenFrom, mark, plant, raw } from './scope_fixture.mjs';

// How to call each GET route: a function of the planted ids `f` giving the calls, each a path
// and, for a single object, the marker of that object (then: 404 for whoever may not see it,
// 200 for whoever may). `pages` walks a list to its end with limit/offset.
const each = (ids, fn) => Object.entries(ids).map(([name, id]) => fn(name, id));
const CALLS = {
  'GET /healthz': () => [{ path: '/healthz' }],
  'GET /metrics': () => [{ path: '/metrics' }],
  'GET /api/v1/me': () => [{ path: '/api/v1/me' }],
  'GET /api/v1/tokens': () => [{ path: '/api/v1/tokens' }],
  'GET /api/v1/units': () => [
    { path: '/api/v1/units?include_ended=true&limit=20000' },
    { path: `/api/v1/units?q=${mark('upx')}` },
  ],
  'GET /api/v1/units/restructure-events': () => [{ path: '/api/v1/units/restructure-events' }],
  'GET /api/v1/units/{id}': (f) => each(f.units, (name, id) => ({ path: `/api/v1/units/${id}`, object: name })),
  'GET /api/v1/users': () => [{ path: '/api/v1/users?limit=1000' }],
  'GET /api/v1/users/{id}': (f) => [{ path: `/api/v1/users/${f.me}` }],
  'GET /api/v1/audit': () => [{ path: '/api/v1/audit', pages: 500 }],
  'GET /api/v1/audit/verify': () => [{ path: '/api/v1/audit/verify' }],
  'GET /api/v1/tasks/export.xlsx': (f) => [
    { path: '/api/v1/tasks/export.xlsx' },
    ...each(f.directives, (name, id) => ({ path: `/api/v1/tasks/export.xlsx?directive_id=${id}` })),
    ...each(f.groups, (name, id) => ({ path: `/api/v1/tasks/export.xlsx?group_id=${id}` })),
    { path: `/api/v1/tasks/export.xlsx?parent_id=${f.tasks.tp}` },
  ],
  'GET /api/v1/directives': () => [
    { path: '/api/v1/directives', pages: 1000 },
    ...Object.keys(SEES).map((m) => ({ path: `/api/v1/directives?q=${mark(m)}` })),
  ],
  'GET /api/v1/directives/{id}': (f) => each(f.directives, (name, id) => ({ path: `/api/v1/directives/${id}`, object: name })),
  'GET /api/v1/task-groups': (f) =>
    each(f.directives, (name, id) => ({ path: `/api/v1/task-groups?directive_id=${id}`, object: name })),
  'GET /api/v1/tasks': (f) => [
    { path: '/api/v1/tasks', pages: 1000 },
    ...each(f.directives, (name, id) => ({ path: `/api/v1/tasks?directive_id=${id}` })),
    ...each(f.groups, (name, id) => ({ path: `/api/v1/tasks?group_id=${id}` })),
    { path: `/api/v1/tasks?parent_id=${f.tasks.tp}` },
    { path: `/api/v1/tasks?lead_unit_id=${f.units.upx}` },
    { path: '/api/v1/tasks?extension_pending=true&limit=1000' },
    ...Object.keys(SEES).map((m) => ({ path: `/api/v1/tasks?q=${mark(m)}` })),
  ],
  'GET /api/v1/tasks/{id}': (f) => each(f.tasks, (name, id) => ({ path: `/api/v1/tasks/${id}`, object: name })),
  // tasksedit: a task's thread follows its task (404 out of scope).
  'GET /api/v1/tasks/{id}/comments': (f) => each(f.tasks, (name, id) => ({ path: `/api/v1/tasks/${id}/comments`, object: name })),
  'GET /api/v1/boards/tasks': (f) => [
    { path: '/api/v1/boards/tasks?by=unit' },
    { path: '/api/v1/boards/tasks?by=directive' },
    ...each(f.directives, (name, id) => ({ path: `/api/v1/boards/tasks?by=group&directive_id=${id}` })),
  ],
  'GET /api/v1/coordination-requests': (f) => [
    { path: '/api/v1/coordination-requests', pages: 1000 },
    ...each(f.tasks, (name, id) => ({ path: `/api/v1/coordination-requests?task_id=${id}` })),
    { path: `/api/v1/coordination-requests?to_unit_id=${f.unit('MA.SYT')}` },
  ],
  'GET /api/v1/boards/coordination': () => [{ path: '/api/v1/boards/coordination' }],
  'GET /api/v1/calendar': () => [{ path: '/api/v1/calendar?year=2026' }],
  // Units of the whole administration by design (names and codes only, no work of theirs).
  'GET /api/v1/unit-directory': () => [{ path: '/api/v1/unit-directory?q=so' }],
  'GET /api/v1/deadline-check': () => [{ path: '/api/v1/deadline-check?date=2026-03-31' }],
  'GET /api/v1/working-week': () => [{ path: '/api/v1/working-week' }],
  // What waits on the caller: held tasks and requests to answer, by the tasks room's rules.
  'GET /api/v1/my-work': () => [{ path: '/api/v1/my-work', pages: 1000 }],
  'GET /api/v1/tasks/import/columns': () => [{ path: '/api/v1/tasks/import/columns' }],
  'GET /api/v1/notifications': () => [{ path: '/api/v1/notifications', pages: 1000 }],
  'GET /api/v1/attachments': (f) => [
    ...each(f.directives, (name, id) => ({ path: `/api/v1/attachments?owner_kind=directive&owner_id=${id}`, object: name })),
    ...each(f.tasks, (name, id) => ({ path: `/api/v1/attachments?owner_kind=task&owner_id=${id}`, object: name })),
  ],
  'GET /api/v1/attachments/{id}/content': (f) =>
    each(f.attachments, (name, id) => ({ path: `/api/v1/attachments/${id}/content`, object: name })),
  // conferences: the demo city's session (id 1) embeds no planted object; tests/api/conferences.test.mjs
  // checks its scope (a unit outside it gets 404).
  'GET /api/v1/conferences': () => [{ path: '/api/v1/conferences', pages: 200 }],
  'GET /api/v1/conferences/{id}': () => [{ path: '/api/v1/conferences/1' }],
  'GET /api/v1/conferences/{id}/delegates': () => [{ path: '/api/v1/conferences/1/delegates' }],
  'GET /api/v1/conferences/{id}/opinions': () => [{ path: '/api/v1/conferences/1/opinions' }],
  'GET /api/v1/conferences/{id}/votes': () => [{ path: '/api/v1/conferences/1/votes' }],
  'GET /api/v1/conferences/{id}/report.docx': () => [{ path: '/api/v1/conferences/1/report.docx' }],
  'GET /api/v1/conferences/{id}/report.xlsx': () => [{ path: '/api/v1/conferences/1/report.xlsx' }],
  'GET /api/v1/deadline-calendar': () => [{ path: '/api/v1/deadline-calendar' }, { path: '/api/v1/deadline-calendar?month=2026-02' }],  // tasksreport
  'GET /api/v1/search': () => [{ path: '/api/v1/search?q=a&limit=20' }, { path: '/api/v1/search?q=so' }],  // tasksreport
  'GET /api/v1/reports/tasks.docx': () => [{ path: '/api/v1/reports/tasks.docx?directive_id=1' }, { path: '/api/v1/reports/tasks.docx?unit_id=1' }],  // tasksreport
  // petitions: lists and boards only (no petition is planted in scope_fixture.mjs yet; their
  // own scope is tested in petitions.test.mjs).
  'GET /api/v1/petitions': () => [{ path: '/api/v1/petitions', pages: 1000 }],
  'GET /api/v1/petitions/{id}': () => [],
  'GET /api/v1/petitions/{id}/answer-templates': () => [],
  'GET /api/v1/public/petitions': () => [{ path: '/api/v1/public/petitions', pages: 1000 }],
  'GET /api/v1/boards/petitions': () => [{ path: '/api/v1/boards/petitions?by=unit' }],
  'GET /api/v1/petition-sessions': () => [{ path: '/api/v1/petition-sessions' }],
  'GET /api/v1/petition-sessions/{id}': () => [],
  'GET /api/v1/petition-sessions/{id}/petitions.xlsx': () => [],
  // Targets (issue 11).
  'GET /api/v1/indicators': () => [{ path: '/api/v1/indicators', pages: 1000 }],
  'GET /api/v1/indicators/{id}': (f) => [{ path: `/api/v1/indicators/${f.indicator}` }],
  'GET /api/v1/targets': (f) => [
    { path: '/api/v1/targets', pages: 1000 },
    { path: `/api/v1/targets?indicator_id=${f.indicator}` },
    { path: `/api/v1/targets?unit_id=${f.unit('MA.SXD')}` },
  ],
  'GET /api/v1/targets/{id}': (f) => each(f.targets, (name, id) => ({ path: `/api/v1/targets/${id}`, object: name })),
  'GET /api/v1/indicator-values': (f) => [
    { path: '/api/v1/indicator-values', pages: 1000 },
    { path: `/api/v1/indicator-values?indicator_id=${f.indicator}` },
  ],
  'GET /api/v1/indicator-values/{id}': (f) => each(f.values, (name, id) => ({ path: `/api/v1/indicator-values/${id}`, object: name })),
  'GET /api/v1/indicator-values/export.xlsx': (f) => [
    { path: '/api/v1/indicator-values/export.xlsx' },
    { path: `/api/v1/indicator-values/export.xlsx?indicator_id=${f.indicator}` },
  ],
  'GET /api/v1/explanation-requests': (f) => [
    { path: '/api/v1/explanation-requests', pages: 1000 },
    ...each(f.targets, (name, id) => ({ path: `/api/v1/explanation-requests?target_id=${id}` })),
  ],
  'GET /api/v1/explanation-requests/{id}': (f) =>
    each(f.explanations, (name, id) => ({ path: `/api/v1/explanation-requests/${id}`, object: name })),
  'GET /api/v1/reviews': () => [{ path: '/api/v1/reviews?period=2026' }, { path: '/api/v1/reviews?period=2026-Q1' }],
  'GET /api/v1/reviews/export.xlsx': () => [{ path: '/api/v1/reviews/export.xlsx?period=2026' }],
  // Investment (issue 10), on the demo city's portfolio: the lists, and one project's page,
  // commitments and bottlenecks (tasks: no planted task's marker may show through them).
  'GET /api/v1/capital-sources': () => [{ path: '/api/v1/capital-sources' }],
  'GET /api/v1/projects': () => [{ path: '/api/v1/projects', pages: 1000 }],
  'GET /api/v1/projects/{id}': () => [1, 2, 3].map((id) => ({ path: `/api/v1/projects/${id}` })),
  'GET /api/v1/projects/{id}/commitments': () => [{ path: '/api/v1/projects/1/commitments' }],
  'GET /api/v1/projects/{id}/bottlenecks': () => [1, 2, 3].map((id) => ({ path: `/api/v1/projects/${id}/bottlenecks` })),
  'GET /api/v1/medium-term-plans': () => [{ path: '/api/v1/medium-term-plans?limit=100' }],
  'GET /api/v1/annual-plans': () => [{ path: '/api/v1/annual-plans?limit=100' }],
  'GET /api/v1/plan-adjustments/{id}': () => [{ path: '/api/v1/plan-adjustments/1' }],
  'GET /api/v1/disbursement-targets/{year}': () => [{ path: '/api/v1/disbursement-targets/2026' }],
  'GET /api/v1/disbursements': () => [{ path: '/api/v1/disbursements?limit=100' }],
  'GET /api/v1/disbursements/import/columns': () => [{ path: '/api/v1/disbursements/import/columns' }],
  'GET /api/v1/inspections': () => [{ path: '/api/v1/inspections' }],
  'GET /api/v1/inspection-plans': () => [{ path: '/api/v1/inspection-plans', pages: 1000 }],
  'GET /api/v1/inspection-plans/{id}': () => [1, 2, 3, 4].map((id) => ({ path: `/api/v1/inspection-plans/${id}` })),
  // Investment roll-ups (from the read model; their own scope is tested in
  // investment_rollup.test.mjs): by project, so no planted marker may show through.
  'GET /api/v1/investment/rollup': () => [{ path: '/api/v1/investment/rollup?by=project' }],
  'GET /api/v1/investment/forecast': () => [{ path: '/api/v1/investment/forecast' }],
  'GET /api/v1/investment/report.xlsx': () => [{ path: '/api/v1/investment/report.xlsx' }],
};

// Every page of a list (or the one answer of anything else).
async function fetchAll(client, call) {
  if (!call.pages) return [await raw(client, call.path)];
  const sep = call.path.includes('?') ? '&' : '?';
  const out = [];
  for (let offset = 0; ; offset += call.pages) {
    const r = await raw(client, `${call.path}${sep}limit=${call.pages}&offset=${offset}`);
    out.push(r);
    if (r.status !== 200 || !r.json || offset + call.pages >= r.json.total) return out;
    assert.ok(out.length < 100, `${call.path}: more than 100 pages`);
  }
}

const routes = () =>
  execFileSync(BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n').filter((r) => r.startsWith('GET '));

describe('the scope matrix knows every GET route', () => {
  it('every GET route of the route table has an entry in CALLS, and every entry a route', () => {
    const served = routes();
    const unknown = served.filter((r) => !(r in CALLS));
    assert.deepEqual(unknown, [],
      'GET routes the scope matrix does not know how to call: add each to CALLS in tests/api/scope_matrix.test.mjs ' +
        'with the paths that list and show its objects (and plant its kind of object in scope_fixture.mjs)');
    assert.deepEqual(Object.keys(CALLS).filter((r) => !served.includes(r)), [], 'CALLS entries for routes that no longer exist');
  });
});

for (const db of DBS) {
  describe(`scope matrix on ${db}`, () => {
    let server, f;
    before(async () => {
      server = await start(db);
      f = await plant(server);
    });
    after(async () => {
      await server?.close();
    });

    for (const username of ROLES) {
      it(`${username}: no route shows what is outside its scope`, async () => {
        const c = await server.as(username, PASSWORDS[username]);
        const me = await raw(c, '/api/v1/me');
        const ctx = { ...f, me: me.json.id };
        const hidden = hiddenFrom(username);
        const leaks = [];
        const shown = new Set();
        for (const route of routes()) {
          for (const call of CALLS[route](ctx)) {
            for (const r of await fetchAll(c, call)) {
              assert.ok(r.status < 500, `${username} GET ${call.path}: ${r.status} ${r.text.slice(0, 200)}`);
              for (const m of Object.keys(SEES)) {
                if (!r.text.includes(mark(m))) continue;
                if (hidden.includes(m)) leaks.push(`GET ${call.path} shows ${m} (${mark(m)})`);
                else shown.add(m);
              }
              if (!call.object) continue;
              if (hidden.includes(call.object)) {
                if (r.status !== 404) leaks.push(`GET ${call.path} answers ${r.status} for ${call.object}, not 404`);
              } else assert.equal(r.status, 200, `${username} GET ${call.path}: ${call.object} is in scope: ${r.text.slice(0, 200)}`);
            }
          }
        }
        assert.deepEqual(leaks, [], `${username} sees objects outside its scope`);
        // The calls reach every object: each marker the role may see shows up somewhere.
        assert.deepEqual(Object.keys(SEES).filter((m) => !hidden.includes(m) && !shown.has(m)), [],
          `${username} never saw these objects of its scope: the calls miss them`);
      });
    }
  });
}

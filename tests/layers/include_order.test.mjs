// Layers point down only (issue 8). Reads every `#include "…"` line in src/ and fails, naming
// file and line, when one runs against the order below, and when folders include each other
// in a cycle. A new folder in src/ must be given its place here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The declared order, lowest row first. A file may include files of its own folder and of
// folders on lower rows; folders sharing a row are independent of each other.
export const LAYERS = [
  ['core'],
  ['db'],
  // http/principal.h: who is asking, with the roles and permissions it carries (namespace auth).
  ['http'],
  // Read models kept current from the change sequence (scope bitmaps, counts): under the unit
  // tree, whose refresh it feeds, and under every feature's model.
  ['readmodel'],
  // The audit log: every change writes its entry inside its own transaction, the unit tree's
  // changes too; reading it is scoped by a unit scope handed in from above.
  ['audit'],
  // The unit tree: units/unit_directory.h (what features read), units/unit_scope.h.
  ['units'],
  ['users'],
  ['auth'],  // signing in: reads users
  // Shared rooms that features use.
  ['calendar', 'sheets', 'files'],
  // Includes no feature: features write notices into its outbox inside their own
  // transaction and register their reminder sources at start-up.
  ['notifications'],
  // Shared by features: Word reports from .docx templates (libzip + pugixml).
  ['documents'],
  ['tasks'],
  // Features built on tasks: a bottleneck, an inspection's recommendation, a petition's work
  // and a referred opinion become tasks. They do not include each other; computed indicators
  // from other features' records are wired by the app (targets/computed_source.h).
  ['investment', 'targets', 'petitions', 'conferences'],
  ['app'],
  ['demo'],
  ['main.cc'],
];

// Headers that rooms from a given row up may not include although they sit lower.
const NOT_ABOVE = [
  // Features read the unit tree through units/unit_directory.h, not the unit service.
  { header: 'units/unit_service.h', fromRow: 'calendar', except: ['app', 'demo', 'main.cc'] },
  // Features write their notices through the outbox, not the notification store.
  { header: 'notifications/notification_store.h', fromRow: 'tasks', except: ['app', 'demo', 'main.cc'] },
];

const rowOf = new Map(LAYERS.flatMap((row, i) => row.map((room) => [room, i])));

// The folder (or top-level file) of a path relative to src/.
const roomOf = (path) => path.split('/')[0];

// [{file, line, target}] for every quoted include of the given sources ({path: text}).
export function includesOf(sources) {
  const out = [];
  for (const [file, text] of Object.entries(sources)) {
    text.split('\n').forEach((line, i) => {
      const m = /^\s*#\s*include\s+"([^"]+)"/.exec(line);
      if (m) out.push({ file, line: i + 1, target: m[1] });
    });
  }
  return out;
}

// Includes that run against LAYERS, each as "src/<file>:<line>: …".
export function orderViolations(includes) {
  const problems = [];
  const placed = new Set();
  for (const { file, line, target } of includes) {
    const from = roomOf(file);
    const to = roomOf(target);
    const at = `src/${file}:${line}`;
    if (!rowOf.has(from)) {
      if (!placed.has(from)) problems.push(`${at}: src/${from} has no place in LAYERS`);
      placed.add(from);
      continue;
    }
    if (!target.includes('/') || from === to) continue;
    const rule = NOT_ABOVE.find(
      (r) => r.header === target && rowOf.get(from) >= rowOf.get(r.fromRow) && !r.except.includes(from),
    );
    if (rule) problems.push(`${at}: ${from} includes "${target}", which no room from ${rule.fromRow}'s row up may`);
    if (!rowOf.has(to)) {
      problems.push(`${at}: includes "${target}", whose folder has no place in LAYERS`);
    } else if (rowOf.get(to) > rowOf.get(from)) {
      problems.push(`${at}: ${from} includes "${target}", but ${to} sits above ${from}`);
    } else if (rowOf.get(to) === rowOf.get(from)) {
      problems.push(`${at}: ${from} includes "${target}", but ${to} and ${from} share a row`);
    }
  }
  return problems;
}

// Folders that include each other, directly or round a longer loop: each cycle (a strongly
// connected component of the folder graph) with one include line per edge in it.
export function cycles(includes) {
  const edges = new Map();  // from → Map(to → first include seen)
  for (const inc of includes) {
    const from = roomOf(inc.file);
    const to = roomOf(inc.target);
    if (!inc.target.includes('/') || from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, inc);
  }
  // Tarjan's algorithm.
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const part = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1) found.push(part.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found.map((part) => {
    const lines = [];
    for (const from of part)
      for (const [to, inc] of edges.get(from) ?? [])
        if (part.includes(to)) lines.push(`  src/${inc.file}:${inc.line}: includes "${inc.target}"`);
    return `{${part.join(', ')}}\n${lines.join('\n')}`;
  });
}

function readSources(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(cc|h)$/.test(e.name)) out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const source = process.env.DIEUHANH_SOURCE ?? process.cwd();

test('every include in src/ points down the declared layers', () => {
  const problems = orderViolations(includesOf(readSources(join(source, 'src'))));
  if (problems.length) assert.fail(`\n${problems.join('\n')}\n`);
});

test('no folders of src/ include each other in a cycle', () => {
  const found = cycles(includesOf(readSources(join(source, 'src'))));
  if (found.length) assert.fail(`\n${found.join('\n')}\n`);
});

// The checker itself, on small made-up trees: it must be able to fail.
const CASES = [
  { name: 'down the order', sources: { 'tasks/a.cc': '#include "units/unit_directory.h"' }, order: [], cycles: [] },
  { name: 'within a folder', sources: { 'http/a.cc': '#include "http/router.h"' }, order: [], cycles: [] },
  { name: 'system and third-party headers', sources: { 'db/a.cc': '#include <sqlite3.h>\n#include "sqlite3.h"' }, order: [], cycles: [] },
  {
    name: 'up the order',
    sources: { 'http/router.h': '#pragma once\n\n#include "auth/roles.h"' },
    order: ['src/http/router.h:3: http includes "auth/roles.h", but auth sits above http'],
    cycles: [],
  },
  {
    name: 'across a row',
    sources: { 'sheets/a.cc': ' #  include "calendar/lunar.h"' },
    order: ['src/sheets/a.cc:1: sheets includes "calendar/lunar.h", but calendar and sheets share a row'],
    cycles: [],
  },
  {
    name: 'a feature reading the unit service',
    sources: { 'tasks/a.h': '#include "units/unit_service.h"', 'app/a.h': '#include "units/unit_service.h"' },
    order: ['src/tasks/a.h:1: tasks includes "units/unit_service.h", which no room from calendar\'s row up may'],
    cycles: [],
  },
  {
    name: 'a folder with no place',
    sources: { 'surveys/a.cc': '#include "core/status.h"' },
    order: ['src/surveys/a.cc:1: src/surveys has no place in LAYERS'],
    cycles: [],
  },
  {
    name: 'a cycle round three folders',
    sources: {
      'units/a.h': '#include "auth/scope.h"',
      'auth/scope.h': '#include "users/user.h"',
      'users/user.h': '#include "units/unit_graph.h"',
    },
    order: ['src/units/a.h:1: units includes "auth/scope.h", but auth sits above units'],
    cycles: [
      '{auth, units, users}\n  src/auth/scope.h:1: includes "users/user.h"\n' +
        '  src/units/a.h:1: includes "auth/scope.h"\n  src/users/user.h:1: includes "units/unit_graph.h"',
    ],
  },
];

for (const c of CASES) {
  test(`checker: ${c.name}`, () => {
    const includes = includesOf(c.sources);
    assert.deepEqual(orderViolations(includes), c.order);
    assert.deepEqual(cycles(includes), c.cycles);
  });
}

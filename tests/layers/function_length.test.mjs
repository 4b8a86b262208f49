// No function over 60 lines (house rule, issue 8), in src/, tests/ and bench/. Reads every
// .cc and .h, strips comments and literals, counts braces, and fails naming file:line:length
// of each function (or TEST body) longer than the limit, signature to closing brace. A brace
// block whose head has `=` outside parentheses is data (a table), not a function, and its
// lines inside a function do not count (tables of data aside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LIMIT = 60;
const ROOT = process.env.DIEUHANH_SOURCE ?? new URL('../..', import.meta.url).pathname;
const FOLDERS = ['src', 'tests', 'bench'];

function* sources(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(cc|h)$/.test(e.name)) yield p;
  }
}

// The text with comments, string and character literals blanked (newlines kept).
export function strip(text) {
  return text
    .replace(/R"([^(\s]*)\(([\s\S]*?)\)\1"/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

// Is a brace block with this head a function body?
function isFunction(head) {
  const h = head.trim();
  if (!h.endsWith(')') && !/\)\s*(const|override|final|noexcept|mutable|->\s*[\w:<>,\s*&]+|\s)*$/.test(h)) return false;
  if (/^(if|for|while|switch|catch|do)\b/.test(h) || /[;]/.test(h)) return false;
  let depth = 0;
  for (const ch of h) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '=' && depth === 0) return false; // data, or a lambda held in a variable
  }
  return true;
}

// `Fill`, `App::Wire`, `TEST_P(TaskServiceTest, SubmitConfirmAndReturn)`.
function nameOf(head) {
  const h = head.trim().replace(/\s+/g, ' ');
  if (/^TEST(_P|_F)?\(/.test(h)) return h.slice(0, h.indexOf(')') + 1).replace(/\s/g, '');
  return h.split('(')[0].split(' ').pop();
}

// A table of data inside a function: `static const std::vector<Step> kSteps = {`.
function isData(head) {
  return /=\s*$/.test(head.trim()) || /^(static\s+)?(const|constexpr)\b[^()]*=\s*$/.test(head.trim());
}

// [{line, length, name}] of the functions in `text` longer than `limit` lines.
export function longFunctions(text, limit = LIMIT) {
  const s = strip(text);
  const out = [];
  const stack = []; // {kind: 'scope'|'function'|'block', line}
  let head = '', headLine = 1, line = 1;
  for (const ch of s) {
    if (ch === '\n') line++;
    if (ch === '{') {
      const fn = stack.find((b) => b.kind === 'function');
      const inData = stack.some((b) => b.kind === 'data');
      const kind = !fn ? (isFunction(head) ? 'function' : 'scope') : !inData && isData(head) ? 'data' : 'block';
      stack.push({ kind, line, data: 0, name: nameOf(head), start: headLine });
      head = '';
    } else if (ch === '}') {
      const b = stack.pop();
      const fn = stack.find((x) => x.kind === 'function');
      if (b?.kind === 'data' && fn) fn.data += line - b.line;
      const length = b ? line - b.start + 1 - b.data : 0;
      if (b?.kind === 'function' && length > limit) out.push({ line: b.start, length, name: b.name });
      head = '';
    } else if (ch === ';') {
      head = '';
    } else {
      if (!head.trim() && /\S/.test(ch)) headLine = line;
      if (!(head === '' && /\s/.test(ch))) head += ch;
      if (ch === '#' && !head.trim().slice(0, -1)) head = '#';
    }
    if (ch === '\n' && head.trim().startsWith('#')) head = ''; // preprocessor lines
  }
  return out;
}

test('the checker finds a long function and passes short ones and tables', () => {
  const body = (n) => Array.from({ length: n }, (_, i) => `  x += ${i};`).join('\n');
  const text = `namespace a {\nint Short() {\n${body(3)}\n}\nint Long(int y) const {\n${body(60)}\n}\nconst int kTable[] = {\n${body(70).replace(/x \+=/g, '')}\n};\nclass C {\n  void M() {\n${body(70)}\n  }\n};\nTEST(A, B) {\n  auto f = [] {\n${body(10)}\n  };\n}\n}  // namespace a\n`;
  const found = longFunctions(text);
  assert.deepEqual(found.map((f) => [f.name, f.line, f.length]), [['Long', 7, 62], ['M', 142, 72]]);
  const table = `int F() {\n  static const int kRows[] = {\n${body(70).replace(/x \+=/g, '{').replace(/;/g, '},')}\n  };\n${body(5)}\n}\n`;
  assert.deepEqual(longFunctions(table), [], 'a table inside a function is data');
  assert.deepEqual(longFunctions('void F() {\n  const char* s = "}}}";  // }\n  /* { */\n}\n', 2).map((f) => f.length), [4]);
});

// Functions once allowed over the limit while they waited to be split (issue 8): all split
// now. Keep this empty: split a long function instead of adding it here.
const NOT_YET_SPLIT = new Map([]);

test(`no function over ${LIMIT} lines in ${FOLDERS.join(', ')}`, () => {
  const bad = [];
  for (const folder of FOLDERS)
    for (const file of sources(join(ROOT, folder)))
      for (const f of longFunctions(readFileSync(file, 'utf8'))) {
        const known = NOT_YET_SPLIT.get(`${relative(ROOT, file)} ${f.name}`);
        if (known === undefined || f.length > known) bad.push(`${relative(ROOT, file)}:${f.line}:${f.length} ${f.name}`);
      }
  assert.deepEqual(bad, [], `functions over ${LIMIT} lines (file:line:length):\n${bad.join('\n')}`);
});

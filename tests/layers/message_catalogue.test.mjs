// Every message of the catalogue (core/message.h) in both languages (issue 9). Reads each
// `MessageText kName{"key", "vi", "en"}` declared in src/ and fails, naming file and key, when
// a key is declared twice, when the English text is missing or left in Vietnamese, or when the
// two texts do not take the same {parameters}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.env.DIEUHANH_SOURCE ?? process.cwd();
const src = join(root, 'src');

function* sources(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(h|cc)$/.test(e.name)) yield p;
  }
}

// The fields of a brace initializer from `at` (just after the '{'): each field's string
// literals joined (adjacent literals concatenate, as in C++); stops at the closing '}'.
function fields(text, at) {
  const out = [''];
  let i = at;
  while (i < text.length && text[i] !== '}') {
    const c = text[i];
    if (c === '"') {
      let s = '';
      for (i++; text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
          s += { n: '\n', t: '\t' }[text[i]] ?? text[i];
        } else {
          s += text[i];
        }
      }
      out[out.length - 1] += s;
    } else if (c === ',') {
      out.push('');
    }
    i++;
  }
  return out;
}

export function catalogue() {
  const entries = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/MessageText\s+k\w+\s*\{/g)) {
      const [key, vi, en] = fields(text, m.index + m[0].length);
      entries.push({ file: relative(root, file), key, vi, en });
    }
  }
  return entries;
}

// Parameters an English sentence may leave out: its grammar does not need them.
const UNSAID_IN_ENGLISH = {
  'core.invalid_rows': ['what'],
  'notifications.escalation_body': ['noun_lower'],
};
const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Letters only Vietnamese writes (not in English words).
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

test('the catalogue is read from the sources', () => {
  assert.ok(catalogue().length > 200, `only ${catalogue().length} messages found`);
});

test('every catalogue message has one key and an English text taking the same parameters', () => {
  const seen = new Map();
  const problems = [];
  for (const e of catalogue()) {
    const where = `${e.file}: ${e.key}`;
    if (!/^[a-z_]+\.[a-z0-9_.]+$/.test(e.key)) problems.push(`${where}: key is not "room.name"`);
    if (seen.has(e.key)) problems.push(`${where}: also declared in ${seen.get(e.key)}`);
    seen.set(e.key, e.file);
    if (!e.vi) problems.push(`${where}: no Vietnamese text`);
    if (!e.en) problems.push(`${where}: no English text`);
    else if (VIETNAMESE.test(e.en.replace(/“[^”]*”|\([^)]*\)|đồng/g, '')))
      problems.push(`${where}: the English text is in Vietnamese: ${e.en}`);
    const unsaid = UNSAID_IN_ENGLISH[e.key] ?? [];
    if (params(e.vi).filter((p) => !unsaid.includes(p)).join() !== params(e.en).join())
      problems.push(`${where}: {${params(e.vi)}} in Vietnamese, {${params(e.en)}} in English`);
  }
  assert.deepEqual(problems, []);
});

// One layout for every declaration: the key, the Vietnamese and the English text each on a
// line of its own, closed by a trailing comma (clang-format keeps such a list one item a line).
// Catalogues then read alike whatever the length of the sentences, as a translator's table.
const LITERALS = String.raw`(?:"(?:[^"\\\n]|\\.)*"\s*)+`;
const LAID_OUT = new RegExp(String.raw`^\n {4}"[a-z_]+\.[a-z0-9_.]+",\n {4}${LITERALS},\n {4}${LITERALS},\n\};`);
test('every catalogue message is laid out one field a line', () => {
  const problems = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/MessageText\s+(k\w+)\s*\{/g)) {
      const rest = text.slice(m.index + m[0].length);
      if (!LAID_OUT.test(rest)) problems.push(`${relative(root, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(problems, []);
});

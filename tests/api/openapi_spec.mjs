// docs/openapi.yaml as data, for the tests that walk it (openapi.test.mjs keeps the file
// true; messages_every_route.test.mjs sends every operation bad input): a reader for the YAML
// subset the file is written in, $ref resolution and object shapes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// ---- A reader for the YAML subset of docs/openapi.yaml ---------------------------------
// Block mappings and sequences (by indentation), flow sequences of scalars ([a, b]),
// empty flow collections, quoted and plain scalars, comments, and | or > block scalars.

function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === "'" && quote === "'" && line[i + 1] === "'") i++; // '' inside '…'
      else if (ch === '\\' && quote === '"') i++; // an escape inside "…"
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      if (i === 0 || /[\s:[,{-]/.test(line[i - 1])) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function scalar(text) {
  const t = text.trim();
  if (t.startsWith("'")) {
    assert.ok(t.endsWith("'") && t.length >= 2, `unterminated string: ${t}`);
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t.startsWith('"')) return JSON.parse(t);
  if (t === '' || t === '~' || t === 'null') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === '[]') return [];
  if (t === '{}') return {};
  if (t.startsWith('[')) {
    assert.ok(t.endsWith(']'), `unterminated flow sequence: ${t}`);
    return t.slice(1, -1).split(',').map((x) => scalar(x)).filter((x) => x !== null);
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

// Splits "key: value" at the first ': ' (or a trailing ':') outside quotes.
function splitKey(content) {
  let quote = null;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if ((ch === "'" || ch === '"') && i === 0) {
      quote = ch;
    } else if (ch === ':' && (i === content.length - 1 || content[i + 1] === ' ')) {
      return [scalar(content.slice(0, i)), content.slice(i + 1).trim()];
    }
  }
  return null;
}

export function parseYaml(text) {
  const lines = [];
  for (const [n, raw] of text.split('\n').entries()) {
    assert.ok(!raw.includes('\t'), `line ${n + 1}: tabs are not YAML indentation`);
    const line = stripComment(raw).replace(/\s+$/, '');
    if (line.trim() === '') continue;
    lines.push({ n: n + 1, indent: line.length - line.trimStart().length, text: line.trimStart(), raw });
  }
  let i = 0;

  function blockScalar(parentIndent, folded) {
    const parts = [];
    while (i < lines.length && lines[i].indent > parentIndent) parts.push(lines[i++].text);
    return parts.join(folded ? ' ' : '\n');
  }

  // The value after "key:" when it is written on the following lines.
  function nested(parentIndent) {
    if (i >= lines.length) return null;
    const next = lines[i];
    if (next.indent > parentIndent) return parseBlock(next.indent);
    if (next.indent === parentIndent && next.text.startsWith('- ')) return parseBlock(next.indent);
    return null;
  }

  function value(rest, indent) {
    if (rest === '') return nested(indent);
    if (rest === '|' || rest === '>') return blockScalar(indent, rest === '>');
    return scalar(rest);
  }

  function parseMappingEntries(obj, indent) {
    while (i < lines.length && lines[i].indent === indent && !lines[i].text.startsWith('- ')) {
      const { n, text } = lines[i];
      const kv = splitKey(text);
      assert.ok(kv, `line ${n}: expected "key: value", got ${text}`);
      i++;
      assert.ok(!(kv[0] in obj), `line ${n}: duplicate key ${kv[0]}`);
      obj[kv[0]] = value(kv[1], indent);
    }
    return obj;
  }

  function parseBlock(indent) {
    if (lines[i].text.startsWith('- ') || lines[i].text === '-') {
      const seq = [];
      while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('-')) {
        const { n, text } = lines[i];
        const item = text.slice(1).trimStart();
        const itemIndent = indent + (text.length - item.length);
        if (item === '') {
          i++;
          seq.push(nested(indent));
        } else if (splitKey(item) && !item.startsWith('[')) {
          // "- key: value" starts a mapping whose other keys sit under the first.
          lines[i] = { n, indent: itemIndent, text: item };
          seq.push(parseMappingEntries({}, itemIndent));
        } else {
          i++;
          seq.push(scalar(item));
        }
      }
      return seq;
    }
    return parseMappingEntries({}, indent);
  }

  const doc = parseBlock(0);
  assert.equal(i, lines.length, `line ${lines[i]?.n}: unexpected indentation`);
  return doc;
}

// ---- Schemas ------------------------------------------------------------------------

export function resolve(spec, obj) {
  let seen = 0;
  while (obj && obj.$ref) {
    assert.ok(obj.$ref.startsWith('#/'), `local $ref only: ${obj.$ref}`);
    const target = obj.$ref.slice(2).split('/').reduce((o, k) => (o ? o[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), spec);
    assert.ok(target !== undefined, `$ref ${obj.$ref} resolves`);
    obj = target;
    assert.ok(++seen < 20, 'no $ref loop');
  }
  return obj;
}

// The properties, required names and additionalProperties of an object schema, allOf merged.
export function objectShape(spec, schema) {
  schema = resolve(spec, schema);
  const shape = { properties: {}, required: [], additional: schema.additionalProperties, nullable: !!schema.nullable };
  for (const part of schema.allOf || []) {
    const s = objectShape(spec, part);
    Object.assign(shape.properties, s.properties);
    shape.required.push(...s.required);
    if (s.additional !== undefined) shape.additional = s.additional;
  }
  Object.assign(shape.properties, schema.properties || {});
  shape.required.push(...(schema.required || []));
  return shape;
}

// The specification, parsed.
export function loadSpec() {
  return parseYaml(readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8'));
}

// Reading what the server exports, for the API tests: a ZIP's parts (stored and deflated),
// a .docx's paragraphs and table rows as text, an .xlsx's first sheet as rows of cell texts,
// and a download with the session cookie.
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';

// name → Buffer, from a ZIP's central directory (stored and deflated entries), each
// entry's signature and unzipped size checked.
export function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a ZIP end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const compressed = buf.subarray(dataAt, dataAt + compressedSize);
    const data = method === 0 ? compressed : inflateRawSync(compressed);
    assert.equal(data.length, size, `size of ${name}`);
    files.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

export const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

// Each paragraph's text, and each table row's cells' texts joined by " | ".
export function paragraphs(xml) {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(''));
}
export function tableRows(xml) {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphs(tc[0]).join('\n')).join(' | '));
}

export async function download(client, path) {
  const res = await fetch(client.base + path, { headers: { cookie: client.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

// The first sheet of an unzipped .xlsx as rows of cell texts (shared, inline or numbers),
// each row an array indexed by column (A = 0); rows in sheet order, empty rows left out.
export function sheetRows(files) {
  const texts = (xml) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
  const shared = files.has('xl/sharedStrings.xml')
    ? [...files.get('xl/sharedStrings.xml').toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]))
    : [];
  const xml = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  return [...xml.matchAll(/<row [^>]*?>([\s\S]*?)<\/row>/g)].map((rm) => {
    const row = [];
    for (const cm of rm[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...cm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const type = /t="(\w+)"/.exec(cm[2])?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(cm[3] || '')?.[1];
      row[col] = type === 'inlineStr' ? texts(cm[3]) : type === 's' ? shared[Number(v)] : v === undefined ? '' : unescapeXml(v);
    }
    return row;
  });
}

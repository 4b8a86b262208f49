// Excel in and out through a real server with the demo city: the export is a real .xlsx
// (read here with a small ZIP reader and Node's zlib) in the officials' layout, within
// the caller's scope and filters; the import takes it back into another directive, and
// refuses wrong rows (422, per row), the same file twice (409), what is not a spreadsheet
// (415), an oversized body (413) and an officer (403) — writing nothing each time.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBS, start, assertError, assertList, rawRequest, unitsByCode, XLSX, uploadFile } from './lib.mjs';
import { unescapeXml, unzip } from './docx.mjs';

const COLUMNS = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ngày giao', 'Thời hạn', 'Tiến độ', 'Tình trạng', 'Ghi chú'];
const LABELS = ['Trong hạn', 'Sắp đến hạn', 'Quá hạn', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Thường xuyên'];

// ---- A small ZIP and SpreadsheetML reader ------------------------------------------------

function texts(xml) {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
}

// The first sheet as { rows: Map(rowNumber → Map(column letter → {text, number, style})),
// merges, xml, files }.
function readXlsx(buf) {
  const files = unzip(buf);
  const shared = files.has('xl/sharedStrings.xml')
    ? [...files.get('xl/sharedStrings.xml').toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]))
    : [];
  const xml = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  const rows = new Map();
  for (const rm of xml.matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells = new Map();
    for (const cm of (rm[2] || '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[2];
      const inner = cm[3] || '';
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      const style = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = '';
      let number = null;
      if (type === 'inlineStr') text = texts(inner);
      else if (type === 's') text = shared[Number(v)];
      else if (v !== undefined) {
        number = Number(v);
        text = v;
      }
      cells.set(cm[1], { text, number, style });
    }
    rows.set(Number(rm[1]), cells);
  }
  const merges = [...xml.matchAll(/<mergeCell ref="([A-Z0-9:]+)"/g)].map((m) => m[1]);
  return { rows, merges, xml, files };
}

const cell = (sheet, row, col) => sheet.rows.get(row)?.get(col)?.text ?? '';

// Data rows (below the header and the column numbers): task rows and heading rows.
function dataRows(sheet) {
  const out = [];
  for (const [n, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    if (n <= 6) continue;
    const stt = cells.get('A')?.text ?? '';
    out.push({ row: n, heading: /^[IVXLC]+(\.\d+)*$/.test(stt), stt, title: cells.get('B')?.text ?? '',
               lead: cells.get('C')?.text ?? '', coordinators: cells.get('D')?.text ?? '',
               start: cells.get('E'), deadline: cells.get('F'), progress: cells.get('G'),
               status: cells.get('H')?.text ?? '', note: cells.get('I')?.text ?? '' });
  }
  return out;
}

// ---- HTTP helpers ------------------------------------------------------------------------

async function download(client, query = '') {
  const res = await fetch(`${client.base}/api/v1/tasks/export.xlsx${query}`, { headers: { cookie: client.cookie } });
  const buf = Buffer.from(await res.arrayBuffer());
  let json = null;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch {}
  return { status: res.status, headers: res.headers, buf, body: json };
}

function upload(client, query, bytes, type = XLSX, headers = {}) {
  return uploadFile(client, `/api/v1/tasks/import${query}`, bytes, { type, headers });
}

async function allTasks(client, query = '') {
  const r = await client.get(`/api/v1/tasks?limit=1000${query}`);
  assertList(r);
  assert.ok(r.body.total <= 1000);
  return r.body.items;
}

const serialOf = (date) => Date.UTC(...date.split('-').map((x, i) => Number(x) - (i === 1 ? 1 : 0))) / 86400000 + 25569;

for (const db of DBS) {
  describe(`tasks Excel on ${db}`, () => {
    let server, office, officer, directive, directiveExport;

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      officer = await server.as('canbo.stc');
      const ds = assertList(await office.get('/api/v1/directives?limit=100'));
      directive = ds.find((d) => d.number === '245/TB-UBND') || ds.find((d) => d.kind === 'conclusion') || ds[0];
      assert.ok(directive, 'the demo city has a directive');
    });
    after(async () => server && (await server.close()));

    it('exports every task in scope as the officials\' table', async () => {
      const r = await download(office);
      assert.equal(r.status, 200, r.buf.toString('utf8').slice(0, 300));
      assert.equal(r.headers.get('content-type'), XLSX);
      const cd = r.headers.get('content-disposition');
      assert.match(cd, /^attachment; filename="danh-muc-nhiem-vu-den-15-01-2026\.xlsx"; filename\*=UTF-8''Danh%20m%E1%BB%A5c%20nhi%E1%BB%87m%20v%E1%BB%A5%20/);
      assert.equal(decodeURIComponent(cd.split("UTF-8''")[1]), 'Danh mục nhiệm vụ đến 15-01-2026.xlsx');
      assert.equal(r.buf.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
      const sheet = readXlsx(r.buf);
      assert.equal(cell(sheet, 1, 'A'), 'DANH MỤC NHIỆM VỤ');
      assert.equal(cell(sheet, 2, 'A'), 'Toàn bộ nhiệm vụ trong phạm vi theo dõi');
      const tasks = await allTasks(office);
      assert.equal(cell(sheet, 3, 'A'), `Số liệu đến ngày 15/01/2026. Tổng số: ${tasks.length} nhiệm vụ.`);
      assert.deepEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => cell(sheet, 5, c)), COLUMNS);
      assert.ok(sheet.merges.includes('A1:I1'), 'the title spans the table');
      // Frozen header, repeated on every printed page, A4 landscape.
      assert.match(sheet.xml, /<pane ySplit="6" topLeftCell="A7" activePane="bottomLeft" state="frozen"\/>/);
      assert.match(sheet.xml, /<pageSetup paperSize="9"[^>]*orientation="landscape"/);
      assert.match(sheet.files.get('xl/workbook.xml').toString('utf8'), /_xlnm.Print_Titles[^<]*<\/definedName>/);
      assert.match(sheet.files.get('xl/styles.xml').toString('utf8'), /Times New Roman/);

      const rows = dataRows(sheet);
      assert.equal(rows.length, tasks.length);
      assert.deepEqual(rows.map((x) => x.title).sort(), tasks.map((t) => t.title).sort());
      // Each row is one task (delegated parts share their parent's title: match on everything).
      const pool = [...tasks];
      for (const row of rows) {
        assert.ok(LABELS.includes(row.status), `status label ${row.status}`);
        const i = pool.findIndex((t) => t.title === row.title && t.lead_unit.name === row.lead &&
          row.coordinators === t.coordinators.map((c) => c.name).join('; ') &&
          (t.deadline ? row.deadline.number === serialOf(t.deadline) : row.deadline.text === 'Thường xuyên') &&
          row.start?.number === serialOf(t.start_on) &&
          row.progress.number === t.progress_percent / 100);
        assert.ok(i >= 0, `row ${row.row} (${row.title}, ${row.lead}) is a task of the list`);
        const [t] = pool.splice(i, 1);
        if (t.original_deadline && t.deadline !== t.original_deadline && !t.recurrence)
          assert.match(row.note, /Hạn ban đầu \d\d\/\d\d\/\d{4}, đã gia hạn\./);
      }
      assert.deepEqual(rows.map((x) => Number(x.stt)), rows.map((_, i) => i + 1), 'STT counts 1, 2, 3 …');
      const labels = new Set(rows.map((x) => x.status));
      for (const l of ['Quá hạn', 'Hoàn thành đúng hạn', 'Trong hạn']) assert.ok(labels.has(l), `the demo has ${l}`);
    });

    it('groups one directive\'s tasks under their task group headings', async () => {
      const r = await download(office, `?directive_id=${directive.id}`);
      assert.equal(r.status, 200);
      directiveExport = r.buf;
      const sheet = readXlsx(r.buf);
      assert.match(cell(sheet, 2, 'A'), new RegExp(`^Thực hiện .* số ${directive.number.replace(/[/.]/g, '\\$&')} ngày `));
      const groups = assertList(await office.get(`/api/v1/task-groups?directive_id=${directive.id}`));
      const rows = dataRows(sheet);
      const headings = rows.filter((x) => x.heading);
      assert.ok(headings.length >= 2, 'headings');
      assert.deepEqual(headings.slice(0, 3).map((h) => h.stt), ['I', 'II', 'III'].slice(0, Math.min(3, headings.length)));
      for (const h of headings) assert.ok(groups.some((g) => g.title === h.title), `heading ${h.title} is a group`);
      const tasks = await allTasks(office, `&directive_id=${directive.id}`);
      const groupOf = new Map(groups.map((g) => [g.id, g.title]));
      let current = '';
      for (const row of rows) {
        if (row.heading) {
          current = row.title;
          continue;
        }
        const t = tasks.find((x) => x.title === row.title && x.lead_unit.name === row.lead);
        assert.ok(t, `row ${row.row} is a task of the directive`);
        if (t.group_id) assert.equal(current, groupOf.get(t.group_id), `${t.title} under its group`);
      }
      assert.equal(rows.filter((x) => !x.heading).length, tasks.length);
    });

    it('exports only what an officer sees, and only what the filters keep', async () => {
      const r = await download(officer);
      assert.equal(r.status, 200);
      const rows = dataRows(readXlsx(r.buf));
      const mine = await allTasks(officer);
      assert.ok(rows.length > 0 && rows.length === mine.length);
      const all = await allTasks(office);
      assert.ok(rows.length < all.length, 'less than the whole city');
      const units = await unitsByCode(office);
      const stc = units.get('MA.STC').name;
      for (const row of rows)
        assert.ok(row.lead === stc || row.coordinators.split('; ').includes(stc) || mine.some((t) => t.title === row.title && t.assignee_id),
                  `row ${row.row} (${row.title}: ${row.lead} / ${row.coordinators}) concerns ${stc}`);

      const overdue = await download(office, '?timeliness=overdue');
      const orows = dataRows(readXlsx(overdue.buf));
      assert.equal(orows.length, (await allTasks(office, '&timeliness=overdue')).length);
      assert.ok(orows.length > 0 && orows.every((x) => x.status === 'Quá hạn'));
      assert.equal(cell(readXlsx(overdue.buf), 2, 'A'), 'Tình trạng: Quá hạn');

      assertError(await download(office, '?timeliness=soon'), 400, 'invalid_input', 'timeliness');
      assertError(await download(server.client()), 401);
    });

    it('imports the export into another directive: the same tasks, nothing twice', async () => {
      assert.ok(directiveExport, 'the directive was exported');
      const created = await office.post('/api/v1/directives', {
        kind: 'plan', number: `99/KH-UBND-${db}`, issued_on: '2026-01-12', title: 'Kế hoạch nhập từ Excel',
        issuer_unit_id: directive.issuer_unit_id,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const target = created.body.id;

      const dry = await upload(office, `?directive_id=${target}&dry_run=true`, directiveExport);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.equal(dry.body.ok, true);
      assert.equal(dry.body.imported, 0);
      assert.equal((await allTasks(office, `&directive_id=${target}`)).length, 0, 'a dry run writes nothing');

      const r = await upload(office, '', directiveExport, XLSX, { 'x-directive-id': String(target), 'x-file-name': encodeURIComponent('Danh mục.xlsx') });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const source = await allTasks(office, `&directive_id=${directive.id}`);
      assert.deepEqual(r.body, { ok: true, dry_run: false, imported: source.length, valid_rows: source.length,
                                 groups_created: r.body.groups_created, matches: [], skipped: 0, updated: 0 });
      assert.ok(r.body.groups_created >= 2);
      const copied = await allTasks(office, `&directive_id=${target}`);
      const key = (t) => [t.title, t.lead_unit.code, t.coordinators.map((c) => c.code).sort().join(','), t.deadline, t.progress_percent].join(' | ');
      assert.deepEqual(copied.map(key).sort(), source.map(key).sort());

      const again = await upload(office, `?directive_id=${target}`, directiveExport);
      assertError(again, 409, 'already_imported');
      assert.equal((await allTasks(office, `&directive_id=${target}`)).length, copied.length);
    });

    it('reports every wrong row and imports nothing', async () => {
      const csv = '\uFEFFSTT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Tiến độ\r\n' +
        '1;Việc đúng;MA.STC;Sở Xây dựng;15/06/2026;10\r\n' +
        '2;"Việc ""có ngoặc""; có chấm phẩy";sở tài chính;;;\r\n' +
        '3;Ngày không có;MA.STC;;31/02/2026;\r\n' +
        '4;Đơn vị lạ;Sở Không Tồn Tại;;;\r\n' +
        '5;;MA.STC;;;\r\n' +
        '6;Quá trăm;MA.STC;;;150%\r\n';
      const before = (await allTasks(office)).length;
      const r = await upload(office, `?directive_id=${directive.id}`, csv, 'text/csv; charset=utf-8');
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.ok, false);
      assert.deepEqual(r.body.errors.map((e) => [e.row, e.column]), [[4, 'Thời hạn'], [5, 'Đơn vị chủ trì'], [6, 'Nhiệm vụ'], [7, 'Tiến độ']]);
      assert.equal(r.body.errors[0].message, 'Ngày 31/02/2026 không có (tháng 2 năm 2026 có 28 ngày).');
      for (const e of r.body.errors) assert.ok(e.message.length > 10);
      assert.equal((await allTasks(office)).length, before, 'nothing imported');

      // The same rows, corrected, go in.
      const good = csv.split('\r\n').slice(0, 3).join('\r\n') + '\r\n';
      const ok = await upload(office, `?directive_id=${directive.id}`, good, 'text/csv');
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.imported, 2);
      assert.ok((await allTasks(office, `&q=${encodeURIComponent('co ngoac')}`)).some((t) => t.title === 'Việc "có ngoặc"; có chấm phẩy'));
    });

    it('describes the columns it reads for the import page', async () => {
      const r = await officer.get('/api/v1/tasks/import/columns');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.columns.map((c) => c.heading), [...COLUMNS.slice(0, 7), 'Mô tả']);
      assert.deepEqual(r.body.columns.filter((c) => c.required).map((c) => c.heading), ['Nhiệm vụ', 'Đơn vị chủ trì']);
      assert.ok(r.body.columns.find((c) => c.heading === 'Đơn vị chủ trì').aliases.includes('Cơ quan chủ trì'));
      assert.match(r.body.columns.find((c) => c.heading === 'Thời hạn').help, /15\/06\/2026/);
      assert.equal(r.body.max_rows, 20000);
    });

    it('refuses what is not a spreadsheet, too large, or not the caller\'s to import', async () => {
      const before = (await allTasks(office)).length;
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0, 1, 2])]);
      assertError(await upload(office, `?directive_id=${directive.id}`, pdf), 415, 'unsupported_media_type');
      assertError(await upload(office, `?directive_id=${directive.id}`, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
                  415, 'unsupported_media_type');
      assertError(await upload(office, `?directive_id=${directive.id}`, 'STT,Nhiệm vụ,Đơn vị chủ trì\n1,x,MA.STC\n', 'application/json'),
                  415, 'unsupported_media_type');
      assertError(await upload(office, `?directive_id=${directive.id}`, 'Tên,Ngày\nx,y\n', 'text/csv'), 400, 'no_header_row');
      assertError(await upload(office, '', directiveExport), 400, 'invalid_input', 'directive_id');
      assertError(await upload(officer, `?directive_id=${directive.id}`, directiveExport), 403);

      const big = await rawRequest(server.port,
        `POST /api/v1/tasks/import?directive_id=${directive.id} HTTP/1.1\r\nHost: x\r\nCookie: ${office.cookie}\r\n` +
        `X-CSRF-Token: ${office.csrf}\r\nContent-Type: ${XLSX}\r\nContent-Length: ${512 * 1024 * 1024}\r\n\r\n`);
      assertError(big, 413, 'payload_too_large');
      assert.equal((await allTasks(office)).length, before);
    });
  });
}

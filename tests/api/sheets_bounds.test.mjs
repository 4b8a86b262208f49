// Hostile spreadsheets through a real server: a 26 KiB workbook with one value in the last
// column (XFD), small ZIPs that inflate to 100 MiB sheets (of values, of empty styled cells),
// shared strings used a million times, and a CSV of nothing but separators. Each is refused
// with its status and a message a person can act on, nothing is written, and the server's
// peak memory stays within the bound the README states, whatever the upload.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBS, start, assertError, assertList, XLSX, uploadFile } from './lib.mjs';

// HeldBytesBound of src/sheets/sheet.h (about 300 MiB), plus the upload and its copies.
const BOUND_MB = 380;

// Writes hostile workbooks with Python's zipfile, streaming the sheet so the test itself
// never holds 100 MiB.
function makeWorkbooks(dir) {
  const script = String.raw`
import sys, zipfile
d = sys.argv[1]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WB = ('<workbook ' + NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
def book(name, rows, shared=None, repeat=1):
    with zipfile.ZipFile(d + '/' + name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', WB)
        if shared is not None:
            z.writestr('xl/sharedStrings.xml', shared)
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
            f.write(('<worksheet ' + NS + '><sheetData>').encode())
            chunk = rows.encode() * 1000
            for _ in range(repeat):
                f.write(chunk)
            f.write(b'</sheetData></worksheet>')
with zipfile.ZipFile(d + '/xfd.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', WB)
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet ' + NS + '><sheetData>' + ''.join(
        '<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>' % (i, i, i, i)
        for i in range(1, 400)) + '</sheetData></worksheet>' + ' ' * 20000)
row = '<row>' + '<c><v>1</v></c>' * 20 + '</row>'
book('values.xlsx', row, None, 100 * 1024 * 1024 // (len(row) * 1000))
empty = '<row><c s="1"/><c s="1"/><c s="1"/><c s="1"/><c s="1"/><c s="1"/></row>'
book('empty.xlsx', empty, None, 100 * 1024 * 1024 // (len(empty) * 1000))
shared = '<sst><si><t>' + 'x' * 2000 + '</t></si></sst>'
cell = '<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>'
book('shared.xlsx', cell, shared, 300)
`;
  execFileSync('python3', ['-c', script, dir]);
}

function peakMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

for (const db of DBS) {
  describe(`hostile spreadsheets (${db})`, () => {
    let server, office, directive, dir;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dieuhanh-sheets-'));
      makeWorkbooks(dir);
      server = await start(db);
      office = await server.as('vanphong');
      directive = assertList(await office.get('/api/v1/directives?limit=1'))[0];
    });
    after(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const upload = (bytes, type = XLSX) =>
      uploadFile(office, `/api/v1/tasks/import?directive_id=${directive.id}`, bytes, { type });

    it('refuses each with its reason, writes nothing, and stays within the memory bound', async (t) => {
      const before = (await office.get('/api/v1/tasks?limit=1')).body.total;
      const xfd = readFileSync(join(dir, 'xfd.xlsx'));
      assert.ok(xfd.length < 40 * 1024, `the XFD workbook is small (${xfd.length} bytes)`);
      const cases = [
        ['xfd.xlsx', 400, 'too_many_columns', /XFD1/],
        ['values.xlsx', 413, 'payload_too_large', /quá nhiều ô/],
        ['empty.xlsx', 400, 'no_header_row', /tiêu đề/],
        ['shared.xlsx', 413, 'payload_too_large', /quá nhiều chữ/],
      ];
      for (const [name, status, code, message] of cases) {
        const bytes = readFileSync(join(dir, name));
        assert.ok(bytes.length < 2 * 1024 * 1024, `${name} is a small upload (${bytes.length} bytes)`);
        const r = await upload(bytes);
        assertError(r, status, code);
        assert.match(r.body.error.message, message, name);
      }
      const commas = Buffer.alloc(8 * 1024 * 1024, ',');
      const r = await upload(Buffer.concat([Buffer.from('STT,Nhiệm vụ\n'), commas]), 'text/csv');
      assert.ok([400, 422].includes(r.status), `separators only: ${r.status}`);
      assert.equal((await office.get('/api/v1/tasks?limit=1')).body.total, before, 'nothing written');
      const peak = peakMb(server.proc.pid);
      t.diagnostic(`server peak RSS ${peak.toFixed(0)} MiB`);
      assert.ok(peak < BOUND_MB, `server peak RSS ${peak.toFixed(0)} MiB, bound ${BOUND_MB} MiB`);
    });

    it('still reads an honest workbook afterwards', async () => {
      const r = await upload(Buffer.from('STT,Nhiệm vụ,Đơn vị chủ trì\n1,Việc thử,MA.STC\n'), 'text/csv');
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.imported, 1);
    });
  });
}

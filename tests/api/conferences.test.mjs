// Conferences through a real server on both databases: the secretariat creates a
// conference with two drafts, its delegates and opinions (typed and imported), the
// drafting unit answers (a referred opinion becomes a task under the conference's
// directive), duplicates merge naming every delegate, the vote is decided against ALL
// delegates, and the synthesis report comes out as a Decree 30 .docx (unzipped and read
// here) and as .xlsx. Bad input writes nothing: an import row naming an unknown delegate,
// an answer kind that does not exist, a ballot from a non-delegate; an officer of another
// unit cannot see, let alone answer, the conference's opinions.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { zip as zipEntries } from './zip.mjs';
import { unzip, paragraphs, tableRows, download, sheetRows } from './docx.mjs';
import { DBS, start, assertError, assertList, unitsByCode, uploadFile } from './lib.mjs';

const CSV = 'text/csv';

// A ZIP of stored entries ({name: text}), enough for a small .xlsx.
const zip = (files) => zipEntries(Object.entries(files));

// A one-sheet .xlsx of text cells (inline strings), rows as arrays.
function xlsx(rows) {
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const col = (i) => String.fromCharCode(65 + i);
  const sheet = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) =>
    `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  const ns = 'http://schemas.openxmlformats.org';
  return zip({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Y kien" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  });
}

for (const db of DBS) {
  describe(`conferences (${db})`, () => {
    let server, office, stc, sxd, q1, units, conf, directive;
    const unit = (code) => units.get(code).id;
    const delegates = {};

    before(async () => {
      server = await start(db);
      office = await server.as('vanphong');
      stc = await server.as('canbo.stc');
      sxd = await server.as('canbo.sxd');
      q1 = await server.as('canbo.q1');
      units = await unitsByCode(office);
      const d = await office.post('/api/v1/directives', {
        kind: 'conclusion', number: '12/TB-HĐND', issued_on: '2026-01-10', issuer_unit_id: unit('MA'),
        title: 'Kết luận kỳ họp', body: 'Giao các sở xử lý ý kiến đại biểu.',
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      directive = d.body.id;
    });
    after(async () => server && server.stop());

    it('creates a conference with drafts, sections and delegates', async () => {
      const r = await office.post('/api/v1/conferences', {
        name: 'Kỳ họp thứ 9 (thử nghiệm)', body_unit_id: unit('MA'), starts_on: '2026-01-12', ends_on: '2026-01-14',
        place: 'Minh An', directive_id: directive,
        documents: [
          { title: 'Dự thảo Nghị quyết về phí', drafting_unit_id: unit('MA.STC'), answer_due_on: '2026-01-13',
            sections: ['Điều 1. Phạm vi', 'Điều 2. Mức thu'] },
          { title: 'Dự thảo Nghị quyết về xây dựng', drafting_unit_id: unit('MA.SXD'), sections: ['Điều 1'] },
        ],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      conf = r.body;
      assert.equal(conf.documents.length, 2);
      assert.equal(conf.documents[0].sections.length, 2);
      assert.ok(conf.allowed_actions.includes('manage'), JSON.stringify(conf.allowed_actions));
      for (const [name, group] of [['Nguyễn Văn An', 'Tổ 1'], ['Trần Thị Bình', 'Tổ 1'], ['Lê Văn Cường', 'Tổ 2']]) {
        const d = await office.post(`/api/v1/conferences/${conf.id}/delegates`, { full_name: name, delegation: group });
        assert.equal(d.status, 201, JSON.stringify(d.body));
        delegates[name] = d.body.id;
      }
      assertError(await office.post(`/api/v1/conferences/${conf.id}/delegates`, { full_name: 'Nguyễn Văn An', delegation: 'Tổ 1' }),
        409, 'already_exists', 'full_name');
      assert.equal(assertList(await office.get(`/api/v1/conferences/${conf.id}/delegates`)).length, 3);
    });

    it('records opinions typed and imported; a wrong row imports nothing; the same file twice changes nothing', async () => {
      const doc = conf.documents[0];
      const typed = await office.post(`/api/v1/conferences/${conf.id}/opinions`, {
        delegate_ids: [delegates['Nguyễn Văn An'], delegates['Trần Thị Bình']], document_id: doc.id,
        section_id: doc.sections[1].id, content: 'Đề nghị giảm mức thu.', speech_no: 1,
      });
      assert.equal(typed.status, 201, JSON.stringify(typed.body));
      assert.equal(typed.body.raisers, 'Nguyễn Văn An, Trần Thị Bình (Tổ 1)');
      const bad = 'Đại biểu,Dự thảo,Phần, điều,Nội dung ý kiến,Lượt phát biểu\n'
        .replace('Phần, điều', '"Phần, điều"') +
        'Lê Văn Cường,1,Điều 1,Làm rõ phạm vi.,2\nNguyễn Văn Không,1,,Ý kiến khác.,3\n';
      const before = assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length;
      const refused = await office.post(`/api/v1/conferences/${conf.id}/opinions/import`, bad, { headers: { 'content-type': CSV } });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.errors.length, 1);
      assert.equal(refused.body.errors[0].row, 3);
      assert.equal(refused.body.errors[0].column, 'Đại biểu');
      assert.match(refused.body.errors[0].message, /Nguyễn Văn Không/);
      assert.equal(assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length, before);
      const good = bad.replace('Nguyễn Văn Không', 'Nguyễn Văn An').replace('Ý kiến khác.', 'Đề nghị bổ sung đối tượng miễn.') +
        'Trần Thị Bình,Dự thảo Nghị quyết về xây dựng,Điều 1,Xem lại quy hoạch.,4\n' +
        'Lê Văn Cường,1,Điều 2,Đề nghị giảm mức thu!,5\n';
      const imported = await office.post(`/api/v1/conferences/${conf.id}/opinions/import`, good, { headers: { 'content-type': CSV } });
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      assert.equal(imported.body.imported, 4);
      assertError(await office.post(`/api/v1/conferences/${conf.id}/opinions/import`, good, { headers: { 'content-type': CSV } }),
        409, 'already_imported', 'file');
      assert.equal(assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length, before + 4);
    });

    it('imports from .xlsx: an unknown delegate is a row error and nothing is written; the right file imports once', async () => {
      const head = ['STT', 'Đại biểu', 'Dự thảo', 'Phần, điều', 'Nội dung ý kiến'];
      const path = `/api/v1/conferences/${conf.id}/opinions/import`;
      const before = assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length;
      const bad = xlsx([head, ['1', 'Trần Thị Bình', '2', 'Điều 1', 'Bổ sung hạ tầng.'], ['2', 'Người Lạ; Lê Văn Cường', '2', '', 'Ý kiến.']]);
      const refused = await uploadFile(office, path, bad, { name: 'y-kien.xlsx' });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(refused.body.errors.map((e) => [e.row, e.column]), [[3, 'Đại biểu']]);
      assert.equal(assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length, before);
      const good = xlsx([head, ['1', 'Trần Thị Bình', '2', 'Điều 1', 'Bổ sung hạ tầng.'], ['2', 'Lê Văn Cường (Tổ 2)', '2', '', 'Ý kiến.']]);
      const r = await uploadFile(office, path, good, { name: 'y-kien.xlsx' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.imported, 2);
      assertError(await uploadFile(office, path, good), 409, 'already_imported');
      assert.equal(assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).length, before + 2);
    });

    it('lets only the drafting unit answer, refuses unknown kinds, and refers an opinion as a task', async () => {
      const opinions = assertList(await stc.get(`/api/v1/conferences/${conf.id}/opinions`));
      const mine = opinions.filter((o) => o.document_id === conf.documents[0].id);
      const other = opinions.find((o) => o.document_id === conf.documents[1].id);
      assert.ok(mine.every((o) => o.can_answer) && !other.can_answer);
      assertError(await stc.post(`/api/v1/opinions/${mine[0].id}/answer`, { kind: 'rejected', text: 'Không' }), 400, 'unknown_answer_kind', 'kind');
      assertError(await stc.post(`/api/v1/opinions/${other.id}/answer`, { kind: 'noted' }), 403, 'forbidden');
      // Sở Xây dựng drafts the other document: it sees the conference but cannot answer this one.
      assertError(await sxd.post(`/api/v1/opinions/${mine[0].id}/answer`, { kind: 'noted' }), 403, 'forbidden');
      // A district officer has nothing to do with it: it does not exist for them.
      assertError(await q1.post(`/api/v1/opinions/${mine[0].id}/answer`, { kind: 'noted' }), 404, 'not_found');
      assertError(await q1.get(`/api/v1/conferences/${conf.id}/opinions`), 404, 'not_found');
      let r = await stc.post(`/api/v1/opinions/${mine[0].id}/answer`, { kind: 'explained', text: 'Mức thu đã thấp nhất vùng.' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.answer.label, 'Giải trình');
      r = await stc.post(`/api/v1/opinions/${mine[1].id}/answer`, { kind: 'referred', referred_unit_id: unit('MA.SXD'), due_on: '2026-02-27' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.task_id, 'a task');
      const task = await office.get(`/api/v1/tasks/${r.body.task_id}`);
      assert.equal(task.status, 200, JSON.stringify(task.body));
      assert.equal((task.body.task || task.body).directive_id, directive);
      const view = await office.get(`/api/v1/conferences/${conf.id}`);
      assert.equal(view.body.counts.received, 7);
      assert.equal(view.body.counts.answered, 2);
      assert.equal(view.body.counts.by_kind.referred, 1);
      assert.equal(view.body.counts.overdue_by_unit[0].unit_id, unit('MA.STC'));  // due 13/01, today 15/01
    });

    it('merges duplicates naming every delegate, and answers the merged one', async () => {
      const opinions = assertList(await stc.get(`/api/v1/conferences/${conf.id}/opinions`));
      const dup = opinions.filter((o) => o.content.startsWith('Đề nghị giảm mức thu'));
      assert.equal(dup.length, 2);
      const r = await stc.post(`/api/v1/opinions/${dup[0].id}/merge`, { opinion_ids: [dup[1].id] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.raisers, 'Nguyễn Văn An, Trần Thị Bình (Tổ 1); Lê Văn Cường (Tổ 2)');
      assertError(await stc.post(`/api/v1/opinions/${dup[1].id}/answer`, { kind: 'noted' }), 409, 'merged');
      const a = await stc.post(`/api/v1/opinions/${dup[0].id}/answer`, { kind: 'accepted', text: 'Đã giảm mức thu tại Điều 2.' });
      assert.equal(a.status, 200, JSON.stringify(a.body));
    });

    it('decides a vote against all delegates and refuses a ballot from a non-delegate', async () => {
      const votes = `/api/v1/conferences/${conf.id}/votes`;
      assertError(await office.post(votes, { subject: 'Thông qua', ballots: [{ delegate_id: 999999, choice: 'for' }] }),
        400, 'not_a_delegate', 'ballots[0].delegate_id');
      // 2 of 3 present vote for — more than half of all 3: passed. 1 for, 0 against: not passed.
      let r = await office.post(votes, { subject: 'Thông qua Nghị quyết về phí', document_id: conf.documents[0].id,
        ballots: [{ delegate_id: delegates['Nguyễn Văn An'], choice: 'for' }, { delegate_id: delegates['Lê Văn Cường'], choice: 'for' }] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.passed, true);
      assert.match(r.body.rule_text, /quá nửa tổng số đại biểu/);
      r = await office.post(votes, { subject: 'Thông qua Nghị quyết về xây dựng', in_favour: 1, against: 0, abstain: 0 });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.passed, false);
      assert.equal(r.body.needed, 2);
      assertError(await office.post(votes, { subject: 'X', in_favour: 3, against: 1 }), 400, 'too_many_votes');
      assertError(await stc.post(votes, { subject: 'X', in_favour: 3 }), 403, 'forbidden');
      assert.equal(assertList(await office.get(votes)).length, 2);
    });

    it('exports the synthesis report as a Decree 30 .docx and as .xlsx', async () => {
      const r = await download(office, `/api/v1/conferences/${conf.id}/report.docx?signer_title=Chánh Văn phòng&signer_name=Trần Thị Mai`);
      assert.equal(r.status, 200, r.bytes.toString());
      assert.match(r.type, /wordprocessingml/);
      const xml = unzip(r.bytes).get('word/document.xml').toString('utf8');
      const text = paragraphs(xml);
      for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Minh An, ngày 15 tháng 01 năm 2026',
        'BÁO CÁO', 'Nơi nhận:', 'CHÁNH VĂN PHÒNG', 'Trần Thị Mai'])
        assert.ok(text.includes(line), `${line} in ${JSON.stringify(text)}`);
      assert.ok(text.some((t) => t.startsWith('Số: ')));
      const rows = tableRows(xml);
      assert.ok(rows.includes('STT | Nội dung ý kiến | Đại biểu, đơn vị | Tiếp thu, giải trình'), JSON.stringify(rows));
      assert.ok(rows.includes('I | Dự thảo Nghị quyết về phí'), JSON.stringify(rows));
      assert.ok(rows.some((row) => row.includes('Đề nghị giảm mức thu.') && row.includes('Lê Văn Cường (Tổ 2)') &&
        row.includes('Tiếp thu: Đã giảm mức thu tại Điều 2.')), JSON.stringify(rows));
      assert.ok(rows.some((row) => row.includes('Chuyển Sở Xây dựng xử lý, hạn 27/02/2026.')), JSON.stringify(rows));
      assert.ok(!rows.some((row) => row.includes('Đề nghị giảm mức thu!')), 'a merged opinion is not listed twice');
      assert.ok(!xml.includes('{{'), 'no placeholder left');
      const x = await download(office, `/api/v1/conferences/${conf.id}/report.xlsx`);
      assert.equal(x.status, 200);
      assert.ok(unzip(x.bytes).has('xl/worksheets/sheet1.xml'));
      const hidden = await download(q1, `/api/v1/conferences/${conf.id}/report.docx`);
      assert.equal(hidden.status, 404);
    });

    it('refuses, never cuts, a report parameter or a section title that is too long, naming the field', async () => {
      const cases = [['number', 'Số, ký hiệu', 50], ['signing_authority', 'Thẩm quyền ký', 100],
        ['signer_title', 'Chức vụ người ký', 100], ['signer_name', 'Họ và tên người ký', 100]];
      for (const [param, label, max] of cases) {
        for (const kind of ['docx', 'xlsx']) {
          const path = `/api/v1/conferences/${conf.id}/report.${kind}?${param}=`;
          const r = await office.get(path + encodeURIComponent('Ư'.repeat(max + 1)));
          assertError(r, 400, 'too_long', param);
          assert.match(r.body.error.message, new RegExp(`^${label} dài quá`), r.body.error.message);
          assert.equal((await download(office, path + encodeURIComponent('Ư'.repeat(max)))).status, 200, `${param} at ${max}`);
        }
      }
      const r = await office.post('/api/v1/conferences', {
        name: 'Kỳ họp dài', body_unit_id: unit('MA'), starts_on: '2026-01-12', ends_on: '2026-01-14',
        documents: [{ title: 'Dự thảo', drafting_unit_id: unit('MA.STC'), sections: ['Điều 1', 'Đ'.repeat(501)] }],
      });
      assertError(r, 400, 'too_long', 'documents[0].sections');
    });

    it('keeps each opinion in the round it was raised in, in the report too, once a draft starts a new round', async () => {
      const doc = conf.documents[1];  // Dự thảo Nghị quyết về xây dựng, Sở Xây dựng drafts it
      const path = `/api/v1/conferences/${conf.id}/documents/${doc.id}/next-round`;
      const first = assertList(await sxd.get(`/api/v1/conferences/${conf.id}/opinions`)).filter((o) => o.document_id === doc.id);
      assert.ok(first.length > 0 && first.every((o) => o.round === 1), JSON.stringify(first));
      // Not while an opinion of round 1 waits for its answer.
      assertError(await office.post(path, {}), 409);
      for (const o of first.filter((x) => !x.answer && !x.merged_into_id)) {
        const a = await sxd.post(`/api/v1/opinions/${o.id}/answer`, { kind: 'noted' });
        assert.equal(a.status, 200, JSON.stringify(a.body));
      }
      const next = await office.post(path, {});
      assert.equal(next.status, 200, JSON.stringify(next.body));
      assert.equal(next.body.round, 2);
      const typed = await office.post(`/api/v1/conferences/${conf.id}/opinions`, {
        delegate_ids: [delegates['Lê Văn Cường']], document_id: doc.id, content: 'Vòng hai: đề nghị làm rõ lộ trình.',
      });
      assert.equal(typed.status, 201, JSON.stringify(typed.body));
      assert.equal(typed.body.round, 2);
      const all = assertList(await office.get(`/api/v1/conferences/${conf.id}/opinions`)).filter((o) => o.document_id === doc.id);
      assert.deepEqual(all.map((o) => o.round).sort(), [...first.map(() => 1), 2]);

      const r = await download(office, `/api/v1/conferences/${conf.id}/report.docx`);
      assert.equal(r.status, 200, r.bytes.toString());
      const rows = tableRows(unzip(r.bytes).get('word/document.xml').toString('utf8'));
      const at = (text) => rows.findIndex((row) => row.includes(text));
      const round1 = rows.indexOf('II | Dự thảo Nghị quyết về xây dựng (vòng 1)');
      const round2 = rows.indexOf('III | Dự thảo Nghị quyết về xây dựng (vòng 2)');
      assert.ok(round1 > 0 && round2 > round1, JSON.stringify(rows));
      for (const o of first.filter((x) => !x.merged_into_id))
        assert.ok(at(o.content) > round1 && at(o.content) < round2, `${o.content} under round 1: ${JSON.stringify(rows)}`);
      assert.ok(at('Vòng hai: đề nghị làm rõ lộ trình.') > round2, JSON.stringify(rows));
      // The draft that stayed in round 1 is not labelled with a round.
      assert.ok(rows.includes('I | Dự thảo Nghị quyết về phí'), JSON.stringify(rows));

      const x = await download(office, `/api/v1/conferences/${conf.id}/report.xlsx`);
      assert.equal(x.status, 200);
      const sheet = sheetRows(unzip(x.bytes));
      assert.ok(sheet.some((row) => row[0] === 'STT' && row[3] === 'Vòng'), JSON.stringify(sheet));
      for (const o of all.filter((y) => !y.merged_into_id)) {
        const row = sheet.find((cells) => cells[1] === o.content);
        assert.ok(row, `${o.content} in ${JSON.stringify(sheet)}`);
        assert.equal(row[3], String(o.round), o.content);
      }
      assert.ok(sheet.some((row) => row[1] === 'Dự thảo Nghị quyết về xây dựng (vòng 1)'), JSON.stringify(sheet));
    });
  });
}

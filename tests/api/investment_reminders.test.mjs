// Investors update on time (TT 13/2016): a project whose investor has not reported physical
// progress or a disbursement within 7 working days after the month's end is reminded through
// the notification job (`dieuhanh notify run`), as a notice about the project (kind
// "project", its link the project's page) that only those who may see the project get; the
// reminder resolves itself when the investor reports — progress or a disbursement dated after
// the month's end — and the next pass writes none about it. A back-dated report does not
// count. On SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN } from './support.mjs';
import { DBS, TODAY, start, unitId, assertList } from './lib.mjs';

const TY = 1_000_000_000;

function notifyRun(db) {
  const r = spawnSync(BIN, ['notify', 'run', '--db', db, '--now', TODAY], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, `notify run: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

// The unresolved (or, with resolved=true, all) notices about project `id` in `client`'s bell.
async function aboutProject(client, id, query = '', extra = undefined) {
  const r = await client.get(`/api/v1/notifications?limit=500${query}`, extra);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items.filter((n) => n.item?.kind === 'project' && n.item.id === id);
}

for (const db of DBS) {
  describe(`investors' update reminders (${db})`, () => {
    let server, office, investor, outsider, nsdp;
    const projects = {};

    before(async () => {
      server = await start(db, { args: ['--notify-every', '0'] });
      office = await server.as('vanphong');
      investor = await server.as('chudautu.gt');
      outsider = await server.as('canbo.stc');
      const gt = await unitId(office, 'MA.BQLGT');
      const sources = assertList(await office.get('/api/v1/capital-sources'));
      nsdp = sources.find((s) => s.code === 'NSDP-TT').id;
      for (const key of ['progress', 'paid', 'backdated']) {
        const r = await office.post('/api/v1/projects', {
          code: `NHAC-${key}`, name: `Dự án nhắc cập nhật ${key}`, investor_id: gt, sector: 'transport', group: 'C',
          total_investment: 10 * TY, start_year: 2025, end_year: 2027, status: 'in_progress',
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        projects[key] = r.body;
      }
      notifyRun(server.db);
    });

    after(async () => server?.close());

    it('reminds the investor about a project not updated since the month ended, linking to the project', async () => {
      for (const p of Object.values(projects)) {
        const mine = await aboutProject(investor, p.id);
        assert.ok(mine.length >= 1, `a reminder about ${p.code}`);
        assert.equal(mine[0].item.link, `/investment/projects/${p.id}`);
        assert.match(mine[0].title + mine[0].body, new RegExp(p.code));
      }
    });

    it('names what falls due, the update of the project, in the reader\'s language', async () => {
      const p = projects.progress;
      const [vi] = await aboutProject(investor, p.id, '', { headers: { 'accept-language': 'vi' } });
      const [en] = await aboutProject(investor, p.id, '', { headers: { 'accept-language': 'en' } });
      assert.match(vi.title, new RegExp(`: Cập nhật tiến độ, giải ngân dự án ${p.code} ${p.name}$`));
      assert.match(en.title, new RegExp(`: Progress and disbursement update of project ${p.code} ${p.name}$`));
      assert.doesNotMatch((en.title + en.body).replace(p.name, ''), /Cập nhật|Dự án/);
    });

    it('shows the reminder to no one outside the project', async () => {
      for (const p of Object.values(projects)) assert.equal((await aboutProject(outsider, p.id, '&resolved=true')).length, 0);
    });

    it('resolves itself when the investor reports progress or a disbursement after the month end', async () => {
      let r = await investor.post(`/api/v1/projects/${projects.progress.id}/progress`, { physical_percent: 20, note: 'Đã thi công xong nền đường' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      r = await investor.post('/api/v1/disbursements', { project_id: projects.paid.id, source_id: nsdp, plan_year: 2025, paid_on: '2026-01-12', amount: 1_000_000 });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      r = await investor.post(`/api/v1/projects/${projects.backdated.id}/progress`, { physical_percent: 5, reported_on: '2025-12-20' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      for (const key of ['progress', 'paid']) {
        const p = projects[key];
        assert.equal((await aboutProject(investor, p.id)).length, 0, `${key}: out of the bell`);
        const history = await aboutProject(investor, p.id, '&resolved=true');
        assert.ok(history.length >= 1 && history.every((n) => n.resolved), `${key}: kept as dealt with`);
      }
      assert.ok((await aboutProject(investor, projects.backdated.id)).length >= 1, 'a report dated before the month end is not the update owed');
    });

    it('writes no new reminder about an updated project on the next pass', async () => {
      notifyRun(server.db);
      assert.equal((await aboutProject(investor, projects.progress.id)).length, 0);
      assert.equal((await aboutProject(investor, projects.paid.id)).length, 0);
      assert.ok((await aboutProject(investor, projects.backdated.id)).length >= 1);
    });
  });
}

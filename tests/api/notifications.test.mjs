// Notifications end to end: a real SMTP sink (Debian's python3-aiosmtpd with
// tests/support/smtp_sink.py), tasks made through the API, then `dieuhanh notify run`
// on chosen days (and the job inside `dieuhanh serve`). The mails are decoded as a mail
// client would (MIME, RFC 2047) and checked: who got what, in Vietnamese; the daily
// digest; escalation to the head of the unit; a mail server that is down and then back;
// no duplicate on a second run — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { BIN, freePort } from './support.mjs';
import { DBS, TODAY, start, unitId } from './lib.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SUPPORT = new URL('../support/', import.meta.url).pathname;
const FROM = 'dieuhanh@minhan.example';
const PUBLIC_URL = 'http://dieuhanh.test';
const at = (username) => `${username}@minhan.example`;

// --- The SMTP sink ---

async function waitForPort(port, ok = true, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open === ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not ${ok ? 'open' : 'close'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startSink(port, folder) {
  const proc = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'smtp_sink.SaveToFolder', folder], {
    env: { ...process.env, PYTHONPATH: SUPPORT },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  proc.once('exit', (code) => code && console.error(`smtp sink exited ${code}: ${stderr}`));
  await waitForPort(port);
  return {
    async stop() {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await done;
      await waitForPort(port, false);
    },
  };
}

// --- Reading mail as a client would ---

// RFC 2047 encoded-words (B and Q, UTF-8), with the whitespace between adjacent words dropped.
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, text) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function decodeBody(headers, body) {
  const cte = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

// { raw, headers, subject, to, from, text, html, rcpt }
function parseMail(raw, envelope) {
  const split = raw.indexOf('\r\n\r\n');
  assert.ok(split > 0, 'headers end with an empty line');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const mail = { raw, headers, rcpt: envelope.rcpt_tos, subject: decodeWords(headers.subject || ''), to: decodeWords(headers.to || ''), from: decodeWords(headers.from || ''), text: '', html: '' };
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  const parts = boundary
    ? body.split(`--${boundary[1]}`).slice(1, -1).map((p) => {
        const s = p.replace(/^\r\n/, '');
        const i = s.indexOf('\r\n\r\n');
        return { headers: parseHeaders(s.slice(0, i)), body: s.slice(i + 4) };
      })
    : [{ headers, body }];
  for (const p of parts) {
    const t = (p.headers['content-type'] || '').toLowerCase();
    assert.match(t, /charset=utf-8/, `UTF-8 part: ${t}`);
    if (t.startsWith('text/plain')) mail.text = decodeBody(p.headers, p.body);
    if (t.startsWith('text/html')) mail.html = decodeBody(p.headers, p.body);
  }
  return mail;
}

function readBox(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => parseMail(readFileSync(join(folder, f), 'latin1'), JSON.parse(readFileSync(join(folder, f.replace('.eml', '.json')), 'utf8'))))
    .map((m) => ({ ...m, raw: m.raw }));
}

// --- The command line ---

function notifyRun(db, now, smtpPort, extra = []) {
  const args = ['notify', 'run', '--db', db, '--now', now, '--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--smtp-from', FROM, '--public-url', PUBLIC_URL, ...extra];
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: 120000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MARK = '[E2E]';
const mentions = (m, s) => m.text.includes(s);
const mailsTo = (box, username) => box.filter((m) => m.rcpt.includes(at(username)));

for (const db of DBS) {
  describe(`notifications on ${db}`, () => {
    let server, sink, sinkPort, folder, office, officer, admin;
    const tasks = {};

    before(async () => {
      folder = join(mkdtempSync(join(tmpdir(), 'dieuhanh-smtp-')), 'box');
      sinkPort = await freePort();
      server = await start(db, { args: ['--notify-every', '0'] });
      admin = await server.as('admin');
      office = await server.as('vanphong');
      officer = await server.as('canbo.stc');
      const stc = await unitId(admin, 'MA.STC');
      const sxd = await unitId(admin, 'MA.SXD');
      // Sở Tài chính gets a director (leader): the head its escalations go to. Sở Xây dựng
      // has none: its head is the office of the city above it (vanphong).
      const r = await admin.post('/api/v1/users', {
        username: 'giamdoc.stc', full_name: 'Phạm Văn Đức', email: at('giamdoc.stc'), password: 'Mat-khau@2026',
        roles: [{ role: 'leader', unit_id: stc }],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const task = async (key, body) => {
        const t = await office.post('/api/v1/tasks', { output_kind: 'report', ...body });
        assert.equal(t.status, 201, JSON.stringify(t.body));
        tasks[key] = t.body;
      };
      // 15/01/2026 is a Thursday: due Monday 19/01 is 2 working days away.
      await task('soon', { title: `${MARK} Báo cáo thẩm định dự toán ngân sách`, lead_unit_id: stc, deadline: '2026-01-19' });
      await task('silent', { title: `${MARK} Lập quy hoạch chi tiết khu đô thị phía Nam`, lead_unit_id: sxd });
      await task('extend', { title: `${MARK} Rà soát nguồn vốn đối ứng`, lead_unit_id: stc, deadline: '2026-06-30' });
      const ext = await officer.post(`/api/v1/tasks/${tasks.extend.id}/extensions`, { new_deadline: '2026-09-30', reason: 'Chờ ý kiến của Bộ Tài chính' });
      assert.equal(ext.status, 201, JSON.stringify(ext.body));
    });

    after(async () => {
      await sink?.stop();
      await server?.close();
      if (folder) rmSync(join(folder, '..'), { recursive: true, force: true });
    });

    it('keeps notifications when the mail server is down, and mails them once it is back', async () => {
      const down = notifyRun(server.db, TODAY, sinkPort);
      assert.equal(down.status, 3, `exit 3 when something could not be sent: ${down.stdout}${down.stderr}`);
      assert.match(down.stdout, /Không gửi được: /);
      assert.match(down.stdout, /E-mail đã gửi: 0, lỗi: 1/, 'stops at the first failure: the server is down');
      assert.match(down.stdout, /due_soon=\d+/, 'reminders are written in-app all the same');
      // In the app at once, whatever the mail server does.
      const mine = await officer.get('/api/v1/notifications?unread=true');
      assert.equal(mine.status, 200);
      assert.ok(mine.body.items.some((n) => n.kind === 'due_soon' && n.task_id === tasks.soon.id && n.title === `Sắp đến hạn: ${MARK} Báo cáo thẩm định dự toán ngân sách`), JSON.stringify(mine.body.items));

      sink = await startSink(sinkPort, folder);
      const up = notifyRun(server.db, TODAY, sinkPort);
      assert.equal(up.status, 0, up.stdout + up.stderr);
      assert.match(up.stdout, /Đã gửi: canbo\.stc@minhan\.example/);
      assert.match(up.stdout, /Bản tin: canbo\.stc@minhan\.example\t\[Điều hành\] Bản tin ngày 15\/01\/2026/);
      assert.ok(readBox(folder).length > 0);
    });

    it('sends the officer one mail with the new assignment and the reminder, in Vietnamese', () => {
      const box = readBox(folder);
      const toOfficer = mailsTo(box, 'canbo.stc');
      const notes = toOfficer.find((m) => mentions(m, `Sắp đến hạn: ${MARK} Báo cáo thẩm định dự toán ngân sách`) && !m.subject.includes('Bản tin'));
      assert.ok(notes, toOfficer.map((m) => m.subject).join('\n'));
      assert.ok(mentions(notes, `Nhiệm vụ mới: ${MARK} Báo cáo thẩm định dự toán ngân sách`), 'the assignment in the same mail');
      assert.ok(mentions(notes, 'Nhiệm vụ đến hạn ngày 19/01/2026, còn 2 ngày làm việc. Đơn vị chủ trì: Sở Tài chính.'), notes.text);
      assert.match(notes.text, /^Kính gửi đồng chí Lê Thị Hồng/);
      assert.match(notes.subject, /^\[Điều hành\] \d+ thông báo mới$/);
      // Headers a mail client relies on.
      assert.equal(notes.to, `Lê Thị Hồng (Sở Tài chính) <${at('canbo.stc')}>`);
      assert.match(notes.from, new RegExp(`<${FROM}>$`));
      assert.equal(notes.headers.date, 'Thu, 15 Jan 2026 09:00:00 +0700');
      assert.match(notes.headers['message-id'], /^<[^<>@\s]+@minhan\.example>$/);
      assert.equal(notes.headers['mime-version'], '1.0');
      assert.match(notes.headers['content-type'], /^multipart\/alternative; boundary=/);
      assert.match(notes.headers.subject, /=\?UTF-8\?B\?/, 'the subject is RFC 2047 encoded');
      assert.ok(/^[\x00-\x7f]*$/.test(notes.raw), '7-bit on the wire');
      assert.ok(notes.html.includes(`<a href="${PUBLIC_URL}/tasks/${tasks.soon.id}">`), 'links to the task');
      assert.ok(notes.html.includes('Sắp đến hạn: [E2E] Báo cáo thẩm định dự toán ngân sách'));
      // The envelope goes where the header says, and only there.
      assert.deepEqual(notes.rcpt, [at('canbo.stc')]);
    });

    it('reminds the whole lead unit, the new leader too, and not other units', () => {
      const box = readBox(folder);
      assert.ok(mailsTo(box, 'giamdoc.stc').some((m) => mentions(m, `Sắp đến hạn: ${MARK} Báo cáo thẩm định dự toán ngân sách`)));
      const sxd = mailsTo(box, 'canbo.sxd');
      assert.ok(sxd.some((m) => mentions(m, `Nhiệm vụ mới: ${MARK} Lập quy hoạch chi tiết khu đô thị phía Nam`)));
      assert.ok(!sxd.some((m) => mentions(m, `${MARK} Báo cáo thẩm định`)), 'Sở Xây dựng hears nothing of Sở Tài chính');
      assert.ok(!mailsTo(box, 'xem').some((m) => mentions(m, 'Sắp đến hạn')), 'viewers are not reminded');
    });

    it('sends each person a daily digest of what is due, and the office what awaits its decision', () => {
      const box = readBox(folder);
      const digest = mailsTo(box, 'canbo.stc').find((m) => m.subject.startsWith('[Điều hành] Bản tin ngày 15/01/2026'));
      assert.ok(digest, 'the officer has a task due soon');
      assert.ok(mentions(digest, 'Bản tin công việc ngày 15/01/2026'));
      assert.match(digest.text, /Nhiệm vụ sắp đến hạn \(\d+\)/);
      assert.ok(mentions(digest, `${MARK} Báo cáo thẩm định dự toán ngân sách`));
      assert.ok(mentions(digest, 'Sở Tài chính — hạn 19/01/2026, còn 2 ngày làm việc'), digest.text);
      assert.match(digest.text, /Thông báo chưa đọc \(\d+\)/);
      const office = mailsTo(box, 'vanphong').find((m) => m.subject.startsWith('[Điều hành] Bản tin ngày 15/01/2026'));
      assert.ok(office, 'the office has an extension to decide');
      assert.match(office.text, /Đề nghị gia hạn chờ quyết định \(\d+\)/);
      assert.ok(mentions(office, `${MARK} Rà soát nguồn vốn đối ứng`));
      assert.ok(mentions(office, 'xin gia hạn đến 30/09/2026'));
      // One digest per person per day.
      const digests = box.filter((m) => m.subject.includes('Bản tin ngày 15/01/2026'));
      const people = digests.map((m) => m.rcpt[0]);
      assert.equal(new Set(people).size, people.length, people.join(', '));
      // Nothing due, nothing to decide: no digest (the viewer and the business).
      for (const u of ['xem', 'doanhnghiep']) assert.ok(!mailsTo(box, u).some((m) => m.subject.includes('Bản tin')), u);
    });

    it('sends nothing new on a second run the same day', () => {
      const before = readBox(folder).length;
      const again = notifyRun(server.db, TODAY, sinkPort);
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /Thông báo mới: 0\n/);
      assert.match(again.stdout, /E-mail đã gửi: 0, lỗi: 0/);
      assert.equal(readBox(folder).length, before);
    });

    it('tells the holder when a task goes silent, then the head of its unit', () => {
      // 29/01: 10 working days without a report since the tasks were made on 15/01.
      let before = readBox(folder).length;
      const r29 = notifyRun(server.db, '2026-01-29', sinkPort);
      assert.equal(r29.status, 0, r29.stdout + r29.stderr);
      let box = readBox(folder).slice(before);
      assert.ok(mailsTo(box, 'canbo.sxd').some((m) => mentions(m, `Chưa cập nhật tiến độ: ${MARK} Lập quy hoạch chi tiết khu đô thị phía Nam`) && mentions(m, 'Đã 10 ngày làm việc chưa có báo cáo tiến độ (kể từ 15/01/2026)')));
      assert.ok(mailsTo(box, 'canbo.stc').some((m) => mentions(m, `Quá hạn: ${MARK} Báo cáo thẩm định dự toán ngân sách`) && mentions(m, 'quá hạn 8 ngày làm việc (hạn 19/01/2026)')));
      assert.ok(!box.some((m) => mentions(m, `Đơn vị chưa báo cáo tiến độ: ${MARK}`)), 'no escalation before 5 more working days');

      // 05/02: 15 working days. Sở Xây dựng has no leader: the city's office is told.
      before = readBox(folder).length;
      const r05 = notifyRun(server.db, '2026-02-05', sinkPort);
      assert.equal(r05.status, 0, r05.stdout + r05.stderr);
      box = readBox(folder).slice(before);
      const escalated = (u, title) => mailsTo(box, u).some((m) => mentions(m, `Đơn vị chưa báo cáo tiến độ: ${MARK} ${title}`));
      assert.ok(escalated('vanphong', 'Lập quy hoạch chi tiết khu đô thị phía Nam'), mailsTo(box, 'vanphong').map((m) => m.text).join('\n---\n'));
      assert.ok(mailsTo(box, 'vanphong').some((m) => mentions(m, 'Sở Xây dựng chưa báo cáo tiến độ nhiệm vụ này 15 ngày làm việc (kể từ 15/01/2026), dù đã được nhắc. Đề nghị đồng chí chỉ đạo.')));
      // Sở Tài chính's own leader is its head.
      assert.ok(escalated('giamdoc.stc', 'Báo cáo thẩm định dự toán ngân sách'));
      assert.ok(!escalated('vanphong', 'Báo cáo thẩm định dự toán ngân sách'), 'not the office when the unit has a leader');
      assert.ok(!escalated('canbo.sxd', 'Lập quy hoạch chi tiết khu đô thị phía Nam'), 'the head, not the holder again');

      before = readBox(folder).length;
      const again = notifyRun(server.db, '2026-02-05', sinkPort);
      assert.equal(again.status, 0);
      assert.match(again.stdout, /E-mail đã gửi: 0, lỗi: 0/);
      assert.equal(readBox(folder).length, before, 'no duplicate');
    });

    it('sends no reminder and no digest on a day off', () => {
      const before = readBox(folder).length;
      const r = notifyRun(server.db, '2026-02-07', sinkPort);  // a Saturday
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /Thông báo mới: 0\n/);
      assert.equal(readBox(folder).length, before);
    });
  });
}

describe('notifications: a refused address, and the job inside serve', () => {
  let sink, sinkPort, folder, server, first;
  before(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'dieuhanh-smtp-')), 'box');
    sinkPort = await freePort();
    sink = await startSink(sinkPort, folder);
  });
  after(async () => {
    await server?.close();
    first?.cleanupDb();
    await sink?.stop();
    rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  it('reports a refused address and delivers the rest', async () => {
    server = await start('sqlite', { args: ['--notify-every', '0'] });
    const admin = await server.as('admin');
    const office = await server.as('vanphong');
    const sxd = await unitId(admin, 'MA.SXD');
    const u = await admin.post('/api/v1/users', {
      username: 'tuchoi', full_name: 'Hộp thư hỏng', email: 'reject.sxd@minhan.example', password: 'Mat-khau@2026',
      roles: [{ role: 'officer', unit_id: sxd }],
    });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    const t = await office.post('/api/v1/tasks', { title: `${MARK} Kiểm tra chất lượng công trình`, lead_unit_id: sxd, deadline: '2026-03-31', output_kind: 'report' });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    const r = notifyRun(server.db, TODAY, sinkPort);
    assert.equal(r.status, 3, r.stdout + r.stderr);
    assert.match(r.stdout, /Không gửi được: reject\.sxd@minhan\.example: .*550/);
    const box = readBox(folder);
    assert.ok(mailsTo(box, 'canbo.sxd').some((m) => mentions(m, `Nhiệm vụ mới: ${MARK} Kiểm tra chất lượng công trình`)), 'the rest is delivered');
    assert.ok(!box.some((m) => m.rcpt.includes('reject.sxd@minhan.example')));
    await server.stop();
    first = server;
  });

  it('runs inside serve: mails a new assignment and the digests without blocking requests', async () => {
    server = await start(server.db, {
      args: ['--smtp-url', `smtp://127.0.0.1:${sinkPort}`, '--smtp-from', FROM, '--notify-every', '1'],
    });
    const admin = await server.as('admin');
    const office = await server.as('vanphong');
    const stc = await unitId(admin, 'MA.STC');
    const t = await office.post('/api/v1/tasks', { title: `${MARK} Tổng hợp báo cáo quyết toán`, lead_unit_id: stc, deadline: '2026-03-31', output_kind: 'report' });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    // The job runs every second inside the server; wait for its mail (no timing asserted).
    const deadline = Date.now() + 60000;
    const wanted = `Nhiệm vụ mới: ${MARK} Tổng hợp báo cáo quyết toán`;
    while (!mailsTo(readBox(folder), 'canbo.stc').some((m) => mentions(m, wanted))) {
      assert.ok(Date.now() < deadline, 'the serve job mails the new assignment');
      assert.equal((await office.get('/api/v1/notifications?limit=1')).status, 200, 'requests are answered meanwhile');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The demo's tasks due soon bring digests too, one per person.
    const digests = readBox(folder).filter((m) => m.subject.startsWith('[Điều hành] Bản tin ngày 15/01/2026'));
    assert.ok(digests.length > 0);
    assert.equal(new Set(digests.map((m) => m.rcpt[0])).size, digests.length);
    await server.stop();
  });
});

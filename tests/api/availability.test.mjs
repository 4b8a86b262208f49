// Availability: one client holding 1.100 idle connections must not take every file
// descriptor and lock everyone else out, nor make the accept loop spin. The server runs
// under a small open-files limit; the "everyone else" client comes from another loopback
// address (Linux routes all of 127/8 to lo) — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { BIN, scratchDb, startServer } from './support.mjs';
import { DBS } from './lib.mjs';

const IDLE = 1100;
const PER_IP = 64; // the default of --max-connections-per-ip
const PASSWORD = 'Mat-khau@2026';
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// Opens `n` connections from 127.0.0.1 that never send a byte, 100 at a time; resolves once
// each has connected, failed or been closed. `open()` counts those still open.
async function openIdle(port, n) {
  const sockets = [];
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, () => new Promise((resolve) => {
      const s = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1' });
      s.on('connect', resolve);
      s.on('error', resolve);
      s.on('close', resolve);
      s.on('data', () => {});
      sockets.push(s);
    }));
    await Promise.all(batch);
  }
  return {
    open: () => sockets.filter((s) => !s.destroyed && s.readyState === 'open').length,
    closeAll: () => sockets.forEach((s) => s.destroy()),
  };
}

// Waits until `ok()` holds, for at most `ms`; returns whether it did.
async function until(ok, ms) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

// A request from 127.0.0.2, on a fresh connection; resolves with { status, body } or
// { error } when the connection was refused or closed.
function requestFrom(server, method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1', port: server.port, localAddress: '127.0.0.2', method, path, agent: false, timeout: 5000,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error }));
    req.end(payload);
  });
}

// The server's CPU time (user + system) in seconds, from /proc.
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

// Over two seconds of waiting with the idle connections open, the server must stay idle
// too: a resource bound, generous on a shared machine, not a measure of speed.
async function assertNoSpin(pid) {
  const before = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, 2000));
  const used = cpuSeconds(pid) - before;
  assert.ok(used < 0.25, `the server used ${used.toFixed(2)} s of CPU in 2 s while connections sat idle`);
}

function openFilesLimit(pid) {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line.trim().split(/\s+/).slice(3, 5);
  return { soft: Number(soft), hard: Number(hard) };
}

// A server on a fresh database with one account and nothing else (the demo city takes
// seconds to load, and is not what this is about). `close()` also drops the database.
async function startBare(db, opts) {
  const scratch = scratchDb(db);
  const add = ['user', 'add', '--db', scratch.url, '--username', 'quantri', '--role', 'admin', '--password-stdin'];
  execFileSync(BIN, add, { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  const server = await startServer({ db: scratch.url, demo: false, ...opts });
  const stop = server.close.bind(server);
  server.close = async () => {
    await stop();
    scratch.cleanup();
  };
  return server;
}

async function assertServes(server, what) {
  const health = await requestFrom(server, 'GET', '/healthz');
  assert.equal(health.status, 200, `${what}: /healthz ${health.error ?? health.body}`);
  const login = await requestFrom(server, 'POST', '/api/v1/login', { username: 'quantri', password: PASSWORD });
  assert.equal(login.status, 200, `${what}: login ${login.error ?? login.body}`);
}

for (const db of DBS) {
  describe(`availability on ${db}`, () => {
    it('1.100 idle connections from one address leave room for everyone else', async () => {
      // Soft limit 256 under a hard 512: the server raises its soft limit to the hard one.
      const server = await startBare(db, { ulimit: ['-Sn 256', '-Hn 512'] });
      let idle;
      try {
        assert.deepEqual(openFilesLimit(server.proc.pid), { soft: 512, hard: 512 });
        const fdsBefore = readdirSync(`/proc/${server.proc.pid}/fd`).length;
        idle = await openIdle(server.port, IDLE);
        assert.ok(await until(() => idle.open() <= PER_IP, 30000), `${idle.open()} idle connections still open`);
        const fds = readdirSync(`/proc/${server.proc.pid}/fd`).length;
        assert.ok(fds <= fdsBefore + PER_IP + 8, `the server holds ${fds} descriptors (${fdsBefore} before)`);
        await assertServes(server, 'while one address holds its cap');
        const metrics = await requestFrom(server, 'GET', '/metrics');
        const refused = /dieuhanh_http_connections\{state="refused"\} (\d+)/.exec(metrics.body);
        assert.ok(refused && Number(refused[1]) >= IDLE - PER_IP, `refusals counted: ${refused?.[0]}`);
        await assertNoSpin(server.proc.pid);
      } finally {
        idle?.closeAll();
        await server.close();
      }
    });

    it('out of descriptors, the accept loop backs off and the server recovers', async () => {
      // No caps that would spare the descriptors: the limit itself is reached.
      const server = await startBare(db, { ulimit: ['-n 256'], args: ['--max-connections', '100000', '--max-connections-per-ip', '100000'] });
      let idle;
      try {
        idle = await openIdle(server.port, IDLE);
        // Accepted up to the limit; the rest shed (accepted and closed) rather than left waiting.
        assert.ok(await until(() => idle.open() < 256, 30000), `${idle.open()} connections still open`);
        await assertNoSpin(server.proc.pid);
        idle.closeAll();
        // Back off is at most a second: the server takes connections again soon after.
        let health;
        for (let i = 0; i < 40; i++) {
          health = await requestFrom(server, 'GET', '/healthz');
          if (health.status === 200) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        assert.equal(health.status, 200, `recovered: ${health.error ?? health.body}`);
        await assertServes(server, 'after the idle connections closed');
        assert.equal(server.proc.exitCode, null, 'the server is still running');
      } finally {
        idle?.closeAll();
        await server.close();
      }
    });
  });
}

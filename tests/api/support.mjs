// Starting a real dieuhanh server for black-box tests, and a small HTTP client that
// keeps the session cookie and the CSRF token as a browser would.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';

export const BIN = process.env.DIEUHANH_BIN || new URL('../../build/dieuhanh', import.meta.url).pathname;
export const PG_URL = process.env.DIEUHANH_TEST_PG || '';
export const DEMO_PASSWORD = 'Demo@2026';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let pgCounter = 0;
// A fresh database URL: a temporary SQLite file, or a new database on the test
// PostgreSQL server. Returns { url, cleanup }.
export function scratchDb(kind = 'sqlite') {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dieuhanh-api-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!PG_URL) throw new Error('DIEUHANH_TEST_PG is not set: run through ctest (make test)');
  const name = `api_${process.pid}_${pgCounter++}_${Date.now() % 100000}`;
  psql(PG_URL, `CREATE DATABASE ${name}`);
  const url = PG_URL.replace(/\/postgres\?/, `/${name}?`);
  return { url, cleanup: () => psql(PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function psql(url, sql) {
  return execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { encoding: 'utf8' });
}

// Starts `dieuhanh serve` and waits for /healthz. Options: db ('sqlite'|'postgres' or a
// URL), demo (default true), now ('YYYY-MM-DD'), args (extra flags), env (extra variables),
// ulimit (limits to start under, each as bash's ulimit takes it: ['-Hn 512', '-Sn 256']),
// captureStdout (keep what it writes to stdout, the access log: server.stdout()).
export async function startServer(opts = {}) {
  let db = opts.db || 'sqlite';
  let scratch = null;
  if (db === 'sqlite' || db === 'postgres') {
    scratch = scratchDb(db);
    db = scratch.url;
  }
  const port = opts.port || (await freePort());
  const args = ['serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'];
  if (opts.demo !== false) args.push('--demo');
  if (opts.now) args.push('--now', opts.now);
  if (opts.args) args.push(...opts.args);
  const env = opts.env ? { ...process.env, ...opts.env } : process.env;
  const stdio = { stdio: ['ignore', opts.captureStdout ? 'pipe' : 'ignore', 'pipe'], env };
  // exec keeps the pid: proc.pid is the server's.
  const proc = opts.ulimit
    ? spawn('bash', ['-c', `${opts.ulimit.map((u) => `ulimit ${u}`).join(' && ')} && exec "$0" "$@"`, BIN, ...args], stdio)
    : spawn(BIN, args, stdio);
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  let stdout = '';
  proc.stdout?.on('data', (d) => (stdout += d));
  const base = `http://127.0.0.1:${port}`;
  // A loaded machine may take a while to build the demo city on PostgreSQL; a server that
  // never answers is stopped, so the test fails instead of hanging on its child.
  const deadline = Date.now() + 120000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    port,
    db,
    proc,
    stderr: () => stderr,
    stdout: () => stdout,
    client: () => new Client(base),
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) {
        const done = new Promise((r) => proc.once('exit', r));
        proc.kill(signal);
        await done;
      }
    },
    async close() {
      await this.stop();
      if (scratch && !opts.keepDb) scratch.cleanup();
    },
    cleanupDb: () => scratch && scratch.cleanup(),
  };
}

// A browser-like client: keeps the session cookie and sends X-CSRF-Token on writes.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
    this.bearer = '';
  }
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/v1/login', { username, password });
    if (r.status === 200) this.csrf = r.body.csrf_token;
    return r;
  }
  // Returns { status, headers, body (parsed JSON or text) }.
  async request(method, path, body, extra = {}) {
    const headers = { ...(extra.headers || {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (method !== 'GET' && method !== 'HEAD' && this.csrf && extra.csrf !== false) headers['x-csrf-token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
      headers['content-type'] = headers['content-type'] || 'application/json';
    }
    // Node 18's fetch (Debian 12) fails a DELETE whose body is the empty string ("content
    // length mismatch"); without a body the server sees the same empty request.
    if (payload === '' && method === 'DELETE') payload = undefined;
    const res = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /dh_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `dh_session=${m[1]}` : '';
    }
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed };
  }
  get(path, extra) { return this.request('GET', path, undefined, extra); }
  post(path, body, extra) { return this.request('POST', path, body, extra); }
  patch(path, body, extra) { return this.request('PATCH', path, body, extra); }
  del(path, extra) { return this.request('DELETE', path, undefined, extra); }
}

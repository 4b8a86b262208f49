// The answer as it goes on the wire (one buffer: status line, headers, body; see
// src/http/server.cc Wire): framing per method and version, as Beast's serializer had it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { DBS, assertSecurityHeaders, rawRequest, start } from './lib.mjs';

// Sends `head` and reads everything until the server closes the connection.
function untilClosed(port, head) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    sock.on('error', reject);
    sock.write(head);
  });
}

for (const db of DBS) {
  describe(`the wire format on ${db}`, () => {
    let server;
    before(async () => {
      server = await start(db);
    });
    after(async () => {
      await server?.close();
    });

    it('GET over HTTP/1.1: length, type, no-store, security headers, kept alive', async () => {
      const r = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.equal(r.status, 200);
      assert.equal(r.headers.server, 'dieuhanh');
      assert.match(r.headers['content-type'], /^application\/json/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(r.headers.connection, undefined, 'HTTP/1.1 keeps alive by default');
      assert.equal(Number(r.headers['content-length']), Buffer.byteLength(JSON.stringify(r.body)));
      assertSecurityHeaders(r.headers);
    });

    it('HEAD: the GET length and no body; Connection: close is honoured', async () => {
      const text = await untilClosed(server.port, 'HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      const [head, body] = text.split('\r\n\r\n');
      assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(head, /\r\nConnection: close(\r\n|$)/);
      assert.ok(Number(/\r\nContent-Length: (\d+)/.exec(head)[1]) > 0, head);
      assert.equal(body, '', 'no body after the head');
    });

    it('HTTP/1.0: closes by default, keeps alive when asked', async () => {
      const text = await untilClosed(server.port, 'GET /healthz HTTP/1.0\r\n\r\n');
      assert.match(text, /^HTTP\/1\.0 200 OK\r\n/);
      const kept = await rawRequest(server.port, 'GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
      assert.equal(kept.status, 200);
      assert.equal(kept.headers.connection, 'keep-alive');
    });

    it('204 has no Content-Length and no body; an error keeps the envelope', async () => {
      const c = await server.as('xem');
      const cookie = c.cookie;
      const text = await untilClosed(
        server.port,
        `POST /api/v1/logout HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${c.csrf}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      const [head, body] = text.split('\r\n\r\n');
      assert.match(head, /^HTTP\/1\.1 204 No Content\r\n/);
      assert.doesNotMatch(head, /Content-Length/i);
      assert.equal(body, '');
      const r = await rawRequest(server.port, 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'unauthenticated');
    });
  });
}

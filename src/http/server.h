// The HTTP server (Boost.Beast). Network I/O runs on a few threads; handlers, which may
// block on the database, run on a separate worker pool. Limits on header and body size
// and on request time keep one slow or huge client from hurting the others.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "http/metrics.h"
#include "http/router.h"

namespace dh::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  size_t header_limit = 16 * 1024;
  size_t body_limit = 2 * 1024 * 1024;
  // Requests whose target starts with one of these may carry up to `upload_limit`.
  std::vector<std::string> upload_prefixes = {"/api/v1/attachments", "/api/v1/tasks/import"};
  size_t upload_limit = 20 * 1024 * 1024;
  // A new connection must send its first request header within header_timeout: a client
  // that connects and sends nothing holds a descriptor no longer than that.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds request_timeout{30};  // to receive a request's body; to write the answer
  std::chrono::seconds idle_timeout{30};     // keep-alive wait for the next request
  std::chrono::seconds drain_timeout{15};    // on SIGTERM, for in-flight requests
  // Connections held open at once; one more is closed as soon as it is accepted. 0: the
  // open-files limit less a reserve for the database, files and logs (DefaultMaxConnections).
  int64_t max_connections = 0;
  // From one remote address (IPv6: one /64); a trusted proxy (below) is held only to
  // max_connections.
  int64_t max_connections_per_ip = 64;
  int io_threads = 2;
  int worker_threads = 8;
  // Reads (GET, HEAD) answer from the read models in microseconds: they run on the I/O
  // thread that received them, without a hop to the worker pool and back. Writes, and the
  // reads that may take long (a path containing one of these), go to the workers so that a
  // slow one never holds up other connections.
  bool inline_reads = true;
  std::vector<std::string> slow_reads = {"/verify", ".xlsx", "/content"};
  // Clients reach the server over TLS (its public URL starts with https://): every request
  // counts as secure, and the session cookie is sent with Secure.
  bool https = false;
  // Reverse proxies (IP addresses) whose `X-Forwarded-Proto: https` is believed; the header
  // from any other address is ignored.
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  // Raises the soft limit on open files to the hard limit, binds and serves until SIGTERM
  // or SIGINT, then finishes in-flight requests.
  // `on_listening` runs once the port is bound (with the actual port).
  Status Run(const std::function<void(uint16_t)>& on_listening = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Security headers every response carries (CSP, nosniff, frame-ancestors, …).
void AddSecurityHeaders(Response& resp);

}  // namespace dh::http

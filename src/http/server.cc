#include "http/server.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <cerrno>
#include <optional>
#include <thread>

#include "core/message.h"
#include "http/access_log.h"
#include "http/connection_limits.h"
#include "http/request_lang.h"

namespace dh::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

// The server's own answers, given before a request reaches the router, and its start-up
// errors (core/message.h).
// {kib}: the body limit that applied.
constexpr MessageText kBodyTooLarge{
    "http.body_too_large",
    "Nội dung gửi lên quá lớn (tối đa {kib} KiB).",
    "The request body is too large (at most {kib} KiB).",
};
constexpr MessageText kHeadersTooLarge{
    "http.headers_too_large",
    "Phần đầu yêu cầu quá lớn.",
    "The request headers are too large.",
};
constexpr MessageText kBadHttp{
    "http.bad_http",
    "Yêu cầu HTTP không hợp lệ.",
    "The HTTP request is not valid.",
};
// {proxy}, {host}: as given on the command line; {port}; {error}: the system's words.
constexpr MessageText kBadProxy{
    "http.bad_proxy",
    "Địa chỉ proxy tin cậy không hợp lệ: \"{proxy}\"; cần một địa chỉ IP, ví dụ 10.0.0.5.",
    "The trusted proxy address is not valid: \"{proxy}\"; it must be an IP address, for example "
    "10.0.0.5.",
};
constexpr MessageText kBadHost{
    "http.bad_host",
    "Địa chỉ máy chủ không hợp lệ: {host}",
    "The server address is not valid: {host}",
};
constexpr MessageText kCannotListen{
    "http.cannot_listen",
    "Không mở được cổng {port}: {error}",
    "Cannot open port {port}: {error}",
};

// The security headers every answer carries, after its own, as header lines.
constexpr std::string_view kSecurityHeaderLines =
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self' "
    "'unsafe-inline'; font-src 'self' data:; script-src 'self'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n";

}  // namespace

void AddSecurityHeaders(Response& resp) {
  std::string_view rest = kSecurityHeaderLines;
  while (!rest.empty()) {
    const size_t colon = rest.find(": "), end = rest.find("\r\n");
    resp.headers.emplace_back(std::string(rest.substr(0, colon)),
                              std::string(rest.substr(colon + 2, end - colon - 2)));
    rest.remove_prefix(end + 2);
  }
}

namespace {

// An address as text, an IPv4 client seen through an IPv6 socket written as IPv4, so that
// it compares equal to how it is configured.
std::string AddressText(const asio::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6()).to_string();
  return a.to_string();
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// One header line; CR and LF in a value are dropped (no header can be smuggled in).
void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ");
  for (char c : value)
    if (c != '\r' && c != '\n') out.push_back(c);
  out.append("\r\n");
}

// What the proxy in front says the client used: only "https" (any case) counts.
bool ForwardedHttps(const bhttp::request<bhttp::string_body>& m) {
  std::string_view proto = m["X-Forwarded-Proto"];
  while (!proto.empty() && (proto.front() == ' ' || proto.front() == '\t')) proto.remove_prefix(1);
  while (!proto.empty() && (proto.back() == ' ' || proto.back() == '\t')) proto.remove_suffix(1);
  return IEquals(proto, "https");
}

// The default soft limit on open files (1024) is a relic of select(); the server needs one
// descriptor per connection. Raises it to the hard limit and returns what it is now.
int64_t RaiseDescriptorLimit() {
  constexpr rlim_t kCeiling = 1 << 20;  // Linux's usual fs.nr_open, for an unlimited hard limit
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return 1024;
  const rlim_t hard = rl.rlim_max == RLIM_INFINITY ? kCeiling : rl.rlim_max;
  if (rl.rlim_cur < hard) {
    rlimit raised{hard, rl.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
  }
  return static_cast<int64_t>(std::min(rl.rlim_cur, kCeiling));
}

// One descriptor held back for the moment accept fails for want of descriptors (Shed).
class ReserveDescriptor {
 public:
  ReserveDescriptor() { Take(); }
  ~ReserveDescriptor() { Release(); }
  ReserveDescriptor(const ReserveDescriptor&) = delete;
  ReserveDescriptor& operator=(const ReserveDescriptor&) = delete;
  void Take() {
    if (fd_ < 0) fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }
  void Release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, Metrics& m)
      : options(std::move(o)),
        router(r),
        metrics(m),
        io(options.io_threads),
        workers(options.worker_threads) {}

  ServerOptions options;
  const Router& router;
  Metrics& metrics;
  asio::io_context io;
  asio::thread_pool workers;
  // Shared with the metrics gauge, which may outlive the server.
  std::shared_ptr<std::atomic<int>> in_flight = std::make_shared<std::atomic<int>>(0);
  std::atomic<bool> stopping{false};
  AccessLog access{STDOUT_FILENO};
  std::vector<std::string> trusted_proxies;  // as AddressText writes them
  std::shared_ptr<ConnectionLimits> limits;  // set by Run; shared with the metrics
  ReserveDescriptor reserve;                 // used only by the accept loop

  // Raises the open-files limit and sets the caps on connections from it.
  void LimitConnections() {
    const int64_t fds = RaiseDescriptorLimit();
    const int64_t total =
        options.max_connections > 0 ? options.max_connections : DefaultMaxConnections(fds);
    limits = std::make_shared<ConnectionLimits>(total, options.max_connections_per_ip);
    spdlog::info("open files limit {}: at most {} connections, {} from one address", fds, total,
                 options.max_connections_per_ip);
    metrics.AddGauge("dieuhanh_http_connections",
                     "Client connections open now, and refused since start (over a cap or "
                     "without a free descriptor).",
                     [l = limits] {
                       return std::vector<std::pair<std::string, double>>{
                           {"state=\"open\"", static_cast<double>(l->open())},
                           {"state=\"refused\"", static_cast<double>(l->refused())}};
                     });
    metrics.AddGauge(
        "dieuhanh_http_requests_in_flight", "Requests being handled now (this one included).",
        [n = in_flight] {
          return std::vector<std::pair<std::string, double>>{{"", static_cast<double>(n->load())}};
        });
  }

  // Reads --trusted-proxy: each must be an IP address.
  Status ParseTrustedProxies() {
    for (const std::string& text : options.trusted_proxies) {
      boost::system::error_code ec;
      auto a = asio::ip::make_address(text, ec);
      if (ec) return Status::InvalidInput("trusted-proxy", Say(kBadProxy, {{"proxy", text}}));
      trusted_proxies.push_back(AddressText(a));
    }
    return Status::Ok();
  }

  bool Secure(const bhttp::request<bhttp::string_body>& m, const std::string& remote) const {
    if (options.https) return true;
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), remote) !=
               trusted_proxies.end() &&
           ForwardedHttps(m);
  }

  Request ToRequest(const bhttp::request<bhttp::string_body>& m, const std::string& remote) {
    Request req;
    req.method = std::string(m.method_string());
    req.remote_addr = remote;
    req.secure = Secure(m, remote);
    ParseTarget(m.target(), &req);  // on failure an empty path, which the router answers 400
    for (const auto& f : m) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    req.body = m.body();
    return req;
  }

  // The answer as it goes on the wire: status line, headers and body in one buffer, sent
  // with one write. The same headers Beast's serializer wrote: Server, Content-Type, the
  // response's own (security headers among them), Cache-Control (no-store unless set),
  // Content-Length (none for 1xx, 204, 304; a HEAD answer gives the GET body's length) and
  // Connection when it differs from the version's default.
  static std::string Wire(Response r, unsigned version, bool keep_alive, bool head) {
    const int status = r.status;
    const bool bodiless = status / 100 == 1 || status == 204 || status == 304;
    std::string out;
    out.reserve(640 + (head || bodiless ? 0 : r.body.size()));
    out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    out.append(std::to_string(status)).push_back(' ');
    out.append(bhttp::obsolete_reason(static_cast<bhttp::status>(status))).append("\r\n");
    AppendField(out, "Server", "dieuhanh");
    if (!r.content_type.empty()) AppendField(out, "Content-Type", r.content_type);
    bool cache_set = false;
    for (const auto& [k, v] : r.headers) {
      if (IEquals(k, "Content-Length") || IEquals(k, "Connection")) continue;
      cache_set |= k == "Cache-Control";
      AppendField(out, k, v);
    }
    out.append(kSecurityHeaderLines);  // AddSecurityHeaders, without a string per header
    // API answers are per user and change: never cached.
    if (!cache_set) AppendField(out, "Cache-Control", "no-store");
    if (!bodiless) AppendField(out, "Content-Length", std::to_string(r.body.size()));
    if (version == 10 && keep_alive) AppendField(out, "Connection", "keep-alive");
    if (version != 10 && !keep_alive) AppendField(out, "Connection", "close");
    out.append("\r\n");
    if (!head && !bodiless) out.append(r.body);
    return out;
  }

  // {"ts","method","path","route","status","ms","bytes","remote"}, written straight into a
  // buffer this thread keeps (no JSON object built per request).
  void LogAccess(const Request& req, int status, double seconds, size_t bytes,
                 const std::string& route) {
    namespace bj = boost::json;
    thread_local std::string line;
    line.clear();
    const auto ts = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    fmt::format_to(std::back_inserter(line),
                   R"({{"ts":{},"method":{},"path":{},"route":{},"status":{},"ms":{:.3f},)"
                   R"("bytes":{},"remote":{}}})",
                   ts, bj::serialize(req.method), bj::serialize(req.path), bj::serialize(route),
                   status, seconds * 1000.0, bytes, bj::serialize(req.remote_addr));
    access.Append(line);
  }

  bool Inline(const Request& req) const {
    if (!options.inline_reads || (req.method != "GET" && req.method != "HEAD")) return false;
    for (const std::string& slow : options.slow_reads)
      if (req.path.find(slow) != std::string::npos) return false;
    return true;
  }

  Response Dispatch(Request& req, std::string& route) {
    try {
      return router.Dispatch(req, &route);
    } catch (const std::exception& e) {
      spdlog::error("unhandled exception on {} {}: {}", req.method, req.path, e.what());
      return Response::Error(Status::Internal(e.what()));
    }
  }

  // A request Beast could not read: answer plainly and close.
  awaitable<void> Reject(beast::tcp_stream& stream, bhttp::status status, std::string code,
                         std::string message) {
    Response r = Response::Json(
        boost::json::object{
            {"error", {{"code", std::move(code)}, {"message", std::move(message)}}}},
        static_cast<int>(status));
    const std::string wire = Wire(std::move(r), 11, false, false);
    co_await asio::async_write(stream, asio::buffer(wire), asio::as_tuple(use_awaitable));
  }

  // One request read from the connection, or why there is none.
  struct Incoming {
    std::optional<bhttp::request<bhttp::string_body>> message;
    boost::system::error_code error;
    size_t body_limit = 0;  // what applied to this request, for the 413 message
    Lang lang = Lang::kVi;  // the reader's, as far as the header was read
  };

  // The reader's language from the header read so far (request_lang.h).
  static Lang LangOf(const bhttp::request<bhttp::string_body>& m) {
    Request r;
    r.headers = {{"cookie", std::string(m[bhttp::field::cookie])},
                 {"accept-language", std::string(m[bhttp::field::accept_language])}};
    return RequestLang(r);
  }

  // The largest body the request's target may carry: uploads (attachments, Excel imports)
  // may be larger than ordinary JSON bodies.
  size_t BodyLimitFor(std::string_view target) const {
    for (const std::string& prefix : options.upload_prefixes)
      if (target.substr(0, prefix.size()) == prefix) return options.upload_limit;
    return options.body_limit;
  }

  // A new connection must send its first header within header_timeout (an idle socket that
  // never sends a byte holds a descriptor no longer); a kept-alive one may wait idle_timeout
  // for its next request; the body then has request_timeout.
  awaitable<Incoming> Read(beast::tcp_stream& stream, beast::flat_buffer& buffer, bool first) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // Beast checks Content-Length against the limit while reading the header, before we
    // know the route: let the header through up to the largest limit, then decide.
    parser.body_limit(std::max(options.body_limit, options.upload_limit));
    stream.expires_after(first ? options.header_timeout : options.idle_timeout);
    auto [hec, hn] =
        co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(use_awaitable));
    Incoming in;
    in.error = hec;
    in.body_limit = options.body_limit;
    in.lang = LangOf(parser.get());
    if (!hec || hec == bhttp::error::body_limit)
      in.body_limit = BodyLimitFor(parser.get().target());
    if (hec) co_return in;
    parser.body_limit(in.body_limit);
    const auto length = parser.content_length();
    if (length && *length > in.body_limit) {
      in.error = bhttp::error::body_limit;
      co_return in;
    }
    stream.expires_after(options.request_timeout);
    auto [bec, bn] =
        co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(use_awaitable));
    in.error = bec;
    if (!bec) in.message = parser.release();
    co_return in;
  }

  // Answers a request that could not be read, when there is someone to answer. Returns
  // whether it did (the connection then lingers before it closes).
  awaitable<bool> RejectUnread(beast::tcp_stream& stream, const Incoming& in) {
    const auto& e = in.error;
    if (e == bhttp::error::end_of_stream || e == asio::error::eof || e == beast::error::timeout ||
        e == asio::error::operation_aborted || e == asio::error::connection_reset)
      co_return false;
    std::string message;  // built outside the co_await (GCC cannot initialise there)
    if (e == bhttp::error::body_limit) {
      message =
          Render(kBodyTooLarge, {{"kib", static_cast<int64_t>(in.body_limit / 1024)}}, in.lang);
      co_await Reject(stream, bhttp::status::payload_too_large, "payload_too_large", message);
    } else if (e == bhttp::error::header_limit) {
      message = Render(kHeadersTooLarge, {}, in.lang);
      co_await Reject(stream, bhttp::status::request_header_fields_too_large, "headers_too_large",
                      message);
    } else {
      message = Render(kBadHttp, {}, in.lang);
      co_await Reject(stream, bhttp::status::bad_request, "bad_request", message);
    }
    co_return true;
  }

  // Handles one request and writes the answer. Returns whether the connection stays open.
  awaitable<bool> Answer(beast::tcp_stream& stream, bhttp::request<bhttp::string_body>& msg,
                         const std::string& remote) {
    const bool keep_alive = msg.keep_alive() && !stopping;
    const bool head = msg.method() == bhttp::verb::head;
    Request req = ToRequest(msg, remote);
    // The request's whole handling counts as in flight, so SIGTERM waits for it.
    ++*in_flight;
    const auto start = std::chrono::steady_clock::now();
    std::string route;
    // Not a conditional expression: GCC 12 destroys the temporaries of a co_await inside
    // ?: twice.
    Response resp;
    if (Inline(req)) {
      resp = Dispatch(req, route);
    } else {
      resp = co_await asio::co_spawn(
          workers,
          [this, &req, &route]() -> awaitable<Response> { co_return Dispatch(req, route); },
          use_awaitable);
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int status = resp.status;
    const size_t bytes = resp.body.size();
    const std::string wire = Wire(std::move(resp), msg.version(), keep_alive, head);
    stream.expires_after(options.request_timeout);
    auto [wec, wn] =
        co_await asio::async_write(stream, asio::buffer(wire), asio::as_tuple(use_awaitable));
    metrics.ObserveRequest(route, status, secs);
    LogAccess(req, status, secs, bytes, route);
    // Only now: SIGTERM's drain waits for the line to be in the access log.
    --*in_flight;
    co_return !wec && keep_alive;
  }

  // `admission` holds the connection's place under the caps until the session ends.
  awaitable<void> Session(tcp::socket socket, std::string remote, Admission admission) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    bool first = true;
    bool rejected = false;  // answered before reading the whole request
    while (!stopping) {
      Incoming in = co_await Read(stream, buffer, first);
      first = false;
      if (!in.message) {
        rejected = co_await RejectUnread(stream, in);
        break;
      }
      const bool open = co_await Answer(stream, *in.message, remote);
      if (!open) break;
    }
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (rejected) co_await Linger(stream);
  }

  // After answering a request early (too large, malformed) the client may still be sending:
  // closing with its bytes unread makes the kernel send a reset, which can reach the client
  // before our answer does. Read and drop what still comes, for a short while, first.
  awaitable<void> Linger(beast::tcp_stream& stream) {
    static constexpr size_t kMaxDrained = 64u << 20;
    std::array<char, 16384> scratch;
    size_t drained = 0;
    stream.expires_after(std::chrono::seconds(3));
    while (drained < kMaxDrained) {
      auto [ec, n] =
          co_await stream.async_read_some(asio::buffer(scratch), asio::as_tuple(use_awaitable));
      if (ec) break;
      drained += n;
    }
  }

  // A connection over a cap is closed as soon as it is accepted; one from a trusted proxy
  // speaks for many clients and is held only to the total.
  void Start(tcp::socket socket) {
    boost::system::error_code ec;
    auto ep = socket.remote_endpoint(ec);
    if (ec) return;  // already gone
    std::string remote = AddressText(ep.address());
    const bool proxy =
        std::find(trusted_proxies.begin(), trusted_proxies.end(), remote) != trusted_proxies.end();
    std::string key = AddressKey(remote);
    if (!limits->Admit(key, !proxy)) return;  // the socket closes as it goes out of scope
    Admission admission(limits, std::move(key));
    asio::co_spawn(socket.get_executor(),
                   Session(std::move(socket), std::move(remote), std::move(admission)),
                   asio::detached);
  }

  // Out of descriptors, the listener stays readable and accept fails at once, again and
  // again. Let the reserve descriptor go, accept what waits and close it at once (the
  // client learns it must come back later), then take the reserve back.
  void Shed(tcp::acceptor& acceptor) {
    static constexpr int kMaxShed = 1024;
    reserve.Release();
    for (int i = 0; i < kMaxShed; ++i) {
      boost::system::error_code ec;
      tcp::socket doomed = acceptor.accept(ec);  // the acceptor does not block (Run)
      if (ec) break;
      limits->Refuse();
    }
    reserve.Take();
  }

  // When accept fails the loop waits before it tries again, 50 ms doubling up to a second,
  // instead of spinning on a listener that stays readable.
  awaitable<void> Accept(tcp::acceptor& acceptor) {
    static constexpr std::chrono::milliseconds kFirstPause{50}, kLongestPause{1000};
    asio::steady_timer pause(acceptor.get_executor());
    auto wait = kFirstPause;
    while (true) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(use_awaitable));
      if (!ec) {
        wait = kFirstPause;
        Start(std::move(socket));
        continue;
      }
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      const bool out_of_descriptors = ec == asio::error::no_descriptors || ec.value() == ENFILE ||
                                      ec.value() == ENOBUFS || ec.value() == ENOMEM;
      if (out_of_descriptors) Shed(acceptor);
      spdlog::warn("accept failed ({}); open connections {}; trying again in {} ms", ec.message(),
                   limits->open(), wait.count());
      pause.expires_after(wait);
      co_await pause.async_wait(asio::as_tuple(use_awaitable));
      wait = std::min(wait * 2, kLongestPause);
    }
  }
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

Server::~Server() = default;

Status Server::Run(const std::function<void(uint16_t)>& on_listening) {
  Impl& s = *impl_;
  DH_RETURN_IF_ERROR(s.ParseTrustedProxies());
  s.LimitConnections();
  boost::system::error_code ec;
  auto address = asio::ip::make_address(s.options.host, ec);
  if (ec) return Status::InvalidInput("host", Say(kBadHost, {{"host", s.options.host}}));
  tcp::acceptor acceptor(s.io);
  tcp::endpoint endpoint(address, s.options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  // Shed accepts synchronously: with nothing waiting it must return, not block.
  if (!ec) acceptor.non_blocking(true, ec);
  if (ec)
    return Status::Internal(
        Say(kCannotListen, {{"port", std::to_string(s.options.port)}, {"error", ec.message()}}));
  const uint16_t port = acceptor.local_endpoint().port();
  asio::co_spawn(s.io, s.Accept(acceptor), asio::detached);

  // SIGTERM: stop accepting, let in-flight requests finish, then stop.
  asio::signal_set signals(s.io, SIGINT, SIGTERM);
  asio::steady_timer drain(s.io);
  std::function<void(std::chrono::steady_clock::time_point)> wait_drain =
      [&](std::chrono::steady_clock::time_point deadline) {
        if (*s.in_flight == 0 || std::chrono::steady_clock::now() > deadline) {
          s.io.stop();
          return;
        }
        drain.expires_after(std::chrono::milliseconds(20));
        drain.async_wait([&, deadline](auto) { wait_drain(deadline); });
      };
  signals.async_wait([&](const boost::system::error_code& e, int sig) {
    if (e) return;
    spdlog::info("signal {} received: finishing {} request(s) in flight", sig, s.in_flight->load());
    s.stopping = true;
    boost::system::error_code ignored;
    acceptor.close(ignored);
    wait_drain(std::chrono::steady_clock::now() + s.options.drain_timeout);
  });

  if (on_listening) on_listening(port);
  std::vector<std::thread> threads;
  for (int i = 1; i < s.options.io_threads; ++i) threads.emplace_back([&] { s.io.run(); });
  s.io.run();
  for (auto& t : threads) t.join();
  s.workers.join();
  // Every request has been answered and logged: write out the access log's buffers.
  s.access.Stop();
  return Status::Ok();
}

}  // namespace dh::http

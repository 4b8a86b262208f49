// Requests as they arrive (src/http): raw bytes through Beast's HTTP/1.1 parser with the
// server's limits, the target decoded by http::ParseTarget as the server does, then the
// router — path matching, {id} parameters, 405s, the CSRF check — and the readers of
// query strings, cookies and headers the handlers use (ListQuery, PathId, Cookie,
// tasks::FilterFromQuery).
//
// Checks: no answer is a 500; every JSON answer is valid JSON (so every message put in it
// is UTF-8); a route parameter never holds a "/"; a cookie value never holds a ";".
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <cctype>
#include <cstdint>

#include "fuzz_check.h"
#include "http/list_query.h"
#include "http/router.h"
#include "tasks/task_json.h"

namespace {

namespace bhttp = boost::beast::http;
using dh::Result;
using dh::Status;
using dh::auth::Principal;
using dh::http::Request;
using dh::http::Response;

// As auth::HttpAuthenticator decides who calls, without the database: a bearer token, or
// the session cookie (whose CSRF token is "csrf-1").
class FakeAuthenticator final : public dh::http::Authenticator {
 public:
  Result<Principal> Authenticate(const Request& req) override {
    Principal p;
    p.user_id = 1;
    const std::string authz = req.Header("authorization");
    if (authz.rfind("Bearer ", 0) == 0) return p;
    const std::string cookie = req.Cookie("dh_session");
    FUZZ_CHECK(cookie.find(';') == std::string::npos);
    if (cookie.empty()) return Status::Unauthenticated("Chưa đăng nhập.");
    p.via_cookie = true;
    p.csrf_token = "csrf-1";
    return p;
  }
};

Response Checked(const Request& req) {
  for (const auto& [name, value] : req.params) FUZZ_CHECK(value.find('/') == std::string::npos);
  if (auto id = dh::http::PathId(req); id.ok()) FUZZ_CHECK(*id > 0);
  static const dh::http::ListSpec spec{
      {{"due_before", dh::http::ListFilter::Type::kDate, "Hạn trước"},
       {"unit_id", dh::http::ListFilter::Type::kId, "Đơn vị"}}};
  auto q = dh::http::ListQuery::Parse(req, spec);
  if (!q.ok()) return Response::Error(q.status());
  FUZZ_CHECK(q->limit() >= 1 && q->limit() <= 1000 && q->offset() >= 0);
  auto f = dh::tasks::FilterFromQuery(req);
  if (!f.ok()) return Response::Error(f.status());
  return Response::Json(boost::json::object{{"q", f->q}, {"path", req.path}});
}

const dh::http::Router& TheRouter() {
  static FakeAuthenticator auth;
  static const dh::http::Router router = [] {
    dh::http::Router r(&auth);
    r.Public("GET", "/healthz", [](const Request&) { return Response::NoContent(); });
    r.Public("POST", "/api/v1/login", Checked);
    auto protect = [](const Request& req, const Principal&) { return Checked(req); };
    for (const char* m : {"GET", "POST", "PATCH", "DELETE"}) {
      r.Protected(m, "/api/v1/tasks", protect);
      r.Protected(m, "/api/v1/tasks/{id}", protect);
      r.Protected(m, "/api/v1/tasks/{id}/parts/{part}", protect);
    }
    r.Protected("GET", "/api/v1/attachments/{id}/content", protect);
    r.Fallback([](const Request& req) { return Response::Json(boost::json::string(req.path)); });
    return r;
  }();
  return router;
}

// As the server builds a Request from Beast's message (server.cc, ToRequest).
Request ToRequest(const bhttp::request<bhttp::string_body>& m) {
  Request req;
  req.method = std::string(m.method_string());
  dh::http::ParseTarget(m.target(), &req);
  for (const auto& f : m) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  req.body = m.body();
  return req;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);  // ServerOptions' defaults
  parser.body_limit(2 * 1024 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  boost::asio::const_buffer in(data, size);
  while (!ec && !parser.is_done() && in.size() > 0) {
    const size_t n = parser.put(in, ec);
    in += n;
    // All the bytes are given at once: the parser wanting more means the connection
    // closed (put may not be called again with nothing new).
    if (ec == bhttp::error::need_more) {
      ec = {};
      break;
    }
  }
  // The connection closes after the bytes, as http::async_read sees it.
  if (!ec && !parser.is_done() && parser.got_some()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  Request req = ToRequest(parser.get());
  std::string route;
  const Response resp = TheRouter().Dispatch(req, &route);
  FUZZ_CHECK(resp.status != 500);
  FUZZ_CHECK(!route.empty());
  if (resp.content_type.rfind("application/json", 0) == 0) {
    boost::system::error_code jec;
    (void)boost::json::parse(resp.body, jec);
    FUZZ_CHECK(!jec);
  }
  return 0;
}

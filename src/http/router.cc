#include "http/router.h"

#include <sodium.h>

#include "core/message.h"
#include "core/split.h"
#include "core/text.h"
#include "http/request_lang.h"

namespace dh::http {

std::vector<std::string> SplitPath(const std::string& path) { return SplitNonEmpty(path, '/'); }

void Router::Public(std::string method, std::string pattern, PublicHandler h) {
  auto segments = SplitPath(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(h), {}});
}

void Router::Protected(std::string method, std::string pattern, Handler h) {
  auto segments = SplitPath(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), {}, std::move(h)});
}

bool Router::Match(const Route& r, const std::vector<std::string>& parts, Request& req) {
  if (r.segments.size() != parts.size()) return false;
  std::map<std::string, std::string> params;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& s = r.segments[i];
    if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
      params[s.substr(1, s.size() - 2)] = parts[i];
    } else if (s != parts[i]) {
      return false;
    }
  }
  req.params = std::move(params);
  return true;
}

namespace {

// What the handlers and the database may be given: UTF-8 without NUL. An empty path is a
// request target that did not parse (bad percent-encoding).
bool WellFormed(std::string_view s) { return text::IsValidUtf8(s) && s.find('\0') == s.npos; }

constexpr MessageText kBadTarget{
    "http.bad_target",
    "Địa chỉ yêu cầu không hợp lệ: đường dẫn và tham số phải là UTF-8 đã mã hóa đúng.",
    "The request address is not valid: the path and parameters must be correctly encoded UTF-8.",
};
constexpr MessageText kMethodNotAllowed{
    "http.method_not_allowed",
    "Phương thức {method} không dùng được ở đây.",
    "The method {method} cannot be used here.",
};
constexpr MessageText kRouteNotFound{
    "http.route_not_found",
    "Không có địa chỉ {path}.",
    "There is no address {path}.",
};
constexpr MessageText kCsrf{
    "http.csrf_required",
    "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang rồi thử lại.",
    "The anti-forgery token (X-CSRF-Token) is missing or wrong. Reload the page and try again.",
};

bool WellFormed(const Request& req) {
  if (req.path.empty() || !WellFormed(req.path)) return false;
  for (const auto& [k, v] : req.query)
    if (!WellFormed(k) || !WellFormed(v)) return false;
  return true;
}

}  // namespace

Lang RequestLang(const Request& r) {
  if (auto chosen = ParseLang(r.Cookie("dh_lang"))) return *chosen;
  return LangFromAcceptLanguage(r.Header("accept-language"));
}

// Every message said while answering (core/message.h Say) is in the reader's language.
Response Router::Dispatch(Request& req, std::string* route_name) const {
  ScopedLang lang(RequestLang(req));
  if (!WellFormed(req)) {
    *route_name = "bad_request";
    return Response::Error(Status::InvalidInput("", Say(kBadTarget), "bad_request"));
  }
  const auto parts = SplitPath(req.path);
  std::string allow;  // the methods the path does answer, for a 405
  for (const Route& r : routes_) {
    if (!Match(r, parts, req)) continue;
    allow += (allow.empty() ? "" : ", ") + r.method + (r.method == "GET" ? ", HEAD" : "");
    const bool head_as_get = req.method == "HEAD" && r.method == "GET";
    if (r.method != req.method && !head_as_get) continue;
    *route_name = r.method + " " + r.pattern;
    return r.public_handler ? r.public_handler(req) : RunProtected(r, req);
  }
  if (!allow.empty()) {
    *route_name = "method_not_allowed";
    Status s = Status::InvalidInput("", Say(kMethodNotAllowed, {{"method", req.method}}),
                                    "method_not_allowed");
    Response resp = Response::Error(s);
    resp.status = 405;
    resp.headers.emplace_back("Allow", allow);
    return resp;
  }
  *route_name = "fallback";
  const bool api = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
  if (fallback_ && !api) return fallback_(req);
  return Response::Error(
      Status::NotFound(Say(kRouteNotFound, {{"path", req.path}}), "route_not_found"));
}

Response Router::RunProtected(const Route& r, Request& req) const {
  auto principal = authenticator_->Authenticate(req);
  if (!principal.ok()) return Response::Error(principal.status());
  const bool safe = req.method == "GET" || req.method == "HEAD";
  if (principal->via_cookie && !safe) {
    const std::string sent = req.Header("x-csrf-token");
    const std::string& want = principal->csrf_token;
    if (sent.size() != want.size() || want.empty() ||
        sodium_memcmp(sent.data(), want.data(), want.size()) != 0)
      return Response::Error(Status::Forbidden(Say(kCsrf), "csrf_required"));
  }
  return r.handler(req, *principal);
}

std::vector<std::string> Router::Routes() const {
  std::vector<std::string> out;
  for (const Route& r : routes_) out.push_back(r.method + " " + r.pattern);
  return out;
}

}  // namespace dh::http

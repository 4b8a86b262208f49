#include "http/request.h"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <charconv>

#include "core/date.h"
#include "core/message.h"

namespace dh::http {
namespace {

std::optional<int64_t> ParseInt(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

constexpr MessageText kInternalError{
    "http.internal",
    "Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.",
    "The server failed to handle the request. Please try again later.",
};
constexpr MessageText kWholeNumber{
    "http.query_int",
    "Tham số {name} phải là một số nguyên.",
    "The parameter {name} must be a whole number.",
};
constexpr MessageText kQueryDate{
    "http.query_date",
    "Tham số {name} phải là một ngày theo dạng YYYY-MM-DD, ví dụ 2025-07-01.",
    "The parameter {name} must be a date written YYYY-MM-DD, for example 2025-07-01.",
};
constexpr MessageText kNotFound{
    "http.not_found",
    "Không tìm thấy mục này.",
    "This item was not found.",
};

int StatusFor(StatusCode c) {
  switch (c) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidInput:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kForbidden:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
    case StatusCode::kUniqueViolation:
      return 409;
    case StatusCode::kPayloadTooLarge:
      return 413;
    case StatusCode::kUnsupportedMediaType:
      return 415;
    case StatusCode::kTooManyRequests:
      return 429;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace

std::string Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

std::string Request::Cookie(std::string_view name) const {
  const std::string all = Header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view part(all.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return "";
}

std::optional<std::string> Request::Query(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Response Response::Json(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

// The one place where a Status becomes an HTTP status (STYLE habit 2).
Response Response::Error(const Status& s) {
  boost::json::object err{{"code", s.error_code()}, {"message", s.message()}};
  if (!s.field().empty()) err["field"] = s.field();
  Response r = Json(boost::json::object{{"error", std::move(err)}}, StatusFor(s.code()));
  if (s.code() == StatusCode::kTooManyRequests)
    r.headers.emplace_back("Retry-After", std::to_string(s.retry_after()));
  if (s.code() == StatusCode::kInternal) {
    // Never leak driver text to the client; the error log has it.
    r.body = boost::json::serialize(
        boost::json::object{{"error", {{"code", "internal"}, {"message", Say(kInternalError)}}}});
  }
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::List(boost::json::array items, int64_t total) {
  return Json(boost::json::object{{"items", std::move(items)}, {"total", total}});
}

bool ParseTarget(std::string_view target, Request* req) {
  auto url = boost::urls::parse_origin_form(target);
  req->query.clear();
  if (!url) {
    req->path.clear();
    return false;
  }
  req->path = std::string(url->path());
  for (auto p : url->params()) req->query[std::string(p.key)] = std::string(p.value);
  return true;
}

Result<std::optional<int64_t>> QueryInt(const Request& r, const std::string& name) {
  auto v = r.Query(name);
  if (!v) return std::optional<int64_t>();
  auto n = ParseInt(*v);
  if (!n) return Status::InvalidInput(name, Say(kWholeNumber, {{"name", name}}));
  return std::optional<int64_t>(*n);
}

Result<std::optional<Date>> QueryDate(const Request& r, const std::string& name) {
  auto v = r.Query(name);
  if (!v) return std::optional<Date>();
  auto d = Date::Parse(*v);
  if (!d) return Status::InvalidInput(name, Say(kQueryDate, {{"name", name}}));
  return std::optional<Date>(*d);
}

Result<int64_t> PathId(const Request& r, const std::string& name) {
  auto it = r.params.find(name);
  auto v = it == r.params.end() ? std::nullopt : ParseInt(it->second);
  if (!v || *v <= 0) return Status::NotFound(Say(kNotFound));
  return *v;
}

}  // namespace dh::http

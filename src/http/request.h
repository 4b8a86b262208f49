// The small HTTP vocabulary the features see. Only src/http/ knows Boost.Beast.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dh::http {

struct Request {
  std::string method;                                        // "GET", "POST", …
  std::string path;                                          // decoded path without the query
  std::map<std::string, std::string> query;                  // decoded
  std::map<std::string, std::string> params;                 // from the route pattern: {id}
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;
  // The client reached us over TLS: the public URL is https, or a trusted proxy said so.
  bool secure = false;

  // "" when absent.
  std::string Header(std::string_view name) const;
  std::string Cookie(std::string_view name) const;
  std::optional<std::string> Query(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response Json(const boost::json::value& v, int status = 200);
  static Response Error(const Status& s);
  static Response NoContent();
  // `items` and `total`, the list envelope of DESIGN §4.
  static Response List(boost::json::array items, int64_t total);
};

// Fills `path` and `query` from a request target in origin form ("/a/b?x=1%202"), both
// percent-decoded. False (and an empty path, which the router answers with 400) when the
// target does not parse.
bool ParseTarget(std::string_view target, Request* req);

// Query-string readers with the same error vocabulary as the JSON ones.
Result<std::optional<int64_t>> QueryInt(const Request& r, const std::string& name);
Result<std::optional<Date>> QueryDate(const Request& r, const std::string& name);
// The {id} route parameter; NotFound when it is not a positive integer.
Result<int64_t> PathId(const Request& r, const std::string& name = "id");

}  // namespace dh::http

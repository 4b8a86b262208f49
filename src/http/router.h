// Routes "METHOD /path/{param}" to handlers. Before a protected handler runs, the router
// authenticates the caller and, for a cookie session's write, checks the CSRF header.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/principal.h"
#include "http/request.h"

namespace dh::http {

// Who is calling: implemented by the auth feature (session cookie or bearer token).
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Unauthenticated when the request carries no valid session or token.
  virtual Result<auth::Principal> Authenticate(const Request& req) = 0;
};

using PublicHandler = std::function<Response(const Request&)>;
using Handler = std::function<Response(const Request&, const auth::Principal&)>;

class Router {
 public:
  explicit Router(Authenticator* authenticator) : authenticator_(authenticator) {}
  void Public(std::string method, std::string pattern, PublicHandler h);
  void Protected(std::string method, std::string pattern, Handler h);
  // Serves what no route matched (static files); a 404 envelope when unset.
  void Fallback(PublicHandler h) { fallback_ = std::move(h); }

  // Fills `route_name` with the matched pattern, for metrics.
  Response Dispatch(Request& req, std::string* route_name) const;
  // Every "METHOD pattern", for the OpenAPI test.
  std::vector<std::string> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    PublicHandler public_handler;
    Handler handler;
  };
  static bool Match(const Route& r, const std::vector<std::string>& parts, Request& req);
  Response RunProtected(const Route& r, Request& req) const;

  Authenticator* authenticator_;
  std::vector<Route> routes_;
  PublicHandler fallback_;
};

std::vector<std::string> SplitPath(const std::string& path);

}  // namespace dh::http

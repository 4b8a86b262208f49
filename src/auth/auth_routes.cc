#include "auth/auth_routes.h"

#include <cctype>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "auth/auth_messages.h"
#include "core/json.h"
#include "core/text.h"
#include "http/route_table.h"
#include "users/user_json.h"

namespace dh::auth {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

bj::array Permissions(const Principal& who) {
  bj::array out;
  for (Permission p : AllPermissions())
    if (who.Can(p)) out.push_back(bj::string(PermissionName(p)));
  return out;
}

bj::object MeJson(const Principal& who, const units::UnitGraph& g) {
  return {{"id", who.user_id},
          {"username", who.username},
          {"full_name", who.full_name},
          {"roles", users::RolesJson(who.grants, g)},
          {"permissions", Permissions(who)}};
}

bj::object TokenJson(const ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", FormatTimestamp(t.created_at)},
          {"expires_at", FormatTimestamp(t.expires_at)},
          {"revoked", t.revoked_at.has_value()}};
}

// Secure when the client reached us over TLS, so the browser never sends it over plain HTTP.
std::string SessionCookie(const std::string& value, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// The token of an `Authorization: Bearer <token>` header: the scheme in any case, then one
// or more spaces (RFC 7235 §2.1). nullopt for another scheme, which leaves the cookie to
// decide; "" when the token is missing, which no token matches.
std::optional<std::string> BearerToken(std::string_view authz) {
  constexpr std::string_view kScheme = "bearer";
  if (authz.size() < kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authz[i])) != kScheme[i]) return std::nullopt;
  authz.remove_prefix(kScheme.size());
  if (!authz.empty() && authz.front() != ' ') return std::nullopt;  // "Bearerabc", another scheme
  while (!authz.empty() && authz.front() == ' ') authz.remove_prefix(1);
  return std::string(authz);
}

// The password of a login, taken as typed: no trimming, no normalisation.
Result<std::string> PasswordOf(const bj::object& body) {
  auto it = body.find("password");
  if (it != body.end() && !it->value().is_null() && !it->value().is_string())
    return Status::InvalidInput("password", Say(msg::kPasswordType), "wrong_type");
  if (it == body.end() || it->value().is_null() || it->value().as_string().empty())
    return Status::InvalidInput("password", Say(msg::kEnterPassword), "required");
  std::string password(it->value().as_string());
  // No password is longer (users/user.cc): a longer one is refused before hashing it.
  if (text::CodePointCount(password) > 200)
    return Status::InvalidInput("password", Say(msg::kPasswordTooLong, {{"max", int64_t{200}}}),
                                "too_long");
  return password;
}

// POST /api/v1/login
Response Login(AuthService& service, const units::UnitDirectory& units, const Request& req) {
  auto body = json::ParseObject(req.body);
  if (!body.ok()) return Response::Error(body.status());
  if (Status s = json::OnlyFields(*body, {"username", "password"}); !s.ok())
    return Response::Error(s);
  auto username = json::RequiredString(*body, {"username", "Tên đăng nhập"}, 50);
  if (!username.ok()) return Response::Error(username.status());
  auto password = PasswordOf(*body);
  if (!password.ok()) return Response::Error(password.status());
  auto r = service.Login(*username, *password, req.remote_addr);
  if (!r.ok()) return Response::Error(r.status());
  Principal who{r->user.id, r->user.username, r->user.full_name, r->user.roles};
  bj::object out{{"user", MeJson(who, *units.Get())}, {"csrf_token", r->csrf_token}};
  Response resp = Response::Json(out);
  resp.headers.emplace_back("Set-Cookie", SessionCookie(r->session_token, r->max_age, req.secure));
  return resp;
}

// POST /api/v1/logout
Response Logout(AuthService& service, const Request& req, const Principal& who) {
  if (Status s = service.Logout(who); !s.ok()) return Response::Error(s);
  Response resp = Response::NoContent();
  resp.headers.emplace_back("Set-Cookie", SessionCookie("", 0, req.secure));
  return resp;
}

bool SameGrants(const std::vector<RoleGrant>& a, const std::vector<RoleGrant>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.role == y.role && x.unit_id == y.unit_id;
  });
}

// The answers of GET /api/v1/me by cookie session, each kept with what it was built from
// (the user's names and roles, the session's CSRF token, the unit tree): a memo of the
// JSON below, reused only while all of that is the same, so never stale.
class MeAnswers {
 public:
  static constexpr size_t kMaxEntries = 10000;  // then it starts over

  std::string Body(const Principal& who, const units::UnitDirectory& units) {
    auto graph = units.Get();
    if (who.session_hash.empty()) return Build(who, *graph);
    {
      std::lock_guard lock(mu_);
      auto it = entries_.find(who.session_hash);
      if (it != entries_.end() && it->second.graph == graph && Same(it->second.who, who))
        return it->second.body;
    }
    std::string body = Build(who, *graph);
    std::lock_guard lock(mu_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_.insert_or_assign(who.session_hash, Entry{who, std::move(graph), body});
    return body;
  }

 private:
  struct Entry {
    Principal who;
    std::shared_ptr<const units::UnitGraph> graph;
    std::string body;
  };
  static std::string Build(const Principal& who, const units::UnitGraph& g) {
    bj::object me = MeJson(who, g);
    if (who.via_cookie) me["csrf_token"] = who.csrf_token;
    return bj::serialize(me);
  }
  static bool Same(const Principal& a, const Principal& b) {
    return a.user_id == b.user_id && a.username == b.username && a.full_name == b.full_name &&
           a.via_cookie == b.via_cookie && a.csrf_token == b.csrf_token &&
           SameGrants(a.grants, b.grants);
  }

  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // GUARDED_BY(mu_); by session hash
};

// GET /api/v1/me
Response Me(MeAnswers& answers, const units::UnitDirectory& units, const Principal& who) {
  Response r;
  r.body = answers.Body(who, units);
  return r;
}

// GET /api/v1/tokens
Response ListTokens(AuthService& service, const Principal& who) {
  return http::AllOf(service.Tokens(who), TokenJson);
}

// POST /api/v1/tokens
Response CreateToken(AuthService& service, const Request& req, const Principal& who) {
  auto body = json::ParseObject(req.body);
  if (!body.ok()) return Response::Error(body.status());
  if (Status s = json::OnlyFields(*body, {"name", "expires_in_days"}); !s.ok())
    return Response::Error(s);
  auto name = json::RequiredString(*body, {"name", "Tên mã truy cập"}, 100);
  if (!name.ok()) return Response::Error(name.status());
  // The service's own bound (1–366 days), checked here before the int it takes.
  auto days = json::OptionalInt(*body, {"expires_in_days", "Số ngày hiệu lực"}, 1, 366);
  if (!days.ok()) return Response::Error(days.status());
  auto t = service.CreateToken(who, *name, static_cast<int>(days->value_or(90)));
  if (!t.ok()) return Response::Error(t.status());
  bj::object out = TokenJson(t->token);
  out["token"] = t->secret;
  return Response::Json(out, 201);
}

// DELETE /api/v1/tokens/{id}
Response RevokeToken(AuthService& service, const Request& req, const Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  if (Status s = service.RevokeToken(who, *id); !s.ok()) return Response::Error(s);
  return Response::NoContent();
}

}  // namespace

Result<Principal> HttpAuthenticator::Authenticate(const http::Request& req) {
  if (auto token = BearerToken(req.Header("authorization"))) return service_.FromApiToken(*token);
  const std::string cookie = req.Cookie(kSessionCookie);
  if (cookie.empty()) return Status::Unauthenticated(Say(msg::kSignIn));
  return service_.FromSession(cookie);
}

void RegisterRoutes(http::Router& router, AuthService& service, const units::UnitDirectory& units) {
  RegisterLabels({{"Tên mã truy cập", "Token name"}, {"Số ngày hiệu lực", "Days valid"}});
  router.Public("POST", "/api/v1/login",
                [&](const Request& req) { return Login(service, units, req); });
  router.Protected("POST", "/api/v1/logout", [&](const Request& req, const Principal& who) {
    return Logout(service, req, who);
  });
  router.Protected("GET", "/api/v1/me",
                   [&units, answers = std::make_shared<MeAnswers>()](
                       const Request&, const Principal& who) { return Me(*answers, units, who); });
  router.Protected("GET", "/api/v1/tokens",
                   [&](const Request&, const Principal& who) { return ListTokens(service, who); });
  router.Protected("POST", "/api/v1/tokens", [&](const Request& req, const Principal& who) {
    return CreateToken(service, req, who);
  });
  router.Protected("DELETE", "/api/v1/tokens/{id}", [&](const Request& req, const Principal& who) {
    return RevokeToken(service, req, who);
  });
}

}  // namespace dh::auth

#include "auth/auth_service.h"

#include <boost/json.hpp>

#include "audit/recorder.h"
#include "auth/auth_messages.h"
#include "auth/password.h"
#include "db/read_value.h"
#include "db/write_generation.h"
#include "users/password.h"
#include "users/user_lang.h"
#include "users/user_store.h"

namespace dh::auth {
namespace {

Status BadCredentials() {
  return Status::Unauthenticated(Say(msg::kBadCredentials), "invalid_credentials");
}

Status NoSession() { return Status::Unauthenticated(Say(msg::kNoSession)); }

// Checked against when the username does not exist, so both cases take as long.
const std::string& DummyHash() {
  static const std::string kHash = users::HashPassword("dieuhanh-no-such-user").value();
  return kHash;
}

}  // namespace

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& address) {
  if (const int64_t wait = throttle_.RetryAfter(username, address); wait > 0)
    return Status::TooManyRequests(Say(msg::kTooManyAttempts, {{"seconds", wait}}),
                                   static_cast<int>(wait));
  DH_ASSIGN_OR_RETURN(std::optional<users::User> user, db::ReadValue(db_, [&](db::Connection& c) {
                        return users::FindByUsername(c, username);
                      }));
  const bool ok = user ? users::VerifyPassword(user->password_hash, password)
                       : (users::VerifyPassword(DummyHash(), password), false);
  if (!ok || !user->active) {
    throttle_.RecordFailure(username, address);
    return BadCredentials();
  }
  throttle_.RecordSuccess(username);
  LoginResult out;
  out.session_token = RandomToken();
  out.csrf_token = RandomToken();
  const int64_t now = clock_.NowSeconds();
  out.expires_at = now + session_seconds_;
  out.max_age = session_seconds_;
  out.user = *user;
  Principal who{user->id, user->username, user->full_name, user->roles};
  const Lang lang = CurrentLang();  // this thread's: the transaction may run on another
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(DeleteExpiredSessions(c, now));
    DH_RETURN_IF_ERROR(InsertSession(
        c, {Sha256Hex(out.session_token), user->id, out.csrf_token, now, out.expires_at}));
    // The language signed in with (the request's: http/router.cc) is the one e-mails use.
    DH_RETURN_IF_ERROR(users::SetLang(c, user->id, lang));
    return audit::Record(c, &who,
                         {"session.login", "user", user->id, std::nullopt, nullptr,
                          boost::json::object{{"address", address}}},
                         now);
  }));
  return out;
}

Status AuthService::Logout(const Principal& who) {
  if (who.session_hash.empty()) return Status::Ok();
  return db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(DeleteSession(c, who.session_hash));
    return audit::Record(c, &who,
                         {"session.logout", "user", who.user_id, std::nullopt, nullptr, nullptr},
                         clock_.NowSeconds());
  });
}

Result<Principal> AuthService::ForUser(db::Connection& c, int64_t user_id) {
  DH_ASSIGN_OR_RETURN(auto user, users::FindById(c, user_id));
  if (!user || !user->active) return NoSession();
  return Principal{user->id, user->username, user->full_name, user->roles};
}

Result<Principal> AuthService::ReadSession(const std::string& hash, int64_t now,
                                           int64_t* expires_at) {
  Principal p;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto s, FindSession(c, hash));
    if (!s || s->expires_at <= now) return NoSession();
    DH_ASSIGN_OR_RETURN(p, ForUser(c, s->user_id));
    p.via_cookie = true;
    p.csrf_token = s->csrf_token;
    p.session_hash = s->token_hash;
    *expires_at = s->expires_at;
    return Status::Ok();
  }));
  return p;
}

Result<Principal> AuthService::FromSession(const std::string& token) {
  if (token.size() != 64) return NoSession();
  const std::string hash = Sha256Hex(token);
  const int64_t now = clock_.NowSeconds();
  // Read before the database: a write that commits meanwhile makes the entry stale.
  const uint64_t generation = db::WriteGeneration();
  if (auto cached = sessions_.Find(hash, generation, now)) return *std::move(cached);
  int64_t expires_at = 0;
  DH_ASSIGN_OR_RETURN(Principal p, ReadSession(hash, now, &expires_at));
  sessions_.Put(hash, p, generation, expires_at);
  return p;
}

Result<Principal> AuthService::FromApiToken(const std::string& token) {
  Principal p;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto t, FindToken(c, Sha256Hex(token)));
    if (!t || t->expires_at <= clock_.NowSeconds())
      return Status::Unauthenticated(Say(msg::kBadToken), "invalid_token");
    DH_ASSIGN_OR_RETURN(p, ForUser(c, t->user_id));
    return Status::Ok();
  }));
  return p;
}

Result<NewApiToken> AuthService::CreateToken(const Principal& who, const std::string& name,
                                             int days) {
  if (name.empty()) return Status::InvalidInput("name", Say(msg::kNameToken));
  if (days < 1 || days > 366)
    return Status::InvalidInput("expires_in_days",
                                Say(msg::kTokenDays, {{"min", int64_t{1}}, {"max", int64_t{366}}}));
  NewApiToken out;
  out.secret = RandomToken();
  const int64_t now = clock_.NowSeconds();
  out.token = {0, who.user_id, name, now, now + int64_t{days} * 86400, std::nullopt};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(out.token.id, InsertToken(c, out.token, Sha256Hex(out.secret)));
    return audit::Record(
        c, &who,
        {"token.create", "api_token", out.token.id, std::nullopt, nullptr,
         boost::json::object{{"name", name}, {"expires_at", out.token.expires_at}}},
        now);
  }));
  return out;
}

Result<std::vector<ApiToken>> AuthService::Tokens(const Principal& who) {
  return db::ReadValue(db_, [&](db::Connection& c) { return TokensOf(c, who.user_id); });
}

Status AuthService::RevokeToken(const Principal& who, int64_t id) {
  return db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(int64_t n, auth::RevokeToken(c, id, who.user_id, clock_.NowSeconds()));
    if (n == 0) return Status::NotFound(Say(msg::kTokenNotFound));
    return audit::Record(c, &who, {"token.revoke", "api_token", id, std::nullopt, nullptr, nullptr},
                         clock_.NowSeconds());
  });
}

}  // namespace dh::auth

// Use cases of signing in: log in and out, resolve a session or an API token to a
// Principal, and manage one's own API tokens.
#pragma once

#include "auth/session_cache.h"
#include "auth/session_store.h"
#include "auth/throttle.h"
#include "db/database.h"
#include "http/principal.h"
#include "users/user.h"

namespace dh::auth {

struct LoginResult {
  std::string session_token;  // for the cookie; stored only hashed
  std::string csrf_token;
  int64_t expires_at = 0;
  int64_t max_age = 0;  // seconds, for the cookie
  users::User user;
};

struct NewApiToken {
  ApiToken token;
  std::string secret;  // shown once
};

class AuthService {
 public:
  AuthService(db::Database& db, const Clock& clock, LoginThrottle& throttle,
              int64_t session_seconds = 12 * 3600)
      : db_(db), clock_(clock), throttle_(throttle), session_seconds_(session_seconds) {}

  // Unauthenticated for a wrong username or password (the same message for both);
  // TooManyRequests when the account or address failed too often.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& address);
  Status Logout(const Principal& who);
  // From the cookie's token or the bearer token. Unauthenticated when unknown, expired,
  // revoked, or the user is disabled. A session's principal comes from SessionCache while
  // fresh (see there for how fast a change made in any process takes effect).
  Result<Principal> FromSession(const std::string& token);
  Result<Principal> FromApiToken(const std::string& token);

  Result<NewApiToken> CreateToken(const Principal& who, const std::string& name, int days);
  Result<std::vector<ApiToken>> Tokens(const Principal& who);
  Status RevokeToken(const Principal& who, int64_t id);

 private:
  Result<Principal> ForUser(db::Connection& c, int64_t user_id);
  Result<Principal> ReadSession(const std::string& hash, int64_t now, int64_t* expires_at);
  db::Database& db_;
  const Clock& clock_;
  LoginThrottle& throttle_;
  int64_t session_seconds_;
  SessionCache sessions_;
};

}  // namespace dh::auth

// Where sessions and API tokens are kept (hashed).
#pragma once

#include "db/connection.h"

namespace dh::auth {

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0, expires_at = 0;
};

struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  int64_t created_at = 0, expires_at = 0;
  std::optional<int64_t> revoked_at;
};

Status InsertSession(db::Connection& c, const SessionRecord& s);
Result<std::optional<SessionRecord>> FindSession(db::Connection& c, const std::string& token_hash);
Status DeleteSession(db::Connection& c, const std::string& token_hash);
Status DeleteExpiredSessions(db::Connection& c, int64_t now);

Result<int64_t> InsertToken(db::Connection& c, const ApiToken& t, const std::string& token_hash);
// The token's owner and expiry, if it exists and is not revoked.
Result<std::optional<ApiToken>> FindToken(db::Connection& c, const std::string& token_hash);
Result<std::vector<ApiToken>> TokensOf(db::Connection& c, int64_t user_id);
Result<int64_t> RevokeToken(db::Connection& c, int64_t id, int64_t user_id, int64_t now);

}  // namespace dh::auth

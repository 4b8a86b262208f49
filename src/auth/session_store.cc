#include "auth/session_store.h"

#include "db/row_reader.h"
#include "db/table_sql.h"

namespace dh::auth {
namespace {

const std::string kInsertSession = db::InsertSql(
    "sessions", "token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at");
constexpr const char* kFindSession =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash "
    "= ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteExpired = "DELETE FROM sessions WHERE expires_at < ?";
const std::string kInsertToken =
    db::InsertReturningIdSql("api_tokens", "user_id, name, token_hash, created_at, expires_at");
constexpr const char* kFindToken =
    "SELECT id, user_id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE "
    "token_hash = ? AND revoked_at IS NULL";
constexpr const char* kTokensOf =
    "SELECT id, user_id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE user_id = "
    "? ORDER BY id";
constexpr const char* kRevoke =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL";

void TokenFields(db::RowCursor& row, ApiToken& t) {
  row(t.id, t.user_id, t.name, t.created_at, t.expires_at, t.revoked_at);
}

}  // namespace

Status InsertSession(db::Connection& c, const SessionRecord& s) {
  return c
      .Exec(kInsertSession,
            {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.created_at})
      .status();
}

Result<std::optional<SessionRecord>> FindSession(db::Connection& c, const std::string& token_hash) {
  return db::ReadOne<SessionRecord>(
      c, kFindSession, {token_hash}, [](db::RowCursor& row, SessionRecord& s) {
        row(s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at);
      });
}

Status DeleteSession(db::Connection& c, const std::string& token_hash) {
  return c.Exec(kDeleteSession, {token_hash}).status();
}

Status DeleteExpiredSessions(db::Connection& c, int64_t now) {
  return c.Exec(kDeleteExpired, {now}).status();
}

Result<int64_t> InsertToken(db::Connection& c, const ApiToken& t, const std::string& token_hash) {
  return db::ReadInt(c, kInsertToken, {t.user_id, t.name, token_hash, t.created_at, t.expires_at});
}

Result<std::optional<ApiToken>> FindToken(db::Connection& c, const std::string& token_hash) {
  return db::ReadOne<ApiToken>(c, kFindToken, {token_hash}, TokenFields);
}

Result<std::vector<ApiToken>> TokensOf(db::Connection& c, int64_t user_id) {
  return db::ReadAll<ApiToken>(c, kTokensOf, {user_id}, TokenFields);
}

Result<int64_t> RevokeToken(db::Connection& c, int64_t id, int64_t user_id, int64_t now) {
  return c.Exec(kRevoke, {now, id, user_id});
}

}  // namespace dh::auth

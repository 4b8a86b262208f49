#include "users/user_store.h"

#include "core/text.h"
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/sql_order.h"
#include "db/table_sql.h"
#include "users/user_lang.h"
#include "users/user_messages.h"

namespace dh::users {
namespace {

constexpr db::Table kUsers{"users", "username, full_name, email, active, created_at, password_hash",
                           "full_name_folded"};
const std::string kInsert = kUsers.Insert();
const std::string kUpdate =
    kUsers.Update("full_name, full_name_folded, email, password_hash, active");
const std::string kColumns = kUsers.Select();
constexpr const char* kDeleteOfUser = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr const char* kDeleteRoles = "DELETE FROM user_roles WHERE user_id = ?";
const std::string kInsertRole = db::InsertSql("user_roles", "user_id, role, unit_id");
constexpr const char* kRolesOf =
    "SELECT role, unit_id FROM user_roles WHERE user_id = ? ORDER BY id";
constexpr const char* kCountActiveAdmins =
    "SELECT COUNT(*) FROM users u WHERE u.active = 1 AND EXISTS (SELECT 1 FROM user_roles r "
    "WHERE r.user_id = u.id AND r.role = 'admin')";
const std::string kMoveRoles = db::UpdateSql("user_roles", "unit_id", "unit_id");
constexpr const char* kById = " WHERE id = ?";
constexpr const char* kByUsername = " WHERE username = ?";
// The list: a count and a page over one WHERE built from these parts.
const std::string kCount = db::CountSql("users");
constexpr const char* kWhereAll = " WHERE 1=1";
constexpr const char* kWhereText =
    " AND (username LIKE ? ESCAPE '\\' OR full_name_folded LIKE ? ESCAPE '\\')";
constexpr const char* kWhereRole =
    " AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = ?)";
constexpr const char* kWhereUnit =
    " AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.unit_id = ?)";
constexpr const char* kWhereUnitIn =
    " AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.unit_id IN ";
constexpr const char* kWhereUnitInClose = ")";
constexpr const char* kPage = " ORDER BY username LIMIT ? OFFSET ?";
// The columns the list may be sorted by (UserFilter::sort), ties by username.
constexpr db::SqlOrder kOrders[] = {
    {"username", kPage, " ORDER BY username DESC LIMIT ? OFFSET ?"},
    {"full_name", " ORDER BY full_name_folded, username LIMIT ? OFFSET ?",
     " ORDER BY full_name_folded DESC, username LIMIT ? OFFSET ?"},
    {"email", " ORDER BY email, username LIMIT ? OFFSET ?",
     " ORDER BY email DESC, username LIMIT ? OFFSET ?"},
    {"active", " ORDER BY active, username LIMIT ? OFFSET ?",
     " ORDER BY active DESC, username LIMIT ? OFFSET ?"}};

void Fields(db::RowCursor& row, User& u) {
  row(u.id, u.username, u.full_name, u.email, u.active, u.created_at, u.password_hash);
}

Status AttachRoles(db::Connection& c, User& u) {
  DH_ASSIGN_OR_RETURN(u.roles, RolesOf(c, u.id));
  return Status::Ok();
}

Result<std::optional<User>> FindOne(db::Connection& c, const std::string& where, db::Value key) {
  DH_ASSIGN_OR_RETURN(std::optional<User> u, db::ReadOne<User>(c, std::string(kColumns) + where,
                                                               {std::move(key)}, Fields));
  if (u) DH_RETURN_IF_ERROR(AttachRoles(c, *u));
  return u;
}

std::string LikePattern(const std::string& q) {
  std::string out = "%";
  for (char ch : q) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  return out + "%";
}

}  // namespace

Result<int64_t> InsertUser(db::Connection& c, const User& u) {
  auto id = db::ReadInt(c, kInsert,
                        {u.username, u.full_name, u.email, static_cast<int64_t>(u.active),
                         u.created_at, u.password_hash, text::FoldForSearch(u.full_name)});
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("username",
                                   Say(msg::kUsernameTaken, {{"username", u.username}}));
  return id;
}

Status UpdateUser(db::Connection& c, const User& u) {
  return c
      .Exec(kUpdate, {u.full_name, text::FoldForSearch(u.full_name), u.email, u.password_hash,
                      static_cast<int64_t>(u.active), u.id})
      .status();
}

Status ReplaceRoles(db::Connection& c, int64_t user_id, const std::vector<auth::RoleGrant>& roles) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteRoles, {user_id}).status());
  for (const auto& g : roles) {
    DH_RETURN_IF_ERROR(c.Exec(kInsertRole, {user_id, std::string(auth::RoleName(g.role)),
                                            g.unit_id ? db::Value(*g.unit_id) : db::Value()})
                           .status());
  }
  return Status::Ok();
}

Result<std::vector<auth::RoleGrant>> RolesOf(db::Connection& c, int64_t user_id) {
  using Grant = std::pair<std::string, std::optional<int64_t>>;  // role, unit
  DH_ASSIGN_OR_RETURN(std::vector<Grant> grants, db::ReadAll<Grant>(c, kRolesOf, {user_id}));
  std::vector<auth::RoleGrant> out;
  for (const auto& [name, unit] : grants)
    if (auto role = auth::ParseRole(name)) out.push_back({*role, unit});
  return out;
}

Result<int64_t> CountActiveAdmins(db::Connection& c) { return db::ReadInt(c, kCountActiveAdmins); }

Result<std::optional<User>> FindById(db::Connection& c, int64_t id) {
  return FindOne(c, kById, id);
}

Result<std::optional<User>> FindByUsername(db::Connection& c, const std::string& username) {
  return FindOne(c, kByUsername, username);
}

namespace {

// The WHERE of a list and its parameters; nullopt when the filter can match nobody.
std::optional<std::string> ListWhere(const UserFilter& f, db::Params& params) {
  std::string where = kWhereAll;
  if (!f.q.empty()) {
    where += kWhereText;
    params.push_back(LikePattern(f.q));
    params.push_back(LikePattern(f.q));
  }
  if (f.role) {
    where += kWhereRole;
    params.push_back(*f.role);
  }
  if (f.unit_id) {
    where += kWhereUnit;
    params.push_back(*f.unit_id);
  }
  if (f.units) {
    if (f.units->empty()) return std::nullopt;
    where += kWhereUnitIn;
    db::AppendInList(std::vector<int64_t>(f.units->begin(), f.units->end()), where, params);
    where += kWhereUnitInClose;
  }
  return where;
}

}  // namespace

Result<std::vector<User>> List(db::Connection& c, const UserFilter& f, int64_t* total) {
  db::Params params;
  const std::optional<std::string> where = ListWhere(f, params);
  DH_ASSIGN_OR_RETURN(
      std::vector<User> out,
      db::ReadPage<User>(c, {kCount, kColumns, db::PageOrder(kOrders, f.sort, f.descending, kPage)},
                         where, std::move(params), f.limit, f.offset, total, Fields));
  for (User& u : out) DH_RETURN_IF_ERROR(AttachRoles(c, u));
  return out;
}

Result<int64_t> MoveRoles(db::Connection& c, int64_t from_unit, int64_t to_unit) {
  return c.Exec(kMoveRoles, {to_unit, from_unit});
}

Status DeleteSessionsOf(db::Connection& c, int64_t user_id, const std::string& except_hash) {
  return c.Exec(kDeleteOfUser, {user_id, except_hash}).status();
}

// --- Issue 9: the language a user reads in (migration 0015) ---

namespace {
const std::string kSetLang = db::UpdateSql("users", "lang");
}  // namespace

Status SetLang(db::Connection& c, int64_t user_id, Lang lang) {
  return c.Exec(kSetLang, {std::string(lang == Lang::kEn ? "en" : "vi"), user_id}).status();
}

}  // namespace dh::users

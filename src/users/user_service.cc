#include "users/user_service.h"

#include "audit/recorder.h"
#include "db/read_value.h"
#include "http/require.h"
#include "units/unit_rules.h"
#include "users/password.h"
#include "users/user_json.h"
#include "users/user_messages.h"

namespace dh::users {
namespace {

Status NotFound() { return Status::NotFound(Say(msg::kUserNotFound)); }

Status CheckWrite(const auth::Principal* who) {
  return auth::Require(who, auth::Permission::kUsersWrite, msg::kOnlyAdminWrites);
}

// Optional; when given it must at least look like an address.
Status CheckEmail(const std::string& email) {
  if (!email.empty() && email.find('@') == std::string::npos)
    return Status::InvalidInput("email", Say(msg::kBadEmail));
  return Status::Ok();
}

// The audit copy of a user: what changed, never the hash.
boost::json::object AuditJson(const User& u) {
  boost::json::array roles;
  for (const auto& r : u.roles)
    roles.push_back({{"role", auth::RoleName(r.role)},
                     {"unit_id", r.unit_id ? boost::json::value(*r.unit_id) : nullptr}});
  return {{"username", u.username},
          {"full_name", u.full_name},
          {"email", u.email},
          {"active", u.active},
          {"roles", std::move(roles)}};
}

// The units of the grants, checked on the database inside the write's transaction: a
// restructuring that committed since the in-memory graph was read has moved the roles of
// its sources to their successor, and a grant made afterwards would stay behind.
Status CheckRoleUnits(db::Connection& c, const std::vector<auth::RoleGrant>& roles, Date day) {
  for (const auto& r : roles)
    if (r.role != auth::Role::kAdmin && r.unit_id)
      DH_RETURN_IF_ERROR(units::CheckTakesWork(c, *r.unit_id, day, "roles", "Đơn vị"));
  return Status::Ok();
}

std::optional<int64_t> FirstUnit(const User& u) {
  for (const auto& r : u.roles)
    if (r.unit_id) return r.unit_id;
  return std::nullopt;
}

// Someone must be left to manage accounts: a change that leaves no active admin is refused,
// naming the form field that caused it. Counted inside the write transaction, after the
// change, so that of two admins removing each other at once only the first succeeds
// (writers take turns: db::InTransaction).
Status KeepAnAdmin(db::Connection& c, const User& after) {
  DH_ASSIGN_OR_RETURN(int64_t admins, CountActiveAdmins(c));
  if (admins > 0) return Status::Ok();
  if (!after.active)
    return Status::Conflict(Say(msg::kLastAdminLocked, {{"username", after.username}}),
                            "last_admin", "active");
  return Status::Conflict(Say(msg::kLastAdminRole, {{"username", after.username}}), "last_admin",
                          "roles");
}

}  // namespace

bool UserService::Visible(const auth::Principal& who, const User& u) const {
  if (who.user_id == u.id) return true;
  if (!who.Can(auth::Permission::kUsersRead)) return false;
  const auto scope = units::ScopeFor(who, auth::Permission::kUsersRead, *units_.Get());
  if (scope.all()) return true;
  for (const auto& r : u.roles)
    if (r.unit_id && scope.Contains(*r.unit_id)) return true;
  return false;
}

Result<std::vector<User>> UserService::List(const auth::Principal& who, UserFilter f,
                                            int64_t* total) const {
  if (!who.Can(auth::Permission::kUsersRead)) return Status::Forbidden(Say(msg::kCannotList));
  f.units = units::ScopeFor(who, auth::Permission::kUsersRead, *units_.Get()).AsFilter();
  return db::ReadValue(db_, [&](db::Connection& c) { return users::List(c, f, total); });
}

Result<User> UserService::Get(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(std::optional<User> u,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindById(c, id); }));
  if (!u || !Visible(who, *u)) return NotFound();
  return *u;
}

Status UserService::ValidateRoles(const std::vector<auth::RoleGrant>& roles) const {
  if (roles.empty()) return Status::InvalidInput("roles", Say(msg::kOneRole));
  auto g = units_.Get();
  const Date today = clock_.Today();
  for (const auto& r : roles) {
    if (r.role == auth::Role::kAdmin) continue;
    if (!r.unit_id)
      return Status::InvalidInput(
          "roles", Say(msg::kRoleNeedsUnit, {{"role", std::string(auth::RoleName(r.role))}}));
    // A first answer on the in-memory graph; the write checks again on the database.
    DH_RETURN_IF_ERROR(units::CheckTakesWork(*g, *r.unit_id, today, "roles", "Đơn vị"));
  }
  return Status::Ok();
}

Result<User> UserService::Create(const auth::Principal* who, const UserInput& in) {
  DH_RETURN_IF_ERROR(CheckWrite(who));
  User u;
  u.username = in.username.value_or("");
  if (!IsValidUsername(u.username)) return Status::InvalidInput("username", Say(msg::kBadUsername));
  u.full_name = in.full_name.value_or("");
  if (u.full_name.empty()) return Status::InvalidInput("full_name", Say(msg::kEnterFullName));
  u.email = in.email.value_or("");
  DH_RETURN_IF_ERROR(CheckEmail(u.email));
  if (!in.password) return Status::InvalidInput("password", Say(msg::kEnterFirstPassword));
  if (auto problem = PasswordProblem(*in.password))
    return Status::InvalidInput("password", *problem);
  u.roles = in.roles.value_or(std::vector<auth::RoleGrant>{});
  DH_RETURN_IF_ERROR(ValidateRoles(u.roles));
  DH_ASSIGN_OR_RETURN(u.password_hash, HashPassword(*in.password));
  u.active = in.active.value_or(true);
  u.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(CheckRoleUnits(c, u.roles, clock_.Today()));
    DH_ASSIGN_OR_RETURN(u.id, InsertUser(c, u));
    DH_RETURN_IF_ERROR(ReplaceRoles(c, u.id, u.roles));
    return audit::Record(c, who, {"user.create", "user", u.id, FirstUnit(u), nullptr, AuditJson(u)},
                         u.created_at);
  }));
  return u;
}

Result<User> UserService::Update(const auth::Principal& who, int64_t id, const UserInput& in) {
  // A first look for the quick answers (unknown user, no right, bad input); the change itself
  // applies to the row as it stands inside the transaction, so that two edits at once do not
  // undo each other (each writes every field) and the audit's "before" is what was replaced.
  DH_ASSIGN_OR_RETURN(User seen, Get(who, id));
  DH_RETURN_IF_ERROR(CheckWrite(&who));
  if (in.username && *in.username != seen.username)
    return Status::InvalidInput("username", Say(msg::kUsernameFixed));
  if (in.full_name && in.full_name->empty())
    return Status::InvalidInput("full_name", Say(msg::kFullNameEmpty));
  if (in.email) DH_RETURN_IF_ERROR(CheckEmail(*in.email));
  if (in.roles) DH_RETURN_IF_ERROR(ValidateRoles(*in.roles));
  if (in.active && !*in.active && who.user_id == id)
    return Status::InvalidInput("active", Say(msg::kCannotLockSelf));
  const bool new_password = in.password.has_value();
  std::string password_hash;
  if (new_password) {
    if (auto problem = PasswordProblem(*in.password))
      return Status::InvalidInput("password", *problem);
    DH_ASSIGN_OR_RETURN(password_hash, HashPassword(*in.password));
  }
  User u;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindById(c, id));
    if (!found || !Visible(who, *found)) return NotFound();
    const User before = *found;
    u = before;
    if (in.full_name) u.full_name = *in.full_name;
    if (in.email) u.email = *in.email;
    if (in.roles) {
      DH_RETURN_IF_ERROR(CheckRoleUnits(c, *in.roles, clock_.Today()));
      u.roles = *in.roles;
    }
    if (in.active) u.active = *in.active;
    if (new_password) u.password_hash = password_hash;
    DH_RETURN_IF_ERROR(UpdateUser(c, u));
    if (in.roles) DH_RETURN_IF_ERROR(ReplaceRoles(c, id, u.roles));
    if (in.roles || in.active) DH_RETURN_IF_ERROR(KeepAnAdmin(c, u));
    // A new password ends the sessions it may have been set against; whoever sets their
    // own keeps the session they set it from (an API token keeps none).
    if (!u.active || new_password)
      DH_RETURN_IF_ERROR(DeleteSessionsOf(
          c, id, u.active && who.user_id == id ? who.session_hash : std::string()));
    auto after = AuditJson(u);
    if (new_password) after["password_changed"] = true;
    return audit::Record(c, &who,
                         {"user.update", "user", id, FirstUnit(u), AuditJson(before), after},
                         clock_.NowSeconds());
  }));
  return u;
}

Result<int64_t> RoleTransfer::Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit, Date,
                                       const auth::Principal* who, int64_t now) {
  DH_ASSIGN_OR_RETURN(int64_t n, MoveRoles(c, from_unit, to_unit));
  if (n > 0)
    DH_RETURN_IF_ERROR(audit::Record(c, who,
                                     {"user.roles_transfer", "unit", from_unit, to_unit,
                                      boost::json::object{{"unit_id", from_unit}},
                                      boost::json::object{{"unit_id", to_unit}, {"roles", n}}},
                                     now));
  return n;
}

}  // namespace dh::users

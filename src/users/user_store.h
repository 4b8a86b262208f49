// Where users and their role grants are kept. Runs on the caller's connection.
#pragma once

#include <unordered_set>

#include "db/connection.h"
#include "users/user.h"

namespace dh::users {

// UniqueViolation on "username" when taken.
Result<int64_t> InsertUser(db::Connection& c, const User& u);
Status UpdateUser(db::Connection& c, const User& u);  // not roles
Status ReplaceRoles(db::Connection& c, int64_t user_id, const std::vector<auth::RoleGrant>& roles);
// With roles; nullopt when absent.
Result<std::optional<User>> FindById(db::Connection& c, int64_t id);
Result<std::optional<User>> FindByUsername(db::Connection& c, const std::string& username);
Result<std::vector<auth::RoleGrant>> RolesOf(db::Connection& c, int64_t user_id);
// Active users holding the admin role, as this connection's transaction sees them.
Result<int64_t> CountActiveAdmins(db::Connection& c);

struct UserFilter {
  std::string q;  // folded; matches username or full name
  std::optional<std::string> role;
  std::optional<int64_t> unit_id;
  // nullopt: all users; otherwise those with a role on one of these units.
  std::optional<std::unordered_set<int64_t>> units;
  int64_t limit = 50, offset = 0;
  std::string sort;  // a column of the list's order ("" for username), "-" not included
  bool descending = false;
};
Result<std::vector<User>> List(db::Connection& c, const UserFilter& f, int64_t* total);
// Roles granted on `from` now point at `to`; returns how many.
Result<int64_t> MoveRoles(db::Connection& c, int64_t from_unit, int64_t to_unit);

// Every session of the user but the one whose hash is `except_hash` ("": all of them): a
// user disabled or given a new password (sessions are signed in through auth/, which sits
// above users and reads them).
Status DeleteSessionsOf(db::Connection& c, int64_t user_id, const std::string& except_hash = "");

}  // namespace dh::users

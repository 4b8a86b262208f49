// Use cases on users: list, read, create, change (name, e-mail, password, roles, active).
// Reading needs users.read within scope; writing needs users.write (admin). Disabling a
// user ends that user's sessions; a new password ends them too, except the session of a
// user who set their own password from it.
#pragma once

#include "db/database.h"
#include "units/open_work_transfer.h"
#include "units/unit_directory.h"
#include "units/unit_scope.h"
#include "users/user_store.h"

namespace dh::users {

struct UserInput {
  std::optional<std::string> username, full_name, email, password;
  std::optional<std::vector<auth::RoleGrant>> roles;
  std::optional<bool> active;
};

class UserService {
 public:
  UserService(db::Database& db, const Clock& clock, const units::UnitDirectory& units)
      : db_(db), clock_(clock), units_(units) {}

  Result<std::vector<User>> List(const auth::Principal& who, UserFilter f, int64_t* total) const;
  Result<User> Get(const auth::Principal& who, int64_t id) const;
  // `who` null: the command line creating the first account.
  Result<User> Create(const auth::Principal* who, const UserInput& in);
  Result<User> Update(const auth::Principal& who, int64_t id, const UserInput& in);

 private:
  Status ValidateRoles(const std::vector<auth::RoleGrant>& roles) const;
  bool Visible(const auth::Principal& who, const User& u) const;
  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
};

// Roles follow a unit into its successor when units are restructured.
class RoleTransfer final : public units::OpenWorkTransfer {
 public:
  std::string name() const override { return "roles"; }
  Result<int64_t> Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit, Date day,
                           const auth::Principal* who, int64_t now) override;
};

}  // namespace dh::users

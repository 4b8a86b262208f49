#include "demo/demo_users.h"

#include <optional>

#include "demo/demo_city.h"
#include "users/user_store.h"

namespace dh::demo {

Result<auth::Principal> PrincipalOf(app::App& app, const std::string& username) {
  std::optional<users::User> u;
  DH_RETURN_IF_ERROR(db::Read(app.db(), [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(u, users::FindByUsername(c, username));
    return Status::Ok();
  }));
  if (!u) return Status::Internal("demo user missing: " + username);
  return auth::Principal{u->id, u->username, u->full_name, u->roles};
}

Status CreateDemoUser(app::App& app, const std::string& username, const std::string& full_name,
                      const std::string& mail_domain, const auth::RoleGrant& grant) {
  users::UserInput in;
  in.username = username;
  in.full_name = full_name;
  in.email = username + "@" + mail_domain;
  in.password = kDemoPassword;
  in.roles = std::vector<auth::RoleGrant>{grant};
  return app.users().Create(nullptr, in).status();
}

}  // namespace dh::demo

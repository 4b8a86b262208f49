#include "users/user_json.h"

#include "auth/auth_routes.h"

namespace dh::users {

boost::json::object ToJson(const User& u, const units::UnitGraph& g) {
  return {{"id", u.id},
          {"username", u.username},
          {"full_name", u.full_name},
          {"email", u.email},
          {"active", u.active},
          {"roles", auth::RolesJson(u.roles, g)},
          {"created_at", FormatTimestamp(u.created_at)}};
}

}  // namespace dh::users

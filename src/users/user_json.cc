#include "users/user_json.h"

#include "core/json.h"

namespace dh::users {

namespace bj = boost::json;

bj::array RolesJson(const std::vector<auth::RoleGrant>& roles, const units::UnitGraph& g) {
  bj::array out;
  for (const auth::RoleGrant& r : roles) {
    const units::Unit* u = r.unit_id ? g.Find(*r.unit_id) : nullptr;
    out.push_back({{"role", auth::RoleName(r.role)},
                   {"unit_id", json::OrNull(r.unit_id)},
                   {"unit_code", u ? bj::value(u->code) : bj::value(nullptr)},
                   {"unit_name", u ? bj::value(u->name) : bj::value(nullptr)}});
  }
  return out;
}

boost::json::object ToJson(const User& u, const units::UnitGraph& g) {
  return {{"id", u.id},
          {"username", u.username},
          {"full_name", u.full_name},
          {"email", u.email},
          {"active", u.active},
          {"roles", RolesJson(u.roles, g)},
          {"created_at", FormatTimestamp(u.created_at)}};
}

}  // namespace dh::users

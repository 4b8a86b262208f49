#pragma once

#include <boost/json.hpp>

#include "units/unit_graph.h"
#include "users/user.h"

namespace dh::users {

// {"role","unit_id","unit_code","unit_name"} for each grant.
boost::json::array RolesJson(const std::vector<auth::RoleGrant>& roles, const units::UnitGraph& g);

// Never includes the password hash.
boost::json::object ToJson(const User& u, const units::UnitGraph& g);

}  // namespace dh::users

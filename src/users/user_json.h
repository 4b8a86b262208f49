#pragma once

#include <boost/json.hpp>

#include "units/unit_graph.h"
#include "users/user.h"

namespace dh::users {

// Never includes the password hash.
boost::json::object ToJson(const User& u, const units::UnitGraph& g);

}  // namespace dh::users

#pragma once

#include "http/router.h"
#include "users/user_service.h"

namespace dh::users {

// /api/v1/users…
void RegisterRoutes(http::Router& router, UserService& service, const units::UnitDirectory& units);

}  // namespace dh::users

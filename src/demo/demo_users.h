// The demo city's users, as the loaders act for them.
#pragma once

#include <string>

#include "app/app.h"

namespace dh::demo {

// The principal of the demo user `username`; Internal when the demo has no such user.
Result<auth::Principal> PrincipalOf(app::App& app, const std::string& username);

}  // namespace dh::demo

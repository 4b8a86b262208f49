// The demo city's users, as the loaders act for them.
#pragma once

#include <string>

#include "app/app.h"

namespace dh::demo {

// The principal of the demo user `username`; Internal when the demo has no such user.
Result<auth::Principal> PrincipalOf(app::App& app, const std::string& username);

// Creates the demo user `username` with the demo password, the e-mail
// `username`@`mail_domain` and the one role `grant`.
Status CreateDemoUser(app::App& app, const std::string& username, const std::string& full_name,
                      const std::string& mail_domain, const auth::RoleGrant& grant);

}  // namespace dh::demo

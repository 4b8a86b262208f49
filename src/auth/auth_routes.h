#pragma once

#include "auth/auth_service.h"
#include "http/router.h"
#include "units/unit_directory.h"

namespace dh::auth {

// Reads the session cookie or the bearer token of a request.
class HttpAuthenticator final : public http::Authenticator {
 public:
  explicit HttpAuthenticator(AuthService& service) : service_(service) {}
  Result<Principal> Authenticate(const http::Request& req) override;

 private:
  AuthService& service_;
};

inline constexpr const char* kSessionCookie = "dh_session";

// /api/v1/login, /logout, /me, /tokens
void RegisterRoutes(http::Router& router, AuthService& service, const units::UnitDirectory& units);

}  // namespace dh::auth

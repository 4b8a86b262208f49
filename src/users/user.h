// Users (Người dùng): an official's login, with roles each granted on a unit subtree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/principal.h"

namespace dh::users {

struct User {
  int64_t id = 0;
  std::string username;
  std::string full_name;
  std::string email;
  bool active = true;
  int64_t created_at = 0;
  std::string password_hash;  // argon2id, libsodium's encoded form; never leaves the server
  std::vector<auth::RoleGrant> roles;
};

// Lower-case letters, digits, dot, dash and underscore; 3–50 characters.
bool IsValidUsername(const std::string& username);
// At least 8 characters; not only digits.
std::optional<std::string> PasswordProblem(const std::string& password);

}  // namespace dh::users

// Tokens are stored as SHA-256 of random bytes (libsodium, initialised by
// users/password.h InitCrypto); passwords are hashed in users/password.h.
#pragma once

#include <string>

#include "core/status.h"

namespace dh::auth {

// 32 random bytes as 64 hex characters.
std::string RandomToken();
// Hex SHA-256, for storing tokens.
std::string Sha256Hex(const std::string& data);

}  // namespace dh::auth

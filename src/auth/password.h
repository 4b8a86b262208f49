// Tokens are stored as SHA-256 of random bytes (libsodium, initialised by
// users/password.h InitCrypto); passwords are hashed in users/password.h.
#pragma once

#include <string>

#include "core/hash.h"  // Sha256Hex, for storing tokens
#include "core/status.h"

namespace dh::auth {

// 32 random bytes as 64 hex characters.
std::string RandomToken();

}  // namespace dh::auth

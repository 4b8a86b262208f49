// Passwords are stored as argon2id hashes (libsodium); tokens as SHA-256 of random bytes.
#pragma once

#include <string>

#include "core/hash.h"  // Sha256Hex, for storing tokens
#include "core/status.h"

namespace dh::auth {

// Call once before anything below (libsodium's sodium_init).
Status InitCrypto();
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// 32 random bytes as 64 hex characters.
std::string RandomToken();

}  // namespace dh::auth

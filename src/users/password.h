// Passwords are stored as argon2id hashes (libsodium).
#pragma once

#include <string>

#include "core/status.h"

namespace dh::users {

// Call once before anything below or any other use of libsodium (sodium_init).
Status InitCrypto();
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

}  // namespace dh::users

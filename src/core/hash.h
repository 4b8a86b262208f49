// Content hashes. One SHA-256-to-hex for the whole program: stored tokens, attachments
// (content-addressed), the audit chain and the import ledger (sheets/import_ledger.h).
#pragma once

#include <string>
#include <string_view>

namespace dh {

// SHA-256 of the bytes as 64 lower-case hex characters (libsodium).
std::string Sha256Hex(std::string_view bytes);

}  // namespace dh

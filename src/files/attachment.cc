#include "files/attachment.h"

#include <sodium.h>

#include "core/text.h"

namespace dh::files {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::optional<std::string> SniffMime(std::string_view b) {
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (StartsWith(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "application/msword";  // Office 97–2003
  if (StartsWith(b, "PK\x03\x04")) {
    // Office Open XML and OpenDocument are zip files; the part names tell which.
    if (b.find("word/") != std::string_view::npos)
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (b.find("xl/") != std::string_view::npos)
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (b.find("ppt/") != std::string_view::npos)
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    if (b.find("application/vnd.oasis.opendocument.text") != std::string_view::npos)
      return "application/vnd.oasis.opendocument.text";
    if (b.find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos)
      return "application/vnd.oasis.opendocument.spreadsheet";
    return std::nullopt;
  }
  if (!b.empty() && b.find('\0') == std::string_view::npos && text::IsValidUtf8(b))
    return "text/plain";
  return std::nullopt;
}

std::string CleanFilename(std::string_view name) {
  std::string out = text::SafeFileName(name, 200);
  // A double quote would end the name in a Content-Disposition header.
  std::erase(out, '"');
  out = text::Trim(out);
  return out.empty() || out == "." || out == ".." ? "tep-dinh-kem" : out;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace dh::files

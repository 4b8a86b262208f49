#include "files/attachment.h"

#include "core/hash.h"
#include "core/text.h"
#include "files/container.h"
#include "files/file_messages.h"

namespace dh::files {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

Result<std::string> SniffMime(std::string_view b) {
  if (StartsWith(b, "%PDF-")) return std::string("application/pdf");
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return std::string("image/png");
  if (StartsWith(b, "\xFF\xD8\xFF")) return std::string("image/jpeg");
  if (StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return std::string("application/msword");  // Office 97–2003
  // Office Open XML and OpenDocument are ZIP files: their structure says which, if any.
  if (StartsWith(b, "PK\x03\x04")) return SniffZipDocument(b);
  if (!b.empty() && b.find('\0') == std::string_view::npos && text::IsValidUtf8(b))
    return std::string("text/plain");
  return Status::UnsupportedMediaType("file", Say(msg::kNotAcceptedType));
}

std::string CleanFilename(std::string_view name) {
  std::string out = text::SafeFileName(name, 200);
  // A double quote would end the name in a Content-Disposition header.
  std::erase(out, '"');
  out = text::Trim(out);
  return out.empty() || out == "." || out == ".." ? "tep-dinh-kem" : out;
}

}  // namespace dh::files

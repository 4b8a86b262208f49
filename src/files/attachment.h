// Attachments (tệp đính kèm): a directive's text, a report's evidence. Stored once per
// content, addressed by SHA-256; the type is sniffed from the bytes, never trusted from
// the upload's name; served only to users who may see the object that owns them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/hash.h"  // Sha256Hex, for content addresses
#include "core/status.h"

namespace dh::files {

struct Attachment {
  int64_t id = 0;
  std::string owner_kind;  // directive | task
  int64_t owner_id = 0;
  std::string sha256;
  std::string filename;
  int64_t size = 0;
  std::string mime;
  std::optional<int64_t> uploaded_by;
  int64_t created_at = 0;
};

// The MIME type the bytes really are, among those we accept: PDF (starts with %PDF-),
// PNG and JPEG (by their signatures), Word 97–2003, Office Open XML and OpenDocument
// (their ZIP structure, container.h), plain UTF-8 text. UnsupportedMediaType (415, field
// "file") for anything else, saying why.
Result<std::string> SniffMime(std::string_view bytes);
// A file name safe to store and to send back (text::SafeFileName: no path, no control or
// bidirectional characters, NFC, ≤ 200 code points), without double quotes;
// "tep-dinh-kem" when nothing is left.
std::string CleanFilename(std::string_view name);

}  // namespace dh::files

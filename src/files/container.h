// What an uploaded ZIP container really is, read from its structure with libzip, never
// from a substring of its bytes: Office Open XML (.docx, .xlsx, .pptx) by their
// [Content_Types].xml and main part, OpenDocument (.odt, .ods, .odp) by the mimetype
// entry the format puts first. A container holding a program (by its name or its first
// bytes), macros, an encrypted entry or anything else is refused.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace dh::files {

struct ContainerLimits {
  size_t max_entries = 10000;
};

// The MIME type of the document the ZIP in `bytes` is. UnsupportedMediaType (field
// "file") with a sentence saying why otherwise.
Result<std::string> SniffZipDocument(std::string_view bytes, const ContainerLimits& limits = {});

}  // namespace dh::files

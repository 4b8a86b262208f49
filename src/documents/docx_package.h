// The parts of a .docx (a ZIP of XML), read bounded and written back with libzip.
// Internal to src/documents/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"
#include "core/status.h"
#include "documents/docx_template.h"

namespace dh::documents {

struct Part {
  std::string name;
  std::string bytes;
};

// The template's parts in stored order. InvalidInput (field "template", code
// "bad_template") when it is not a .docx within `limits`.
Result<std::vector<Part>> ReadPackage(std::string_view bytes, const TemplateLimits& limits);

// A ZIP of `parts`, deflated, with a fixed time stamp (the same parts give the same bytes).
Result<std::string> WritePackage(const std::vector<Part>& parts);

// The error every refusal of a template carries: `what` (documents/document_messages.h) is
// a sentence.
Status BadTemplate(const MessageText& what, const MessageArgs& args = {});

}  // namespace dh::documents

// Word documents (.docx) filled from a .docx template: named fields and repeated paragraphs
// or table rows. A template is a file an office may supply (its own letterhead), so it is
// read bounded like any upload: its size, the number and size of its parts, no DOCTYPE.
//
// In the template's text (word/document.xml, headers and footers):
//   {{name}}            a field, replaced by fields["name"]; a "\n" in the value becomes a
//                       line break.
//   {{#list}}           marks the table row it stands in as the pattern of `list`: the row
//                       is repeated once per item of the list, in order, and the pattern
//                       removed (no row when the list is empty).
//   {{+list}}           the same for the paragraph it stands in ("Nơi nhận:" lines).
//   {{#list:variant}}   a second pattern of the same list (also {{+list:variant}}), used for
//                       the items whose `variant` is "variant" (group headings between rows);
//                       items whose variant has no pattern in the template are left out.
//   {{list.name}}       inside a pattern: the item's field "name" (other fields work too).
// Word splits typed text into runs as it likes ("{{so_" + "ky_hieu}}"); a placeholder is
// found across the runs of its paragraph and the text lands in the run where it starts,
// keeping that run's formatting.
//
// A field the template names and the data lacks is an error (the template and the report
// do not match); data the template leaves out is simply not shown.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dh::documents {

using Fields = std::map<std::string, std::string, std::less<>>;

struct RepeatItem {
  std::string variant;  // "" for the plain pattern {{#list}}
  Fields fields;
};

struct DocxData {
  Fields fields;
  std::map<std::string, std::vector<RepeatItem>, std::less<>> lists;
};

struct TemplateLimits {
  size_t max_bytes = 8u << 20;         // the .docx as stored
  size_t max_entries = 200;            // parts in the zip
  size_t max_part_bytes = 16u << 20;   // one part, unzipped
  size_t max_total_bytes = 48u << 20;  // all parts, unzipped
};

// The filled document's bytes. InvalidInput (field "template") when the template is not a
// .docx within the limits, has a DOCTYPE or broken XML, or names a field the data lacks.
Result<std::string> FillDocx(std::string_view template_bytes, const DocxData& data,
                             const TemplateLimits& limits = {});

}  // namespace dh::documents

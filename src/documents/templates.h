// The report templates (.docx). Their source is the XML under templates/src/<name>/ in the
// repository, zipped at build time into build/templates/<name>.docx and built into the
// program (cmake/pack_templates.cmake). An office replaces a letterhead by putting its own
// <name>.docx (start from the built one, edit it in Word, keep the {{fields}}) into a
// folder the server is told about; that file takes precedence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "documents/docx_template.h"

namespace dh::documents {

struct BuiltInTemplate {
  std::string_view name;   // "tong_hop_y_kien"
  std::string_view bytes;  // the .docx
};

// Generated at build time.
const std::vector<BuiltInTemplate>& BuiltInTemplates();

class TemplateShelf {
 public:
  // `folder`: where an office keeps its own templates; "" for the built-in ones only.
  explicit TemplateShelf(std::string folder = "", TemplateLimits limits = {});

  // The template's bytes: the office's <name>.docx when there is one, else the built-in.
  // NotFound when neither exists; InvalidInput when the office's file is too large.
  Result<std::string> Load(std::string_view name) const;

  // FillDocx with the template `name`.
  Result<std::string> Render(std::string_view name, const DocxData& data) const;

 private:
  std::string folder_;
  TemplateLimits limits_;
};

}  // namespace dh::documents

#include "documents/templates.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "documents/document_messages.h"
#include "documents/docx_package.h"

namespace dh::documents {
namespace {

bool PlainName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// The office's file, read no further than `limit` bytes; nullopt when there is none.
Result<std::optional<std::string>> ReadOwn(const std::filesystem::path& path, size_t limit) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::optional<std::string>();
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return BadTemplate(msg::kTemplateUnreadable, {{"path", path.string()}});
  if (size > limit)
    return BadTemplate(msg::kTemplateFileTooLarge,
                       {{"path", path.string()}, {"max", static_cast<int64_t>(limit >> 20)}});
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
    return BadTemplate(msg::kTemplateUnreadable, {{"path", path.string()}});
  return std::optional<std::string>(std::move(bytes));
}

}  // namespace

TemplateShelf::TemplateShelf(std::string folder, TemplateLimits limits)
    : folder_(std::move(folder)), limits_(limits) {}

Result<std::string> TemplateShelf::Load(std::string_view name) const {
  if (!PlainName(name))
    return Status::NotFound(Say(msg::kNoTemplate, {{"name", std::string(name)}}));
  if (!folder_.empty()) {
    auto own =
        ReadOwn(std::filesystem::path(folder_) / (std::string(name) + ".docx"), limits_.max_bytes);
    if (!own.ok()) return own.status();
    if (own->has_value()) return std::move(**own);
  }
  for (const BuiltInTemplate& t : BuiltInTemplates())
    if (t.name == name) return std::string(t.bytes);
  return Status::NotFound(Say(msg::kNoTemplate, {{"name", std::string(name)}}));
}

Result<std::string> TemplateShelf::Render(std::string_view name, const DocxData& data) const {
  auto bytes = Load(name);
  if (!bytes.ok()) return bytes.status();
  return FillDocx(*bytes, data, limits_);
}

}  // namespace dh::documents

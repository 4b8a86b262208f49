#include "documents/docx_package.h"

#include <zip.h>

#include <memory>

#include "documents/document_messages.h"
#include "sheets/zip_part.h"

namespace dh::documents {
namespace {

constexpr time_t kStamp = 1767225600;  // 2026-01-01 00:00 UTC: output does not vary by time

int64_t Mib(size_t bytes) { return static_cast<int64_t>(bytes >> 20); }

bool IsFolder(const std::string& name) { return !name.empty() && name.back() == '/'; }

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// The bytes a closed archive left in its buffer source.
Result<std::string> SourceBytes(zip_source_t* out) {
  if (zip_source_open(out) < 0) return Status::Internal(Say(msg::kCannotReread));
  std::string bytes;
  char buf[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_source_read(out, buf, sizeof buf);
    if (n < 0) {
      zip_source_close(out);
      return Status::Internal(Say(msg::kCannotReread));
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
  }
  zip_source_close(out);
  return bytes;
}

Status AddPart(zip_t* z, const Part& part) {
  zip_source_t* s = zip_source_buffer(z, part.bytes.data(), part.bytes.size(), 0);
  if (!s) return Status::Internal(Say(msg::kCannotMakePart, {{"part", part.name}}));
  const zip_int64_t index = zip_file_add(z, part.name.c_str(), s, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(s);
    return Status::Internal(Say(msg::kCannotAddPart, {{"part", part.name}}));
  }
  zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), kStamp, 0);
  return Status::Ok();
}

}  // namespace

Status BadTemplate(const MessageText& what, const MessageArgs& args) {
  return Status::InvalidInput("template", Say(msg::kBadTemplate, {{"what", Say(what, args)}}),
                              "bad_template");
}

Result<std::vector<Part>> ReadPackage(std::string_view bytes, const TemplateLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return BadTemplate(msg::kTemplateTooLarge, {{"max", Mib(limits.max_bytes)}});
  auto package = sheets::ZipPackage::Open(bytes, limits.max_entries);
  if (!package.ok())
    return BadTemplate(msg::kTemplateNotDocx, {{"max", static_cast<int64_t>(limits.max_entries)}});
  if (!package->Has("word/document.xml") || !package->Has("[Content_Types].xml"))
    return BadTemplate(msg::kTemplateMissingPart);
  std::vector<Part> parts;
  size_t total = 0;
  for (const std::string& name : package->Names()) {
    if (IsFolder(name)) continue;
    auto text = package->Read(name, limits.max_part_bytes);
    if (!text.ok() || !text->has_value())
      return BadTemplate(msg::kTemplatePartTooLarge,
                         {{"part", name}, {"max", Mib(limits.max_part_bytes)}});
    total += (*text)->size();
    if (total > limits.max_total_bytes)
      return BadTemplate(msg::kTemplateTotalTooLarge, {{"max", Mib(limits.max_total_bytes)}});
    parts.push_back({name, std::move(**text)});
  }
  return parts;
}

Result<std::string> WritePackage(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> out(zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_error_fini(&error);
  if (!out) return Status::Internal(Say(msg::kCannotMakeDocx));
  zip_t* z = zip_open_from_source(out.get(), ZIP_TRUNCATE, nullptr);
  if (!z) return Status::Internal(Say(msg::kCannotMakeDocx));
  zip_source_keep(out.get());  // the archive holds one reference, `out` the other
  for (const Part& part : parts) {
    Status added = AddPart(z, part);
    if (!added.ok()) {
      zip_discard(z);
      return added;
    }
  }
  if (zip_close(z) < 0) {
    zip_discard(z);
    return Status::Internal(Say(msg::kCannotWriteDocx));
  }
  return SourceBytes(out.get());
}

}  // namespace dh::documents

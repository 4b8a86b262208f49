#include "sheets/zip_part.h"

#include <zip.h>

#include "sheets/sheet_messages.h"
namespace dh::sheets {
namespace {

Status NotZip() { return Status::InvalidInput("file", Say(msg::kNotZip), "not_zip"); }

Status Broken(const std::string& name) {
  return Status::InvalidInput("file", Say(msg::kZipPartBroken, {{"part", name}}), "bad_zip");
}

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

void ZipPackage::Closer::operator()(zip* z) const { zip_discard(z); }
ZipPackage::ZipPackage(ZipPackage&&) noexcept = default;
ZipPackage::~ZipPackage() = default;

Result<ZipPackage> ZipPackage::Open(std::string_view bytes, size_t max_entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return NotZip();
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!z) {
    zip_source_free(src);
    return NotZip();
  }
  ZipPackage package(z);
  if (zip_get_num_entries(z, 0) > static_cast<zip_int64_t>(max_entries)) return NotZip();
  return package;
}

bool ZipPackage::Has(const std::string& name) const {
  return zip_name_locate(z_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(z_.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(z_.get(), static_cast<zip_uint64_t>(i), 0))
      out.emplace_back(name);
  return out;
}

Status ZipPackage::Stream(const std::string& name, size_t limit,
                          const std::function<Status(std::string_view)>& sink) const {
  const zip_int64_t index = zip_name_locate(z_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::NotFound(Say(msg::kZipNoPart, {{"part", name}}));
  std::unique_ptr<zip_file_t, FileCloser> f(
      zip_fopen_index(z_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!f) return Broken(name);
  char buf[64 * 1024];
  size_t total = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
    if (n < 0) return Broken(name);
    if (n == 0) return Status::Ok();
    total += static_cast<size_t>(n);
    if (total > limit)
      return Status::PayloadTooLarge(
          Say(msg::kZipPartTooLarge, {{"max", static_cast<int64_t>(limit >> 20)}}));
    DH_RETURN_IF_ERROR(sink(std::string_view(buf, static_cast<size_t>(n))));
  }
}

Result<std::optional<std::string>> ZipPackage::Read(const std::string& name, size_t limit) const {
  if (!Has(name)) return std::optional<std::string>();
  std::string out;
  DH_RETURN_IF_ERROR(Stream(name, limit, [&](std::string_view chunk) {
    out.append(chunk);
    return Status::Ok();
  }));
  return std::optional<std::string>(std::move(out));
}

}  // namespace dh::sheets

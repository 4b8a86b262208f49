#include "files/container.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include "files/file_messages.h"

namespace dh::files {
namespace {

constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

// The OpenDocument types taken, as the mimetype entry spells them.
constexpr std::array<std::string_view, 3> kOpenDocument = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
};

// Names that run as programs or scripts on the machines offices use.
constexpr std::array<std::string_view, 24> kProgramExtensions = {
    ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js",
    ".jse", ".wsf", ".wsh", ".hta", ".cpl", ".pif", ".lnk", ".jar", ".sh",  ".apk", ".app", ".reg",
};

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;

Status Refuse(const MessageText& why, const MessageArgs& args = {}) {
  return Status::UnsupportedMediaType("file", Say(msg::kZipRefused, {{"why", Say(why, args)}}));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

ZipPtr Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (src && !z) zip_source_free(src);
  return ZipPtr(z);
}

// The first `n` bytes of an entry (fewer if it is shorter); nullopt if it cannot be read.
std::optional<std::string> Head(zip_t* z, zip_uint64_t index, size_t n) {
  ZipFilePtr f(zip_fopen_index(z, index, 0));
  if (!f) return std::nullopt;
  std::string out(n, '\0');
  size_t got = 0;
  while (got < n) {
    const zip_int64_t r = zip_fread(f.get(), out.data() + got, n - got);
    if (r < 0) return std::nullopt;
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  out.resize(got);
  return out;
}

// Windows (MZ), Linux (ELF) and macOS (Mach-O, universal) programs.
bool LooksLikeProgram(std::string_view head) {
  for (std::string_view magic :
       {std::string_view("MZ"), std::string_view("\177ELF"), std::string_view("\xCF\xFA\xED\xFE"),
        std::string_view("\xCA\xFE\xBA\xBE")})
    if (head.substr(0, magic.size()) == magic) return true;
  return false;
}

// Every entry: no program by name or by its first bytes, no macros, nothing encrypted.
Status CheckEntries(zip_t* z, zip_int64_t count) {
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
      return Refuse(msg::kZipEntryUnreadable);
    const std::string name = Lower(st.name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return Refuse(msg::kZipEncrypted, {{"name", std::string(st.name)}});
    for (std::string_view ext : kProgramExtensions)
      if (EndsWith(name, ext)) return Refuse(msg::kZipProgram, {{"name", std::string(st.name)}});
    if (EndsWith(name, "vbaproject.bin"))
      return Refuse(msg::kZipMacro, {{"name", std::string(st.name)}});
    const auto head = Head(z, static_cast<zip_uint64_t>(i), 4);
    if (!head) return Refuse(msg::kZipEntryBroken, {{"name", std::string(st.name)}});
    if (LooksLikeProgram(*head)) return Refuse(msg::kZipProgram, {{"name", std::string(st.name)}});
  }
  return Status::Ok();
}

bool HasEntry(zip_t* z, const char* name) { return zip_name_locate(z, name, 0) >= 0; }

// OpenDocument: the first entry is "mimetype", stored uncompressed, naming the type.
std::optional<std::string> OpenDocumentType(zip_t* z) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, 0, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
      std::string_view(st.name) != "mimetype" || st.comp_method != ZIP_CM_STORE || st.size > 100)
    return std::nullopt;
  const auto type = Head(z, 0, 100);
  if (!type || !HasEntry(z, "content.xml")) return std::nullopt;
  for (std::string_view t : kOpenDocument)
    if (*type == t) return std::string(t);
  return std::nullopt;
}

}  // namespace

Result<std::string> SniffZipDocument(std::string_view bytes, const ContainerLimits& limits) {
  ZipPtr z = Open(bytes);
  if (!z) return Refuse(msg::kZipBroken);
  const zip_int64_t count = zip_get_num_entries(z.get(), 0);
  if (count <= 0) return Refuse(msg::kZipEmpty);
  if (static_cast<size_t>(count) > limits.max_entries)
    return Refuse(msg::kZipTooManyEntries, {{"max", static_cast<int64_t>(limits.max_entries)}});
  DH_RETURN_IF_ERROR(CheckEntries(z.get(), count));
  if (auto odf = OpenDocumentType(z.get())) return *odf;
  if (!HasEntry(z.get(), "[Content_Types].xml")) return Refuse(msg::kZipNotDocument);
  const bool word = HasEntry(z.get(), "word/document.xml");
  const bool excel = HasEntry(z.get(), "xl/workbook.xml");
  const bool powerpoint = HasEntry(z.get(), "ppt/presentation.xml");
  if (word + excel + powerpoint != 1) return Refuse(msg::kZipWhichDocument);
  return std::string(word ? kDocx : excel ? kXlsx : kPptx);
}

}  // namespace dh::files

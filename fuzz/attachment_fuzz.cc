// Attachment uploads (src/files/attachment.h): the type sniffed from the bytes and the
// file name the client gives (the `filename` query parameter), on any bytes.
//
// Checks: a stored name is UTF-8, not empty, at most 200 code points, without a path,
// control or bidirectional-override characters or quotes; plain text is UTF-8 without
// NUL; a type said to be Office Open XML or OpenDocument is really that container: a ZIP
// that opens and holds the format's main part (an OpenDocument's `mimetype` entry names
// it).
#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/text.h"
#include "files/attachment.h"
#include "fuzz_check.h"

namespace {

namespace files = dh::files;
namespace text = dh::text;

void CheckName(std::string_view raw) {
  const std::string name = files::CleanFilename(raw);
  FUZZ_CHECK(text::IsValidUtf8(name));
  FUZZ_CHECK(!name.empty() && name != "." && name != "..");
  FUZZ_CHECK(text::CodePointCount(name) <= 200);
  for (unsigned char c : name) FUZZ_CHECK(c >= 0x20 && c != 0x7f && c != '/' && c != '\\');
  FUZZ_CHECK(name.find('"') == std::string::npos);
  // U+202A…U+202E and U+2066…U+2069 reorder what a person sees ("hoa-don‮txt.exe").
  for (std::string_view bidi :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    FUZZ_CHECK(name.find(bidi) == std::string::npos);
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// Whether the ZIP in `bytes` opens and has the entry `name`; its content (up to 4 KiB)
// in `content` when asked for.
bool ZipHas(std::string_view bytes, const char* name, std::string* content = nullptr) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  std::unique_ptr<zip_t, ZipCloser> z(src ? zip_open_from_source(src, ZIP_RDONLY, &error)
                                          : nullptr);
  zip_error_fini(&error);
  if (!z) {
    if (src) zip_source_free(src);
    return false;
  }
  zip_stat_t st;
  if (zip_stat(z.get(), name, 0, &st) != 0) return false;
  if (!content) return true;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > 4096) return false;
  zip_file_t* f = zip_fopen(z.get(), name, 0);
  if (!f) return false;
  content->assign(st.size, '\0');
  const zip_int64_t n = zip_fread(f, content->data(), st.size);
  zip_fclose(f);
  return n == static_cast<zip_int64_t>(st.size);
}

void CheckMime(std::string_view bytes) {
  const auto mime = files::SniffMime(bytes);
  if (!mime.ok()) return;
  if (*mime == "text/plain") {
    FUZZ_CHECK(text::IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos);
  } else if (mime->find("openxmlformats") != std::string::npos) {
    const char* main = mime->find("wordprocessingml") != std::string::npos ? "word/document.xml"
                       : mime->find("spreadsheetml") != std::string::npos  ? "xl/workbook.xml"
                                                                           : "ppt/presentation.xml";
    FUZZ_CHECK(ZipHas(bytes, "[Content_Types].xml") && ZipHas(bytes, main));
  } else if (mime->find("opendocument") != std::string::npos) {
    std::string declared;
    FUZZ_CHECK(ZipHas(bytes, "mimetype", &declared) && declared == *mime);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = dh::fuzz::Bytes(data, size);
  CheckMime(bytes);
  CheckName(bytes.substr(0, 2000));
  return 0;
}

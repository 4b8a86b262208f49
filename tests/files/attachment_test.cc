#include "files/attachment.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "core/text.h"
#include "files/attachment_service.h"
#include "support/store_test.h"
#include "support/test_db.h"

namespace dh::files {
namespace {

constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";
constexpr const char* kOdt = "application/vnd.oasis.opendocument.text";
constexpr const char* kOds = "application/vnd.oasis.opendocument.spreadsheet";

struct Entry {
  std::string name, data;
  bool stored = false;  // no compression, as OpenDocument's mimetype must be
};

// A real ZIP, written by libzip in memory.
std::string MakeZip(const std::vector<Entry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const Entry& e : entries) {
    zip_source_t* data = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
    const zip_int64_t i = zip_file_add(z, e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(i, 0) << e.name;
    if (e.stored) zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string out;
  EXPECT_EQ(zip_source_open(src), 0);
  char buf[4096];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<size_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

const std::string kXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>";
const std::string kProgram = std::string("MZ\x90\0\x03\0\0\0", 8) + std::string(200, 'x');

std::vector<Entry> Docx() {
  return {{"[Content_Types].xml", kXml}, {"_rels/.rels", kXml}, {"word/document.xml", kXml}};
}
std::vector<Entry> With(std::vector<Entry> base, Entry more) {
  base.push_back(std::move(more));
  return base;
}

TEST(SniffMimeTest, KnowsTheTypesOfficesSend) {
  struct Case {
    const char* what;
    std::string bytes;
    const char* mime;
  } cases[] = {
      {"PDF", "%PDF-1.7\n...", "application/pdf"},
      {"PNG", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image/png"},
      {"JPEG", "\xFF\xD8\xFF\xE0...", "image/jpeg"},
      {"Word 97", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", "application/msword"},
      {"UTF-8 text", "Báo cáo tiến độ giải ngân", "text/plain"},
      {"docx", MakeZip(Docx()), kDocx},
      {"docx with its pictures", MakeZip(With(Docx(), {"word/media/image1.png", "\x89PNG"})),
       kDocx},
      {"xlsx",
       MakeZip({{"[Content_Types].xml", kXml},
                {"xl/workbook.xml", kXml},
                {"xl/worksheets/sheet1.xml", kXml}}),
       kXlsx},
      {"pptx", MakeZip({{"[Content_Types].xml", kXml}, {"ppt/presentation.xml", kXml}}), kPptx},
      {"odt", MakeZip({{"mimetype", kOdt, true}, {"content.xml", kXml}}), kOdt},
      {"ods", MakeZip({{"mimetype", kOds, true}, {"content.xml", kXml}}), kOds},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto mime = SniffMime(c.bytes);
    ASSERT_TRUE(mime.ok()) << mime.status().ToString();
    EXPECT_EQ(*mime, c.mime);
  }
}

// Each refusal is 415 naming the file: a program inside a document's container, a ZIP that
// merely mentions a part's name, a program renamed to .docx.
TEST(SniffMimeTest, RefusesWhatItDoesNotKnow) {
  const std::string docx = MakeZip(Docx());
  struct Case {
    const char* what;
    std::string bytes;
  } cases[] = {
      {"empty", ""},
      {"a Windows program named .pdf", std::string("MZ\x90\0\x03", 5)},
      {"a renamed program (.docx)", kProgram},
      {"a zip of setup.exe", MakeZip({{"setup.exe", kProgram}})},
      {"a docx carrying setup.exe", MakeZip(With(Docx(), {"setup.exe", kProgram}))},
      {"a docx carrying a program under another name",
       MakeZip(With(Docx(), {"word/media/image2.png", kProgram}))},
      {"a docx carrying a script", MakeZip(With(Docx(), {"docProps/run.vbs", "MsgBox 1"}))},
      {"a docm (macros)", MakeZip(With(Docx(), {"word/vbaProject.bin", "\xD0\xCF\x11\xE0"}))},
      {"a zip that only names word/document.xml in a file",
       MakeZip({{"readme.txt", "see [Content_Types].xml and word/document.xml"}})},
      {"a zip of a text file", MakeZip({{"ghi-chu.txt", "Ghi chú"}})},
      {"content types without a main part", MakeZip({{"[Content_Types].xml", kXml}})},
      {"Word and Excel at once", MakeZip(With(Docx(), {"xl/workbook.xml", kXml}))},
      {"OpenDocument whose mimetype is not the first entry",
       MakeZip({{"content.xml", kXml}, {"mimetype", kOdt, true}})},
      {"OpenDocument of an unknown type",
       MakeZip({{"mimetype", "application/x-msdownload", true}, {"content.xml", kXml}})},
      {"OpenDocument without content.xml", MakeZip({{"mimetype", kOdt, true}})},
      {"a cut-off docx", docx.substr(0, docx.size() / 2)},
      {"a zip signature and nothing else", "PK\x03\x04 some other zip"},
      {"text with a NUL byte", std::string("text with a \0 byte", 18)},
      {"invalid UTF-8", "\xC3\x28 invalid UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto mime = SniffMime(c.bytes);
    ASSERT_FALSE(mime.ok()) << *mime;
    EXPECT_EQ(mime.status().code(), StatusCode::kUnsupportedMediaType);
    EXPECT_EQ(mime.status().error_code(), "unsupported_media_type");
    EXPECT_EQ(mime.status().field(), "file");
    EXPECT_FALSE(mime.status().message().empty());
  }
}

// U+202E RIGHT-TO-LEFT OVERRIDE and its kin, as UTF-8.
const std::string kRlo = "\u202E", kLri = "\u2066", kPdi = "\u2069", kLrm = "\u200E",
                  kAlm = "\u061C", kZwsp = "\u200B";

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(SafeFileNameTest, KeepsVietnameseDropsPathsControlsAndBidi) {
  struct Case {
    const char* what;
    std::string in, want;
  } cases[] = {
      {"Vietnamese", "Kết luận 245.pdf", "Kết luận 245.pdf"},
      {"decomposed → NFC", "Vie\u0323\u0302t.pdf", "Việt.pdf"},
      {"a path", "../../etc/passwd", "passwd"},
      {"a Windows path", "C:\\Users\\a\\Báo cáo.docx", "Báo cáo.docx"},
      {"line breaks and tab", "a\r\n\tb.pdf", "ab.pdf"},
      {"NUL and DEL", std::string("a\0b\x7F.pdf", 8), "ab.pdf"},
      {"C1 control", "a\u0085b.pdf", "ab.pdf"},
      {"right-to-left override", "hoa-don" + kRlo + "txt.exe", "hoa-dontxt.exe"},
      {"isolates and marks", kLri + "a" + kPdi + kLrm + "b" + kAlm + ".pdf", "ab.pdf"},
      {"every bidi control",
       "x\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061Cy.pdf", "xy.pdf"},
      {"zero-width space", "a" + kZwsp + "b.pdf", "ab.pdf"},
      {"invalid UTF-8 dropped", "b\xC3\x28\xFF.pdf", "b(.pdf"},
      {"trimmed", "  Tờ trình.docx  ", "Tờ trình.docx"},
      {"only dots", "..", ""},
      {"nothing", "", ""},
      {"only controls", kRlo + "\r\n", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const std::string got = text::SafeFileName(c.in);
    EXPECT_EQ(got, c.want);
    EXPECT_TRUE(text::IsValidUtf8(got));
  }
}

// A long Vietnamese name is cut on a code point, never inside one, and keeps its
// extension; the result is valid UTF-8 (PostgreSQL refused the old byte cut).
TEST(SafeFileNameTest, CutsLongNamesByCodePoint) {
  for (int n = 190; n <= 260; ++n) {
    SCOPED_TRACE(n);
    const std::string name = Repeat("ệ", n) + ".pdf";
    const std::string got = text::SafeFileName(name, 200);
    EXPECT_TRUE(text::IsValidUtf8(got));
    EXPECT_LE(text::CodePointCount(got), 200u);
    EXPECT_EQ(got.substr(got.size() - 4), ".pdf");
    if (n + 4 <= 200)
      EXPECT_EQ(got, name);
    else
      EXPECT_EQ(got, Repeat("ệ", 196) + ".pdf");
  }
  // Without an extension, or with one too long to be one, the cut keeps the start.
  EXPECT_EQ(text::SafeFileName(Repeat("ạ", 300), 200), Repeat("ạ", 200));
  const std::string odd = "a." + Repeat("ư", 300);
  EXPECT_EQ(text::SafeFileName(odd, 200), "a." + Repeat("ư", 198));
  // Decomposed input counts after NFC: 200 composed letters fit.
  EXPECT_EQ(text::SafeFileName(Repeat("e\u0323\u0302", 200), 200), Repeat("ệ", 200));
}

TEST(CleanFilenameTest, KeepsVietnameseDropsPathsControlsAndQuotes) {
  EXPECT_EQ(CleanFilename("Kết luận 245.pdf"), "Kết luận 245.pdf");
  EXPECT_EQ(CleanFilename("../../etc/passwd"), "passwd");
  EXPECT_EQ(CleanFilename("a\r\nb\".pdf"), "ab.pdf");
  EXPECT_EQ(CleanFilename("hoa-don" + kRlo + "txt.exe"), "hoa-dontxt.exe");
  EXPECT_EQ(CleanFilename(".."), "tep-dinh-kem");
  EXPECT_EQ(CleanFilename(""), "tep-dinh-kem");
  EXPECT_EQ(CleanFilename("\""), "tep-dinh-kem");
  const std::string cut = CleanFilename(Repeat("Quyết định ", 40) + ".pdf");
  EXPECT_TRUE(text::IsValidUtf8(cut));
  EXPECT_LE(text::CodePointCount(cut), 200u);
  EXPECT_EQ(cut.rfind("Quyết định Quyết", 0), 0u);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
}

TEST(Sha256Test, MatchesTheKnownDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Both blob stores keep the bytes and store each content once.
STORE_TEST_SUITE(BlobStoreTest);

TEST_P(BlobStoreTest, StoresOnceAndReadsBack) {
  std::string dir = ::testing::TempDir() + "/blobs_" + std::to_string(::getpid());
  std::vector<std::unique_ptr<BlobStore>> stores;
  stores.push_back(FolderBlobStore(dir));
  stores.push_back(DatabaseBlobStore());
  for (auto& store : stores) {
    const std::string bytes = "%PDF-1.4 nội dung";
    const std::string sha = Sha256Hex(bytes);
    ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& c) -> Status {
                  DH_RETURN_IF_ERROR(store->Put(c, sha, bytes, "application/pdf", 1));
                  return store->Put(c, sha, bytes, "application/pdf", 2);
                }).ok());
    std::string back;
    ASSERT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(back, store->Get(c, sha));
                  return Status::Ok();
                }).ok());
    EXPECT_EQ(back, bytes);
    ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& c) -> Status {
                  return c.Exec("DELETE FROM files WHERE sha256 = ?", {sha}).status();
                }).ok());
  }
}

}  // namespace
}  // namespace dh::files

#include "files/attachment.h"

#include <gtest/gtest.h>

#include "core/text.h"
#include "files/attachment_service.h"
#include "support/test_db.h"

namespace dh::files {
namespace {

TEST(SniffMimeTest, KnowsTheTypesOfficesSend) {
  EXPECT_EQ(SniffMime("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(SniffMime(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(SniffMime("\xFF\xD8\xFF\xE0..."), "image/jpeg");
  EXPECT_EQ(SniffMime("PK\x03\x04....[Content_Types].xml....word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(SniffMime("PK\x03\x04....xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(SniffMime("Báo cáo tiến độ giải ngân"), "text/plain");
}

TEST(SniffMimeTest, RefusesWhatItDoesNotKnow) {
  EXPECT_FALSE(SniffMime(""));
  EXPECT_FALSE(SniffMime(std::string("MZ\x90\0\x03", 5)));  // a Windows program named .pdf
  EXPECT_FALSE(SniffMime("PK\x03\x04 some other zip"));     // a zip that is no document
  EXPECT_FALSE(SniffMime(std::string("text with a \0 byte", 18)));
  EXPECT_FALSE(SniffMime("\xC3\x28 invalid UTF-8"));
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
class BlobStoreTest : public testing::BothDatabases {};

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

INSTANTIATE_BOTH(BlobStoreTest);

}  // namespace
}  // namespace dh::files

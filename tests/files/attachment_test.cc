#include "files/attachment.h"

#include <gtest/gtest.h>

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

TEST(CleanFilenameTest, KeepsVietnameseDropsPathsAndControls) {
  EXPECT_EQ(CleanFilename("Kết luận 245.pdf"), "Kết luận 245.pdf");
  EXPECT_EQ(CleanFilename("../../etc/passwd"), "passwd");
  EXPECT_EQ(CleanFilename("C:\\Users\\a\\Báo cáo.docx"), "Báo cáo.docx");
  EXPECT_EQ(CleanFilename("a\r\nb\".pdf"), "ab.pdf");
  EXPECT_EQ(CleanFilename(".."), "tep-dinh-kem");
  EXPECT_EQ(CleanFilename(""), "tep-dinh-kem");
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

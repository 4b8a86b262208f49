#include "auth/password.h"

#include <gtest/gtest.h>

#include <set>

#include "users/password.h"

namespace dh::auth {
namespace {

using users::HashPassword;
using users::InitCrypto;
using users::VerifyPassword;

class PasswordTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto().ok()); }
};

TEST_F(PasswordTest, HashVerifiesOnlyTheSamePassword) {
  auto h = HashPassword("Demo@2026");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_EQ(h->find("Demo@2026"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*h, "Demo@2026"));
  for (const char* wrong : {"demo@2026", "Demo@2026 ", " Demo@2026", "Demo@202", "", "Demo@20266"})
    EXPECT_FALSE(VerifyPassword(*h, wrong)) << "'" << wrong << "'";
}

TEST_F(PasswordTest, SamePasswordHashesDifferentlyEachTime) {
  auto a = HashPassword("mat-khau-dai");
  auto b = HashPassword("mat-khau-dai");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // salted
  EXPECT_TRUE(VerifyPassword(*a, "mat-khau-dai"));
  EXPECT_TRUE(VerifyPassword(*b, "mat-khau-dai"));
}

TEST_F(PasswordTest, VietnameseAndBinaryPasswords) {
  const std::string vi = "Mật khẩu Đà Nẵng 2026";
  auto h = HashPassword(vi);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(VerifyPassword(*h, vi));
  EXPECT_FALSE(VerifyPassword(*h, "Mat khau Da Nang 2026"));
  // NFD spelling of the same letters is a different byte string.
  EXPECT_FALSE(VerifyPassword(*h, "Ma\u0323\u0302t khẩu Đà Nẵng 2026"));
  const std::string with_nul("abc\0defgh", 9);
  auto n = HashPassword(with_nul);
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(VerifyPassword(*n, with_nul));
  EXPECT_FALSE(VerifyPassword(*n, "abc"));
}

TEST_F(PasswordTest, BadHashesNeverVerify) {
  for (const char* bad : {"", "x", "$argon2id$", "Demo@2026", "$2y$10$abcdefghijklmnopqrstuv"})
    EXPECT_FALSE(VerifyPassword(bad, "Demo@2026")) << bad;
}

TEST_F(PasswordTest, RandomTokensAreLongAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = RandomToken();
    EXPECT_EQ(t.size(), 64u);
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST_F(PasswordTest, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace dh::auth

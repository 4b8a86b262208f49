#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dh::text {
namespace {

// "Việt" typed on a keyboard that sends the base letter and the marks separately.
constexpr const char* kVietDecomposed = "Vie\u0323\u0302t";

TEST(TextTest, NfcComposesLettersTypedAsBaseAndMarks) {
  EXPECT_EQ(ToNfc(kVietDecomposed), "Việt");
  EXPECT_EQ(ToNfc("Gia\u0309i nga\u0302n"), "Giải ngân");
  EXPECT_EQ(ToNfc("Việt Nam"), "Việt Nam");  // already NFC: unchanged
  EXPECT_EQ(ToNfc(""), "");
  EXPECT_NE(std::string(kVietDecomposed), "Việt");
  EXPECT_EQ(CodePointCount(ToNfc(kVietDecomposed)), 4u);
}

TEST(TextTest, FoldForSearchDropsMarksAndCase) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Giải ngân", "giai ngan"},
      {"GIẢI NGÂN", "giai ngan"},
      {"Gia\u0309i nga\u0302n", "giai ngan"},  // decomposed input folds the same
      {"Đường Đông Đô", "duong dong do"},
      {"đđĐĐ", "dddd"},
      {"Sở Tài chính", "so tai chinh"},
      {"Ủy ban nhân dân", "uy ban nhan dan"},
      {"Trường THPT Nguyễn Huệ", "truong thpt nguyen hue"},
      {"MA.STC", "ma.stc"},
      {"2026", "2026"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldForSearch(c.in), c.want) << c.in;
}

TEST(TextTest, FoldForSearchCollapsesAndTrimsWhiteSpace) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"  Sở   Tài\tchính \n", "so tai chinh"},
      {"\r\n\t ", ""},
      {"a\n\nb", "a b"},
      {" x ", "x"},
      // A no-break space, as Word puts between words, is white space like any other.
      {"Sở\u00a0Tài\u00a0chính", "so tai chinh"},
      {"\u00a0Sở  \u2003 Xây dựng\u00a0", "so xay dung"},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldForSearch(c.in), c.want) << c.in;
}

TEST(TextTest, FoldedTextFindsFoldedQuery) {
  const std::string name = FoldForSearch("Ban Quản lý dự án Đầu tư xây dựng");
  EXPECT_NE(name.find(FoldForSearch("dau tu")), std::string::npos);
  EXPECT_NE(name.find(FoldForSearch("ĐẦU TƯ")), std::string::npos);
  EXPECT_EQ(name.find(FoldForSearch("giao thong")), std::string::npos);
}

TEST(TextTest, IsValidUtf8AcceptsWellFormedText) {
  for (const char* ok : {"", "abc", "Việt Nam", "Đ", "€", "😀", "\u00a0", kVietDecomposed})
    EXPECT_TRUE(IsValidUtf8(ok)) << ok;
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));  // NUL is a code point
}

TEST(TextTest, IsValidUtf8RejectsBadSequences) {
  struct Case {
    const char* what;
    std::string bytes;
  } cases[] = {
      {"lone continuation byte", "\x80"},
      {"two continuation bytes", "a\xA0\xA1"},
      {"lead byte without continuation", "\xC3("},
      {"truncated at end", "Vi\xE1\xBB"},
      {"three-byte lead, bad second byte", "\xE2(\xA1"},
      {"overlong slash", "\xC0\xAF"},
      {"overlong NUL", "\xC0\x80"},
      {"overlong three bytes", "\xE0\x80\xAF"},
      {"UTF-16 surrogate", "\xED\xA0\x80"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"invalid byte FF", "abc\xFF"},
      {"invalid byte FE", "\xFE"},
      {"Latin-1 text", "Vi\xEAt"},
  };
  for (const auto& c : cases) EXPECT_FALSE(IsValidUtf8(c.bytes)) << c.what;
}

TEST(TextTest, TrimRemovesOnlyTheEnds) {
  EXPECT_EQ(Trim("  Sở Tài chính \t\r\n"), "Sở Tài chính");
  EXPECT_EQ(Trim("a  b"), "a  b");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(TextTest, CodePointCountCountsLettersNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("Việt"), 4u);
  EXPECT_EQ(std::string("Việt").size(), 6u);
  EXPECT_EQ(CodePointCount("😀"), 1u);
  EXPECT_EQ(CodePointCount(kVietDecomposed), 6u);  // marks are code points of their own
}

// Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …, tones after the letter.
TEST(TextTest, CollationKeysSortInVietnameseOrder) {
  std::vector<std::string> names = {"Sở Y tế",    "Sở Đào tạo", "Sở Du lịch", "Sở Ăn uống",
                                    "Sở Âm nhạc", "Sở An ninh", "Sở Ơn",      "Sở Ô tô",
                                    "Sở Ong",     "Sở Ưu tiên", "Sở Uy tín"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"Sở An ninh", "Sở Ăn uống", "Sở Âm nhạc", "Sở Du lịch",
                                             "Sở Đào tạo", "Sở Ong", "Sở Ô tô", "Sở Ơn",
                                             "Sở Uy tín", "Sở Ưu tiên", "Sở Y tế"}));
  // Composed or decomposed, the same place; case does not come before the letter.
  EXPECT_EQ(CollationKey("Việt") < CollationKey("Vinh"), true);
  EXPECT_EQ(CollationKey(kVietDecomposed) < CollationKey("Vinh"), true);
  EXPECT_LT(CollationKey("đường"), CollationKey("Eo"));
  EXPECT_LT(CollationKey(""), CollationKey("a"));
}

}  // namespace
}  // namespace dh::text

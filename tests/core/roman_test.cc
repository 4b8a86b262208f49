// Roman numerals as reports number their parts.
#include "core/roman.h"

#include <gtest/gtest.h>

namespace dh::text {
namespace {

TEST(Roman, WritesTheNumeralsReportsUse) {
  const struct {
    int n;
    const char* want;
  } cases[] = {{1, "I"},   {2, "II"},    {4, "IV"},        {9, "IX"}, {14, "XIV"},
               {40, "XL"}, {99, "XCIX"}, {2024, "MMXXIV"}, {0, ""},   {-3, ""}};
  for (const auto& c : cases) EXPECT_EQ(Roman(c.n), c.want) << c.n;
}

}  // namespace
}  // namespace dh::text

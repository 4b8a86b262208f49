#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace dh {
namespace {

TEST(MoneyTest, FormatDongGroupsThousandsWithDots) {
  struct Case {
    Money amount;
    const char* want;
  } cases[] = {
      {0, "0"},
      {7, "7"},
      {999, "999"},
      {1000, "1.000"},
      {1001, "1.001"},
      {12345, "12.345"},
      {100000, "100.000"},
      {999999, "999.999"},
      {1000000, "1.000.000"},
      {1234567, "1.234.567"},
      {1500000000000, "1.500.000.000.000"},  // 1 500 tỷ đồng
      {-1, "-1"},
      {-999, "-999"},
      {-1000, "-1.000"},
      {-1234567, "-1.234.567"},
      {std::numeric_limits<Money>::max(), "9.223.372.036.854.775.807"},
      {std::numeric_limits<Money>::max() * -1, "-9.223.372.036.854.775.807"},
      {std::numeric_limits<Money>::min(), "-9.223.372.036.854.775.808"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatDong(c.amount), c.want) << c.amount;
}

}  // namespace
}  // namespace dh

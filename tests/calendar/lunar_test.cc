#include "calendar/lunar.h"

#include <gtest/gtest.h>

namespace dh::calendar {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(LunarTest, TetNguyenDanMatchesPublishedDates) {
  const std::pair<int, const char*> kTet[] = {
      {1985, "1985-01-21"},  // UTC+8 reckoning gives 20/02: the famous disagreement
      {2007, "2007-02-17"},  // China celebrated on 18/02
      {2020, "2020-01-25"}, {2021, "2021-02-12"}, {2022, "2022-02-01"}, {2023, "2023-01-22"},
      {2024, "2024-02-10"}, {2025, "2025-01-29"}, {2026, "2026-02-17"}, {2027, "2027-02-06"},
      {2030, "2030-02-02"}};  // new moon at 23:07 in Hà Nội, 00:07 in Beijing
  for (const auto& [year, date] : kTet) EXPECT_EQ(LunarNewYear(year).ToString(), date) << year;
}

TEST(LunarTest, ChineseReckoningDiffersIn1985) {
  EXPECT_EQ(LunarNewYear(1985, 8.0).ToString(), "1985-02-20");
  EXPECT_EQ(LunarNewYear(2007, 8.0).ToString(), "2007-02-18");
  EXPECT_EQ(LunarNewYear(2030, 8.0).ToString(), "2030-02-03");
}

TEST(LunarTest, HungKingsCommemoration) {
  EXPECT_EQ(FromLunar({2024, 3, 10, false})->ToString(), "2024-04-18");
  EXPECT_EQ(FromLunar({2025, 3, 10, false})->ToString(), "2025-04-07");
  EXPECT_EQ(FromLunar({2026, 3, 10, false})->ToString(), "2026-04-26");
}

TEST(LunarTest, LeapMonths) {
  // 2023 had a leap second month (tháng 2 nhuận), from 22/03/2023.
  const LunarDate l = ToLunar(D("2023-03-22"));
  EXPECT_EQ(l, (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(FromLunar({2023, 2, 1, true})->ToString(), "2023-03-22");
  EXPECT_EQ(FromLunar({2023, 2, 1, false})->ToString(), "2023-02-20");
  // 2025 had a leap sixth month.
  EXPECT_TRUE(FromLunar({2025, 6, 1, true}));
  EXPECT_FALSE(FromLunar({2024, 6, 1, true}));  // no leap month in 2024
}

TEST(LunarTest, RoundTripsEveryDayOfADecade) {
  for (Date d = D("2020-01-01"); d <= D("2030-12-31"); d = d.AddDays(1)) {
    const LunarDate l = ToLunar(d);
    auto back = FromLunar(l);
    ASSERT_TRUE(back) << d.ToString();
    ASSERT_EQ(*back, d) << d.ToString();
  }
}

TEST(LunarTest, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(FromLunar({2025, 13, 1, false}));
  EXPECT_FALSE(FromLunar({2025, 1, 31, false}));
  EXPECT_FALSE(FromLunar({2025, 0, 1, false}));
}

}  // namespace
}  // namespace dh::calendar

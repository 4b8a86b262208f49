#include "core/date.h"

#include <gtest/gtest.h>

namespace dh {
namespace {

TEST(DateTest, ParsesAndFormatsIsoDates) {
  auto d = Date::Parse("2025-07-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2025-07-01");
  EXPECT_EQ(d->ToVietnamese(), "01/07/2025");
  EXPECT_EQ(d->year(), 2025);
  EXPECT_EQ(d->month(), 7);
  EXPECT_EQ(d->day(), 1);
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  for (const char* bad : {"2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-01",
                          "20240401", "", "2024-04-01T00:00", "abcd-ef-gh", "2024/04/01"})
    EXPECT_FALSE(Date::Parse(bad)) << bad;
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_TRUE(Date::Parse("2000-02-29"));
  EXPECT_FALSE(Date::Parse("1900-02-29"));
}

TEST(DateTest, ParsesVietnameseDates) {
  EXPECT_EQ(Date::ParseVietnamese("15/06/2024")->ToString(), "2024-06-15");
  EXPECT_EQ(Date::ParseVietnamese("1/7/2025")->ToString(), "2025-07-01");
  EXPECT_FALSE(Date::ParseVietnamese("31/02/2025"));
  EXPECT_FALSE(Date::ParseVietnamese("2025/07/01"));
  EXPECT_FALSE(Date::ParseVietnamese("15-06-2024"));
}

TEST(DateTest, WeekdaysAndArithmetic) {
  EXPECT_EQ(Date::Parse("1970-01-01")->weekday(), 4);  // Thursday
  EXPECT_EQ(Date::Parse("2025-07-01")->weekday(), 2);  // Tuesday
  EXPECT_EQ(Date::Parse("1969-12-31")->weekday(), 3);
  EXPECT_EQ(Date::Parse("2024-12-31")->AddDays(1).ToString(), "2025-01-01");
  EXPECT_EQ(Date::Parse("2024-03-01")->AddDays(-1).ToString(), "2024-02-29");
  EXPECT_LT(*Date::Parse("2024-12-31"), *Date::Parse("2025-01-01"));
}

TEST(DateTest, TodayIsReckonedInVietnam) {
  // 2025-06-30T17:30:00Z is 00:30 on 1 July in Hà Nội.
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1751304600)));
  EXPECT_EQ(clock.Today().ToString(), "2025-07-01");
  clock.Advance(std::chrono::seconds(-3600));
  EXPECT_EQ(clock.Today().ToString(), "2025-06-30");
}

TEST(DateTest, FormatsTimestamps) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestamp(1751304600), "2025-06-30T17:30:00Z");
}

}  // namespace
}  // namespace dh

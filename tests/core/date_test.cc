#include "core/date.h"

#include <gtest/gtest.h>

#include <limits>

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

// Dates typed by a person: the calendar's range holds (1900–2200), whatever the digits.
TEST(DateTest, UserStringsOutsideTheRangeAreRefused) {
  struct Case {
    const char* text;
    bool ok;
  } cases[] = {
      {"1900-01-01", true},  {"2200-12-31", true},  {"1899-12-31", false},
      {"2201-01-01", false}, {"0000-01-01", false}, {"9999-12-31", false},
      {"-001-01-01", false}, {"+202-01-01", false}, {"2025-07-0\x01", false},
  };
  for (const auto& c : cases) EXPECT_EQ(Date::Parse(c.text).has_value(), c.ok) << c.text;
  struct VnCase {
    const char* text;
    bool ok;
  } vn[] = {{"01/01/1900", true},       {"31/12/2200", true},  {"31/12/1899", false},
            {"01/01/2201", false},      {"01/01/9999", false}, {"99/99/9999", false},
            {"1/1/99999999999", false}, {"01/01/-200", false}};
  for (const auto& c : vn) EXPECT_EQ(Date::ParseVietnamese(c.text).has_value(), c.ok) << c.text;
}

// A spreadsheet's serial date. NaN once became the year −5877711: every double is
// checked before it is a day count.
TEST(DateTest, SerialDatesAreCheckedBeforeTheyBecomeDays) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    const char* what;
    double serial;
    const char* want;  // nullptr: refused
  } cases[] = {
      {"1970-01-01", 25569, "1970-01-01"},
      {"2026-06-15", 46188, "2026-06-15"},
      {"a time of day is dropped", 46188.75, "2026-06-15"},
      {"1900-01-01, the first day", 2, "1900-01-01"},
      {"1899-12-31", 1, nullptr},
      {"2200-12-31, the last day", 109939, "2200-12-31"},
      {"2201-01-01", 109940, nullptr},
      {"zero", 0, nullptr},
      {"negative", -1, nullptr},
      {"NaN", nan, nullptr},
      {"-NaN", -nan, nullptr},
      {"infinity", inf, nullptr},
      {"-infinity", -inf, nullptr},
      {"1e300", 1e300, nullptr},
      {"-1e300", -1e300, nullptr},
      {"past int32", 3e9, nullptr},
      {"9999-12-31 in Excel", 2958465, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto d = Date::FromSerial(c.serial);
    if (!c.want) {
      EXPECT_FALSE(d) << d->ToString();
    } else {
      ASSERT_TRUE(d);
      EXPECT_EQ(d->ToString(), c.want);
    }
  }
}

TEST(DateTest, WeekdaysAndArithmetic) {
  EXPECT_EQ(Date::Parse("1970-01-01")->weekday(), 4);  // Thursday
  EXPECT_EQ(Date::Parse("2025-07-01")->weekday(), 2);  // Tuesday
  EXPECT_EQ(Date::Parse("1969-12-31")->weekday(), 3);
  EXPECT_EQ(Date::Parse("2024-12-31")->AddDays(1).ToString(), "2025-01-01");
  EXPECT_EQ(Date::Parse("2024-03-01")->AddDays(-1).ToString(), "2024-02-29");
  EXPECT_LT(*Date::Parse("2024-12-31"), *Date::Parse("2025-01-01"));
}

// ToString writes its digits by hand for years 0–9999 and through snprintf past them.
TEST(DateTest, WritesIsoDates) {
  const struct {
    int32_t days;
    const char* want;
  } kCases[] = {
      {0, "1970-01-01"},       {-1, "1969-12-31"},       {20270, "2025-07-01"},
      {19782, "2024-02-29"},   {-719468, "0000-03-01"},  {-682561, "0101-03-19"},
      {2932896, "9999-12-31"}, {2932897, "10000-01-01"}, {-719529, "-001-12-31"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Date::FromDays(c.days).ToString(), c.want) << c.days;
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

#include "calendar/work_calendar.h"

#include <gtest/gtest.h>

namespace dh::calendar {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

std::vector<std::string> Dates(const std::vector<Holiday>& hs, const std::string& kind = "") {
  std::vector<std::string> out;
  for (const auto& h : hs)
    if (kind.empty() || h.kind == kind) out.push_back(h.date.ToString());
  return out;
}

TEST(WorkCalendarTest, Holidays2025) {
  WorkCalendar cal;
  const auto h = cal.HolidaysOf(2025);
  using V = std::vector<std::string>;
  EXPECT_EQ(Dates(h, "statutory"),
            (V{"2025-01-01", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"}));
  EXPECT_EQ(Dates(h, "lunar"), (V{"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
                                  "2025-02-01", "2025-04-07"}));
  // Mùng 4 Tết 2025 fell on a Saturday: the next Monday is off instead.
  EXPECT_EQ(Dates(h, "substitute"), (V{"2025-02-03"}));
}

TEST(WorkCalendarTest, NationalDayTakesTheAdjacentDayThatMakesABreak) {
  WorkCalendar cal;
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-09-03")));  // 2/9/2024 was a Monday
  EXPECT_TRUE(cal.IsWorkingDay(D("2024-08-30")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-09-01")));  // 2/9/2025 was a Tuesday
  EXPECT_FALSE(cal.IsWorkingDay(D("2023-09-01")));  // 2/9/2023 was a Saturday
  EXPECT_FALSE(cal.IsWorkingDay(D("2023-09-04")));  // … and its substitute Monday
}

TEST(WorkCalendarTest, WeekendsAreNotWorkingDays) {
  WorkCalendar cal;
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-06-14")));  // Saturday
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-06-15")));  // Sunday
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-06-16")));
}

TEST(WorkCalendarTest, SwapsOverrideTheRules) {
  // Work Saturday 2025-04-26 so that Friday 2025-05-02 is off (as decided for 2025).
  WorkCalendar cal({{D("2025-04-26"), true, "Làm bù"}, {D("2025-05-02"), false, "Nghỉ hoán đổi"}});
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-04-26")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-05-02")));
  EXPECT_EQ(Dates(cal.HolidaysOf(2025), "swap"), (std::vector<std::string>{"2025-05-02"}));
  WorkCalendar plain;
  EXPECT_EQ(cal.WorkingDaysInYear(2025), plain.WorkingDaysInYear(2025));
}

TEST(WorkCalendarTest, CountsAndAddsWorkingDays) {
  WorkCalendar cal;
  // Friday 2025-04-25 → Friday 2025-05-02: 28, 29 (Mon, Tue) and 2/5 are working days.
  EXPECT_EQ(cal.WorkingDaysBetween(D("2025-04-25"), D("2025-05-02")), 3);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2025-05-02"), D("2025-04-25")), -3);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2025-05-02"), D("2025-05-02")), 0);
  EXPECT_EQ(cal.AddWorkingDays(D("2025-04-25"), 3).ToString(), "2025-05-02");
  EXPECT_EQ(cal.AddWorkingDays(D("2025-04-26"), 0).ToString(), "2025-04-28");
  EXPECT_EQ(cal.NextWorkingDayOnOrAfter(D("2025-01-27")).ToString(), "2025-01-27");
  EXPECT_EQ(cal.NextWorkingDayOnOrAfter(D("2025-01-28")).ToString(), "2025-02-04");
}

TEST(WorkCalendarTest, WorkingDaysInAYearAreAboutTwoHundredFortyNine) {
  WorkCalendar cal;
  for (int y = 2024; y <= 2030; ++y) {
    const int n = cal.WorkingDaysInYear(y);
    EXPECT_GE(n, 245) << y;
    EXPECT_LE(n, 252) << y;
  }
}

}  // namespace
}  // namespace dh::calendar

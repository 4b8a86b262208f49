// When an investor owes its monthly update (TT 13/2016): 7 working days after the end of the
// month before today's, on the working-day calendar (holidays count as in tasks), unless it
// updated after that month's end.
#include "investment/project_reminders.h"

#include <gtest/gtest.h>

namespace dh::investment {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(UpdateDeadlineTest, SevenWorkingDaysAfterTheMonthUnlessUpdatedSince) {
  const calendar::WorkCalendar cal;
  const struct {
    const char* today;
    const char* last;  // nullptr: never updated
    const char* due;   // nullptr: nothing owed
  } kCases[] = {
      {"2026-12-06", nullptr, "2026-12-09"},
      {"2026-12-06", "2026-11-30", "2026-12-09"},  // on the month's last day: not after it
      {"2026-12-06", "2026-12-01", nullptr},
      {"2026-12-20", "2026-10-15", "2026-12-09"},  // overdue: the job escalates
      {"2026-01-15", "2025-12-20", "2026-01-12"},  // 1 January is a holiday
      {"2026-09-10", nullptr, "2026-09-11"},       // 2 and 3 September off
  };
  for (const auto& c : kCases) {
    const auto last = c.last ? std::optional<Date>(D(c.last)) : std::nullopt;
    const auto due = UpdateDeadline(last, D(c.today), cal);
    if (!c.due) {
      EXPECT_FALSE(due) << c.today << " " << c.last;
      continue;
    }
    ASSERT_TRUE(due) << c.today;
    EXPECT_EQ(*due, D(c.due)) << c.today << " → " << due->ToString();
  }
}

}  // namespace
}  // namespace dh::investment

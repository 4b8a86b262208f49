// Deadlines in working days (calendar/deadline.h): where a deadline really falls, working
// days left and late, and the due status of open and finished things. Tables of cases, the
// days off beside the plain ones. Dates checked against the 2025 calendar: Tết 2025 is
// 28/01–01/02 (mùng 4 a Saturday, off instead Monday 03/02); 30/4 and 1/5 2025 a Wednesday
// and a Thursday; 13/06/2025 a Friday.
#include "calendar/deadline.h"

#include <gtest/gtest.h>

namespace dh::calendar {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
std::optional<Date> OptD(const char* s) { return s ? std::optional(D(s)) : std::nullopt; }

const WorkCalendar& Plain() {
  static const WorkCalendar cal;
  return cal;
}

// 2025: work Saturday 26/04 so that Friday 02/05 is off.
const WorkCalendar& Swapped() {
  static const WorkCalendar cal(
      {{D("2025-04-26"), true, "Làm bù"}, {D("2025-05-02"), false, "Nghỉ hoán đổi"}});
  return cal;
}

struct CountCase {
  const char* what;
  const char* deadline;
  const char* day;
  int left;  // WorkingDaysLeft(deadline, day)
  int late;  // WorkingDaysLate(deadline, day)
  bool swapped = false;
};

TEST(DeadlineTest, CountsWorkingDaysLeftAndLate) {
  const CountCase cases[] = {
      {"Monday to Friday of one week", "2025-06-13", "2025-06-09", 4, 0},
      {"on the day itself", "2025-06-13", "2025-06-13", 0, 0},
      {"over a weekend", "2025-06-16", "2025-06-13", 1, 0},
      {"a deadline on a Saturday counts to Monday", "2025-06-14", "2025-06-13", 1, 0},
      {"counted from a Sunday", "2025-06-15", "2025-06-14", 1, 0},
      {"the Saturday after a Friday deadline is not late", "2025-06-13", "2025-06-14", 0, 0},
      {"the Monday after a Friday deadline", "2025-06-13", "2025-06-16", 0, 1},
      {"a week late", "2025-06-13", "2025-06-20", 0, 5},
      {"a Saturday deadline on its Monday", "2025-06-14", "2025-06-16", 0, 0},
      {"a Saturday deadline on its Tuesday", "2025-06-14", "2025-06-17", 0, 1},
      {"across Tết 2025 and its substitute day", "2025-02-04", "2025-01-27", 1, 0},
      {"a deadline on 30 Tết falls on 04/02", "2025-01-28", "2025-01-24", 2, 0},
      {"late across Tết", "2025-01-27", "2025-02-04", 0, 1},
      {"a Tết deadline a day after it falls", "2025-01-28", "2025-02-05", 0, 1},
      {"30/4 and 1/5", "2025-05-02", "2025-04-25", 3, 0},
      {"a working Saturday and a swapped Friday off", "2025-05-02", "2025-04-25", 4, 0, true},
      {"late over a working Saturday", "2025-04-24", "2025-04-28", 0, 3, true},
      {"late over a plain Saturday", "2025-04-24", "2025-04-28", 0, 2},
  };
  for (const auto& c : cases) {
    const WorkCalendar& cal = c.swapped ? Swapped() : Plain();
    EXPECT_EQ(WorkingDaysLeft(D(c.deadline), D(c.day), cal), c.left) << c.what;
    EXPECT_EQ(WorkingDaysLate(D(c.deadline), D(c.day), cal), c.late) << c.what;
  }
}

struct OpenCase {
  const char* what;
  const char* deadline;  // null: none
  const char* today;
  DueStatus expected;
  int due_soon_days = 3;
  bool swapped = false;
};

TEST(DeadlineTest, OpenThingsAgainstTheirDeadline) {
  using S = DueStatus;
  const OpenCase cases[] = {
      {"no deadline", nullptr, "2025-06-13", S::kNoDeadline},
      {"well ahead", "2025-06-30", "2025-06-13", S::kInTime},
      {"four working days left", "2025-06-19", "2025-06-13", S::kInTime},
      {"three working days left", "2025-06-18", "2025-06-13", S::kDueSoon},
      {"on the day", "2025-06-13", "2025-06-13", S::kDueSoon},
      {"the day after", "2025-06-13", "2025-06-16", S::kOverdue},
      {"a Friday deadline on the Saturday after", "2025-06-13", "2025-06-14", S::kOverdue},
      {"a deadline on a day off, on that day", "2025-06-14", "2025-06-14", S::kDueSoon},
      {"a deadline on a day off, on the next working day", "2025-06-14", "2025-06-16", S::kDueSoon},
      {"a deadline on a day off, the day after that", "2025-06-14", "2025-06-17", S::kOverdue},
      {"Tết 2025 shortens the wait: three working days", "2025-02-05", "2025-01-24", S::kDueSoon},
      {"a deadline on mùng 1 Tết, during Tết", "2025-01-29", "2025-02-03", S::kDueSoon},
      {"no window: only the day itself", "2025-06-16", "2025-06-13", S::kInTime, 0},
      {"no window, on the day", "2025-06-13", "2025-06-13", S::kDueSoon, 0},
      {"two working days without the swap", "2025-04-28", "2025-04-24", S::kDueSoon, 2},
      {"a working Saturday makes three", "2025-04-28", "2025-04-24", S::kInTime, 2, true},
      {"a swapped Friday off holds the deadline", "2025-05-02", "2025-05-02", S::kDueSoon, 3, true},
      {"… until the next working day", "2025-05-02", "2025-05-06", S::kOverdue, 3, true},
  };
  for (const auto& c : cases) {
    const WorkCalendar& cal = c.swapped ? Swapped() : Plain();
    EXPECT_EQ(DueStatusName(OpenDueStatus(OptD(c.deadline), D(c.today), cal, c.due_soon_days)),
              DueStatusName(c.expected))
        << c.what;
  }
}

struct FinishedCase {
  const char* what;
  const char* deadline;  // null: none
  const char* finished;
  DueStatus expected;
  bool swapped = false;
};

TEST(DeadlineTest, FinishedThingsByTheDayTheyWereFinished) {
  using S = DueStatus;
  const FinishedCase cases[] = {
      {"no deadline", nullptr, "2025-06-13", S::kDoneOnTime},
      {"before", "2025-06-13", "2025-06-10", S::kDoneOnTime},
      {"on the day", "2025-06-13", "2025-06-13", S::kDoneOnTime},
      {"the next working day", "2025-06-13", "2025-06-16", S::kDoneLate},
      {"on the Saturday after", "2025-06-13", "2025-06-14", S::kDoneLate},
      {"a Saturday deadline, finished Monday", "2025-06-14", "2025-06-16", S::kDoneOnTime},
      {"a deadline on 30 Tết, finished after Tết", "2025-01-28", "2025-02-04", S::kDoneOnTime},
      {"… a day later", "2025-01-28", "2025-02-05", S::kDoneLate},
      {"a plain Friday, finished Monday", "2025-05-02", "2025-05-05", S::kDoneLate},
      {"a swapped Friday off, finished Monday", "2025-05-02", "2025-05-05", S::kDoneOnTime, true},
  };
  for (const auto& c : cases) {
    const WorkCalendar& cal = c.swapped ? Swapped() : Plain();
    EXPECT_EQ(DueStatusName(FinishedDueStatus(OptD(c.deadline), D(c.finished), cal)),
              DueStatusName(c.expected))
        << c.what;
  }
}

TEST(DeadlineTest, TheWindowAgreesWithTheRuleEveryDay) {
  for (const WorkCalendar* cal : {&Plain(), &Swapped()})
    for (int soon = 0; soon <= 5; ++soon)
      for (Date today = D("2025-01-01"); today <= D("2025-12-31"); today = today.AddDays(1)) {
        const DueWindow w = DueWindowOn(today, *cal, soon);
        for (int ahead = -3; ahead <= 20; ++ahead) {
          const Date deadline = today.AddDays(ahead);
          ASSERT_EQ(w.Of(EffectiveDeadline(deadline, *cal)),
                    OpenDueStatus(deadline, today, *cal, soon))
              << today.ToString() << " " << deadline.ToString() << " soon " << soon;
        }
      }
}

TEST(DeadlineTest, NamesRoundTrip) {
  for (DueStatus s : {DueStatus::kInTime, DueStatus::kDueSoon, DueStatus::kOverdue,
                      DueStatus::kDoneOnTime, DueStatus::kDoneLate, DueStatus::kNoDeadline}) {
    ASSERT_FALSE(DueStatusName(s).empty());
    EXPECT_EQ(ParseDueStatus(DueStatusName(s)), s);
  }
  EXPECT_EQ(DueStatusName(DueStatus::kDueSoon), "due_soon");
  EXPECT_FALSE(ParseDueStatus("late"));
  EXPECT_FALSE(ParseDueStatus(""));
}

}  // namespace
}  // namespace dh::calendar

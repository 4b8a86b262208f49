// Timeliness (tình trạng hạn) of a task: derived from its state, current deadline,
// submission date and the working-day calendar, never typed by hand. Table-driven, the
// edge cases beside the plain ones. Dates checked against the 2025–2027 calendars:
// Tết 2025 is 28/01–01/02 (mùng 4 a Saturday, off instead Monday 03/02), Giỗ Tổ 2025
// Monday 07/04, 30/4 and 1/5 2025 Wednesday and Thursday; Giỗ Tổ 2026 a Sunday (off
// instead Monday 27/04/2026).
#include <gtest/gtest.h>

#include "tasks/task.h"
#include "tasks/task_index.h"

namespace dh::tasks {
namespace {

using calendar::WorkCalendar;
using S = TaskState;
using T = Timeliness;

Date D(const char* s) { return *Date::Parse(s); }
std::optional<Date> OptD(const char* s) { return s ? std::optional(D(s)) : std::nullopt; }

const WorkCalendar& Cal() {
  static const WorkCalendar cal;
  return cal;
}

TEST(EffectiveDeadlineTest, ADeadlineOnADayOffMovesToTheNextWorkingDay) {
  const struct {
    const char* deadline;
    const char* effective;
    const char* why;
  } cases[] = {
      {"2025-06-13", "2025-06-13", "a Friday stays"},
      {"2025-06-14", "2025-06-16", "Saturday → Monday"},
      {"2025-06-15", "2025-06-16", "Sunday → Monday"},
      {"2025-01-27", "2025-01-27", "the Monday before Tết 2025 is a working day"},
      {"2025-01-28", "2025-02-04", "30 Tết → after the holiday and its substitute day"},
      {"2025-01-29", "2025-02-04", "mùng 1 Tết"},
      {"2025-02-01", "2025-02-04", "mùng 4 Tết on a Saturday"},
      {"2025-02-03", "2025-02-04", "the substitute day off (nghỉ bù) is not a working day"},
      {"2025-04-07", "2025-04-08", "Giỗ Tổ Hùng Vương 2025"},
      {"2025-04-30", "2025-05-02", "30/4 and 1/5"},
      {"2025-09-01", "2025-09-03", "Quốc khánh 2025: 1/9 and 2/9"},
      {"2026-02-14", "2026-02-23", "Saturday before Tết 2026 → after the whole week off"},
      {"2026-04-26", "2026-04-28", "Giỗ Tổ 2026 on a Sunday, then its substitute Monday"},
      {"2026-04-27", "2026-04-28", "the substitute Monday itself"},
      {"2027-05-01", "2027-05-04", "1/5/2027 a Saturday → substitute Monday → Tuesday"},
      {"2025-12-31", "2025-12-31", "the last day of the year is a Wednesday"},
      {"2026-01-01", "2026-01-02", "New Year's Day"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(EffectiveDeadline(D(c.deadline), Cal()).ToString(), c.effective) << c.why;
}

TEST(EffectiveDeadlineTest, FollowsTheAdminsSwaps) {
  // 2025: work Saturday 26/04 so that Friday 02/05 is off.
  const WorkCalendar cal(
      {{D("2025-04-26"), true, "Làm bù"}, {D("2025-05-02"), false, "Nghỉ hoán đổi"}});
  EXPECT_EQ(EffectiveDeadline(D("2025-04-26"), cal).ToString(),
            "2025-04-26");  // a working Saturday
  EXPECT_EQ(EffectiveDeadline(D("2025-05-02"), cal).ToString(), "2025-05-05");
  EXPECT_EQ(EffectiveDeadline(D("2025-04-30"), cal).ToString(), "2025-05-05");
  EXPECT_EQ(EffectiveDeadline(D("2025-05-02"), Cal()).ToString(),
            "2025-05-02");  // without the swap
}

struct Case {
  const char* what;
  TaskState state;
  const char* deadline;  // null: a regular task
  const char* finished;  // the day completion was submitted
  const char* today;
  Timeliness expected;
  int due_soon_days = 3;
};

void Check(const Case& c, const WorkCalendar& cal = Cal()) {
  EXPECT_EQ(TimelinessName(TimelinessOf(c.state, OptD(c.deadline), OptD(c.finished), D(c.today),
                                        cal, c.due_soon_days)),
            TimelinessName(c.expected))
      << c.what;
}

TEST(TimelinessTest, OpenTasksAgainstTheirDeadline) {
  const Case cases[] = {
      {"far from the deadline", S::kInProgress, "2025-06-30", nullptr, "2025-06-16", T::kInTime},
      {"not started, far", S::kNotStarted, "2025-06-30", nullptr, "2025-06-16", T::kInTime},
      {"today is the deadline", S::kInProgress, "2025-06-16", nullptr, "2025-06-16", T::kDueSoon},
      {"the day after the deadline", S::kInProgress, "2025-06-16", nullptr, "2025-06-17",
       T::kOverdue},
      {"not started and past", S::kNotStarted, "2025-06-16", nullptr, "2025-06-30", T::kOverdue},
      {"three working days left", S::kInProgress, "2025-06-19", nullptr, "2025-06-16", T::kDueSoon},
      {"four working days left", S::kInProgress, "2025-06-20", nullptr, "2025-06-16", T::kInTime},
      // A Friday deadline is overdue on the Saturday, though no working day has passed.
      {"weekend after a Friday deadline", S::kInProgress, "2025-06-13", nullptr, "2025-06-14",
       T::kOverdue},
      {"Sunday after a Friday deadline", S::kInProgress, "2025-06-13", nullptr, "2025-06-15",
       T::kOverdue},
      {"returned and past the deadline", S::kReturned, "2025-06-13", nullptr, "2025-06-20",
       T::kOverdue},
      {"returned, time left", S::kReturned, "2025-06-30", nullptr, "2025-06-16", T::kInTime},
      {"refused, still waiting to be reassigned", S::kRefused, "2025-06-13", nullptr, "2025-06-20",
       T::kOverdue},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, DeadlineOnADayOff) {
  const Case cases[] = {
      // Saturday 14/06/2025 → Monday 16/06.
      {"Saturday deadline, the Friday before", S::kInProgress, "2025-06-14", nullptr, "2025-06-13",
       T::kDueSoon},
      {"Saturday deadline, on the Saturday", S::kInProgress, "2025-06-14", nullptr, "2025-06-14",
       T::kDueSoon},
      {"Saturday deadline, on the Sunday", S::kInProgress, "2025-06-14", nullptr, "2025-06-15",
       T::kDueSoon},
      {"Saturday deadline, on the Monday", S::kInProgress, "2025-06-14", nullptr, "2025-06-16",
       T::kDueSoon},
      {"Saturday deadline, on the Tuesday", S::kInProgress, "2025-06-14", nullptr, "2025-06-17",
       T::kOverdue},
      // Mùng 1 Tết 2025 → Tuesday 04/02/2025.
      {"Tết deadline, a week before Tết", S::kInProgress, "2025-01-29", nullptr, "2025-01-20",
       T::kInTime},
      {"Tết deadline, the working day before Tết", S::kInProgress, "2025-01-29", nullptr,
       "2025-01-27", T::kDueSoon},
      {"Tết deadline, during Tết", S::kInProgress, "2025-01-29", nullptr, "2025-01-31",
       T::kDueSoon},
      {"Tết deadline, on the substitute day", S::kInProgress, "2025-01-29", nullptr, "2025-02-03",
       T::kDueSoon},
      {"Tết deadline, on the first working day", S::kInProgress, "2025-01-29", nullptr,
       "2025-02-04", T::kDueSoon},
      {"Tết deadline, the day after", S::kInProgress, "2025-01-29", nullptr, "2025-02-05",
       T::kOverdue},
      // The substitute day off itself.
      {"substitute-day deadline, that day", S::kInProgress, "2025-02-03", nullptr, "2025-02-03",
       T::kDueSoon},
      {"substitute-day deadline, next day", S::kInProgress, "2025-02-03", nullptr, "2025-02-04",
       T::kDueSoon},
      {"substitute-day deadline, two days on", S::kInProgress, "2025-02-03", nullptr, "2025-02-05",
       T::kOverdue},
      {"Giỗ Tổ 2026 substitute day", S::kInProgress, "2026-04-27", nullptr, "2026-04-28",
       T::kDueSoon},
      {"Giỗ Tổ 2026 substitute day, after", S::kInProgress, "2026-04-27", nullptr, "2026-04-29",
       T::kOverdue},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, DueSoonCountsWorkingDaysAcrossWeekendsAndHolidays) {
  const Case cases[] = {
      // Thursday 12/06/2025: Fri 13, Mon 16, Tue 17 are the next three working days.
      {"over a weekend, 3 working days", S::kInProgress, "2025-06-17", nullptr, "2025-06-12",
       T::kDueSoon},
      {"over a weekend, 4 working days", S::kInProgress, "2025-06-18", nullptr, "2025-06-12",
       T::kInTime},
      // On a Saturday, Mon–Wed are three working days away, Thursday four.
      {"seen on a Saturday, Wednesday deadline", S::kInProgress, "2025-06-18", nullptr,
       "2025-06-14", T::kDueSoon},
      {"seen on a Saturday, Thursday deadline", S::kInProgress, "2025-06-19", nullptr, "2025-06-14",
       T::kInTime},
      // Tuesday 29/04/2025: 30/4 and 1/5 are off, so Monday 05/05 is two working days away.
      {"over 30/4–1/5", S::kInProgress, "2025-05-05", nullptr, "2025-04-29", T::kDueSoon},
      {"over 30/4–1/5, a week later", S::kInProgress, "2025-05-08", nullptr, "2025-04-29",
       T::kInTime},
      {"Friday 25/04 to Friday 02/05", S::kInProgress, "2025-05-02", nullptr, "2025-04-25",
       T::kDueSoon},
      {"Friday 25/04 to Tuesday 06/05", S::kInProgress, "2025-05-06", nullptr, "2025-04-25",
       T::kInTime},
      // Giỗ Tổ 2025 (Monday 07/04): from Thursday 03/04, Tuesday 08/04 is two working days.
      {"over Giỗ Tổ", S::kInProgress, "2025-04-08", nullptr, "2025-04-03", T::kDueSoon},
      {"over Giỗ Tổ, one more day", S::kInProgress, "2025-04-10", nullptr, "2025-04-03",
       T::kInTime},
      // From Friday 24/01/2025 the next working days are 27/01, then 04/02, 05/02.
      {"over Tết", S::kInProgress, "2025-02-05", nullptr, "2025-01-24", T::kDueSoon},
      {"over Tết, one more day", S::kInProgress, "2025-02-06", nullptr, "2025-01-24", T::kInTime},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, TheDueSoonWindowIsConfigurable) {
  const Case cases[] = {
      {"window 0, due today", S::kInProgress, "2025-06-16", nullptr, "2025-06-16", T::kDueSoon, 0},
      {"window 0, due tomorrow", S::kInProgress, "2025-06-17", nullptr, "2025-06-16", T::kInTime,
       0},
      {"window 0, Saturday deadline seen on Friday", S::kInProgress, "2025-06-14", nullptr,
       "2025-06-13", T::kInTime, 0},
      {"window 1, due tomorrow", S::kInProgress, "2025-06-17", nullptr, "2025-06-16", T::kDueSoon,
       1},
      {"window 10, two weeks", S::kInProgress, "2025-06-27", nullptr, "2025-06-13", T::kDueSoon,
       10},
      {"window 10, two weeks and a day", S::kInProgress, "2025-06-30", nullptr, "2025-06-13",
       T::kInTime, 10},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, FinishedTasksAreJudgedByTheDayTheyWereSubmitted) {
  const Case cases[] = {
      {"done before the deadline", S::kDone, "2025-06-13", "2025-06-12", "2025-12-31",
       T::kDoneOnTime},
      {"done on the deadline", S::kDone, "2025-06-13", "2025-06-13", "2025-06-13", T::kDoneOnTime},
      {"done exactly on the effective deadline", S::kDone, "2025-06-14", "2025-06-16", "2025-06-30",
       T::kDoneOnTime},
      {"done on the Saturday deadline itself", S::kDone, "2025-06-14", "2025-06-14", "2025-06-30",
       T::kDoneOnTime},
      {"done late by one working day", S::kDone, "2025-06-13", "2025-06-16", "2025-06-16",
       T::kDoneLate},
      {"done on the weekend after a Friday deadline", S::kDone, "2025-06-13", "2025-06-14",
       "2025-06-16", T::kDoneLate},
      {"done on the first working day after Tết", S::kDone, "2025-01-29", "2025-02-04",
       "2025-03-01", T::kDoneOnTime},
      {"done the day after that", S::kDone, "2025-01-29", "2025-02-05", "2025-03-01", T::kDoneLate},
      {"awaiting confirmation, submitted in time, judged long after", S::kAwaitingConfirmation,
       "2025-06-13", "2025-06-12", "2025-07-31", T::kDoneOnTime},
      {"awaiting confirmation, submitted late", S::kAwaitingConfirmation, "2025-06-13",
       "2025-06-17", "2025-06-17", T::kDoneLate},
      {"a regular task done", S::kDone, nullptr, "2025-06-12", "2025-06-30", T::kDoneOnTime},
      {"a regular task awaiting confirmation", S::kAwaitingConfirmation, nullptr, "2025-06-12",
       "2025-06-30", T::kDoneOnTime},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, ReturnedSuspendedAndRegularTasks) {
  const Case cases[] = {
      // Returned: the submission no longer counts; the deadline does again.
      {"returned before the deadline", S::kReturned, "2025-06-30", nullptr, "2025-06-16",
       T::kInTime},
      {"returned near the deadline", S::kReturned, "2025-06-17", nullptr, "2025-06-16",
       T::kDueSoon},
      {"returned after the deadline", S::kReturned, "2025-06-13", nullptr, "2025-06-16",
       T::kOverdue},
      // Suspended: the deadline does not run.
      {"suspended, deadline past", S::kSuspended, "2025-06-13", nullptr, "2025-06-30",
       T::kNoDeadline},
      {"suspended, deadline ahead", S::kSuspended, "2025-06-30", nullptr, "2025-06-16",
       T::kNoDeadline},
      // Regular tasks (thường xuyên) have no deadline.
      {"regular, not started", S::kNotStarted, nullptr, nullptr, "2025-06-16", T::kNoDeadline},
      {"regular, in progress", S::kInProgress, nullptr, nullptr, "2025-06-16", T::kNoDeadline},
      {"regular, returned", S::kReturned, nullptr, nullptr, "2025-06-16", T::kNoDeadline},
  };
  for (const auto& c : cases) Check(c);
}

TEST(TimelinessTest, AnExtensionAfterOverdueMakesTheTaskInTimeAgain) {
  const Date today = D("2025-06-20");
  EXPECT_EQ(TimelinessOf(S::kInProgress, D("2025-06-13"), std::nullopt, today, Cal(), 3),
            T::kOverdue);
  // Approved: the current deadline is what counts; the original is kept only for display.
  EXPECT_EQ(TimelinessOf(S::kInProgress, D("2025-07-31"), std::nullopt, today, Cal(), 3),
            T::kInTime);
  EXPECT_EQ(TimelinessOf(S::kInProgress, D("2025-06-24"), std::nullopt, today, Cal(), 3),
            T::kDueSoon);
  // Finished after the original deadline but before the extended one: on time.
  EXPECT_EQ(TimelinessOf(S::kDone, D("2025-07-31"), D("2025-07-01"), today, Cal(), 3),
            T::kDoneOnTime);
}

TEST(TimelinessTest, ASwappedWeekdayOffMovesTheDeadline) {
  const WorkCalendar swapped(
      {{D("2025-04-26"), true, "Làm bù"}, {D("2025-05-02"), false, "Nghỉ hoán đổi"}});
  const Case overdue_without_swap{"Friday 02/05 deadline, seen Monday 05/05",
                                  S::kInProgress,
                                  "2025-05-02",
                                  nullptr,
                                  "2025-05-05",
                                  T::kOverdue};
  Check(overdue_without_swap);
  Check({"… with 02/05 swapped off", S::kInProgress, "2025-05-02", nullptr, "2025-05-05",
         T::kDueSoon},
        swapped);
  Check({"done on the Monday with the swap", S::kDone, "2025-05-02", "2025-05-05", "2025-05-06",
         T::kDoneOnTime},
        swapped);
  Check({"a working Saturday as deadline", S::kInProgress, "2025-04-26", nullptr, "2025-04-28",
         T::kOverdue},
        swapped);
}

// The read model decides "due soon" with one precomputed limit per request
// (MakeTimelinessClock); it must agree with TimelinessOf on every day, weekends and
// holidays included, or the board and the task's page would tell different stories.
TEST(TimelinessTest, TheReadModelsClockAgreesWithTheRuleEveryDay) {
  const WorkCalendar swapped({{D("2025-05-02"), false, "Nghỉ hoán đổi"}});
  for (const WorkCalendar* cal : {&Cal(), &swapped}) {
    for (int window : {0, 1, 3, 5}) {
      for (Date today = D("2024-12-20"); today <= D("2026-05-10"); today = today.AddDays(1)) {
        const TimelinessClock clock = MakeTimelinessClock(today, *cal, window);
        for (int ahead = -3; ahead <= 25; ++ahead) {
          const Date deadline = today.AddDays(ahead);
          const Date due = EffectiveDeadline(deadline, *cal);
          const Timeliness by_index = due < today               ? T::kOverdue
                                      : due <= clock.soon_limit ? T::kDueSoon
                                                                : T::kInTime;
          const Timeliness by_rule =
              TimelinessOf(S::kInProgress, deadline, std::nullopt, today, *cal, window);
          ASSERT_EQ(TimelinessName(by_index), TimelinessName(by_rule))
              << "today " << today.ToString() << " (weekday " << today.weekday() << "), deadline "
              << deadline.ToString() << ", window " << window;
        }
      }
    }
  }
}

TEST(TimelinessTest, NamesRoundTrip) {
  for (T t : {T::kInTime, T::kDueSoon, T::kOverdue, T::kDoneOnTime, T::kDoneLate, T::kNoDeadline}) {
    ASSERT_FALSE(TimelinessName(t).empty());
    EXPECT_EQ(ParseTimeliness(TimelinessName(t)), t);
  }
  for (S s : {S::kNotStarted, S::kInProgress, S::kAwaitingConfirmation, S::kDone, S::kReturned,
              S::kSuspended, S::kRefused}) {
    ASSERT_FALSE(StateName(s).empty());
    EXPECT_EQ(ParseState(StateName(s)), s);
  }
  for (const char* bad : {"", "late", "Overdue", "overdue ", "qua_han"})
    EXPECT_FALSE(ParseTimeliness(bad)) << bad;
  for (const char* bad : {"", "open", "Done", "finished"}) EXPECT_FALSE(ParseState(bad)) << bad;
  EXPECT_TRUE(IsOpen(S::kNotStarted));
  EXPECT_TRUE(IsOpen(S::kReturned));
  EXPECT_FALSE(IsOpen(S::kDone));
  EXPECT_FALSE(IsOpen(S::kSuspended));
}

// ---- The sentence beside the tag ----------------------------------------------------

struct ReasonCase {
  const char* what;
  TaskState state;
  const char* deadline;
  const char* finished;
  const char* today;
  int extensions;
  const char* expected;
};

TEST(TimelinessReasonTest, SaysWhyInVietnamese) {
  const ReasonCase cases[] = {
      {"in time", S::kInProgress, "2025-06-30", nullptr, "2025-06-16", 0,
       "Trong hạn, hạn 30/06/2025"},
      {"due soon", S::kInProgress, "2025-06-19", nullptr, "2025-06-16", 0,
       "Còn 3 ngày làm việc đến hạn 19/06/2025"},
      {"due today", S::kInProgress, "2025-06-16", nullptr, "2025-06-16", 0,
       "Đến hạn hôm nay, 16/06/2025"},
      {"overdue", S::kInProgress, "2025-06-13", nullptr, "2025-06-17", 0,
       "Quá hạn 2 ngày làm việc so với hạn 13/06/2025"},
      {"overdue, no working day gone yet", S::kInProgress, "2025-06-13", nullptr, "2025-06-14", 0,
       "Đã quá hạn 13/06/2025"},
      {"overdue, extended once", S::kInProgress, "2025-06-13", nullptr, "2025-06-17", 1,
       "Quá hạn 2 ngày làm việc so với hạn 13/06/2025, đã gia hạn 1 lần"},
      {"done on time", S::kDone, "2025-06-13", "2025-06-12", "2025-06-30", 0,
       "Hoàn thành đúng hạn ngày 12/06/2025"},
      {"done late", S::kDone, "2025-06-13", "2025-06-17", "2025-06-30", 2,
       "Hoàn thành ngày 17/06/2025, trễ 2 ngày làm việc so với hạn 13/06/2025, đã gia hạn 2 lần"},
      {"done late on a weekend", S::kDone, "2025-06-13", "2025-06-14", "2025-06-30", 0,
       "Hoàn thành ngày 14/06/2025, sau hạn 13/06/2025"},
      {"regular", S::kInProgress, nullptr, nullptr, "2025-06-16", 0,
       "Nhiệm vụ thường xuyên, không có thời hạn"},
      {"suspended", S::kSuspended, "2025-06-13", nullptr, "2025-06-30", 0,
       "Tạm dừng thực hiện, không tính hạn 13/06/2025"},
      // A deadline on a day off says where it moved.
      {"Saturday deadline, in time", S::kInProgress, "2025-06-28", nullptr, "2025-06-16", 0,
       "Trong hạn, hạn 28/06/2025 (ngày nghỉ, tính đến 30/06/2025)"},
      {"Tết deadline, due soon", S::kInProgress, "2025-01-29", nullptr, "2025-01-27", 0,
       "Còn 1 ngày làm việc đến hạn 29/01/2025 (ngày nghỉ, tính đến 04/02/2025)"},
      {"Saturday deadline, overdue", S::kInProgress, "2025-06-14", nullptr, "2025-06-18", 0,
       "Quá hạn 2 ngày làm việc so với hạn 14/06/2025 (ngày nghỉ, tính đến 16/06/2025)"},
      {"Saturday deadline, done late", S::kDone, "2025-06-14", "2025-06-17", "2025-06-18", 0,
       "Hoàn thành ngày 17/06/2025, trễ 1 ngày làm việc so với hạn 14/06/2025 (ngày nghỉ, tính đến "
       "16/06/2025)"},
  };
  for (const auto& c : cases) {
    const Timeliness t =
        TimelinessOf(c.state, OptD(c.deadline), OptD(c.finished), D(c.today), Cal(), 3);
    EXPECT_EQ(
        TimelinessReason(t, OptD(c.deadline), OptD(c.finished), c.extensions, D(c.today), Cal()),
        c.expected)
        << c.what;
  }
}

}  // namespace
}  // namespace dh::tasks

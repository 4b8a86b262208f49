// Milestones against the deadline, and where a typed deadline falls
// (tasks/task_checks.h), as tables of cases.
#include "tasks/task_checks.h"

#include <gtest/gtest.h>

#include "tasks/task_writes.h"

namespace dh::tasks {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(TaskChecks, Milestones) {
  const Milestone q1{"Quý I", D("2026-03-31"), 25}, q2{"Quý II", D("2026-06-30"), 50},
      q4{"Quý IV", D("2026-12-31"), 100}, end{"Hoàn thành", D("2026-11-30"), 100};
  struct Case {
    const char* what;
    std::vector<Milestone> ms;
    std::optional<Date> deadline;
    bool ok;
  } cases[] = {
      {"none", {}, D("2026-11-30"), true},
      {"ending at 100 on the deadline", {q1, q2, end}, D("2026-11-30"), true},
      {"in any order", {end, q2, q1}, D("2026-11-30"), true},
      {"no deadline: only the shares", {q1, q4}, std::nullopt, true},
      {"after the deadline", {q1, q2, q4}, D("2026-11-30"), false},
      {"not reaching 100", {q1, q2}, D("2026-11-30"), false},
      {"going down", {q1, {"Quý II", D("2026-06-30"), 10}, end}, D("2026-11-30"), false},
  };
  for (const Case& c : cases) {
    const Status s = CheckMilestones(c.ms, c.deadline);
    EXPECT_EQ(s.ok(), c.ok) << c.what << ": " << s.message();
    if (!s.ok()) EXPECT_EQ(s.field(), "milestones") << c.what;
  }
}

TEST(TaskChecks, StartDate) {
  struct Case {
    const char* start;
    std::optional<Date> deadline;
    bool ok;
  } cases[] = {
      {"2026-03-02", D("2026-03-31"), true},
      {"2026-03-31", D("2026-03-31"), true},  // given and due the same day
      {"2026-12-01", std::nullopt, true},     // no deadline: any day
      {"2026-04-01", D("2026-03-31"), false},
  };
  for (const Case& c : cases) {
    const Status s = CheckStartDate(D(c.start), c.deadline);
    EXPECT_EQ(s.ok(), c.ok) << c.start << ": " << s.message();
    if (s.ok()) continue;
    EXPECT_EQ(s.field(), "start_on") << c.start;
    EXPECT_NE(s.message().find("Ngày giao"), std::string::npos) << s.message();
  }
  EXPECT_EQ(DefaultStart(D("2026-03-31"), D("2026-03-02")), D("2026-03-02"));
  EXPECT_EQ(DefaultStart(std::nullopt, D("2026-03-02")), D("2026-03-02"));
  EXPECT_EQ(DefaultStart(D("2026-02-27"), D("2026-03-02")), D("2026-02-27"));  // already due
}

TEST(TaskChecks, Deadline) {
  const calendar::WorkCalendar cal;
  const Date today = D("2026-07-15");  // a Wednesday
  struct Case {
    const char* date;
    const char* effective;
    bool day_off, past;
  } cases[] = {
      {"2026-07-17", "2026-07-17", false, false},  // Friday
      {"2026-07-18", "2026-07-20", true, false},   // Saturday → Monday
      {"2026-07-15", "2026-07-15", false, false},  // today is not past
      {"2026-07-14", "2026-07-14", false, true},
      {"2026-07-12", "2026-07-13", true, true},  // Sunday → Monday, both passed
  };
  for (const Case& c : cases) {
    const DeadlineCheck r = CheckDeadline(D(c.date), today, cal);
    EXPECT_EQ(r.effective, D(c.effective)) << c.date;
    EXPECT_EQ(r.day_off, c.day_off) << c.date;
    EXPECT_EQ(r.past, c.past) << c.date;
  }
}

TEST(TaskChecks, WorkingWeekAhead) {
  const calendar::WorkCalendar cal;
  struct Case {
    const char* today;
    const char* end;
  } cases[] = {
      {"2026-07-19", "2026-07-24"},  // Sunday: Monday to Friday
      {"2026-07-18", "2026-07-24"},  // Saturday: the same
      {"2026-07-20", "2026-07-24"},  // Monday: to Friday
      {"2026-07-22", "2026-07-28"},  // Wednesday: to next Tuesday
  };
  for (const Case& c : cases) EXPECT_EQ(WorkingWeekEnd(D(c.today), cal), D(c.end)) << c.today;
}

}  // namespace
}  // namespace dh::tasks

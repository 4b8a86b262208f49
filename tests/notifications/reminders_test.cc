// The reminder rules, table by table: due soon across weekends and holidays, overdue and
// its repeats, silence and escalation thresholds, the states that remind nobody, days
// off, and the dedup keys that make a second run a no-op.
#include "notifications/reminders.h"

#include <gtest/gtest.h>

#include "tasks/task_reminders.h"

namespace dh::notifications {
namespace {

using tasks::TaskState;

Date D(const char* s) { return *Date::Parse(s); }

const calendar::WorkCalendar& Cal() {
  static const calendar::WorkCalendar cal;
  return cal;
}

// A task as the read model gives it (the deadline already rolled to a working day), handed
// to the reminder rules as tasks/task_reminders.h does.
OpenItem Task(int64_t id, std::optional<const char*> deadline, const char* activity,
              TaskState state = TaskState::kInProgress) {
  tasks::OpenTaskRow t;
  t.id = id;
  t.lead_unit_id = 7;
  t.state = state;
  if (deadline) t.deadline = tasks::EffectiveDeadline(D(*deadline), Cal());
  t.last_activity = D(activity);
  return tasks::ReminderItem(t);
}

std::vector<Reminder> On(const OpenItem& t, const char* today, ReminderSettings s = {}) {
  return DecideReminders({t}, D(today), Cal(), s);
}

std::vector<Reminder> OfKind(std::vector<Reminder> v, ReminderKind k) {
  std::erase_if(v, [&](const Reminder& r) { return r.kind != k; });
  return v;
}

std::vector<std::string> Keys(const std::vector<Reminder>& v) {
  std::vector<std::string> out;
  for (const auto& r : v) out.push_back(r.dedup_key);
  return out;
}

TEST(CalendarAssumptions, TheDaysTheseTablesRelyOn) {
  // 2026: Tết from Monday 16/2 to Friday 20/2; 30/4 and 1/5 on Thursday and Friday.
  for (const char* off :
       {"2026-02-16", "2026-02-17", "2026-02-20", "2026-04-30", "2026-05-01", "2026-01-01"})
    EXPECT_FALSE(Cal().IsWorkingDay(D(off))) << off;
  for (const char* on : {"2026-01-16", "2026-02-13", "2026-02-23", "2026-04-29", "2026-05-04"})
    EXPECT_TRUE(Cal().IsWorkingDay(D(on))) << on;
}

struct DueCase {
  const char* name;
  const char* deadline;
  const char* today;
  std::vector<std::string> keys;
  int days;
};

TEST(Reminders, DueSoonCountsWorkingDaysOnly) {
  const std::vector<DueCase> cases = {
      {"three working days ahead", "2026-01-20", "2026-01-15", {"due_soon/1/2026-01-20"}, 3},
      {"four working days ahead is in time", "2026-01-21", "2026-01-15", {}, 0},
      {"across a weekend", "2026-01-20", "2026-01-16", {"due_soon/1/2026-01-20"}, 2},
      {"Monday, seen on Wednesday: 3 days",
       "2026-01-19",
       "2026-01-14",
       {"due_soon/1/2026-01-19"},
       3},
      {"a Saturday deadline moves to Monday",
       "2026-01-24",
       "2026-01-21",
       {"due_soon/1/2026-01-26"},
       3},
      {"across Tết: 2 working days in 11 calendar days",
       "2026-02-23",
       "2026-02-12",
       {"due_soon/1/2026-02-23"},
       2},
      {"the week before Tết is still in time", "2026-02-23", "2026-02-09", {}, 0},
      {"across 30/4 and 1/5", "2026-05-04", "2026-04-28", {"due_soon/1/2026-05-04"}, 2},
      {"a deadline on 30/4 moves to 4/5", "2026-04-30", "2026-04-29", {"due_soon/1/2026-05-04"}, 1},
      {"due today", "2026-01-20", "2026-01-20", {"due_soon/1/2026-01-20"}, 0},
  };
  for (const auto& c : cases) {
    auto got = On(Task(1, c.deadline, c.today), c.today);
    EXPECT_EQ(Keys(got), c.keys) << c.name;
    if (!got.empty()) {
      EXPECT_EQ(got[0].kind, ReminderKind::kDueSoon) << c.name;
      EXPECT_EQ(got[0].days, c.days) << c.name;
    }
  }
}

TEST(Reminders, DueSoonIsOnePerDeadlineHoweverManyDaysItLasts) {
  const OpenItem t = Task(1, "2026-01-20", "2026-01-15");
  for (const char* day : {"2026-01-15", "2026-01-16", "2026-01-19", "2026-01-20"})
    EXPECT_EQ(Keys(On(t, day)), std::vector<std::string>{"due_soon/1/2026-01-20"}) << day;
  // An approved extension is a new deadline: a new reminder when it comes near.
  const OpenItem extended = Task(1, "2026-01-30", "2026-01-15");
  EXPECT_EQ(Keys(On(extended, "2026-01-27")), std::vector<std::string>{"due_soon/1/2026-01-30"});
}

TEST(Reminders, DueSoonWindowIsConfigurable) {
  ReminderSettings s;
  s.due_soon_days = 0;
  EXPECT_TRUE(On(Task(1, "2026-01-20", "2026-01-15"), "2026-01-19", s).empty());
  EXPECT_EQ(On(Task(1, "2026-01-20", "2026-01-15"), "2026-01-20", s).size(), 1u);
  s.due_soon_days = 5;
  EXPECT_EQ(On(Task(1, "2026-01-22", "2026-01-15"), "2026-01-15", s).size(), 1u);
}

TEST(Reminders, OverdueOnTheFirstWorkingDayAfterThenEveryPeriod) {
  // Deadline Friday 16/1: overdue from Monday 19/1; periods of 5 working days.
  const OpenItem t = Task(1, "2026-01-16", "2026-01-15");
  struct Case {
    const char* today;
    const char* key;
    int late;
  };
  for (const Case& c : std::vector<Case>{{"2026-01-19", "overdue/1/2026-01-19", 1},
                                         {"2026-01-20", "overdue/1/2026-01-19", 2},
                                         {"2026-01-23", "overdue/1/2026-01-19", 5},
                                         {"2026-01-26", "overdue/1/2026-01-26", 6},
                                         {"2026-02-02", "overdue/1/2026-02-02", 11}}) {
    auto got = OfKind(On(t, c.today), ReminderKind::kOverdue);
    ASSERT_EQ(got.size(), 1u) << c.today;
    EXPECT_EQ(got[0].dedup_key, c.key) << c.today;
    EXPECT_EQ(got[0].days, c.late) << c.today;
    EXPECT_EQ(got[0].since, D("2026-01-16"));
  }
  EXPECT_EQ(Keys(On(t, "2026-01-16")), std::vector<std::string>{"due_soon/1/2026-01-16"})
      << "on the day: not yet";
}

TEST(Reminders, OverdueOnceWhenRepeatsAreOff) {
  ReminderSettings s;
  s.overdue_repeat_days = 0;
  const OpenItem t = Task(1, "2026-01-16", "2026-01-15");
  for (const char* day : {"2026-01-19", "2026-01-26", "2026-03-02"})
    EXPECT_EQ(Keys(OfKind(On(t, day, s), ReminderKind::kOverdue)),
              std::vector<std::string>{"overdue/1/2026-01-19"})
        << day;
}

TEST(Reminders, OverdueAfterAHolidayDeadlineCountsFromTheEffectiveDay) {
  // Deadline 30/4 (holiday) → effective Monday 4/5; overdue from Tuesday 5/5, not 4/5.
  const OpenItem t = Task(1, "2026-04-30", "2026-04-20");
  EXPECT_EQ(On(t, "2026-05-04")[0].kind, ReminderKind::kDueSoon);
  auto got = On(t, "2026-05-05");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].dedup_key, "overdue/1/2026-05-05");
  EXPECT_EQ(got[0].days, 1);
}

TEST(Reminders, NothingOnADayOff) {
  const OpenItem overdue = Task(1, "2026-01-16", "2026-01-02");
  for (const char* off : {"2026-01-17", "2026-01-18", "2026-02-17", "2026-04-30"})
    EXPECT_TRUE(On(overdue, off).empty()) << off;
  // The next working day catches up with the same key the skipped days would have had.
  EXPECT_EQ(Keys(On(overdue, "2026-01-19"))[0], "overdue/1/2026-01-19");
}

TEST(Reminders, SilenceRemindsTheHolderThenEscalatesToTheHead) {
  // Created Friday 2/1, never reported, no deadline. N = 10: the 10th working day after
  // is Friday 16/1; M = 5 more: Friday 23/1.
  const OpenItem t = Task(1, std::nullopt, "2026-01-02");
  struct Case {
    const char* today;
    std::vector<std::string> keys;
  };
  for (const Case& c : std::vector<Case>{
           {"2026-01-15", {}},
           {"2026-01-16", {"no_report/1/2026-01-02"}},
           {"2026-01-22", {"no_report/1/2026-01-02"}},
           {"2026-01-23", {"no_report/1/2026-01-02", "escalation/1/2026-01-02"}},
           {"2026-03-02", {"no_report/1/2026-01-02", "escalation/1/2026-01-02"}},
       })
    EXPECT_EQ(Keys(On(t, c.today)), c.keys) << c.today;
  auto got = On(t, "2026-01-23");
  EXPECT_FALSE(got[0].to_head());
  EXPECT_TRUE(got[1].to_head());
  EXPECT_EQ(got[1].days, 15);
  EXPECT_EQ(got[1].since, D("2026-01-02"));
}

TEST(Reminders, ThresholdsAreConfigurable) {
  ReminderSettings s;
  s.no_report_days = 3;
  s.escalate_after_days = 0;
  const OpenItem t = Task(1, std::nullopt, "2026-01-12");
  EXPECT_TRUE(On(t, "2026-01-14", s).empty());
  EXPECT_EQ(Keys(On(t, "2026-01-15", s)),
            (std::vector<std::string>{"no_report/1/2026-01-12", "escalation/1/2026-01-12"}));
}

TEST(Reminders, SilenceCountsOnlyWorkingDays) {
  // Reported Friday 13/2, before Tết: 10 working days later is Friday 6/3, not 27/2.
  const OpenItem t = Task(1, std::nullopt, "2026-02-13");
  EXPECT_TRUE(On(t, "2026-03-05").empty());
  EXPECT_EQ(Keys(On(t, "2026-03-06")), std::vector<std::string>{"no_report/1/2026-02-13"});
}

TEST(Reminders, AReportStartsANewEpisode) {
  const OpenItem before = Task(1, std::nullopt, "2026-01-02");
  const OpenItem after = Task(1, std::nullopt, "2026-01-20");
  EXPECT_EQ(On(before, "2026-01-23").size(), 2u);
  EXPECT_TRUE(On(after, "2026-01-23").empty());
  EXPECT_EQ(Keys(On(after, "2026-02-03")), std::vector<std::string>{"no_report/1/2026-01-20"});
}

TEST(Reminders, PartsThatReportKeepTheirParentFromSilence) {
  OpenItem parent = Task(1, std::nullopt, "2026-01-02");
  OpenItem part = Task(2, std::nullopt, "2026-01-14");
  part.parent_id = 1;
  auto got = DecideReminders({parent, part}, D("2026-01-23"), Cal(), {});
  EXPECT_TRUE(got.empty()) << Keys(got).front();
  part.last_activity = D("2026-01-02");
  EXPECT_EQ(DecideReminders({parent, part}, D("2026-01-23"), Cal(), {}).size(), 4u);
}

TEST(Reminders, OnlyStatesWhereTheHolderActsRemind) {
  struct Case {
    TaskState state;
    bool reminds;
  };
  for (const Case& c : std::vector<Case>{{TaskState::kNotStarted, true},
                                         {TaskState::kInProgress, true},
                                         {TaskState::kReturned, true},
                                         {TaskState::kAwaitingConfirmation, false},
                                         {TaskState::kRefused, false},
                                         {TaskState::kDone, false},
                                         {TaskState::kSuspended, false}}) {
    const OpenItem t = Task(1, "2026-01-16", "2026-01-02", c.state);
    EXPECT_EQ(!On(t, "2026-01-26").empty(), c.reminds) << tasks::StateName(c.state);
  }
}

TEST(Reminders, OverdueAndSilentTogether) {
  const OpenItem t = Task(9, "2026-01-16", "2026-01-02");
  EXPECT_EQ(Keys(On(t, "2026-01-23")),
            (std::vector<std::string>{"overdue/9/2026-01-19", "no_report/9/2026-01-02",
                                      "escalation/9/2026-01-02"}));
}

TEST(Reminders, RunningTwiceTheSameDayDecidesTheSameKeys) {
  std::vector<OpenItem> open = {Task(1, "2026-01-16", "2026-01-02"),
                                Task(2, "2026-01-27", "2026-01-15"),
                                Task(3, std::nullopt, "2026-01-05")};
  const auto first = Keys(DecideReminders(open, D("2026-01-22"), Cal(), {}));
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(Keys(DecideReminders(open, D("2026-01-22"), Cal(), {})), first);
}

TEST(Reminders, NthWorkingDayAfter) {
  EXPECT_EQ(NthWorkingDayAfter(D("2026-01-16"), 1, Cal()), D("2026-01-19"));  // Friday → Monday
  EXPECT_EQ(NthWorkingDayAfter(D("2026-01-17"), 1, Cal()), D("2026-01-19"));  // Saturday → Monday
  EXPECT_EQ(NthWorkingDayAfter(D("2026-01-15"), 1, Cal()), D("2026-01-16"));
  EXPECT_EQ(NthWorkingDayAfter(D("2026-02-13"), 1, Cal()), D("2026-02-23"));  // across Tết
  for (const char* d : {"2026-01-16", "2026-01-17", "2026-02-13"})
    for (int n : {1, 2, 5, 10})
      EXPECT_EQ(Cal().WorkingDaysBetween(D(d), NthWorkingDayAfter(D(d), n, Cal())), n)
          << d << " " << n;
}

}  // namespace
}  // namespace dh::notifications

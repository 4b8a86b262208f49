// "Việc của tôi" (src/tasks/my_work.h): what a held task asks of its holder, and the one
// order of the list, as tables.
#include "tasks/my_work.h"

#include <gtest/gtest.h>

namespace dh::tasks {
namespace {

using calendar::WorkCalendar;

const WorkCalendar& Cal() {
  static const WorkCalendar cal;
  return cal;
}

Date D(const char* iso) { return *Date::Parse(iso); }

// October 2025 has no holiday: 1 October is a Wednesday; the 10th working day after it
// is Wednesday 15 October.
TEST(MyWork, WhatAHeldTaskAsks) {
  struct Case {
    TaskState state;
    const char* activity;
    const char* today;
    int no_report_days;
    std::optional<MyWorkKind> want;
  };
  const Case cases[] = {
      {TaskState::kNotStarted, "2025-10-01", "2025-10-02", 10, MyWorkKind::kTask},
      {TaskState::kInProgress, "2025-10-01", "2025-10-14", 10, MyWorkKind::kTask},
      {TaskState::kInProgress, "2025-10-01", "2025-10-15", 10, MyWorkKind::kReportDue},
      {TaskState::kNotStarted, "2025-10-01", "2025-11-20", 10, MyWorkKind::kReportDue},
      // A weekend does not count: Friday 3 → Monday 6 is one working day.
      {TaskState::kInProgress, "2025-10-03", "2025-10-06", 1, MyWorkKind::kReportDue},
      {TaskState::kInProgress, "2025-10-03", "2025-10-05", 1, MyWorkKind::kTask},
      {TaskState::kInProgress, "2025-10-01", "2025-12-01", 0, MyWorkKind::kTask},
      // Sent back: returned whatever the reports.
      {TaskState::kReturned, "2025-10-01", "2025-12-01", 10, MyWorkKind::kReturned},
      // Nothing waits on the holder.
      {TaskState::kAwaitingConfirmation, "2025-10-01", "2025-12-01", 10, std::nullopt},
      {TaskState::kDone, "2025-10-01", "2025-12-01", 10, std::nullopt},
      {TaskState::kSuspended, "2025-10-01", "2025-12-01", 10, std::nullopt},
      {TaskState::kRefused, "2025-10-01", "2025-12-01", 10, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HeldTaskWork(c.state, D(c.activity), D(c.today), Cal(), c.no_report_days), c.want)
        << StateName(c.state) << " " << c.activity << " → " << c.today;
  }
}

TEST(MyWork, DueFirstThenKindThenId) {
  using K = MyWorkKind;
  struct Case {
    const char* name;
    std::vector<MyWorkItem> items;
    std::vector<size_t> want;
  };
  const std::optional<Date> none;
  const Case cases[] = {
      {"empty", {}, {}},
      {"earliest deadline first",
       {{K::kTask, 1, 0, D("2025-10-20")}, {K::kTask, 2, 0, D("2025-10-10")}},
       {1, 0}},
      {"no deadline last, by id",
       {{K::kTask, 5, 0, none}, {K::kTask, 3, 0, none}, {K::kTask, 9, 0, D("2026-12-31")}},
       {2, 1, 0}},
      {"a coordination request due first comes first",
       {{K::kReturned, 1, 0, D("2025-10-20")}, {K::kCoordination, 8, 4, D("2025-10-08")}},
       {1, 0}},
      {"same day: returned, report due, task, coordination",
       {{K::kCoordination, 1, 2, D("2025-10-10")},
        {K::kTask, 2, 0, D("2025-10-10")},
        {K::kReportDue, 3, 0, D("2025-10-10")},
        {K::kReturned, 4, 0, D("2025-10-10")}},
       {3, 2, 1, 0}},
      {"two requests of one task, by request",
       {{K::kCoordination, 7, 12, D("2025-10-10")}, {K::kCoordination, 7, 11, D("2025-10-10")}},
       {1, 0}},
  };
  for (const Case& c : cases) EXPECT_EQ(MyWorkOrder(c.items), c.want) << c.name;
}

}  // namespace
}  // namespace dh::tasks

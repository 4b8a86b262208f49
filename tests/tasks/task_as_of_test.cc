// A task as it stood on a past day (src/tasks/task_as_of.h), rebuilt from a known history,
// as a table of days: created 5 January 2026 with the deadline 20 January; reported 40 %
// on the 8th; granted until 6 February on the 12th (asked on the 9th); submitted on the
// 14th, returned on the 15th, submitted again and confirmed on the 26th; reassigned from
// unit 7 to unit 4 on the 6th.
#include "tasks/task_as_of.h"

#include <gtest/gtest.h>

namespace dh::tasks {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }
int64_t At(const char* iso) { return VietnamStartOfDay(D(iso)) + 9 * 3600; }

TaskEventRecord Event(int64_t id, const char* kind, const char* on) {
  TaskEventRecord e;
  e.id = id;
  e.kind = kind;
  e.happened_on = D(on);
  e.created_at = At(on) + id;
  if (std::string(kind) == "reassigned") e.from_unit_id = 7, e.to_unit_id = 4;
  return e;
}

TaskHistory History() {
  TaskHistory h;
  h.reports.push_back({1, 1, D("2026-01-08"), 40, "Đang làm", std::nullopt, At("2026-01-08")});
  Extension e;
  e.previous_deadline = D("2026-01-20");
  e.requested_deadline = D("2026-02-06");
  e.status = ExtensionStatus::kApproved;
  e.requested_at = At("2026-01-09");
  e.decided_at = At("2026-01-12");
  h.extensions.push_back(e);
  h.events = {Event(1, "reassigned", "2026-01-06"), Event(2, "submitted", "2026-01-14"),
              Event(3, "returned", "2026-01-15"), Event(4, "submitted", "2026-01-26"),
              Event(5, "confirmed", "2026-01-26")};
  return h;
}

TaskRecord Now() {
  TaskRecord t;
  t.id = 1;
  t.lead_unit_id = 4;
  t.original_deadline = D("2026-01-20");
  t.deadline = D("2026-02-06");
  t.state = TaskState::kDone;
  t.progress_percent = t.own_progress_percent = 100;
  t.finished_on = D("2026-01-26");
  t.created_at = At("2026-01-05");
  return t;
}

TEST(TaskAsOf, RebuildsEachDayFromTheHistory) {
  struct Case {
    const char* day;
    bool exists;
    TaskState state;
    const char* deadline;
    const char* finished_on;  // "" none
    int progress;
    int64_t lead;
    bool extension_pending;
    int extensions;
  };
  const Case cases[] = {
      {"2026-01-04", false, TaskState::kNotStarted, "", "", 0, 0, false, 0},
      {"2026-01-05", true, TaskState::kNotStarted, "2026-01-20", "", 0, 7, false, 0},
      {"2026-01-06", true, TaskState::kNotStarted, "2026-01-20", "", 0, 4, false, 0},
      {"2026-01-08", true, TaskState::kInProgress, "2026-01-20", "", 40, 4, false, 0},
      {"2026-01-09", true, TaskState::kInProgress, "2026-01-20", "", 40, 4, true, 0},
      {"2026-01-12", true, TaskState::kInProgress, "2026-02-06", "", 40, 4, false, 1},
      {"2026-01-14", true, TaskState::kAwaitingConfirmation, "2026-02-06", "2026-01-14", 100, 4,
       false, 1},
      {"2026-01-15", true, TaskState::kReturned, "2026-02-06", "", 100, 4, false, 1},
      {"2026-01-26", true, TaskState::kDone, "2026-02-06", "2026-01-26", 100, 4, false, 1},
      {"2026-03-01", true, TaskState::kDone, "2026-02-06", "2026-01-26", 100, 4, false, 1},
  };
  const TaskHistory h = History();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    auto t = TaskAsOf(Now(), h, D(c.day));
    ASSERT_EQ(t.has_value(), c.exists);
    EXPECT_EQ(ExtensionsApprovedBy(h, D(c.day)), c.extensions);
    if (!t) continue;
    EXPECT_EQ(t->state, c.state);
    EXPECT_EQ(t->deadline, D(c.deadline));
    EXPECT_EQ(t->finished_on, *c.finished_on ? std::optional(D(c.finished_on)) : std::nullopt);
    EXPECT_EQ(t->progress_percent, c.progress);
    EXPECT_EQ(t->lead_unit_id, c.lead);
    EXPECT_EQ(t->extension_pending, c.extension_pending);
  }
}

TEST(TaskAsOf, WithNothingLaterIsTheTaskAsItIs) {
  TaskRecord now = Now();
  now.progress_percent = 77;  // e.g. rolled up from its parts: kept as it is
  auto t = TaskAsOf(now, History(), D("2026-01-26"));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->progress_percent, 77);
  EXPECT_EQ(TaskAsOf(now, {}, D("2026-01-05"))->state, TaskState::kDone);
}

}  // namespace
}  // namespace dh::tasks

// tasksedit (issue 9): withdrawing a task — cancel and delete in every state — and who may
// edit, cancel, delete and write on a task's thread, as tables.
#include <gtest/gtest.h>

#include "tasks/task.h"
#include "tasks/task_access.h"

namespace dh::tasks {
namespace {

using S = TaskState;

TEST(WithdrawTest, CancelAndDeleteInEveryState) {
  const struct {
    S from;
    bool allowed;  // both cancel and delete (no reports is the service's rule)
    bool open;     // IsOpen before
  } cases[] = {
      {S::kNotStarted, true, true},
      {S::kInProgress, true, true},
      {S::kAwaitingConfirmation, true, true},
      {S::kReturned, true, true},
      {S::kSuspended, true, false},
      {S::kRefused, true, true},
      {S::kDone, false, false},
      {S::kCancelled, false, false},
      {S::kDeleted, false, false},
  };
  for (const auto& c : cases) {
    const std::string what(StateName(c.from));
    EXPECT_EQ(IsOpen(c.from), c.open) << what;
    const auto cancel = Transition(c.from, TaskEvent::kCancel);
    const auto del = Transition(c.from, TaskEvent::kDelete);
    ASSERT_EQ(cancel.ok(), c.allowed) << what;
    ASSERT_EQ(del.ok(), c.allowed) << what;
    if (c.allowed) {
      EXPECT_EQ(*cancel, S::kCancelled) << what;
      EXPECT_EQ(*del, S::kDeleted) << what;
    } else {
      EXPECT_EQ(cancel.status().error_code(), "invalid_state") << what;
      EXPECT_NE(cancel.status().message().find("hủy"), std::string::npos) << what;
    }
  }
  // Withdrawn tasks are not open, round-trip by name, and take no other event.
  for (S s : {S::kCancelled, S::kDeleted}) {
    EXPECT_TRUE(IsWithdrawn(s));
    EXPECT_EQ(ParseState(StateName(s)).value_or(S::kNotStarted), s);
    for (TaskEvent e : {TaskEvent::kReport, TaskEvent::kSubmit, TaskEvent::kSuspend,
                        TaskEvent::kResume, TaskEvent::kRefuse, TaskEvent::kReassign})
      EXPECT_FALSE(Transition(s, e).ok()) << StateName(s);
  }
}

TaskAccess Scopes(units::UnitScope::Ids work, units::UnitScope::Ids manage) {
  units::UnitScope::Ids read = work;
  read.insert(manage.begin(), manage.end());
  return {units::UnitScope::Of(std::move(read)), units::UnitScope::Of(std::move(work)),
          units::UnitScope::Of(std::move(manage)), units::UnitScope::All()};
}

// e edit, c cancel, d delete, m comment.
std::string Letters(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  std::string out;
  if (MayEditTask(a, t)) out += 'e';
  if (MayCancel(a, t)) out += 'c';
  if (MayDelete(a, t)) out += 'd';
  if (MayComment(a, who, t)) out += 'm';
  return out;
}

TEST(WithdrawTest, WhoMayEditCancelDeleteAndComment) {
  auth::Principal office, officer, leader, viewer, stranger;
  leader.grants = {{auth::Role::kLeader, 1}};
  viewer.grants = {{auth::Role::kViewer, 1}};
  const TaskAccess manages = Scopes({}, {10}), works = Scopes({10}, {}), reads = Scopes({}, {});
  TaskAccess read_only = reads;
  read_only.read = units::UnitScope::Of({10});
  const struct {
    const char* who;
    const auth::Principal& p;
    const TaskAccess& a;
    S state;
    bool reported;
    const char* want;
  } cases[] = {
      {"office, new task", office, manages, S::kNotStarted, false, "ecdm"},
      {"office, reported on", office, manages, S::kInProgress, true, "ecm"},
      {"office, done", office, manages, S::kDone, true, "em"},
      {"office, cancelled", office, manages, S::kCancelled, false, ""},
      {"office, deleted", office, manages, S::kDeleted, false, ""},
      {"officer of the unit", officer, works, S::kInProgress, true, "m"},
      {"leader reading", leader, read_only, S::kInProgress, true, "m"},
      {"leader, cancelled", leader, read_only, S::kCancelled, true, ""},
      {"viewer reading", viewer, read_only, S::kInProgress, true, ""},
      {"out of scope", stranger, reads, S::kInProgress, true, ""},
  };
  for (const auto& c : cases) {
    TaskRecord t;
    t.lead_unit_id = 10;
    t.state = c.state;
    if (c.reported) t.last_report_on = Date::Parse("2026-01-10"), t.progress_percent = 20;
    EXPECT_EQ(Letters(c.a, c.p, t), c.want) << c.who;
  }
}

}  // namespace
}  // namespace dh::tasks

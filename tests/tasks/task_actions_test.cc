// What a caller may do with a task now (the named checks of src/tasks/task_access.h), as a
// table: the caller's scopes and the task's state on one side, each action on the other.
#include <gtest/gtest.h>

#include "tasks/task_access.h"

namespace dh::tasks {
namespace {

// Units: 10 a department (the lead unit of the tasks below), 20 another department.
constexpr int64_t kMe = 7;

// `hold`: where the caller acts as the lead unit itself (AccessFor: an officer's units, an
// office's own unit only); none given: wherever it works.
TaskAccess Scopes(units::UnitScope::Ids work, units::UnitScope::Ids manage,
                  std::optional<units::UnitScope::Ids> hold = std::nullopt) {
  units::UnitScope::Ids read = work;
  read.insert(manage.begin(), manage.end());
  return {units::UnitScope::Of(std::move(read)), units::UnitScope::Of(std::move(work)),
          units::UnitScope::Of(std::move(manage)),
          hold ? units::UnitScope::Of(std::move(*hold)) : units::UnitScope::All()};
}

TaskRecord Task(TaskState state, bool deadline = true) {
  TaskRecord t;
  t.lead_unit_id = 10;
  t.state = state;
  if (deadline) t.deadline = Date::Parse("2025-09-30");
  return t;
}

auth::Principal Me() {
  auth::Principal p;
  p.user_id = kMe;
  return p;
}

// Each action the checks name, in one string: r report, s submit, f refuse, d delegate,
// x request an extension, D decide one, c confirm, g reassign, p suspend, u resume.
std::string Actions(const TaskAccess& a, const TaskRecord& t) {
  const auth::Principal me = Me();
  std::string out;
  const std::pair<char, bool> all[] = {
      {'r', MayReport(a, me, t)},
      {'s', MaySubmit(a, me, t)},
      {'f', MayRefuse(a, me, t)},
      {'d', MayDelegate(a, me, t)},
      {'x', MayRequestExtension(a, me, t)},
      {'D', MayDecideExtension(a, t)},
      {'c', MayConfirm(a, t)},
      {'g', MayReassign(a, t)},
      {'p', MaySuspend(a, t)},
      {'u', MayResume(a, t)},
  };
  for (const auto& [letter, may] : all)
    if (may) out += letter;
  return out;
}

TEST(TaskActions, ByScopeAndState) {
  using S = TaskState;
  // The office sits on unit 1 (the city) and manages 10; `own` is the office of unit 10.
  const TaskAccess unit = Scopes({10}, {}, {{10}}), office = Scopes({}, {10}, {{1}}),
                   own = Scopes({}, {10}, {{10}}), other = Scopes({20}, {20}, {{20}});
  struct Case {
    const char* what;
    TaskAccess a;
    TaskRecord t;
    const char* actions;
  } cases[] = {
      {"the lead unit, not started", unit, Task(S::kNotStarted), "rsfdx"},
      {"the lead unit, in progress", unit, Task(S::kInProgress), "rsfdx"},
      {"the lead unit, no deadline: no extension", unit, Task(S::kInProgress, false), "rsfd"},
      {"the lead unit, awaiting confirmation", unit, Task(S::kAwaitingConfirmation), ""},
      {"the lead unit, returned", unit, Task(S::kReturned), "rsdx"},
      {"the lead unit, refused: waits for the office", unit, Task(S::kRefused), ""},
      {"the lead unit, suspended", unit, Task(S::kSuspended), ""},
      {"the lead unit, done", unit, Task(S::kDone), ""},
      // The office is not offered the lead unit's own acts (submit, refuse, extension).
      {"the office, in progress", office, Task(S::kInProgress), "rdDgp"},
      {"the office of the lead unit itself, in progress", own, Task(S::kInProgress), "rsfdxDgp"},
      {"the office, awaiting confirmation", office, Task(S::kAwaitingConfirmation), "cp"},
      {"the office, refused", office, Task(S::kRefused), "Dgp"},
      {"the office, suspended", office, Task(S::kSuspended), "Du"},
      {"the office, done", office, Task(S::kDone), ""},
      {"another unit's office sees nothing to do", other, Task(S::kInProgress), ""},
      {"another unit's office, awaiting confirmation", other, Task(S::kAwaitingConfirmation), ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Actions(c.a, c.t), c.actions) << c.what;
}

TEST(TaskActions, StatesNamedOnce) {
  using S = TaskState;
  struct Case {
    TaskState s;
    bool open, finished, with_holder;
  } cases[] = {
      {S::kNotStarted, true, false, true},
      {S::kInProgress, true, false, true},
      {S::kAwaitingConfirmation, true, true, false},
      {S::kDone, false, true, false},
      {S::kReturned, true, false, true},
      {S::kSuspended, false, false, false},
      {S::kRefused, true, false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsOpen(c.s), c.open) << StateName(c.s);
    EXPECT_EQ(IsFinished(c.s), c.finished) << StateName(c.s);
    EXPECT_EQ(WithHolder(c.s), c.with_holder) << StateName(c.s);
  }
}

TEST(TaskActions, WhoDecidesForAUnit) {
  const Date d = *Date::Parse("2020-01-01");
  const units::UnitGraph g({{1, "MA", "Thành phố", "city", d, std::nullopt},
                            {10, "MA.STC", "Sở Tài chính", "department", d, std::nullopt},
                            {11, "MA.STC.VP", "Văn phòng Sở", "other", d, std::nullopt},
                            {20, "MA.SXD", "Sở Xây dựng", "department", d, std::nullopt}},
                           {{1, 1, std::nullopt, d, std::nullopt},
                            {10, 10, 1, d, std::nullopt},
                            {11, 11, 10, d, std::nullopt},
                            {20, 20, 1, d, std::nullopt}},
                           {});
  struct Case {
    const char* what;
    auth::RoleGrant grant;
    int64_t unit;
    bool decides;
  } cases[] = {
      {"office of the unit", {auth::Role::kOffice, 10}, 10, true},
      {"office above the unit", {auth::Role::kOffice, 1}, 11, true},
      {"office of another unit", {auth::Role::kOffice, 20}, 10, false},
      {"office below the unit", {auth::Role::kOffice, 11}, 10, false},
      {"an officer of the unit", {auth::Role::kOfficer, 10}, 10, false},
      {"a leader of the unit", {auth::Role::kLeader, 10}, 10, false},
      {"an admin (everything) is not an office", {auth::Role::kAdmin, std::nullopt}, 10, false},
  };
  for (const Case& c : cases) EXPECT_EQ(GrantDecidesFor(c.grant, c.unit, g), c.decides) << c.what;
}

// Where a caller acts as the lead unit itself, from its grants (AccessFor): an officer in its
// unit and below, an office only in its own unit, an admin nowhere (it is no unit).
TEST(TaskActions, HoldScopeFromGrants) {
  const Date d = *Date::Parse("2020-01-01");
  const units::UnitGraph g({{1, "MA", "Thành phố", "city", d, std::nullopt},
                            {10, "MA.STC", "Sở Tài chính", "department", d, std::nullopt},
                            {11, "MA.STC.VP", "Văn phòng Sở", "other", d, std::nullopt}},
                           {{1, 1, std::nullopt, d, std::nullopt},
                            {10, 10, 1, d, std::nullopt},
                            {11, 11, 10, d, std::nullopt}},
                           {});
  struct Case {
    const char* what;
    std::vector<auth::RoleGrant> grants;
    int64_t lead;
    bool holds;
  } cases[] = {
      {"an officer of the lead unit", {{auth::Role::kOfficer, 10}}, 10, true},
      {"an officer above the lead unit", {{auth::Role::kOfficer, 10}}, 11, true},
      {"the city office on a department's task", {{auth::Role::kOffice, 1}}, 10, false},
      {"the city office on its own task", {{auth::Role::kOffice, 1}}, 1, true},
      {"an office that is also an officer there",
       {{auth::Role::kOffice, 1}, {auth::Role::kOfficer, 10}},
       11,
       true},
      {"an admin", {{auth::Role::kAdmin, std::nullopt}}, 10, false},
      {"a leader (reads only)", {{auth::Role::kLeader, 10}}, 10, false},
  };
  for (const Case& c : cases) {
    auth::Principal who;
    who.user_id = kMe;
    who.grants = c.grants;
    TaskRecord t = Task(TaskState::kInProgress);
    t.lead_unit_id = c.lead;
    EXPECT_EQ(MaySubmit(AccessFor(who, g), who, t), c.holds) << c.what;
    EXPECT_EQ(MayRefuse(AccessFor(who, g), who, t), c.holds) << c.what;
  }
}

}  // namespace
}  // namespace dh::tasks

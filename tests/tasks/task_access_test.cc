// Who sees what in the tasks room (src/tasks/task_access.h), as tables of cases: a caller's
// scopes on one side, an object on the other.
#include "tasks/task_access.h"

#include <gtest/gtest.h>

namespace dh::tasks {
namespace {

// Units: 1 the city; 10 a department with 11 under it; 20 another department.
constexpr int64_t kMe = 7, kOther = 8;

TaskAccess Scopes(units::UnitScope::Ids read, units::UnitScope::Ids work = {},
                  units::UnitScope::Ids manage = {}) {
  return {units::UnitScope::Of(std::move(read)), units::UnitScope::Of(std::move(work)),
          units::UnitScope::Of(std::move(manage))};
}

TaskRecord Task(int64_t lead, std::optional<int64_t> assignee = std::nullopt,
                std::vector<int64_t> coordinators = {}) {
  TaskRecord t;
  t.lead_unit_id = lead;
  t.assignee_id = assignee;
  t.coordinator_ids = std::move(coordinators);
  return t;
}

auth::Principal Me() {
  auth::Principal p;
  p.user_id = kMe;
  p.grants = {{auth::Role::kOfficer, 10}};
  return p;
}

TEST(TaskAccess, Tasks) {
  struct Case {
    const char* what;
    TaskAccess a;
    TaskRecord t;
    bool see, work;
  } cases[] = {
      {"led in scope", Scopes({10, 11}, {10, 11}), Task(11), true, true},
      {"led out of scope", Scopes({10, 11}, {10, 11}), Task(20), false, false},
      {"coordinated by a unit in scope: seen, not worked", Scopes({10, 11}, {10, 11}),
       Task(20, std::nullopt, {30, 11}), true, false},
      {"coordinated only out of scope", Scopes({10, 11}, {10, 11}), Task(20, std::nullopt, {30}),
       false, false},
      {"assigned to me, out of my units", Scopes({10}), Task(20, kMe), true, true},
      {"assigned to someone else", Scopes({10}), Task(20, kOther), false, false},
      {"read only (a viewer or leader)", Scopes({10, 11}), Task(10), true, false},
      {"managed, not worked (an office)", Scopes({10}, {}, {10}), Task(10), true, true},
      {"no scope at all", Scopes({}), Task(10), false, false},
      {"everything",
       {units::UnitScope::All(), units::UnitScope::All(), units::UnitScope::All()},
       Task(99),
       true,
       true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CanSeeTask(c.a, Me(), c.t), c.see) << c.what;
    EXPECT_EQ(CanWorkTask(c.a, Me(), c.t), c.work) << c.what;
  }
}

TEST(TaskAccess, DirectivesAndCoordinationRequests) {
  Directive d;
  d.issuer_unit_id = 1;
  EXPECT_TRUE(CanSeeDirective(Scopes({1, 10}), d, false)) << "issued in scope";
  EXPECT_TRUE(CanSeeDirective(Scopes({10}), d, true)) << "one of its tasks seen";
  EXPECT_FALSE(CanSeeDirective(Scopes({10}), d, false)) << "neither";

  CoordinationRequest r;
  r.from_unit_id = 20;
  r.to_unit_id = 11;
  EXPECT_TRUE(CanSeeCoordination(Scopes({10, 11}), r, false)) << "the unit asked";
  EXPECT_TRUE(CanSeeCoordination(Scopes({20}), r, true)) << "who sees the task";
  EXPECT_FALSE(CanSeeCoordination(Scopes({30}), r, false)) << "neither";
}

TEST(TaskAccess, ScopeBitmap) {
  EXPECT_EQ(ScopeBitmap(units::UnitScope::All()), nullptr);
  auto bits = ScopeBitmap(units::UnitScope::Of({2, 5}));
  ASSERT_NE(bits, nullptr);
  EXPECT_EQ(*bits, (std::vector<bool>{false, false, true, false, false, true}));
}

}  // namespace
}  // namespace dh::tasks

// The inspection plans' rules as tables of cases: a plan's status and counts from its visits,
// and who sees a plan and its visits (its lead unit's scope sees all of them, an investor
// only its own visits and the plans that hold one, anyone else none).
#include <gtest/gtest.h>

#include "investment/investment.h"
#include "investment/investment_access.h"

namespace dh::investment {
namespace {

Inspection Visit(int64_t investor, bool visited) {
  Inspection x{.plan_id = 1, .investor_id = investor, .planned_on = *Date::Parse("2026-03-10")};
  if (visited) x.visited_on = x.planned_on;
  return x;
}

TEST(InspectionPlanSummaryTest, StatusAndCountsFromTheVisits) {
  struct Case {
    const char* name;
    std::vector<Inspection> visits;
    InspectionStatus status;
    int visited;
    std::vector<int64_t> investors;
  };
  const Case cases[] = {
      {"no visit yet", {}, InspectionStatus::kPlanned, 0, {}},
      {"none visited", {Visit(7, false), Visit(8, false)}, InspectionStatus::kPlanned, 0, {7, 8}},
      {"some visited", {Visit(8, true), Visit(7, false)}, InspectionStatus::kInProgress, 1, {7, 8}},
      {"all visited, one investor twice",
       {Visit(7, true), Visit(7, true)},
       InspectionStatus::kDone,
       2,
       {7}},
  };
  for (const Case& c : cases) {
    std::vector<const Inspection*> seen;
    for (const Inspection& x : c.visits) seen.push_back(&x);
    const InspectionPlanSummary s = SummarizeInspectionPlan({.id = 1}, seen, 3);
    EXPECT_EQ(s.status, c.status) << c.name;
    EXPECT_EQ(s.visits, static_cast<int>(c.visits.size())) << c.name;
    EXPECT_EQ(s.visited, c.visited) << c.name;
    EXPECT_EQ(s.investor_ids, c.investors) << c.name;
    EXPECT_EQ(s.recommendations, 3) << c.name;
  }
}

TEST(InspectionPlanSummaryTest, StatusNamesRoundTripAndAnUnknownOneIsRefused) {
  for (InspectionStatus s :
       {InspectionStatus::kPlanned, InspectionStatus::kInProgress, InspectionStatus::kDone})
    EXPECT_EQ(ParseInspectionStatus(InspectionStatusName(s)), s);
  EXPECT_EQ(ParseInspectionStatus("closed"), std::nullopt);
  EXPECT_EQ(ParseInspectionStatus(""), std::nullopt);
}

TEST(InspectionAccessTest, TheLeadUnitSeesAllAnInvestorItsOwnVisits) {
  constexpr int64_t kLead = 1, kInvestor = 2, kOther = 3;
  auto access = [](units::UnitScope read) {
    return InvestmentAccess{read, units::UnitScope::Of({}), units::UnitScope::Of({})};
  };
  struct Case {
    const char* name;
    InvestmentAccess a;
    bool sees_own_visit, sees_other_visit, sees_plan_with_own_visit, sees_plan_without;
  };
  const Case cases[] = {
      {"the city", access(units::UnitScope::All()), true, true, true, true},
      {"the lead unit", access(units::UnitScope::Of({kLead})), true, true, true, true},
      {"the investor", access(units::UnitScope::Of({kInvestor})), true, false, true, false},
      {"another unit", access(units::UnitScope::Of({kOther + 10})), false, false, false, false},
  };
  const InspectionPlan plan{.id = 1, .lead_unit_id = kLead};
  for (const Case& c : cases) {
    const bool own = CanSeeInspection(c.a, Visit(kInvestor, true), kLead);
    EXPECT_EQ(own, c.sees_own_visit) << c.name;
    EXPECT_EQ(CanSeeInspection(c.a, Visit(kOther, true), kLead), c.sees_other_visit) << c.name;
    EXPECT_EQ(CanSeeInspectionPlan(c.a, plan, own ? 1 : 0), c.sees_plan_with_own_visit) << c.name;
    EXPECT_EQ(CanSeeInspectionPlan(c.a, plan, 0), c.sees_plan_without) << c.name;
  }
}

}  // namespace
}  // namespace dh::investment

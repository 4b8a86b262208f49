// The inspection plans' list paged in SQL (PageInspectionPlans) on both databases, checked
// against the access rules themselves: for every scope and filter in the tables below, the
// plans and the total it pages out, page by page, are exactly those CanSeeInspectionPlan lets
// through (over the visits CanSeeInspection lets through) and whose SummarizeInspectionPlan
// matches the filter, the latest first.
#include <gtest/gtest.h>

#include <algorithm>

#include "investment/investment_access.h"
#include "investment/key_project_store.h"
#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::investment {
namespace {

STORE_TEST_SUITE(InspectionStoreTest);

struct World {
  int64_t l1 = 0, l2 = 0, a = 0, b = 0;  // two lead units, two investors
  std::vector<InspectionPlan> plans;     // in insertion order
  std::vector<Inspection> visits;
};

// A plan of `year` led by `lead`, visiting each investor (visited when the flag is set).
struct PlanSeed {
  int year;
  int64_t World::*lead;
  std::vector<std::pair<int64_t World::*, bool>> visits;
};

Result<int64_t> AddUnit(db::Connection& c, const char* code) {
  units::Unit u{
      .code = code, .name = code, .kind = "department", .valid_from = *Date::Parse("2020-01-01")};
  return units::InsertUnit(c, u, std::nullopt, 1);
}

Result<World> Build(db::Connection& c) {
  World w;
  DH_ASSIGN_OR_RETURN(w.l1, AddUnit(c, "L1"));
  DH_ASSIGN_OR_RETURN(w.l2, AddUnit(c, "L2"));
  DH_ASSIGN_OR_RETURN(w.a, AddUnit(c, "A"));
  DH_ASSIGN_OR_RETURN(w.b, AddUnit(c, "B"));
  const PlanSeed seeds[] = {
      {2026, &World::l1, {{&World::a, true}, {&World::b, false}}},  // in progress
      {2026, &World::l2, {{&World::a, false}}},                     // planned
      {2026, &World::l2, {{&World::b, true}}},                      // done
      {2026, &World::l1, {}},                                       // no visit
      {2026, &World::l2, {}},                                       // no visit
      {2025, &World::l2, {{&World::a, true}, {&World::a, true}}},   // done
      {2026, &World::l1, {{&World::b, true}, {&World::a, false}}},  // in progress
  };
  for (const PlanSeed& s : seeds) {
    InspectionPlan p{.year = s.year, .title = "Kế hoạch", .lead_unit_id = w.*s.lead};
    DH_ASSIGN_OR_RETURN(p.id, InsertInspectionPlan(c, p));
    w.plans.push_back(p);
    for (const auto& [investor, visited] : s.visits) {
      Inspection x{
          .plan_id = p.id, .investor_id = w.*investor, .planned_on = *Date::Parse("2026-03-01")};
      if (visited) x.visited_on = x.planned_on;
      DH_ASSIGN_OR_RETURN(x.id, InsertInspection(c, x));
      w.visits.push_back(x);
    }
  }
  return w;
}

InvestmentAccess ReadOnly(const std::optional<std::vector<int64_t>>& scope) {
  const units::UnitScope none = units::UnitScope::Of({});
  if (!scope) return {.read = units::UnitScope::All(), .report = none, .manage = none};
  return {
      .read = units::UnitScope::Of({scope->begin(), scope->end()}), .report = none, .manage = none};
}

template <typename T>
bool Has(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// What the access rules and the summary say the list holds, the latest first.
std::vector<int64_t> Expected(const World& w, const InspectionPlanFilter& f) {
  const InvestmentAccess a = ReadOnly(f.scope);
  std::vector<InspectionPlan> plans = w.plans;
  std::sort(plans.begin(), plans.end(), [](const InspectionPlan& x, const InspectionPlan& y) {
    return x.year != y.year ? x.year > y.year : x.id > y.id;
  });
  std::vector<int64_t> out;
  for (const InspectionPlan& p : plans) {
    std::vector<const Inspection*> seen;
    for (const Inspection& x : w.visits)
      if (x.plan_id == p.id && CanSeeInspection(a, x, p.lead_unit_id)) seen.push_back(&x);
    if (!CanSeeInspectionPlan(a, p, seen.size())) continue;
    const InspectionPlanSummary s = SummarizeInspectionPlan(p, seen, 0);
    if ((f.year && p.year != *f.year) || (f.lead_unit_id && p.lead_unit_id != *f.lead_unit_id) ||
        (f.status && s.status != *f.status) || (f.ids && !Has(*f.ids, p.id)) ||
        (f.investor_id && !Has(s.investor_ids, *f.investor_id)))
      continue;
    out.push_back(p.id);
  }
  return out;
}

TEST_P(InspectionStoreTest, PagesExactlyThePlansTheAccessRulesLetThrough) {
  const World w = MustWrite<World>(Build);
  using Ids = std::vector<int64_t>;
  const std::vector<std::optional<Ids>> scopes = {
      std::nullopt, Ids{}, Ids{w.l1}, Ids{w.l2}, Ids{w.a}, Ids{w.b}, Ids{w.l2, w.a}, Ids{w.a, w.b}};
  using S = InspectionStatus;
  const int64_t p1 = w.plans[0].id, p3 = w.plans[2].id;
  const std::vector<InspectionPlanFilter> filters = {
      {},
      {.year = 2026},
      {.year = 2025},
      {.lead_unit_id = w.l1},
      {.investor_id = w.a},
      {.investor_id = w.b},
      {.status = S::kPlanned},
      {.status = S::kInProgress},
      {.status = S::kDone},
      {.investor_id = w.a, .status = S::kInProgress},
      {.ids = Ids{p1, p3}},
      {.ids = Ids{}},
  };
  for (size_t si = 0; si < scopes.size(); ++si) {
    for (size_t fi = 0; fi < filters.size(); ++fi) {
      InspectionPlanFilter f = filters[fi];
      f.scope = scopes[si];
      const std::vector<int64_t> want = Expected(w, f);
      std::vector<int64_t> got;
      for (int64_t offset = 0; offset <= static_cast<int64_t>(w.plans.size()); offset += 2) {
        int64_t total = -1;
        auto page = MustRead<std::vector<InspectionPlan>>(
            [&](db::Connection& c) { return PageInspectionPlans(c, f, 2, offset, &total); });
        EXPECT_EQ(total, static_cast<int64_t>(want.size())) << "scope " << si << " filter " << fi;
        EXPECT_LE(page.size(), 2u);
        for (const InspectionPlan& p : page) got.push_back(p.id);
      }
      EXPECT_EQ(got, want) << "scope " << si << " filter " << fi;
    }
  }
}

}  // namespace
}  // namespace dh::investment

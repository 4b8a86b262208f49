// The roll-up's rules as tables of cases: the disbursement windows (31/01 of Y+1, and 31/12
// of Y+1 for capital added after 30/09), the target trajectory, the gap, red/amber/green, the
// same date's average of past years; then the read model's sums on both bases, late capital
// apart, commitments, filters and scope, on a small constructed portfolio.
#include "investment/investment_rollup.h"

#include <gtest/gtest.h>

#include "investment/investment_index.h"

namespace dh::investment {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(InvestmentRollup, PaymentsCountInTheirWindow) {
  const struct {
    int plan_year;
    const char* paid_on;
    PaymentWindow window;
    std::optional<int> slot;
    const char* why;
  } cases[] = {
      {2025, "2024-12-31", PaymentWindow::kBeforeYear, std::nullopt, "before the year"},
      {2025, "2025-01-01", PaymentWindow::kRegular, 0, "first day"},
      {2025, "2025-06-30", PaymentWindow::kRegular, 5, "June"},
      {2025, "2025-12-31", PaymentWindow::kRegular, 11, "31 December"},
      {2025, "2026-01-31", PaymentWindow::kRegular, 12, "31 January of Y+1: art. 72"},
      {2025, "2026-02-01", PaymentWindow::kLateCapital, 13, "1 February: late capital only"},
      {2025, "2026-12-31", PaymentWindow::kLateCapital, 13, "31 December of Y+1"},
      {2025, "2027-01-01", PaymentWindow::kClosed, std::nullopt, "after every window"},
      {2024, "2025-01-15", PaymentWindow::kRegular, 12, "2024's plan in January 2025"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(WindowOf(c.plan_year, D(c.paid_on)), c.window) << c.why;
    EXPECT_EQ(MonthSlotOf(c.plan_year, D(c.paid_on)), c.slot) << c.why;
  }
}

TEST(InvestmentRollup, TargetFollowsTheMilestonesInStraightLines) {
  const auto m = DefaultTrajectory(2025);
  const struct {
    const char* day;
    double target;
    const char* why;
  } cases[] = {
      {"2025-01-01", 0.0, "1 January starts at 0"},
      {"2025-06-30", 0.40, "30/6 → 40 %"},
      {"2025-09-30", 0.65, "30/9 → 65 %"},
      {"2025-12-31", 0.95, "31/12 → 95 %"},
      {"2026-01-31", 0.95, "after the last milestone it stays"},
      {"2025-08-15", 0.40 + 0.25 * 46 / 92, "between two milestones, by day"},
      {"2024-12-31", 0.0, "before the year"},
  };
  for (const auto& c : cases) EXPECT_NEAR(TargetAt(m, 2025, D(c.day)), c.target, 1e-9) << c.why;
  EXPECT_DOUBLE_EQ(FinalTarget(m), 0.95);
  EXPECT_DOUBLE_EQ(FinalTarget({}), 0.95);
  EXPECT_DOUBLE_EQ(FinalTarget({{2025, D("2025-12-31"), 9000}}), 0.90);
}

TEST(InvestmentRollup, GapAndColourAgainstTheTrajectory) {
  const struct {
    double target;
    Money disbursed, plan;
    Money gap_money;
    double gap_points;
    Rag rag;
    const char* why;
  } cases[] = {
      {0.40, 400, 1000, 0, 0, Rag::kGreen, "exactly on the trajectory"},
      {0.40, 500, 1000, -100, -10, Rag::kGreen, "ahead"},
      {0.40, 310, 1000, 90, 9, Rag::kAmber, "9 points behind: amber"},
      {0.40, 300, 1000, 100, 10, Rag::kRed, "10 points behind: red"},
      {0.95, 0, 1000, 950, 95, Rag::kRed, "nothing paid"},
      {0.95, 949'999'999'999, 1'000'000'000'000, 1, 0.0000000001, Rag::kGreen,
       "a đồng short of 95 % of a trillion reads as on it"},
  };
  for (const auto& c : cases) {
    const Gap g = GapTo(c.target, c.disbursed, c.plan);
    EXPECT_EQ(g.money, c.gap_money) << c.why;
    EXPECT_NEAR(g.points, c.gap_points, 1e-6) << c.why;
    EXPECT_EQ(RagOf(Rate(c.disbursed, c.plan), c.target), c.rag) << c.why;
  }
  EXPECT_EQ(Rate(5, 0), std::nullopt);
  EXPECT_EQ(RagOf(std::nullopt, 0.95), Rag::kGreen);
}

MonthAmounts Months(std::initializer_list<Money> m) {
  MonthAmounts a{};
  int i = 0;
  for (Money x : m) a[i++] = x;
  return a;
}

TEST(InvestmentRollup, CumulativeAndTheSameDateOfPastYears) {
  const MonthAmounts m = Months({10, 10, 10, 10, 10, 30, 10, 10, 10, 10, 10, 100, 60});
  EXPECT_EQ(CumulativeTo(m, 5), 80);
  EXPECT_EQ(CumulativeTo(m, 12), 290);
  EXPECT_EQ(CumulativeAt(m, 2025, D("2025-06-15"), false), 80) << "this year: June whole";
  EXPECT_EQ(CumulativeAt(m, 2025, D("2025-06-15"), true), 65) << "past: half of June";
  EXPECT_EQ(CumulativeAt(m, 2025, D("2026-03-01"), true), 290) << "after 31/01: final";
  EXPECT_EQ(CumulativeAt(m, 2025, D("2024-03-01"), true), 0);
  const std::vector<YearCurve> past = {{2023, 1000, m}, {2024, 500, m}, {2022, 0, m}};
  // 2023: 65/1000, 2024: 65/500; the year without a plan is left out.
  EXPECT_NEAR(*SameDateAverage(past, 2025, D("2025-06-15")), (0.065 + 0.13) / 2, 1e-12);
  // 15/01 of Y+1 is 15/01 of each past year's next year: 230 + 60 × 15/31 ≈ 259.
  EXPECT_NEAR(*SameDateAverage(past, 2025, D("2026-01-15")), (259.0 / 1000 + 259.0 / 500) / 2,
              1e-12);
  EXPECT_EQ(SameDateAverage({}, 2025, D("2025-06-15")), std::nullopt);
}

// ---- The read model on a constructed portfolio --------------------------------------------
// Investors 10 and 11, managing department 20; sources 1 and 2. Project 1 (investor 10):
// 1000 PM / 1200 council on source 1, 200 added after 30/09 (council); project 2 (investor 11,
// managed by 20, key): 500 on source 2 on both bases.
Project P(int64_t id, int64_t investor, std::optional<int64_t> manager, bool key,
          const char* sector, ProjectGroup group, std::vector<int64_t> locations) {
  Project p;
  p.id = id, p.investor_id = investor, p.managing_unit_id = manager, p.is_key = key;
  p.sector = sector, p.group = group, p.location_unit_ids = std::move(locations);
  p.code = "DA" + std::to_string(id), p.name = "Dự án " + std::to_string(id);
  return p;
}

PlanVersion V(int64_t id, int64_t project, int64_t source, PlanBasis basis, Money amount,
              bool late = false, int year = 2025) {
  PlanVersion v;
  v.id = id, v.year = year, v.project_id = project, v.source_id = source, v.basis = basis;
  v.amount = amount, v.added_after_sep30 = late && amount > 0;
  v.decision_date = D(late ? "2025-10-15" : "2025-01-10");
  return v;
}

Disbursement Pay(int64_t id, int64_t project, int64_t source, const char* day, Money amount,
                 int year = 2025) {
  Disbursement d;
  d.id = id, d.project_id = project, d.source_id = source, d.plan_year = year;
  d.paid_on = D(day), d.amount = amount;
  return d;
}

void Fill(InvestmentIndex& x) {
  x.PutProject(P(1, 10, std::nullopt, false, "transport", ProjectGroup::kB, {30, 31}));
  x.PutProject(P(2, 11, 20, true, "health", ProjectGroup::kA, {31}));
  const auto pm = PlanBasis::kPrimeMinister, co = PlanBasis::kCouncil;
  for (const PlanVersion& v :
       {V(1, 1, 1, pm, 1000), V(2, 1, 1, co, 1200), V(3, 1, 1, co, 200, true), V(4, 2, 2, pm, 500),
        V(5, 2, 2, co, 600), V(6, 2, 2, co, -100), V(7, 1, 1, co, -50, true)})
    x.AddPlanVersion(v);
  for (const Disbursement& d :
       {Pay(1, 1, 1, "2025-03-10", 100), Pay(2, 1, 1, "2025-12-20", 500),
        Pay(3, 1, 1, "2026-01-20", 200), Pay(4, 1, 1, "2026-05-01", 150),
        Pay(5, 2, 2, "2025-06-01", 250), Pay(6, 2, 2, "2026-03-01", 99),
        Pay(7, 2, 2, "2024-12-31", 7), Pay(8, 2, 2, "2025-01-15", 50, 2024)})
    x.AddDisbursement(d);
  x.AddDisbursement(Pay(1, 1, 1, "2025-03-10", 100));  // handed over twice: no change
  x.AddPlanVersion(V(1, 1, 1, pm, 1000));
  x.SetCommitments(1, 2025, {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50});
}

TEST(InvestmentIndex, RollsUpOnEitherBasisWithLateCapitalApart) {
  InvestmentIndex x;
  Fill(x);
  const struct {
    PlanBasis basis;
    RollupBy by;
    std::vector<std::tuple<int64_t, Money, Money, Money, Money>>
        rows;  // key, plan, late, paid, late paid
    const char* why;
  } cases[] = {
      {PlanBasis::kPrimeMinister,
       RollupBy::kCity,
       {{0, 1500, 0, 1050, 0}},
       "1 Feb–Dec of Y+1 counts only against late capital; 2024's plan and early money apart"},
      {PlanBasis::kCouncil,
       RollupBy::kCity,
       {{0, 1700, 150, 1050, 150}},
       "council: 200 − 50 decided after 30/09 left out of the denominator; 150 paid in 2026 apart"},
      {PlanBasis::kCouncil,
       RollupBy::kInvestor,
       {{10, 1200, 150, 800, 150}, {11, 500, 0, 250, 0}},
       "by investor; an adjustment takes 100 from project 2"},
      {PlanBasis::kPrimeMinister,
       RollupBy::kManager,
       {{0, 1000, 0, 800, 0}, {20, 500, 0, 250, 0}},
       "no managing unit is key 0"},
      {PlanBasis::kPrimeMinister,
       RollupBy::kLocation,
       {{0, 1000, 0, 800, 0}, {31, 500, 0, 250, 0}},
       "a project in two districts counts once, in key 0 (several places): rows add up to the "
       "city"},
      {PlanBasis::kPrimeMinister,
       RollupBy::kSource,
       {{1, 1000, 0, 800, 0}, {2, 500, 0, 250, 0}},
       "by source"},
      {PlanBasis::kPrimeMinister,
       RollupBy::kKey,
       {{0, 1000, 0, 800, 0}, {1, 500, 0, 250, 0}},
       "key flag"},
      {PlanBasis::kPrimeMinister,
       RollupBy::kProject,
       {{1, 1000, 0, 800, 0}, {2, 500, 0, 250, 0}},
       "drill down to projects"},
  };
  for (const auto& c : cases) {
    const auto rows = x.Rollup(2025, c.basis, c.by, {});
    ASSERT_EQ(rows.size(), c.rows.size()) << c.why;
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& [key, plan, late, paid, late_paid] = c.rows[i];
      EXPECT_EQ(rows[i].key, key) << c.why;
      EXPECT_EQ(rows[i].sums.plan, plan) << c.why;
      EXPECT_EQ(rows[i].sums.late_plan, late) << c.why;
      EXPECT_EQ(rows[i].sums.disbursed, paid) << c.why;
      EXPECT_EQ(rows[i].sums.late_disbursed, late_paid) << c.why;
    }
  }
}

TEST(InvestmentIndex, MonthsCommitmentsFiltersAndScope) {
  InvestmentIndex x;
  Fill(x);
  const Sums city = x.Total(2025, PlanBasis::kPrimeMinister, {});
  EXPECT_EQ(city.months[2], 100);
  EXPECT_EQ(city.months[5], 250);
  EXPECT_EQ(city.months[11], 500);
  EXPECT_EQ(city.months[12], 200) << "January of Y+1";
  EXPECT_EQ(CumulativeTo(city.months, 5), 350);
  EXPECT_EQ(city.committed[0], 50) << "project 1's commitment";
  auto group = x.Rollup(2025, PlanBasis::kPrimeMinister, RollupBy::kGroup, {});
  ASSERT_EQ(group.size(), 2u);
  EXPECT_EQ(group[0].code, "A");
  EXPECT_EQ(group[1].code, "B");
  auto sector = x.Rollup(2025, PlanBasis::kPrimeMinister, RollupBy::kSector, {});
  ASSERT_EQ(sector.size(), 2u);
  EXPECT_EQ(sector[0].code, "transport");
  const struct {
    RollupFilter f;
    Money paid;
    const char* why;
  } cases[] = {
      {{.investor_id = 10}, 800, "investor 10"},     {{.source_id = 2}, 250, "source 2"},
      {{.location_id = 30}, 800, "district 30"},     {{.sector = "health"}, 250, "sector"},
      {{.group = ProjectGroup::kB}, 800, "group B"}, {{.is_key = true}, 250, "key projects"},
      {{.project_id = 2}, 250, "one project"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(x.Total(2025, PlanBasis::kPrimeMinister, c.f).disbursed, c.paid) << c.why;
  std::vector<bool> investor10(40), department20(40), none(40);
  investor10[10] = department20[20] = true;
  EXPECT_EQ(x.Total(2025, PlanBasis::kPrimeMinister, {.visible_units = &investor10}).disbursed, 800)
      << "an investor sees only its projects";
  EXPECT_EQ(x.Total(2025, PlanBasis::kPrimeMinister, {.visible_units = &department20}).disbursed,
            250)
      << "a department sees the projects it manages";
  EXPECT_EQ(x.Total(2025, PlanBasis::kPrimeMinister, {.visible_units = &none}).plan, 0);
  EXPECT_TRUE(x.Sees(2, {.visible_units = &department20}));
  EXPECT_FALSE(x.Sees(1, {.visible_units = &department20}));
  EXPECT_FALSE(x.Sees(99, {}));
  EXPECT_EQ(x.Total(2024, PlanBasis::kPrimeMinister, {}).disbursed, 50);
}

}  // namespace
}  // namespace dh::investment

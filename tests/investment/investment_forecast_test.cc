// The forecast on constructed curves: past years of known shape, this year's amount so far,
// and what the method must answer (point, range, cap at the plan, the trajectory's shape
// when there is no past); the projects behind the shortfall with their reasons; the backtest.
#include "investment/investment_forecast.h"

#include <gtest/gtest.h>

namespace dh::investment {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// A year whose cumulative rate at the end of each slot (0–12) is `pct` % of `plan`.
YearCurve Shape(int year, Money plan, std::vector<double> pct) {
  YearCurve y{year, plan, {}};
  Money before = 0;
  for (size_t s = 0; s < pct.size(); ++s) {
    const Money cum = static_cast<Money>(plan * pct[s] / 100);
    y.months[s] = cum - before;
    before = cum;
  }
  return y;
}

// Back-loaded as in reality: 20 % by June, 85 % by December, 95 % by 31 January.
const std::vector<double> kUsual = {2, 4, 7, 10, 14, 20, 26, 33, 42, 52, 64, 85, 95};

// This year, `paid` spread over January–June.
YearCurve SoFar(int year, Money plan, Money paid) {
  YearCurve y{year, plan, {}};
  for (int s = 0; s < 6; ++s) y.months[s] = paid / 6;
  y.months[5] += paid - paid / 6 * 6;
  return y;
}

TEST(InvestmentForecast, ProjectsThisYearOnThePastYearsShape) {
  const std::vector<YearCurve> usual = {Shape(2022, 1000, kUsual), Shape(2023, 3000, kUsual),
                                        Shape(2024, 500, kUsual)};
  // June shares of the final amount 0.2, 0.25 and 0.4.
  const std::vector<YearCurve> varied = {
      Shape(2022, 1000, {20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 90, 100}),
      Shape(2023, 1000, {25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 90, 100}),
      Shape(2024, 1000, {40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 90, 100})};
  // Only 2024 is within five years before 2025; 2018 is too old and 2026 comes after.
  const std::vector<YearCurve> mixed = {
      Shape(2018, 1000, {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90, 100}),
      Shape(2026, 1000, {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90, 100}), varied[1]};
  const struct {
    const char* why;
    std::vector<YearCurve> past;
    Money plan, paid;
    std::optional<double> point, low, high, december;
    int years_used;
  } cases[] = {
      {"same shape three years: 300 × 95/20 of 2000", usual, 2000, 300, 0.7125, 0.7125, 0.7125,
       0.6375, 3},
      {"three shapes: the median and the range", varied, 1000, 100, 0.4, 0.25, 0.5, 0.36, 3},
      {"never above the plan", varied, 1000, 400, 1.0, 1.0, 1.0, 1.0, 3},
      {"nothing paid: no forecast", usual, 1000, 0, std::nullopt, {}, {}, std::nullopt, 3},
      {"no past year: the trajectory's shape (40 % of 95 % by 30/06)",
       {},
       1000,
       380,
       0.9025,
       0.9025,
       0.9025,
       0.9025,
       0},
      {"only the five years before count", mixed, 1000, 100, 0.4, 0.4, 0.4, 0.36, 1},
  };
  for (const auto& c : cases) {
    const Forecast f =
        ForecastRate(SoFar(2025, c.plan, c.paid), D("2025-06-30"), c.past, DefaultTrajectory(2025));
    ASSERT_EQ(f.january.has_value(), c.point.has_value()) << c.why;
    if (!c.point) continue;
    EXPECT_NEAR(f.january->point, *c.point, 1e-3) << c.why;
    EXPECT_NEAR(f.january->low, *c.low, 1e-3) << c.why;
    EXPECT_NEAR(f.january->high, *c.high, 1e-3) << c.why;
    EXPECT_NEAR(f.december->point, *c.december, 1e-3) << c.why;
    EXPECT_EQ(f.years_used, c.years_used) << c.why;
  }
}

TEST(InvestmentForecast, ShortfallMoney) {
  Forecast f;
  f.january = Projection{0.7, 0.6, 0.8, 700};
  EXPECT_EQ(ExpectedShortfall(f, 1000, 0.95), 250);
  f.january->expected = 990;
  EXPECT_EQ(ExpectedShortfall(f, 1000, 0.95), 0);
  EXPECT_EQ(ExpectedShortfall(Forecast{}, 1000, 0.95), 950) << "no forecast: all of it";
}

TEST(InvestmentForecast, TheProjectsBehindTheShortfallWithTheirReasons) {
  ProjectCurve steady{1, 1000, SoFar(2025, 1000, 400).months};
  ProjectCurve silent{2, 1000, {}};
  ProjectCurve stuck{3, 1000, {}};
  stuck.months[0] = 100, stuck.open_bottlenecks = 2;
  ProjectCurve done{4, 1000, SoFar(2025, 1000, 1000).months};
  const std::vector<ProjectCurve> all = {steady, silent, stuck, done};
  // Multiplier 2: steady 800 (200 unspent), silent 0 (1000), stuck 200 (800), done 1000 (0).
  const auto out = ShortfallProjects(all, 2025, D("2025-06-30"), 2.0, 1500, 10);
  ASSERT_EQ(out.size(), 2u) << "1000 + 800 cover 1500";
  EXPECT_EQ(out[0].project_id, 2);
  EXPECT_EQ(out[0].unspent, 1000);
  EXPECT_EQ(out[1].project_id, 3);
  EXPECT_EQ(out[1].expected, 200);
  EXPECT_EQ(ShortfallProjects(all, 2025, D("2025-06-30"), 2.0, 1500, 1).size(), 1u);
  EXPECT_EQ(ShortfallProjects(all, 2025, D("2025-06-30"), 2.0, 0, 10).size(), 0u);
  const struct {
    const char* why;
    ProjectCurve p;
    std::vector<std::pair<std::string, int>> reasons;
  } cases[] = {
      {"nothing since January", silent, {{"no_disbursement", 6}}},
      {"quiet five months, two bottlenecks, the rest needs 7× its pace",
       stuck,
       {{"no_disbursement", 5}, {"open_bottleneck", 2}, {"plan_above_pace", 7}}},
      {"paying steadily but behind", steady, {{"behind", 0}}},
  };
  for (const auto& c : cases) {
    const auto r = ReasonsOf(c.p, 2025, D("2025-06-30"));
    ASSERT_EQ(r.size(), c.reasons.size()) << c.why;
    for (size_t i = 0; i < r.size(); ++i) {
      EXPECT_EQ(r[i].code, c.reasons[i].first) << c.why;
      EXPECT_EQ(r[i].count, c.reasons[i].second) << c.why;
      EXPECT_FALSE(r[i].message.empty());
    }
  }
  EXPECT_EQ(ReasonsOf(silent, 2025, D("2025-06-30"))[0].message,
            "Chưa giải ngân đồng nào từ đầu năm (6 tháng).");
}

TEST(InvestmentForecast, BacktestComparesTheJuneForecastWithTheYear) {
  std::vector<YearCurve> years = {Shape(2021, 1000, kUsual), Shape(2022, 2000, kUsual),
                                  Shape(2023, 1000, kUsual)};
  // 2024 ends lower than its June share says: 20 % by June, then only 80 %.
  years.push_back(Shape(2024, 1000, {2, 4, 7, 10, 14, 20, 26, 33, 42, 52, 60, 75, 80}));
  const auto rows = Backtest(years);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].year, 2021);
  EXPECT_EQ(rows[0].years_used, 0) << "no earlier year: the trajectory's shape";
  EXPECT_NEAR(rows[0].forecast.point, 0.2 / (0.40 / 0.95), 1e-3);
  for (int i : {1, 2}) {
    EXPECT_EQ(rows[i].years_used, i);
    EXPECT_NEAR(rows[i].error_points, 0, 0.1) << rows[i].year;
  }
  EXPECT_NEAR(rows[3].forecast.point, 0.95, 1e-3);
  EXPECT_NEAR(rows[3].actual, 0.80, 1e-9);
  EXPECT_NEAR(rows[3].error_points, 15, 0.1);
  EXPECT_FALSE(ForecastMethod().empty());
}

}  // namespace
}  // namespace dh::investment

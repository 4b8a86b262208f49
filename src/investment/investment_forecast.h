// Forecast and early warning (issue 10): the expected rate at 31/12 and 31/01 from this
// year's curve so far and the shape of the city's past years, with a range; the projects
// behind most of the expected shortfall, each with its reasons; a backtest on past years.
// Pure functions over curves (investment_rollup.h); the read model supplies them.
//
// The method (ForecastMethod() says it for the page, in the reader's language): for each of
// up to five past years, the share of that year's final disbursement already paid on the same date;
// this year's amount so far divided by each share gives one projection per past year. The
// median is the forecast, the smallest and largest the range. A projection never exceeds the
// plan (money beyond it cannot be paid) unless more was paid already. With no past year the
// target trajectory gives the shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "investment/investment_rollup.h"

namespace dh::investment {

inline constexpr int kForecastYears = 5;

struct Projection {
  double point = 0, low = 0, high = 0;  // rates (0.87)
  Money expected = 0;                   // đồng paid by then, at the point
};

struct Forecast {
  std::optional<Projection> december;  // 31/12
  std::optional<Projection> january;   // 31/01 of Y+1: the year's rate
  int years_used = 0;                  // past years whose shape was used; 0: the trajectory
  // The point at 31/01 divided by what was paid so far: what the shortfall uses per project.
  double multiplier = 1;
};

// `now`: this year's plan and months as paid so far; `past`: the city's past years (any
// order; only the kForecastYears before now.year with a plan and a final amount count).
// Nothing when nothing has been paid yet or no shape is known at `as_of`.
Forecast ForecastRate(const YearCurve& now, Date as_of, const std::vector<YearCurve>& past,
                      const std::vector<TargetMilestone>& milestones);

// The money the forecast leaves below the final target at 31/01 (0 when none).
Money ExpectedShortfall(const Forecast& f, Money plan, double final_target);

// A project as the shortfall sees it.
struct ProjectCurve {
  int64_t project_id = 0;
  Money plan = 0;
  MonthAmounts months{};
  Money previous_year_disbursed = 0;  // paid against last year's plan
  int open_bottlenecks = 0;
};

struct Reason {
  std::string code;     // no_disbursement | open_bottleneck | plan_above_pace | behind
  int count = 0;        // months without payment, open bottlenecks, times the pace
  std::string message;  // in the reader's language (core/message.h)
};

struct ShortfallProject {
  int64_t project_id = 0;
  Money plan = 0, disbursed = 0, expected = 0, unspent = 0;
  std::vector<Reason> reasons;
};

// Quiet months from which "no disbursement" is a reason; times the past pace the rest of the
// plan needs from which "plan above pace" is.
inline constexpr int kQuietMonths = 2;
inline constexpr double kPaceFactor = 2;

// The projects expected to leave the most unspent, the largest first, until they account for
// `shortfall` (at most `limit`), each with its reasons on `as_of`.
std::vector<ShortfallProject> ShortfallProjects(const std::vector<ProjectCurve>& projects, int year,
                                                Date as_of, double multiplier, Money shortfall,
                                                size_t limit);
std::vector<Reason> ReasonsOf(const ProjectCurve& p, int year, Date as_of);

// How far the forecast made on 30/06 of each past year was from that year's actual rate.
struct BacktestRow {
  int year = 0;
  Projection forecast;
  double actual = 0;
  double error_points = 0;  // (forecast − actual) × 100
  int years_used = 0;
};
std::vector<BacktestRow> Backtest(const std::vector<YearCurve>& years);

// One paragraph, in Vietnamese, that explains the method on the page.
std::string ForecastMethod();

}  // namespace dh::investment

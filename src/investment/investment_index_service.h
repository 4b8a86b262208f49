// The leaders' view of public investment (issue 10): roll-ups, the S-curve beside past years,
// the target trajectory, the forecast with the projects behind the shortfall, and the warnings
// when an investor's forecast falls below the target. Every answer comes from the read model
// (InvestmentIndex), kept current through the change feed; none runs a GROUP BY.
//
// Scope: a project is seen when its investor or its managing unit is in the caller's
// investment.read scope (an investor sees its own projects, a department those it manages).
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "http/principal.h"
#include "investment/investment_forecast.h"
#include "investment/investment_index.h"
#include "readmodel/change_feed.h"
#include "units/unit_directory.h"

namespace dh::investment {

struct RollupQuery {
  int year = 0;
  PlanBasis basis = PlanBasis::kCouncil;
  RollupBy by = RollupBy::kInvestor;
  RollupFilter filter;  // visible_units is set by the service
};

struct RollupAnswer {
  Date as_of;
  std::vector<TargetMilestone> milestones;
  double target = 0;        // on as_of
  double final_target = 0;  // at 31/12
  Sums total;
  std::vector<RollupRow> rows;
  std::vector<YearCurve> past;              // up to five previous years, same filter
  std::optional<double> same_date_average;  // of those years, on as_of's day
};

struct InvestorForecast {
  int64_t investor_id = 0;
  Money plan = 0, disbursed = 0;
  Forecast forecast;
  bool below_target = false;
};

struct ForecastAnswer {
  Date as_of;
  double final_target = 0;
  Money plan = 0, disbursed = 0, shortfall = 0;
  Forecast forecast;
  std::vector<YearCurve> past;  // the shapes used: the city's previous years
  std::vector<ShortfallProject> projects;
  std::vector<InvestorForecast> investors;  // worst first
  std::vector<BacktestRow> backtest;
};

class InvestmentView {
 public:
  InvestmentView(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                 InvestmentIndex& index, readmodel::ChangeFeed& feed);

  // The day a year's figures stand on: today, or 31/01 of Y+1 for a year that is over.
  Date AsOf(int year) const;
  int CurrentYear() const;
  Result<RollupAnswer> Rollup(const auth::Principal& who, RollupQuery q) const;
  Result<ForecastAnswer> Forecast(const auth::Principal& who, int year, PlanBasis basis,
                                  std::optional<int64_t> investor_id) const;
  // Whether `who` sees the project (for names in answers and links).
  bool Sees(const auth::Principal& who, int64_t project_id) const;
  // Notifies each investor whose forecast at 31/01 is below the year's target, and the office,
  // once and then once a week while it lasts. Returns how many notices were written.
  Result<int64_t> WarnBelowTarget(PlanBasis basis = PlanBasis::kCouncil);
  const InvestmentIndex& index() const { return index_; }

 private:
  Status LoadModel();
  Status ApplyChanges(const std::vector<readmodel::Change>& changes);
  Status Reread(db::Connection& c, const std::vector<readmodel::Change>& changes);
  std::unique_ptr<std::vector<bool>> Scope(const auth::Principal& who) const;
  std::vector<InvestorForecast> InvestorForecasts(int year, PlanBasis basis,
                                                  const RollupFilter& f) const;

  // Brings the model up to the last commit of this process (db::WriteGeneration), as the
  // tasks' model is: an answer reflects the writes made just before it here, and asks the
  // database nothing when this process has committed nothing since the last catch-up. What
  // other processes commit comes in through the shared feed's refresher (App).
  void CatchUp() const;

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  InvestmentIndex& index_;
  readmodel::ChangeFeed& feed_;
  mutable std::atomic<uint64_t> caught_up_at_{~uint64_t{0}};  // the generation last caught up
};

}  // namespace dh::investment

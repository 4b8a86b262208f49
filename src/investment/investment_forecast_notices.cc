#include "investment/investment_forecast_notices.h"

#include <algorithm>
#include <cmath>

#include "investment/investment_index_service.h"
#include "notifications/notice_text.h"
#include "notifications/outbox.h"
#include "tasks/task_notices.h"

namespace dh::investment {

std::string Percent(double rate) {
  const long tenths = std::lround(rate * 1000);
  return std::to_string(tenths / 10) + "," + std::to_string(std::labs(tenths % 10)) + " %";
}

namespace {

inline constexpr MessageText kForecastBelow{
    "investment.notice_forecast_below",
    "Dự báo giải ngân dưới mục tiêu: {investor}",
    "Disbursement forecast below target: {investor}",
};
inline constexpr MessageText kForecastBelowBody{
    "investment.notice_forecast_below_body",
    "Đến ngày {as_of}, dự báo tỷ lệ giải ngân kế hoạch vốn năm {year} của {investor} đến "
    "31/01/{next_year} là {point} (khoảng {low} – {high}), dưới mục tiêu {target}. Xem các dự án "
    "chậm trên trang Dự báo giải ngân.",
    "As of {as_of}, the forecast disbursement rate of the {year} capital plan of {investor} by "
    "31/01/{next_year} is {point} (about {low} – {high}), below the target of {target}. See the "
    "projects behind schedule on the Disbursement forecast page.",
};
const notifications::NoticeTexts kRegistered{&kForecastBelow, &kForecastBelowBody};

}  // namespace

int64_t WeekOf(Date d) { return (d.days() + 3) / 7; }  // 1970-01-01 was a Thursday

Result<int64_t> NoticeForecastBelowTarget(db::Connection& c, const units::UnitGraph& g,
                                          const ForecastWarning& w, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, w.investor_id));
  DH_ASSIGN_OR_RETURN(auto office, tasks::Deciders(c, g, w.investor_id));
  people.insert(people.end(), office.begin(), office.end());
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  auto percent = [](double rate) {
    std::string en = Percent(rate);
    std::replace(en.begin(), en.end(), ',', '.');
    return Label{Percent(rate), en};
  };
  const notifications::NoticeText text{&kForecastBelow,
                                       &kForecastBelowBody,
                                       {{"investor", w.investor_name},
                                        {"as_of", w.as_of.ToVietnamese()},
                                        {"year", std::to_string(w.year)},
                                        {"next_year", std::to_string(w.year + 1)},
                                        {"point", percent(w.point)},
                                        {"low", percent(w.low)},
                                        {"high", percent(w.high)},
                                        {"target", percent(w.target)}}};
  const std::string key = "investment_forecast/" + std::to_string(w.year) + "/" +
                          std::to_string(w.investor_id) + "/" + std::to_string(WeekOf(w.as_of));
  return notifications::Notify(c, people, "investment_forecast", std::nullopt, text, key, now);
}

Result<int64_t> InvestmentView::WarnBelowTarget(PlanBasis basis) {
  CatchUp();
  const int year = CurrentYear();
  const Date as_of = AsOf(year);
  const double target = FinalTarget(index_.Trajectory(year));
  const auto graph = units_.Get();
  std::vector<ForecastWarning> warnings;
  for (const InvestorForecast& x : InvestorForecasts(year, basis, {})) {
    if (!x.below_target) continue;
    const units::Unit* u = graph->Find(x.investor_id);
    const Projection& p = *x.forecast.january;
    warnings.push_back(
        {x.investor_id, u ? u->name : "", year, p.point, p.low, p.high, target, as_of});
  }
  int64_t written = 0;
  if (warnings.empty()) return written;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    for (const ForecastWarning& w : warnings) {
      DH_ASSIGN_OR_RETURN(int64_t n, NoticeForecastBelowTarget(c, *graph, w, clock_.NowSeconds()));
      written += n;
    }
    return Status::Ok();
  }));
  return written;
}

}  // namespace dh::investment

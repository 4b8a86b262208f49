#include "investment/investment_forecast_notices.h"

#include <algorithm>
#include <cmath>

#include "investment/investment_index_service.h"
#include "notifications/outbox.h"
#include "tasks/task_notices.h"

namespace dh::investment {

std::string Percent(double rate) {
  const long tenths = std::lround(rate * 1000);
  return std::to_string(tenths / 10) + "," + std::to_string(std::labs(tenths % 10)) + " %";
}

int64_t WeekOf(Date d) { return (d.days() + 3) / 7; }  // 1970-01-01 was a Thursday

Result<int64_t> NoticeForecastBelowTarget(db::Connection& c, const units::UnitGraph& g,
                                          const ForecastWarning& w, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, w.investor_id));
  DH_ASSIGN_OR_RETURN(auto office, tasks::Deciders(c, g, w.investor_id));
  people.insert(people.end(), office.begin(), office.end());
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  const std::string body = "Đến ngày " + w.as_of.ToVietnamese() +
                           ", dự báo tỷ lệ giải ngân kế "
                           "hoạch vốn năm " +
                           std::to_string(w.year) + " của " + w.investor_name + " đến 31/01/" +
                           std::to_string(w.year + 1) + " là " + Percent(w.point) + " (khoảng " +
                           Percent(w.low) + " – " + Percent(w.high) + "), dưới mục tiêu " +
                           Percent(w.target) + ". Xem các dự án chậm trên trang Dự báo giải ngân.";
  const std::string key = "investment_forecast/" + std::to_string(w.year) + "/" +
                          std::to_string(w.investor_id) + "/" + std::to_string(WeekOf(w.as_of));
  return notifications::Notify(c, people, "investment_forecast", std::nullopt,
                               "Dự báo giải ngân dưới mục tiêu: " + w.investor_name, body, key,
                               now);
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

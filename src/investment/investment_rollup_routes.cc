#include "investment/investment_rollup_routes.h"

#include <boost/json.hpp>

#include "http/download.h"
#include "http/route_table.h"
#include "investment/investment_messages.h"
#include "investment/investment_report.h"
#include "investment/investment_store.h"

namespace dh::investment {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

struct Deps {
  InvestmentView& view;
  db::Database& db;
  const units::UnitDirectory& units;
};

bj::value RateJson(std::optional<double> r) { return r ? bj::value(*r) : bj::value(nullptr); }

Result<int> YearOf(const Request& req, const InvestmentView& view) {
  DH_ASSIGN_OR_RETURN(auto year, http::QueryInt(req, "year"));
  const int y = static_cast<int>(year.value_or(view.CurrentYear()));
  if (y < 2000 || y > 2100) return Status::InvalidInput("year", Say(msg::kYearRange));
  return y;
}

Result<PlanBasis> BasisOf(const Request& req) {
  const std::string s = req.Query("basis").value_or("council");
  if (auto b = ParsePlanBasis(s)) return *b;
  return Status::InvalidInput("basis", Say(msg::kBasisOf));
}

// The year and the plan basis every roll-up reads.
struct Period {
  int year;
  PlanBasis basis;
};

Result<Period> PeriodOf(const Request& req, const InvestmentView& view) {
  DH_ASSIGN_OR_RETURN(const int year, YearOf(req, view));
  DH_ASSIGN_OR_RETURN(const PlanBasis basis, BasisOf(req));
  return Period{year, basis};
}

Status ReadIds(const Request& req, RollupFilter& f) {
  const std::pair<const char*, std::optional<int64_t>*> ids[] = {
      {"investor_id", &f.investor_id},
      {"managing_unit_id", &f.managing_unit_id},
      {"source_id", &f.source_id},
      {"location_id", &f.location_id},
      {"project_id", &f.project_id}};
  for (const auto& [name, slot] : ids) {
    DH_ASSIGN_OR_RETURN(*slot, http::QueryInt(req, name));
  }
  return Status::Ok();
}

Result<RollupFilter> FilterOf(const Request& req) {
  RollupFilter f;
  DH_RETURN_IF_ERROR(ReadIds(req, f));
  if (auto s = req.Query("sector"); s && !s->empty()) f.sector = *s;
  if (auto g = req.Query("group")) {
    f.group = ParseProjectGroup(*g);
    if (!f.group) return Status::InvalidInput("group", Say(msg::kRollupGroups));
  }
  if (auto k = req.Query("is_key")) {
    if (*k != "true" && *k != "false")
      return Status::InvalidInput("is_key", Say(msg::kKeyIsTrueFalse));
    f.is_key = *k == "true";
  }
  return f;
}

using Names = RollupNames;
Names NamesOf(const Deps& d) { return RollupNamesOf(d.db, d.units); }

// What was paid and promised up to the last complete month of `as_of`.
std::pair<Money, Money> AgainstCommitment(const Sums& s, int year, Date as_of) {
  int slot = std::min(SlotOfDay(year, as_of), 12);
  if (as_of != SlotEnd(year, std::max(slot, 0))) --slot;
  Money committed = 0;
  for (int m = 0; m <= std::min(slot, 11); ++m) committed += s.committed[m];
  return {CumulativeTo(s.months, slot), committed};
}

bj::object SumsJson(const Sums& s, int year, Date as_of, double target) {
  const auto [paid, committed] = AgainstCommitment(s, year, as_of);
  const Gap gap = GapTo(target, s.disbursed, s.plan);
  const auto rate = Rate(s.disbursed, s.plan);
  return {{"plan", s.plan},
          {"late_plan", s.late_plan},
          {"disbursed", s.disbursed},
          {"late_disbursed", s.late_disbursed},
          {"rate", RateJson(rate)},
          {"committed", committed},
          {"commitment_rate", RateJson(Rate(paid, committed))},
          {"gap_money", gap.money},
          {"gap_points", gap.points},
          {"rag", RagName(RagOf(rate, target))}};
}

// The S-curve: what was paid by the end of each slot (31/01 … 31/12, 31/01 of Y+1).
bj::array Cumulative(const MonthAmounts& m, int year, Money plan) {
  bj::array a;
  for (int s = 0; s < kCurveSlots; ++s) {
    const Money paid = CumulativeTo(m, s);
    a.push_back(bj::object{{"slot", s},
                           {"month_end", SlotEnd(year, s).ToString()},
                           {"disbursed", paid},
                           {"rate", RateJson(Rate(paid, plan))}});
  }
  return a;
}

bj::array MilestonesJson(const std::vector<TargetMilestone>& m) {
  bj::array a;
  for (const TargetMilestone& x : m)
    a.push_back(bj::object{{"due_on", x.due_on.ToString()}, {"rate", x.rate_bp / 10000.0}});
  return a;
}

// The trajectory at each slot's end, for the chart.
bj::array TrajectoryJson(const std::vector<TargetMilestone>& m, int year) {
  bj::array a;
  for (int s = 0; s < kCurveSlots; ++s) a.push_back(TargetAt(m, year, SlotEnd(year, s)));
  return a;
}

bj::array PastJson(const std::vector<YearCurve>& past) {
  bj::array a;
  for (const YearCurve& y : past)
    a.push_back(bj::object{
        {"year", y.year}, {"plan", y.plan}, {"curve", Cumulative(y.months, y.year, y.plan)}});
  return a;
}

bj::array RowsJson(const Deps& d, const RollupQuery& q, const RollupAnswer& a) {
  const Names names = NamesOf(d);
  bj::array rows;
  for (const RollupRow& r : a.rows) {
    bj::object o = SumsJson(r.sums, q.year, a.as_of, a.target);
    o["key"] = r.key;
    if (!r.code.empty()) o["code"] = r.code;
    o["name"] = KeyName(d.view.index(), names, q.by, r);
    if (q.by == RollupBy::kProject)
      if (auto p = d.view.index().ProjectOf(r.key)) o["investor_id"] = p->investor_id;
    rows.push_back(std::move(o));
  }
  return rows;
}

// by=month: one row per slot, cumulative, with the trajectory and the past years' average.
bj::array MonthRowsJson(int year, const RollupAnswer& a) {
  bj::array rows;
  for (int s = 0; s < kCurveSlots; ++s) {
    const Date end = SlotEnd(year, s);
    const Money paid = CumulativeTo(a.total.months, s);
    Money committed = 0;
    for (int m = 0; m <= std::min(s, 11); ++m) committed += a.total.committed[m];
    const double target = TargetAt(a.milestones, year, end);
    rows.push_back(bj::object{{"key", s + 1},
                              {"month_end", end.ToString()},
                              {"plan", a.total.plan},
                              {"disbursed", paid},
                              {"rate", RateJson(Rate(paid, a.total.plan))},
                              {"committed", committed},
                              {"commitment_rate", RateJson(Rate(paid, committed))},
                              {"target", target},
                              {"past_average", RateJson(SameDateAverage(a.past, year, end))},
                              {"future", end > a.as_of && s > SlotOfDay(year, a.as_of)}});
  }
  return rows;
}

Response RollupRoute(const Deps& d, const Request& req, const auth::Principal& who) {
  auto period = PeriodOf(req, d.view);
  if (!period.ok()) return Response::Error(period.status());
  auto f = FilterOf(req);
  if (!f.ok()) return Response::Error(f.status());
  const std::string by_name = req.Query("by").value_or("investor");
  const auto by = by_name == "month" ? std::optional(RollupBy::kCity) : ParseRollupBy(by_name);
  if (!by)
    return Response::Error(Status::InvalidInput(
        "by", Say(msg::kRollupBy, {{"list",
                                    "investor, manager, sector, source, location, group, key, "
                                    "project, month, city"}})));
  const RollupQuery q{period->year, period->basis, *by, *f};
  auto a = d.view.Rollup(who, q);
  if (!a.ok()) return Response::Error(a.status());
  bj::object total = SumsJson(a->total, q.year, a->as_of, a->target);
  total["curve"] = Cumulative(a->total.months, q.year, a->total.plan);
  return Response::Json(
      bj::object{{"year", q.year},
                 {"basis", PlanBasisName(q.basis)},
                 {"by", by_name},
                 {"as_of", a->as_of.ToString()},
                 {"target", a->target},
                 {"final_target", a->final_target},
                 {"milestones", MilestonesJson(a->milestones)},
                 {"trajectory", TrajectoryJson(a->milestones, q.year)},
                 {"same_date_average", RateJson(a->same_date_average)},
                 {"totals", std::move(total)},
                 {"previous_years", PastJson(a->past)},
                 {"rows", by_name == "month" ? MonthRowsJson(q.year, *a) : RowsJson(d, q, *a)}});
}

// ---- Forecast --------------------------------------------------------------------------------

bj::value ProjectionJson(const std::optional<Projection>& p) {
  if (!p) return nullptr;
  return bj::object{
      {"point", p->point}, {"low", p->low}, {"high", p->high}, {"expected", p->expected}};
}

bj::object ForecastJson(const Forecast& f) {
  return {{"december", ProjectionJson(f.december)},
          {"january", ProjectionJson(f.january)},
          {"years_used", f.years_used}};
}

bj::array ShortfallJson(const Deps& d, const Names& n, const std::vector<ShortfallProject>& ps) {
  bj::array a;
  for (const ShortfallProject& s : ps) {
    const auto p = d.view.index().ProjectOf(s.project_id);
    bj::array reasons;
    for (const Reason& r : s.reasons)
      reasons.push_back(bj::object{{"code", r.code}, {"count", r.count}, {"message", r.message}});
    a.push_back(bj::object{{"project_id", s.project_id},
                           {"code", p ? p->code : ""},
                           {"name", p ? p->name : ""},
                           {"investor_id", p ? p->investor_id : 0},
                           {"investor_name", p ? UnitName(n, p->investor_id) : ""},
                           {"plan", s.plan},
                           {"disbursed", s.disbursed},
                           {"expected", s.expected},
                           {"unspent", s.unspent},
                           {"reasons", std::move(reasons)}});
  }
  return a;
}

bj::array InvestorsJson(const Names& n, const std::vector<InvestorForecast>& xs) {
  bj::array a;
  for (const InvestorForecast& x : xs)
    a.push_back(bj::object{{"investor_id", x.investor_id},
                           {"name", UnitName(n, x.investor_id)},
                           {"plan", x.plan},
                           {"disbursed", x.disbursed},
                           {"rate", RateJson(Rate(x.disbursed, x.plan))},
                           {"forecast", ForecastJson(x.forecast)},
                           {"below_target", x.below_target}});
  return a;
}

bj::array BacktestJson(const std::vector<BacktestRow>& rows) {
  bj::array a;
  for (const BacktestRow& r : rows)
    a.push_back(bj::object{{"year", r.year},
                           {"forecast", r.forecast.point},
                           {"low", r.forecast.low},
                           {"high", r.forecast.high},
                           {"actual", r.actual},
                           {"error_points", r.error_points},
                           {"years_used", r.years_used}});
  return a;
}

Response ForecastRoute(const Deps& d, const Request& req, const auth::Principal& who) {
  auto period = PeriodOf(req, d.view);
  if (!period.ok()) return Response::Error(period.status());
  auto investor = http::QueryInt(req, "investor_id");
  if (!investor.ok()) return Response::Error(investor.status());
  auto a = d.view.Forecast(who, period->year, period->basis, *investor);
  if (!a.ok()) return Response::Error(a.status());
  const Names names = NamesOf(d);
  return Response::Json(
      bj::object{{"year", period->year},
                 {"basis", PlanBasisName(period->basis)},
                 {"investor_id", *investor ? bj::value(**investor) : bj::value(nullptr)},
                 {"as_of", a->as_of.ToString()},
                 {"final_target", a->final_target},
                 {"plan", a->plan},
                 {"disbursed", a->disbursed},
                 {"rate", RateJson(Rate(a->disbursed, a->plan))},
                 {"shortfall", a->shortfall},
                 {"forecast", ForecastJson(a->forecast)},
                 {"projects", ShortfallJson(d, names, a->projects)},
                 {"investors", InvestorsJson(names, a->investors)},
                 {"backtest", BacktestJson(a->backtest)},
                 {"method", ForecastMethod()}});
}

// ---- Excel -----------------------------------------------------------------------------------

Response ReportRoute(const Deps& d, const Request& req, const auth::Principal& who) {
  auto period = PeriodOf(req, d.view);
  if (!period.ok()) return Response::Error(period.status());
  auto f = FilterOf(req);
  if (!f.ok()) return Response::Error(f.status());
  std::optional<RollupBy> by;
  if (auto b = req.Query("by")) {
    by = ParseRollupBy(*b);
    if (!by)
      return Response::Error(Status::InvalidInput(
          "by", Say(msg::kRollupBy, {{"list",
                                      "investor, manager, sector, source, location, group, "
                                      "key, project, city"}})));
  }
  auto file = DisbursementReport(d.view, d.db, d.units, who, {period->year, period->basis, by, *f});
  if (!file.ok()) return Response::Error(file.status());
  return http::Download(std::move(file->bytes), http::kXlsxType,
                        http::ContentDisposition(file->filename));
}

constexpr http::Route<const Deps&> kRoutes[] = {
    {"GET", "/api/v1/investment/rollup", RollupRoute},
    {"GET", "/api/v1/investment/forecast", ForecastRoute},
    {"GET", "/api/v1/investment/report.xlsx", ReportRoute},
};

}  // namespace

void RegisterRollupRoutes(http::Router& router, InvestmentView& view, db::Database& db,
                          const units::UnitDirectory& units) {
  http::RegisterTable(router, Deps{view, db, units}, kRoutes);
}

}  // namespace dh::investment

#include "investment/investment_forecast.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/money.h"
#include "investment/investment_messages.h"

namespace dh::investment {
namespace {

// The share of the final amount (at the end of slot `end`) paid by the same day as `as_of`,
// one per usable past year; or the trajectory's share when there is none.
std::vector<double> Shares(int year, Date as_of, int end, const std::vector<YearCurve>& past,
                           const std::vector<TargetMilestone>& milestones, int* years_used) {
  std::vector<double> shares;
  for (const YearCurve& y : past) {
    if (y.year >= year || y.year < year - kForecastYears || y.plan <= 0) continue;
    const Money final_amount = CumulativeTo(y.months, end);
    if (final_amount <= 0) continue;
    const int same_year = y.year + (as_of.year() - year);
    const int day = std::min(as_of.day(), DaysInMonth(same_year, as_of.month()));
    const Date same = *Date::FromYmd(same_year, as_of.month(), day);
    const Money then = CumulativeAt(y.months, y.year, same, true);
    if (then > 0) shares.push_back(std::min(1.0, static_cast<double>(then) / final_amount));
  }
  *years_used = static_cast<int>(shares.size());
  if (shares.empty()) {
    const auto m = milestones.empty() ? DefaultTrajectory(year) : milestones;
    const double at_end = TargetAt(m, year, SlotEnd(year, end));
    const double at_now = TargetAt(m, year, as_of);
    if (at_end > 0 && at_now > 0) shares.push_back(std::min(1.0, at_now / at_end));
  }
  std::sort(shares.begin(), shares.end());
  return shares;
}

double Median(const std::vector<double>& v) {
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Paid so far divided by a share, never above the plan unless more was paid already.
Money Project(Money so_far, double share, Money plan) {
  const double raw = static_cast<double>(so_far) / share;
  return std::max(so_far, std::min(plan, static_cast<Money>(std::llround(raw))));
}

std::optional<Projection> ProjectTo(const YearCurve& now, Money so_far, Date as_of, int end,
                                    const std::vector<YearCurve>& past,
                                    const std::vector<TargetMilestone>& milestones, int* used) {
  const std::vector<double> shares = Shares(now.year, as_of, end, past, milestones, used);
  if (shares.empty() || so_far <= 0 || now.plan <= 0) return std::nullopt;
  Projection p;
  p.expected = Project(so_far, Median(shares), now.plan);
  const double plan = static_cast<double>(now.plan);
  p.point = p.expected / plan;
  p.low = Project(so_far, shares.back(), now.plan) / plan;  // the largest share: the least
  p.high = Project(so_far, shares.front(), now.plan) / plan;
  return p;
}

}  // namespace

Forecast ForecastRate(const YearCurve& now, Date as_of, const std::vector<YearCurve>& past,
                      const std::vector<TargetMilestone>& milestones) {
  Forecast f;
  const Money so_far = CumulativeAt(now.months, now.year, as_of, false);
  int unused = 0;
  f.december = ProjectTo(now, so_far, as_of, 11, past, milestones, &unused);
  f.january = ProjectTo(now, so_far, as_of, 12, past, milestones, &f.years_used);
  if (f.january && so_far > 0) f.multiplier = static_cast<double>(f.january->expected) / so_far;
  return f;
}

Money ExpectedShortfall(const Forecast& f, Money plan, double final_target) {
  const Money due = static_cast<Money>(std::llround(final_target * static_cast<double>(plan)));
  const Money expected = f.january ? f.january->expected : 0;
  return std::max<Money>(0, due - expected);
}

std::vector<ShortfallProject> ShortfallProjects(const std::vector<ProjectCurve>& projects, int year,
                                                Date as_of, double multiplier, Money shortfall,
                                                size_t limit) {
  std::vector<ShortfallProject> all;
  for (const ProjectCurve& p : projects) {
    if (p.plan <= 0) continue;
    ShortfallProject s{p.project_id, p.plan, CumulativeAt(p.months, year, as_of, false)};
    s.expected = std::max(
        s.disbursed, std::min(p.plan, static_cast<Money>(std::llround(s.disbursed * multiplier))));
    s.unspent = p.plan - s.expected;
    if (s.unspent > 0) all.push_back(std::move(s));
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.unspent != b.unspent ? a.unspent > b.unspent : a.project_id < b.project_id;
  });
  std::vector<ShortfallProject> out;
  Money covered = 0;
  for (ShortfallProject& s : all) {
    if (covered >= shortfall || out.size() >= limit) break;
    covered += s.unspent;
    out.push_back(std::move(s));
  }
  std::unordered_map<int64_t, const ProjectCurve*> by_id;
  for (const ProjectCurve& p : projects) by_id[p.project_id] = &p;
  for (ShortfallProject& s : out) s.reasons = ReasonsOf(*by_id[s.project_id], year, as_of);
  return out;
}

namespace {

Money Millions(Money m) { return (m + 500'000) / 1'000'000; }

std::optional<Reason> QuietReason(const ProjectCurve& p, int now_slot) {
  int last = -1;
  for (int s = 0; s <= now_slot; ++s)
    if (p.months[s] > 0) last = s;
  const int quiet = now_slot - last;
  if (quiet < kQuietMonths) return std::nullopt;
  if (last < 0)
    return Reason{"no_disbursement", quiet, Say(msg::kNothingPaidYet, {{"n", int64_t{quiet}}})};
  return Reason{"no_disbursement", quiet, Say(msg::kNothingPaidLately, {{"n", int64_t{quiet}}})};
}

std::optional<Reason> PaceReason(const ProjectCurve& p, int now_slot, Money paid) {
  const int elapsed = now_slot + 1, left = std::max(1, 12 - now_slot);
  const double pace = std::max(static_cast<double>(paid) / elapsed,
                               static_cast<double>(p.previous_year_disbursed) / 12);
  const double needed = static_cast<double>(p.plan - paid) / left;
  if (pace <= 0 || needed <= kPaceFactor * pace) return std::nullopt;
  const int times = static_cast<int>(needed / pace);
  return Reason{"plan_above_pace", times,
                Say(msg::kAboveThePace, {{"millions", Millions(static_cast<Money>(needed))},
                                         {"times", int64_t{times}}})};
}

}  // namespace

std::vector<Reason> ReasonsOf(const ProjectCurve& p, int year, Date as_of) {
  const int now_slot = std::clamp(SlotOfDay(year, as_of), 0, 12);
  const Money paid = CumulativeAt(p.months, year, as_of, false);
  std::vector<Reason> r;
  if (auto q = QuietReason(p, now_slot)) r.push_back(*q);
  if (p.open_bottlenecks > 0)
    r.push_back({"open_bottleneck", p.open_bottlenecks,
                 Say(msg::kOpenBottlenecks, {{"n", int64_t{p.open_bottlenecks}}})});
  if (auto pace = PaceReason(p, now_slot, paid)) r.push_back(*pace);
  if (r.empty()) r.push_back({"behind", 0, Say(msg::kBehindTheCity)});
  return r;
}

std::vector<BacktestRow> Backtest(const std::vector<YearCurve>& years) {
  std::vector<BacktestRow> out;
  for (const YearCurve& y : years) {
    if (y.plan <= 0) continue;
    YearCurve june = y;
    for (int s = 6; s < kMonthSlots; ++s) june.months[s] = 0;
    const Forecast f = ForecastRate(june, *Date::FromYmd(y.year, 6, 30), years, {});
    if (!f.january) continue;
    BacktestRow row{y.year, *f.january, *Rate(CumulativeTo(y.months, 12), y.plan)};
    row.error_points = (row.forecast.point - row.actual) * 100;
    row.years_used = f.years_used;
    out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
  return out;
}

std::string ForecastMethod() { return Say(msg::kForecastMethod); }

}  // namespace dh::investment

#include "app/disbursement_source.h"

namespace dh::app {
namespace {

using targets::ComputedValue;
using targets::Period;

// The periods of `year` the indicator reports that have begun by `today`.
std::vector<Period> PeriodsOf(targets::Periodicity p, int year, Date today) {
  std::vector<Period> out;
  if (Period::Year(year).First() > today) return out;
  const Date window_end = investment::SlotEnd(year, 12);
  if (p == targets::Periodicity::kYear || today > window_end) out.push_back(Period::Year(year));
  if (p == targets::Periodicity::kYear) return out;
  const bool quarters = p == targets::Periodicity::kQuarter;
  for (int i = 1; i <= (quarters ? 4 : 12); ++i) {
    const Period part = quarters ? Period::Quarter(year, i) : Period::Month(year, i);
    if (part.First() <= today) out.push_back(part);
  }
  return out;
}

// The rates of one unit's sums for each period.
void AddRates(int64_t unit, const investment::Sums& s, const std::vector<Period>& periods,
              Date today, std::vector<ComputedValue>& out) {
  if (s.plan <= 0) return;
  for (const Period& p : periods) {
    const bool year = p.kind == targets::PeriodKind::kYear;
    const Money paid = investment::CumulativeTo(s.months, year ? 12 : p.LastMonth() - 1);
    const Date over = year ? investment::SlotEnd(p.year, 12) : p.Last();
    out.push_back({unit, p, 100.0 * static_cast<double>(paid) / static_cast<double>(s.plan),
                   today > over ? targets::ValueKind::kOfficial : targets::ValueKind::kEstimate});
  }
}

std::vector<bool> Bits(const std::unordered_set<int64_t>& ids) {
  std::vector<bool> bits;
  for (int64_t id : ids) {
    if (id < 0) continue;
    if (static_cast<size_t>(id) >= bits.size()) bits.resize(id + 1);
    bits[id] = true;
  }
  return bits;
}

}  // namespace

targets::ComputedSource DisbursementRateSource(const investment::InvestmentView& view,
                                               const units::UnitDirectory& units,
                                               const Clock& clock) {
  return [&view, &units, &clock](const targets::Indicator& indicator) {
    const Date today = clock.Today();
    const auto graph = units.Get();
    std::vector<std::pair<int64_t, std::vector<bool>>> roots;
    for (const units::Unit* u : graph->TreeOn(today))
      if (!graph->ParentOn(u->id, today)) roots.emplace_back(u->id, Bits(graph->ScopeOf(u->id)));
    std::vector<ComputedValue> out;
    const auto basis = investment::PlanBasis::kCouncil;
    for (int year : view.index().Years()) {
      const auto periods = PeriodsOf(indicator.periodicity, year, today);
      // Roots first: a root that is also an investor is read as the city.
      for (const auto& [root, bits] : roots)
        AddRates(root, view.index().Total(year, basis, {.visible_units = &bits}), periods, today,
                 out);
      for (const auto& row : view.index().Rollup(year, basis, investment::RollupBy::kInvestor, {}))
        AddRates(row.key, row.sums, periods, today, out);
    }
    return out;
  };
}

targets::ComputedRefresh DisbursementRateRefresh(readmodel::ChangeFeed& feed) {
  return [&feed] { (void)feed.CatchUp(); };
}

}  // namespace dh::app

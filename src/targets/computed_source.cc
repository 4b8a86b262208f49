#include "targets/computed_source.h"

#include "tasks/task_service.h"

namespace dh::targets {

void ComputedSources::Register(std::string name, ComputedSource source, ComputedRefresh refresh) {
  std::lock_guard lock(mu_);
  sources_[std::move(name)] = {std::move(source), std::move(refresh)};
}

std::optional<ComputedSources::Entry> ComputedSources::Find(const std::string& name) const {
  std::lock_guard lock(mu_);
  const auto it = sources_.find(name);
  if (it == sources_.end()) return std::nullopt;
  return it->second;
}

std::vector<ComputedValue> ComputedSources::ValuesOf(const Indicator& indicator) const {
  return ValuesOf(std::vector<Indicator>{indicator}).front();
}

std::vector<std::vector<ComputedValue>> ComputedSources::ValuesOf(
    const std::vector<Indicator>& indicators) const {
  std::vector<std::vector<ComputedValue>> out(indicators.size());
  std::map<std::string, std::optional<Entry>> sources;  // each looked up and refreshed once
  for (size_t i = 0; i < indicators.size(); ++i) {
    auto [it, first] = sources.try_emplace(indicators[i].computed);
    if (first) {
      it->second = Find(indicators[i].computed);
      if (it->second && it->second->refresh) it->second->refresh();
    }
    if (it->second) out[i] = it->second->source(indicators[i]);
  }
  return out;
}

bool ComputedSources::Has(const std::string& name) const {
  std::lock_guard lock(mu_);
  return sources_.count(name) > 0;
}

std::vector<std::string> ComputedSources::Names() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (const auto& [name, _] : sources_) out.push_back(name);
  return out;
}

namespace {

Period CurrentPeriod(Periodicity p, Date today) {
  if (p == Periodicity::kYear) return Period::Year(today.year());
  if (p == Periodicity::kQuarter) return Period::Quarter(today.year(), (today.month() + 2) / 3);
  return Period::Month(today.year(), today.month());
}

}  // namespace

ComputedSource TaskOnTimeSource(tasks::TaskService& tasks) {
  return [&tasks](const Indicator& indicator) {
    const Date today = tasks.Today();
    const auto clock =
        tasks::MakeTimelinessClock(today, *tasks.Calendar(), tasks.settings().due_soon_days);
    tasks::TaskFilter all;
    all.top_level_only = true;
    std::vector<ComputedValue> out;
    const Period period = CurrentPeriod(indicator.periodicity, today);
    for (const auto& [unit, n] : tasks.index().Board("unit", all, clock)) {
      const int64_t judged = n.done_on_time + n.done_late + n.overdue;
      if (judged == 0) continue;
      out.push_back({unit, period, 100.0 * n.done_on_time / judged, ValueKind::kEstimate});
    }
    return out;
  };
}

}  // namespace dh::targets

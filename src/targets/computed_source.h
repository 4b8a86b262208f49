// Computed indicators: values no one types, which follow the system's own records (the
// on-time rate of tasks, the disbursement rate of public investment). A source is one small
// function from the indicator to its values per unit and period; an indicator names its
// source in `computed`. Values are recomputed on read, so they follow the records; a typed
// value for a computed indicator is refused.
//
// Registering a source is one line at start-up (src/app/):
//   sources.Register("tasks.on_time_rate", targets::TaskOnTimeSource(tasks));
// and, once public investment exists (issue 10):
//   sources.Register("investment.disbursement_rate", <a function of investment's read model>);
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "targets/targets.h"

namespace dh::tasks {
class TaskService;
}

namespace dh::targets {

struct ComputedValue {
  int64_t unit_id = 0;
  Period period;
  double value = 0;
  ValueKind kind = ValueKind::kEstimate;  // official once the period is over
};

using ComputedSource = std::function<std::vector<ComputedValue>(const Indicator&)>;
// What a source needs done once before a read takes its values (its read model's change
// feed caught up), however many of its indicators that read evaluates.
using ComputedRefresh = std::function<void()>;

// The registry. Thread-safe.
class ComputedSources {
 public:
  void Register(std::string name, ComputedSource source, ComputedRefresh refresh = {});
  // The values of a computed indicator, its source refreshed first; empty for a name
  // without a source (yet).
  std::vector<ComputedValue> ValuesOf(const Indicator& indicator) const;
  // The values of each of `indicators` for one read (in their order): each source
  // refreshed once, before its first indicator.
  std::vector<std::vector<ComputedValue>> ValuesOf(const std::vector<Indicator>& indicators) const;
  bool Has(const std::string& name) const;
  std::vector<std::string> Names() const;

 private:
  struct Entry {
    ComputedSource source;
    ComputedRefresh refresh;
  };
  std::optional<Entry> Find(const std::string& name) const;

  mutable std::mutex mu_;
  std::map<std::string, Entry> sources_;  // GUARDED_BY(mu_)
};

// The names the catalogue offers for `computed`.
inline constexpr char kTaskOnTimeSource[] = "tasks.on_time_rate";
inline constexpr char kDisbursementSource[] = "investment.disbursement_rate";

// The share (%) of each lead unit's top-level tasks finished on time among those finished or
// overdue (tasks still in time are not judged yet), from the tasks read model as of today,
// as an estimate of the indicator's current period.
ComputedSource TaskOnTimeSource(tasks::TaskService& tasks);

}  // namespace dh::targets

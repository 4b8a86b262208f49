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

// The registry. Thread-safe.
class ComputedSources {
 public:
  void Register(std::string name, ComputedSource source);
  // The values of a computed indicator; empty for a name without a source (yet).
  std::vector<ComputedValue> ValuesOf(const Indicator& indicator) const;
  bool Has(const std::string& name) const;
  std::vector<std::string> Names() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, ComputedSource> sources_;  // GUARDED_BY(mu_)
};

// The names the catalogue offers for `computed`.
inline constexpr char kTaskOnTimeSource[] = "tasks.on_time_rate";
inline constexpr char kDisbursementSource[] = "investment.disbursement_rate";

// The share (%) of each lead unit's top-level tasks finished on time among those finished or
// overdue (tasks still in time are not judged yet), from the tasks read model as of today,
// as an estimate of the indicator's current period.
ComputedSource TaskOnTimeSource(tasks::TaskService& tasks);

}  // namespace dh::targets

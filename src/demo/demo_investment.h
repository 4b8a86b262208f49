// The demo city's public investment (demo_investment.cc), and the national data set the
// benchmarks load.
#pragma once

#include <functional>

#include "app/app.h"

namespace dh::demo {

// A fictional portfolio of the demo city, deterministic: investors and project boards,
// a few hundred projects, medium-term and annual plans, three past years and this year of
// monthly disbursement (back-loaded towards year end), a mid-year adjustment, monthly
// commitments, key projects with milestones and open bottlenecks (tasks), three inspection
// plans, and one investor clearly heading below 95 %. Needs the demo city's units.
Status LoadDemoInvestment(app::App& app);

// The national data set (DESIGN §3): `projects` projects over generated investors and
// `disbursements` disbursement rows, deterministic for a `seed`, written in batches in a
// few transactions. Needs the demo city's units. `progress` hears (rows written, rows).
struct NationalScale {
  int64_t projects = 100000;
  int64_t disbursements = 10000000;
  uint64_t seed = 2026;
  int investors = 500;
};
Status LoadNationalInvestment(app::App& app, const NationalScale& scale,
                              const std::function<void(int64_t, int64_t)>& progress = nullptr);

}  // namespace dh::demo

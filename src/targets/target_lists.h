// Values and explanation requests a page at a time, in SQL (the list's limit and offset, the
// caller's scope in the query), newest first, with the count of all that match. Written on
// the caller's connection; the statements live at the end of target_store.cc.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "db/connection.h"
#include "targets/target_store.h"

namespace dh::targets {

// The units whose rows the caller sees; nullopt: every unit.
using UnitsFilter = std::optional<std::vector<int64_t>>;

Result<std::vector<IndicatorValue>> PageValues(db::Connection& c, const ValueFilter& f,
                                               const UnitsFilter& units, int64_t limit,
                                               int64_t offset, int64_t* total);

struct ExplanationPage {
  ExplanationFilter filter;
  UnitsFilter units;               // the requests of these units are seen…
  int64_t asker = 0;               // …and those this user asked
  std::optional<Date> due_before;  // open ones only, due before this day (the late ones)
  int64_t limit = 50, offset = 0;
};
Result<std::vector<ExplanationRequest>> PageExplanations(db::Connection& c,
                                                         const ExplanationPage& q, int64_t* total);

}  // namespace dh::targets

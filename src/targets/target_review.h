// The review of a period (sơ kết, tổng kết): every target with its value, status, trend and
// the units that lag, as JSON for the page and as .xlsx in the officials' table layout.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "targets/target_service.h"

namespace dh::targets {

// {period, period_label, summary: {achieved, on_track, …}, items: [...]}, the lagging first.
boost::json::object ReviewJson(const Period& p, const std::vector<ReviewLine>& lines,
                               const units::UnitDirectory& units);
Result<std::string> ReviewXlsx(const Period& p, const std::vector<ReviewLine>& lines,
                               const units::UnitDirectory& units, Date today);

}  // namespace dh::targets

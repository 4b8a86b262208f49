// Values in and out as sheets (.xlsx or .csv in, .xlsx out), through src/sheets/: the
// columns, and the export of values in scope in the same layout, so that an exported file
// can be filled and imported back.
#pragma once

#include <string>
#include <vector>

#include "sheets/columns.h"
#include "targets/targets.h"
#include "units/unit_graph.h"

namespace dh::targets {

inline constexpr size_t kMaxImportValues = 20000;

const sheets::ColumnMap& ValueImportColumns();

// The values as .xlsx, in the import's columns.
Result<std::string> ValuesXlsx(const std::vector<IndicatorValue>& values,
                               const std::vector<Indicator>& indicators, const units::UnitGraph& g,
                               Date today);

}  // namespace dh::targets

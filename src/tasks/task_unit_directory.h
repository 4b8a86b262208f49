// The unit directory for choosing a coordinator: any living unit of the administration,
// whatever the caller's scope (unit names and codes are not secret inside it). Only id,
// name, code and kind are shown; what the units hold stays behind their own scope rules.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "units/unit_graph.h"

namespace dh::tasks {

// Units alive on `day` whose name or code contains `q` (case and diacritics aside; every
// word of `q` must occur), at most `limit`, an exact code first, then those whose name
// starts with `q`, then by name in Vietnamese order. `total` counts every match.
std::vector<const units::Unit*> FindUnits(const units::UnitGraph& g, std::string_view q, Date day,
                                          size_t limit, int64_t* total);

}  // namespace dh::tasks

// JSON shapes of units, shared by the routes and the audit entries.
#pragma once

#include <boost/json.hpp>

#include "units/unit.h"
#include "units/unit_graph.h"

namespace dh::units {

boost::json::object ToJson(const Unit& u, std::optional<int64_t> parent_id, Date as_of);
boost::json::object SuccessionJson(const Succession& s, const UnitGraph& g, bool successor_side);

}  // namespace dh::units

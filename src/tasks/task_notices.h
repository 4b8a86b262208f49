// The notices the tasks room writes: who hears of a task's events, and how a title is
// shortened for them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "units/unit_graph.h"

namespace dh::tasks {

std::string Short(const std::string& title);

// Who decides for a task led by `unit` (extensions, confirming completion): the active office
// users whose grant covers that unit — the scope the permission check itself uses.
Result<std::vector<int64_t>> Deciders(db::Connection& c, const units::UnitGraph& g, int64_t unit);

}  // namespace dh::tasks

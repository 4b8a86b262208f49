// The bodies of the tasks API, read into inputs: every field each body may carry, with its
// type, range, length and the label its form shows. A key not listed is refused
// (json::OnlyFields), so nothing is silently dropped. Never throws on outside input.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "tasks/task_service.h"

namespace dh::tasks {

Result<DirectiveInput> ParseDirective(const boost::json::object& o);
Result<Milestone> ParseMilestone(const boost::json::value& v, size_t i);
Result<TaskInput> ParseTask(const boost::json::object& o);
Result<DelegationPart> ParsePart(const boost::json::value& v, size_t i);
Result<std::vector<DelegationPart>> ParseParts(const boost::json::object& o);
Result<TaskGroup> ParseGroup(const boost::json::object& o);
// POST /task-assignments (tasksa): the task, and the units as a kind ("ward", "department")
// in `unit_kind` or as a list in unit_ids — exactly one of them.
Result<ManyUnitsInput> ParseManyUnits(const boost::json::object& o, std::string* unit_kind);
// A free text of an action (a reason, a note, an answer): optional, at most 20.000 letters.
Result<std::string> Text(const boost::json::object& o, json::Field f);

}  // namespace dh::tasks

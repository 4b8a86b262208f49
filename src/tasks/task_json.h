// JSON shapes of the tasks room and the query filters, shared by the routes and the
// Excel export.
#pragma once

#include <boost/json.hpp>

#include "http/request.h"
#include "tasks/task_service.h"

namespace dh::tasks {

boost::json::object ToJson(const TaskView& v, const units::UnitGraph& g);
boost::json::object ToJson(const Directive& d, const units::UnitGraph& g);
boost::json::object ToJson(const TaskGroup& g);
boost::json::object ToJson(const Extension& e);
boost::json::object ToJson(const CoordinationRequest& r, const units::UnitGraph& g, Date today,
                           const calendar::WorkCalendar& cal);
boost::json::object ToJson(const TaskDetail& d, const units::UnitGraph& g, Date today,
                           const calendar::WorkCalendar& cal);

// unit_id, assignee_id, directive_id, group_id, parent_id, timeliness, state, due_before,
// is_key, top_level, q.
Result<TaskFilter> FilterFromQuery(const http::Request& req);

}  // namespace dh::tasks

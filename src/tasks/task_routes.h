#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// /api/v1/directives, /task-groups, /tasks…, /extensions…, /coordination-requests…,
// /boards/tasks, /boards/coordination
void RegisterRoutes(http::Router& router, TaskService& service, const units::UnitDirectory& units);

}  // namespace dh::tasks

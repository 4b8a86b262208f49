#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// What every tasks route handler reads (task_routes, task_edit_routes, task_office_routes…):
// the service it calls and the unit tree it names units from.
struct RouteDeps {
  TaskService& service;
  const units::UnitDirectory& units;
};

// /api/v1/directives, /task-groups, /tasks…, /extensions…, /coordination-requests…,
// /boards/tasks, /boards/coordination
void RegisterRoutes(http::Router& router, TaskService& service, const units::UnitDirectory& units);

}  // namespace dh::tasks

#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// The routes issue 9 adds beside the loop: /api/v1/unit-directory (units to ask for
// coordination, whatever the caller's scope).
void RegisterOfficeRoutes(http::Router& router, TaskService& service,
                          const units::UnitDirectory& units);

}  // namespace dh::tasks

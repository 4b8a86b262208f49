#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// Issue 9 (tasksedit): POST /api/v1/tasks/{id}/cancellation, DELETE /api/v1/tasks/{id},
// GET/POST /api/v1/tasks/{id}/comments.
void RegisterEditRoutes(http::Router& router, TaskService& service,
                        const units::UnitDirectory& units);

}  // namespace dh::tasks

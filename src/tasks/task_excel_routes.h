#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// GET /api/v1/tasks/export.xlsx (the filters of GET /api/v1/tasks) and
// POST /api/v1/tasks/import (.xlsx or CSV bytes; directive_id, group_id, dry_run in the
// query or as X-Directive-Id, X-Group-Id, X-Dry-Run headers; X-File-Name optional).
// Register before RegisterRoutes: "/tasks/export.xlsx" would otherwise match "/tasks/{id}".
// The upload size is limited by the server (ServerOptions::upload_limit).
void RegisterExcelRoutes(http::Router& router, TaskService& service,
                         const units::UnitDirectory& units);

}  // namespace dh::tasks

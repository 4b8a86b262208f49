#pragma once

#include "http/router.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// GET /api/v1/reports/tasks.docx (task_report_docx.h), with the report templates of the
// folder DIEUHANH_TEMPLATES names (an office's own letterhead), else the built-in ones;
// GET /api/v1/search (task_search.h).
void RegisterReportRoutes(http::Router& router, TaskService& service,
                          const units::UnitDirectory& units);

}  // namespace dh::tasks

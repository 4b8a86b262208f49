#include "tasks/task_report_routes.h"

#include <cstdlib>

#include "tasks/task_excel.h"
#include "tasks/task_report_docx.h"

namespace dh::tasks {
namespace {

using http::Request;
using http::Response;

Result<TaskReportRequest> ReportRequestOf(const Request& req) {
  TaskReportRequest in;
  DH_ASSIGN_OR_RETURN(in.directive_id, http::QueryInt(req, "directive_id"));
  DH_ASSIGN_OR_RETURN(in.unit_id, http::QueryInt(req, "unit_id"));
  DH_ASSIGN_OR_RETURN(in.as_of, http::QueryDate(req, "as_of"));
  for (auto [name, field] : {std::pair{"number", &in.number},
                             {"place", &in.place},
                             {"signing_authority", &in.signing_authority},
                             {"signer_title", &in.signer_title},
                             {"signer_name", &in.signer_name}})
    *field = req.Query(name).value_or("");
  return in;
}

}  // namespace

void RegisterReportRoutes(http::Router& router, TaskService& service,
                          const units::UnitDirectory& units) {
  const char* folder = std::getenv("DIEUHANH_TEMPLATES");
  router.Protected(
      "GET", "/api/v1/reports/tasks.docx",
      [&service, &units, shelf = documents::TemplateShelf(folder ? folder : "")](
          const Request& req, const auth::Principal& who) {
        auto in = ReportRequestOf(req);
        if (!in.ok()) return Response::Error(in.status());
        auto file = TaskReportDocx(service, *units.Get(), shelf, who, *in);
        if (!file.ok()) return Response::Error(file.status());
        Response r;
        r.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        r.headers.emplace_back("Content-Disposition", ContentDisposition(file->filename));
        r.body = std::move(file->bytes);
        return r;
      });
}

}  // namespace dh::tasks

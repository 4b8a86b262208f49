#include "tasks/task_report_routes.h"

#include <boost/json.hpp>
#include <cstdlib>

#include "http/download.h"
#include "tasks/directive_citation.h"
#include "tasks/task_deadline_calendar.h"
#include "tasks/task_excel.h"
#include "tasks/task_json.h"
#include "tasks/task_report_docx.h"
#include "tasks/task_search.h"

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

namespace bj = boost::json;

bj::object Kind(bj::array items, int64_t total) {
  return {{"items", std::move(items)}, {"total", total}};
}

Response SearchAnswer(const TaskService& service, const units::UnitGraph& g, const Request& req,
                      const auth::Principal& who) {
  auto limit = http::QueryInt(req, "limit");
  if (!limit.ok()) return Response::Error(limit.status());
  const int64_t n = std::clamp<int64_t>(limit->value_or(5), 1, kSearchMaxPerKind);
  auto hits = Search(service, g, who, req.Query("q").value_or(""), n);
  if (!hits.ok()) return Response::Error(hits.status());
  bj::array directives, tasks, units;
  for (const Directive& d : hits->directives) {
    bj::object o = ToJson(d, g);
    o["citation"] = ShortCitation(d);
    directives.push_back(std::move(o));
  }
  for (const TaskView& v : hits->tasks) tasks.push_back(ToJson(v, g));
  for (const units::Unit* u : hits->units)
    units.push_back({{"id", u->id}, {"code", u->code}, {"name", u->name}, {"kind", u->kind}});
  return Response::Json(
      bj::object{{"q", req.Query("q").value_or("")},
                 {"directives", Kind(std::move(directives), hits->directives_total)},
                 {"tasks", Kind(std::move(tasks), hits->tasks_total)},
                 {"units", Kind(std::move(units), hits->units_total)}});
}

Response DeadlineCalendarAnswer(const TaskService& service, const units::UnitGraph& g,
                                const Request& req, const auth::Principal& who) {
  auto f = FilterFromQuery(req);
  if (!f.ok()) return Response::Error(f.status());
  const std::string month = req.Query("month").value_or(service.Today().ToString().substr(0, 7));
  auto days = DeadlineCalendar(service, who, month, *f);
  if (!days.ok()) return Response::Error(days.status());
  bj::array out;
  for (const DeadlineDay& d : *days) {
    bj::array tasks;
    for (const TaskView& v : d.tasks)
      tasks.push_back(
          {{"id", v.task.id},
           {"title", v.task.title},
           {"lead_unit_id", v.task.lead_unit_id},
           {"lead_unit_name", g.Find(v.task.lead_unit_id) ? g.Find(v.task.lead_unit_id)->name : ""},
           {"state", StateName(v.task.state)},
           {"timeliness", TimelinessName(v.timeliness)}});
    out.push_back(
        {{"date", d.date.ToString()}, {"working", d.working}, {"tasks", std::move(tasks)}});
  }
  return Response::Json(bj::object{{"month", month}, {"days", std::move(out)}});
}

}  // namespace

void RegisterReportRoutes(http::Router& router, TaskService& service,
                          const units::UnitDirectory& units) {
  const char* folder = std::getenv("DIEUHANH_TEMPLATES");
  router.Protected("GET", "/api/v1/reports/tasks.docx",
                   [&service, &units, shelf = documents::TemplateShelf(folder ? folder : "")](
                       const Request& req, const auth::Principal& who) {
                     auto in = ReportRequestOf(req);
                     if (!in.ok()) return Response::Error(in.status());
                     auto file = TaskReportDocx(service, *units.Get(), shelf, who, *in);
                     if (!file.ok()) return Response::Error(file.status());
                     return http::Download(std::move(file->bytes), http::kDocxType,
                                           http::ContentDisposition(file->filename));
                   });
  router.Protected("GET", "/api/v1/deadline-calendar",
                   [&service, &units](const Request& req, const auth::Principal& who) {
                     return DeadlineCalendarAnswer(service, *units.Get(), req, who);
                   });
  router.Protected("GET", "/api/v1/search",
                   [&service, &units](const Request& req, const auth::Principal& who) {
                     return SearchAnswer(service, *units.Get(), req, who);
                   });
}

}  // namespace dh::tasks

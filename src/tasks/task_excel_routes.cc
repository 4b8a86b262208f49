#include "tasks/task_excel_routes.h"

#include <boost/json.hpp>

#include "core/text.h"
#include "http/download.h"
#include "sheets/rows.h"
#include "tasks/task_excel.h"
#include "tasks/task_import.h"
#include "tasks/task_json.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

// A query parameter, else the X- header of the same meaning.
std::optional<std::string> Param(const Request& req, const std::string& name,
                                 std::string_view header) {
  if (auto q = req.Query(name)) return q;
  std::string h = req.Header(header);
  if (h.empty()) return std::nullopt;
  return h;
}

Result<std::optional<int64_t>> IdParam(const Request& req, const std::string& name,
                                       std::string_view header) {
  auto v = Param(req, name, header);
  if (!v) return std::optional<int64_t>();
  Request probe;
  probe.query[name] = *v;
  return http::QueryInt(probe, name);
}

// X-File-Name as clients send it: maybe percent-encoded; kept as text::SafeFileName makes
// it (valid UTF-8 without control or bidirectional characters, at most 200 characters).
std::string FileName(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(raw[i]);
    }
  }
  return text::SafeFileName(out, 200);
}

Response Outcome(const ImportOutcome& o, bool dry_run) {
  if (!o.ok) return Response::Json(sheets::RowErrorsBody(o.errors, "nhiệm vụ"), 422);
  bj::array matches;  // tasksreport: rows matching tasks already in the directive
  for (const ImportMatch& m : o.matches)
    matches.push_back({{"row", m.row}, {"task_id", m.task_id}, {"title", m.title}});
  return Response::Json(bj::object{{"ok", true},
                                   {"dry_run", dry_run},
                                   {"imported", o.imported},
                                   {"valid_rows", o.valid_rows},
                                   {"groups_created", o.groups_created},
                                   {"matches", std::move(matches)},
                                   {"skipped", o.skipped},
                                   {"updated", o.updated}},
                        dry_run ? 200 : 201);
}

}  // namespace

void RegisterExcelRoutes(http::Router& router, TaskService& service,
                         const units::UnitDirectory& units) {
  router.Protected(
      "GET", "/api/v1/tasks/export.xlsx", [&](const Request& req, const auth::Principal& who) {
        auto f = FilterFromQuery(req);
        if (!f.ok()) return Response::Error(f.status());
        auto file = ExportTasks(service, *units.Get(), who, *f, req.Query("q").value_or(""));
        if (!file.ok()) return Response::Error(file.status());
        return http::Download(std::move(file->bytes), http::kXlsxType,
                              http::ContentDisposition(file->filename));
      });

  // What the import page shows beside its file field.
  router.Protected(
      "GET", "/api/v1/tasks/import/columns", [](const Request&, const auth::Principal&) {
        return Response::Json(bj::object{{"columns", sheets::ColumnHelp(TaskImportColumns())},
                                         {"max_rows", kMaxImportTasks}});
      });

  router.Protected("POST", "/api/v1/tasks/import",
                   [&](const Request& req, const auth::Principal& who) {
                     ImportRequest in;
                     auto directive = IdParam(req, "directive_id", "x-directive-id");
                     auto group = IdParam(req, "group_id", "x-group-id");
                     for (const Status& s : {directive.status(), group.status()})
                       if (!s.ok()) return Response::Error(s);
                     in.directive_id = *directive;
                     in.group_id = *group;
                     in.dry_run = Param(req, "dry_run", "x-dry-run").value_or("") == "true";
                     in.on_match = Param(req, "on_match", "x-on-match").value_or("");
                     in.bytes = req.body;
                     in.content_type = req.Header("content-type");
                     in.file_name = FileName(req.Header("x-file-name"));
                     auto outcome = ImportTasks(service, *units.Get(), who, in);
                     if (!outcome.ok()) return Response::Error(outcome.status());
                     return Outcome(*outcome, in.dry_run);
                   });
}

}  // namespace dh::tasks

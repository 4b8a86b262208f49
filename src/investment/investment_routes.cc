#include "investment/investment_routes.h"

#include "core/json.h"
#include "core/text.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "investment/disbursement_import.h"
#include "investment/investment_json.h"
#include "investment/investment_messages.h"
#include "investment/investment_parse.h"
#include "tasks/task_json.h"

namespace dh::investment {
namespace {

namespace bj = boost::json;
using http::ListFilter;
using http::Request;
using http::Response;
using S = InvestmentService;

template <typename T>
Response One(const Result<T>& r, int status = 200) {
  return http::OneOf(
      r, [](const T& x) { return ToJson(x); }, status);
}

template <typename T>
Response Many(const Result<std::vector<T>>& r, int64_t total) {
  return http::ListOf(r, total, [](const T& x) { return ToJson(x); });
}

// A whole list (its total: its length).
template <typename T>
Response All(const Result<std::vector<T>>& r) {
  return http::AllOf(r, [](const T& x) { return ToJson(x); });
}

// A page of records named with the unit tree (investor, lead unit …) and its total.
template <typename T>
Response ManyNamed(const S& s, const Result<std::vector<T>>& r, int64_t total) {
  auto g = s.units().Get();
  return http::ListOf(r, total, [&](const T& x) { return ToJson(x, g.get()); });
}

// Parses the body with `parse`, then answers what `run` makes of it.
template <typename Parse, typename Run>
Response WithBody(const Request& req, Parse parse, Run run) {
  auto o = http::BodyObject(req);
  if (!o.ok()) return Response::Error(o.status());
  auto in = parse(*o);
  if (!in.ok()) return Response::Error(in.status());
  return run(std::move(*in));
}

bj::object LinkedJson(const ProjectDetail::LinkedTask& t, const units::UnitGraph& g) {
  bj::object o = ToJson(t.link);
  o["task"] = tasks::ToJson(t.task, g);
  return o;
}

// ---- Capital sources and projects ------------------------------------------------------------
Response ListSources(S& s, const Request&, const auth::Principal& who) {
  auto r = s.Sources(who);
  return All(r);
}

Response CreateSource(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseSource,
                  [&](CapitalSource in) { return One(s.CreateSource(who, std::move(in)), 201); });
}

const http::ListSpec& ProjectList() {
  using T = ListFilter::Type;
  static const http::ListSpec spec{
      {{"investor_id", T::kId, "Chủ đầu tư"},
       {"managing_unit_id", T::kId, "Đơn vị quản lý"},
       {"location_unit_id", T::kId, "Địa điểm"},
       {"sector", T::kText, "Lĩnh vực"},
       {"group", T::kText, "Nhóm dự án"},
       {"status", T::kText, "Tình trạng"},
       {"is_key", T::kText, "Dự án trọng điểm"},
       {"q", T::kText, "Tìm kiếm"}},
      50,
      1000,
      {"code", "name", "total_investment", "status", "physical_percent", "start_year"}};
  return spec;
}

Response ListProjects(S& s, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, ProjectList());
  if (!q.ok()) return Response::Error(q.status());
  ProjectQuery pq{.investor_id = q->Id("investor_id"),
                  .managing_unit_id = q->Id("managing_unit_id"),
                  .location_unit_id = q->Id("location_unit_id"),
                  .sector = q->Text("sector"),
                  .group = q->Text("group"),
                  .status = q->Text("status"),
                  .q = q->Text("q"),
                  .sort = q->sort(),
                  .descending = q->descending()};
  if (auto key = q->Text("is_key")) {
    if (*key != "true" && *key != "false")
      return Response::Error(Status::InvalidInput("is_key", Say(msg::kKeyTrueFalse)));
    pq.is_key = *key == "true";
  }
  int64_t total = 0;
  auto list = s.ListProjects(who, pq, q->limit(), q->offset(), &total);
  return ManyNamed(s, list, total);
}

Response CreateProject(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseProject, [&](ProjectInput in) {
    auto p = s.CreateProject(&who, in);
    if (!p.ok()) return Response::Error(p.status());
    return Response::Json(ToJson(*p, s.units().Get().get()), 201);
  });
}

bj::object DetailJson(const ProjectDetail& d, const units::UnitGraph& g) {
  bj::object o = ToJson(d.project, &g);
  auto list = [](const auto& xs) {
    bj::array a;
    for (const auto& x : xs) a.push_back(ToJson(x));
    return a;
  };
  o["medium_term_plans"] = list(d.medium_term_plans);
  o["plan_versions"] = list(d.plan_versions);
  o["commitments"] = list(d.commitments);
  o["progress_updates"] = list(d.progress);
  o["milestones"] = list(d.milestones);
  bj::array paid, bottlenecks;
  for (const auto& y : d.disbursed)
    paid.push_back({{"plan_year", y.year}, {"source_id", y.source_id}, {"amount", y.disbursed}});
  for (const auto& b : d.bottlenecks) bottlenecks.push_back(LinkedJson(b, g));
  o["disbursed"] = std::move(paid);
  o["bottlenecks"] = std::move(bottlenecks);
  return o;
}

Response GetProject(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto d = s.GetProject(who, *id);
  if (!d.ok()) return Response::Error(d.status());
  return Response::Json(DetailJson(*d, *s.units().Get()));
}

Response PatchProject(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return WithBody(req, ParseProject, [&](ProjectInput in) {
    auto p = s.UpdateProject(who, *id, in);
    if (!p.ok()) return Response::Error(p.status());
    return Response::Json(ToJson(*p, s.units().Get().get()));
  });
}

// ---- Plans
// ---------------------------------------------------------------------------------------
const http::ListSpec& RecordList() {
  using T = ListFilter::Type;
  static const http::ListSpec spec{{{"project_id", T::kId, "Dự án"},
                                    {"source_id", T::kId, "Nguồn vốn"},
                                    {"year", T::kId, "Năm kế hoạch"},
                                    {"period", T::kText, "Giai đoạn"}}};
  return spec;
}

Result<std::pair<http::ListQuery, RecordQuery>> RecordQueryOf(const Request& req) {
  DH_ASSIGN_OR_RETURN(auto q, http::ListQuery::Parse(req, RecordList()));
  RecordQuery rq{.project_id = q.Id("project_id"), .source_id = q.Id("source_id")};
  if (auto y = q.Id("year")) rq.year = static_cast<int>(*y);
  return std::pair{std::move(q), rq};
}

Response ListMediumTerm(S& s, const Request& req, const auth::Principal& who) {
  auto q = RecordQueryOf(req);
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list = s.ListMediumTermPlans(who, q->second.project_id, q->first.Text("period"),
                                    q->first.limit(), q->first.offset(), &total);
  return Many(list, total);
}

Response SetMediumTerm(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseMediumTermPlan, [&](MediumTermPlan in) {
    return One(s.SetMediumTermPlan(&who, std::move(in)), 201);
  });
}

// A page of annual plan versions or of disbursements, as the record filters ask.
template <typename T>
Response ListRecords(S& s, const Request& req, const auth::Principal& who) {
  auto q = RecordQueryOf(req);
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list = s.ListRecords<T>(who, q->second, q->first.limit(), q->first.offset(), &total);
  return Many(list, total);
}

Response AddAnnual(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParsePlanVersion,
                  [&](PlanVersion in) { return One(s.AddPlanVersion(&who, std::move(in)), 201); });
}

Response Adjust(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseAdjustment,
                  [&](PlanAdjustment in) { return One(s.Adjust(&who, std::move(in)), 201); });
}

Response GetAdjustment(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto a = s.GetAdjustment(who, *id);
  if (!a.ok()) return Response::Error(a.status());
  bj::object o = ToJson(a->first);
  bj::array versions;
  for (const PlanVersion& v : a->second) versions.push_back(ToJson(v));
  o["versions"] = std::move(versions);
  return Response::Json(o);
}

Result<int> PathYear(const Request& req) {
  DH_ASSIGN_OR_RETURN(int64_t y, http::PathId(req, "year"));
  if (y < 2000 || y > 2100) return Status::NotFound(Say(msg::kNoSuchYear));
  return static_cast<int>(y);
}

Response GetTargets(S& s, const Request& req, const auth::Principal& who) {
  auto year = PathYear(req);
  if (!year.ok()) return Response::Error(year.status());
  auto list = s.Trajectory(who, *year);
  return All(list);
}

Response SetTargets(S& s, const Request& req, const auth::Principal& who) {
  auto year = PathYear(req);
  if (!year.ok()) return Response::Error(year.status());
  return WithBody(req, ParseTrajectory, [&](std::vector<TargetMilestone> in) {
    auto list = s.SetTrajectory(&who, *year, std::move(in));
    return All(list);
  });
}

// ---- Disbursement
// ----------------------------------------------------------------------------------
Response AddDisbursement(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseDisbursement, [&](Disbursement in) {
    return One(s.AddDisbursement(&who, std::move(in)), 201);
  });
}

Response ImportDisbursements(S& s, const Request& req, const auth::Principal& who) {
  sheets::RowErrors errors;
  auto r = s.ImportDisbursements(&who, req.body, req.Header("content-type"),
                                 text::SafeFileName(req.Header("x-file-name"), 200), &errors);
  if (!errors.empty()) return Response::Json(sheets::RowErrorsBody(errors, "dòng giải ngân"), 422);
  if (!r.ok()) return Response::Error(r.status());
  return Response::Json(bj::object{{"ok", true},
                                   {"imported", r->imported},
                                   {"import_id", r->import_id},
                                   {"total", r->total}},
                        201);
}

Response ImportColumns(S&, const Request&, const auth::Principal&) {
  return Response::Json(bj::object{{"columns", sheets::ColumnHelp(DisbursementColumns())},
                                   {"max_rows", kMaxApiRows}});
}

// ---- A project's follow-up
// -------------------------------------------------------------------------
Response GetCommitments(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto year = http::QueryInt(req, "year");
  if (!year.ok()) return Response::Error(year.status());
  auto list = s.Commitments(who, *id, static_cast<int>(year->value_or(s.Today().year())));
  return All(list);
}

Response SetCommitments(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return WithBody(req, ParseCommitments, [&](std::pair<int, std::vector<Commitment>> in) {
    auto list = s.SetCommitments(&who, *id, in.first, std::move(in.second));
    return All(list);
  });
}

Response ReportProgress(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  const Date today = s.Today();
  return WithBody(
      req, [&](const bj::object& o) { return ParseProgress(o, today); },
      [&](ProgressUpdate in) {
        in.project_id = *id;
        return One(s.ReportProgress(&who, std::move(in)), 201);
      });
}

Response AddMilestone(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return WithBody(req, ParseMilestone, [&](ProjectMilestone in) {
    in.project_id = *id;
    return One(s.AddMilestone(&who, std::move(in)), 201);
  });
}

Response ListBottlenecks(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto list = s.Bottlenecks(who, *id);
  if (!list.ok()) return Response::Error(list.status());
  auto g = s.units().Get();
  bj::array items;
  for (const auto& b : *list) items.push_back(LinkedJson(b, *g));
  return Response::List(std::move(items), static_cast<int64_t>(list->size()));
}

Response OpenBottleneck(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return WithBody(req, ParseBottleneck, [&](BottleneckInput in) {
    auto b = s.OpenBottleneck(&who, *id, in);
    if (!b.ok()) return Response::Error(b.status());
    return Response::Json(LinkedJson(*b, *s.units().Get()), 201);
  });
}

// ---- Inspections
// --------------------------------------------------------------------------------------
Response CreateInspectionPlan(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseInspectionPlan, [&](InspectionPlan in) {
    return One(s.CreateInspectionPlan(&who, std::move(in)), 201);
  });
}

Response ListInspections(S& s, const Request& req, const auth::Principal& who) {
  auto plan = http::QueryInt(req, "plan_id");
  if (!plan.ok()) return Response::Error(plan.status());
  auto list = s.ListInspections(who, *plan);
  return All(list);
}

Response CreateInspection(S& s, const Request& req, const auth::Principal& who) {
  return WithBody(req, ParseInspection,
                  [&](Inspection in) { return One(s.CreateInspection(&who, std::move(in)), 201); });
}

Response RecordVisit(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto o = http::BodyObject(req);
  if (!o.ok()) return Response::Error(o.status());
  Status only = json::OnlyFields(*o, {"visited_on", "findings"});
  if (!only.ok()) return Response::Error(only);
  auto on = json::RequiredDate(*o, {"visited_on", "Ngày kiểm tra"});
  auto findings = json::RequiredString(*o, {"findings", "Kết quả kiểm tra"}, 20000);
  if (!on.ok()) return Response::Error(on.status());
  if (!findings.ok()) return Response::Error(findings.status());
  return One(s.RecordVisit(who, *id, *on, *findings));
}

Response Recommend(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return WithBody(req, ParseRecommendation, [&](tasks::TaskInput in) {
    auto b = s.Recommend(&who, *id, std::move(in));
    if (!b.ok()) return Response::Error(b.status());
    return Response::Json(LinkedJson(*b, *s.units().Get()), 201);
  });
}

// ---- Inspection plans' pages
// -------------------------------------------------------------------------
const http::ListSpec& InspectionPlanList() {
  using T = ListFilter::Type;
  static const http::ListSpec spec{{{"year", T::kId, "Năm"},
                                    {"lead_unit_id", T::kId, "Đơn vị chủ trì"},
                                    {"investor_id", T::kId, "Chủ đầu tư"},
                                    {"status", T::kText, "Tình trạng"},
                                    {"q", T::kText, "Tìm kiếm"}}};
  return spec;
}

Result<InspectionPlanQuery> InspectionPlanQueryOf(const http::ListQuery& q) {
  InspectionPlanQuery pq{
      .lead_unit_id = q.Id("lead_unit_id"), .investor_id = q.Id("investor_id"), .q = q.Text("q")};
  if (auto y = q.Id("year")) pq.year = static_cast<int>(*y);
  if (auto status = q.Text("status"); status && !status->empty()) {
    pq.status = ParseInspectionStatus(*status);
    if (!pq.status) return Status::InvalidInput("status", Say(msg::kInspectionStatuses));
  }
  return pq;
}

Response ListInspectionPlans(S& s, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, InspectionPlanList());
  if (!q.ok()) return Response::Error(q.status());
  auto pq = InspectionPlanQueryOf(*q);
  if (!pq.ok()) return Response::Error(pq.status());
  int64_t total = 0;
  auto list = s.InspectionPlans(who, *pq, q->limit(), q->offset(), &total);
  return ManyNamed(s, list, total);
}

Response GetInspectionPlan(S& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto d = s.InspectionPlanPage(who, *id);
  if (!d.ok()) return Response::Error(d.status());
  auto g = s.units().Get();
  bj::object o = ToJson(d->summary, g.get());
  bj::array visits, actions;
  for (const InspectionPlanDetail::Visit& v : d->visits) {
    bj::object x = ToJson(v.inspection, v.project ? &*v.project : nullptr, g.get());
    bj::array recommendations;
    for (const auto& r : v.recommendations) recommendations.push_back(LinkedJson(r, *g));
    x["recommendations"] = std::move(recommendations);
    visits.push_back(std::move(x));
  }
  if (d->may_manage)
    for (const char* a : {"add_visit", "record_visit", "recommend"}) actions.push_back(a);
  o["inspections"] = std::move(visits);
  o["allowed_actions"] = std::move(actions);
  return Response::Json(o);
}

constexpr http::Route<S&> kRoutes[] = {
    {"GET", "/api/v1/capital-sources", ListSources},
    {"POST", "/api/v1/capital-sources", CreateSource},
    {"GET", "/api/v1/projects", ListProjects},
    {"POST", "/api/v1/projects", CreateProject},
    {"GET", "/api/v1/projects/{id}", GetProject},
    {"PATCH", "/api/v1/projects/{id}", PatchProject},
    {"GET", "/api/v1/projects/{id}/commitments", GetCommitments},
    {"PUT", "/api/v1/projects/{id}/commitments", SetCommitments},
    {"POST", "/api/v1/projects/{id}/progress", ReportProgress},
    {"POST", "/api/v1/projects/{id}/milestones", AddMilestone},
    {"GET", "/api/v1/projects/{id}/bottlenecks", ListBottlenecks},
    {"POST", "/api/v1/projects/{id}/bottlenecks", OpenBottleneck},
    {"GET", "/api/v1/medium-term-plans", ListMediumTerm},
    {"POST", "/api/v1/medium-term-plans", SetMediumTerm},
    {"GET", "/api/v1/annual-plans", ListRecords<PlanVersion>},
    {"POST", "/api/v1/annual-plans", AddAnnual},
    {"POST", "/api/v1/plan-adjustments", Adjust},
    {"GET", "/api/v1/plan-adjustments/{id}", GetAdjustment},
    {"GET", "/api/v1/disbursement-targets/{year}", GetTargets},
    {"PUT", "/api/v1/disbursement-targets/{year}", SetTargets},
    {"GET", "/api/v1/disbursements", ListRecords<Disbursement>},
    {"POST", "/api/v1/disbursements", AddDisbursement},
    {"POST", "/api/v1/disbursements/import", ImportDisbursements},
    {"GET", "/api/v1/disbursements/import/columns", ImportColumns},
    {"GET", "/api/v1/inspections", ListInspections},
    {"POST", "/api/v1/inspections", CreateInspection},
    {"POST", "/api/v1/inspection-plans", CreateInspectionPlan},
    {"POST", "/api/v1/inspections/{id}/visit", RecordVisit},
    {"POST", "/api/v1/inspections/{id}/recommendations", Recommend},
    {"GET", "/api/v1/inspection-plans", ListInspectionPlans},
    {"GET", "/api/v1/inspection-plans/{id}", GetInspectionPlan},
};

}  // namespace

void RegisterRoutes(http::Router& router, InvestmentService& service) {
  RegisterInvestmentLabels();
  http::RegisterTable(router, std::ref(service), kRoutes);
}

}  // namespace dh::investment

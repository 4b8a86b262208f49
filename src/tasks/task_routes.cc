#include "tasks/task_routes.h"

#include <algorithm>
#include <map>

#include "calendar/deadline.h"
#include "core/json.h"
#include "core/text.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "readmodel/counts.h"
#include "tasks/task_as_of.h"
#include "tasks/task_edit_routes.h"
#include "tasks/task_json.h"
#include "tasks/task_messages.h"
#include "tasks/task_office_routes.h"
#include "tasks/task_parse.h"
#include "tasks/task_report_routes.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

// `o` with a board's counts added: the total and one count per due status.
bj::object WithCounts(bj::object o, const BoardCounts& c) {
  o["total"] = c.total;
  o["done_on_time"] = c.done_on_time;
  o["done_late"] = c.done_late;
  o["in_time"] = c.in_time;
  o["due_soon"] = c.due_soon;
  o["overdue"] = c.overdue;
  o["no_deadline"] = c.no_deadline;
  return o;
}

bj::array CountsJson(const std::unordered_map<int64_t, BoardCounts>& board, const std::string& by,
                     const units::UnitGraph& g,
                     const std::unordered_map<int64_t, std::string>& names) {
  bj::array rows;
  // The worst first: the most overdue, then by key.
  for (int64_t key : readmodel::WorstFirst(board, [](const BoardCounts& c) { return c.overdue; })) {
    const BoardCounts& c = board.at(key);
    bj::object row = WithCounts({{"key", key}}, c);
    if (by == "unit") {
      const units::Unit* u = g.Find(key);
      row["name"] = u ? u->name : "";
      row["code"] = u ? u->code : "";
    } else {
      auto it = names.find(key);
      row["name"] = key == 0 ? (by == "group" ? "Không thuộc nhóm" : "Không thuộc văn bản")
                             : (it == names.end() ? "" : it->second);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

using Deps = RouteDeps;

// Handlers share one shape: parse, call one service function, serialise. One on an object
// named in the path takes its id and the body as an object (http::WithId).
using http::WithId;

// The first error among a body's checks.
Status FirstError(std::initializer_list<Status> checks) {
  for (const Status& s : checks)
    if (!s.ok()) return s;
  return Status::Ok();
}

Response ViewOrError(const Deps& d, const Result<TaskView>& v, int status = 200) {
  if (!v.ok()) return Response::Error(v.status());
  return Response::Json(ToJson(*v, *d.units.Get()), status);
}

Response ViewsOrError(const Deps& d, const Result<std::vector<TaskView>>& list, int64_t total,
                      int status = 200) {
  auto g = d.units.Get();
  Response r = http::ListOf(list, total, [&](const TaskView& v) { return ToJson(v, *g); });
  if (list.ok()) r.status = status;
  return r;
}

// One page of a list rebuilt as of a day (task_as_of.h).
Response AsOfPage(const Deps& d, Result<std::vector<TaskView>> all, int64_t limit, int64_t offset) {
  if (!all.ok()) return Response::Error(all.status());
  const auto total = static_cast<int64_t>(all->size());
  const auto from = std::min(offset, total), to = std::min(offset + limit, total);
  return ViewsOrError(d, std::vector<TaskView>(all->begin() + from, all->begin() + to), total);
}

Response CoordinationOrError(const Deps& d, const Result<CoordinationRequest>& r,
                             int status = 200) {
  if (!r.ok()) return Response::Error(r.status());
  return Response::Json(ToJson(*r, *d.units.Get(), d.service.Today(), *d.service.Calendar()),
                        status);
}

// ---- Directives and groups ----------------------------------------------------------------

const http::ListSpec& DirectiveList() {
  static const http::ListSpec spec{{{"q", http::ListFilter::Type::kText, "Tìm kiếm"}}};
  return spec;
}

Response ListDirectives(const Deps& d, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, DirectiveList());
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list =
      d.service.ListDirectives(who, q->Text("q").value_or(""), q->limit(), q->offset(), &total);
  auto g = d.units.Get();
  return http::ListOf(list, total, [&](const Directive& x) { return ToJson(x, *g); });
}

Response CreateDirective(const Deps& d, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, ParseDirective);
  if (!in.ok()) return Response::Error(in.status());
  return http::OneOf(
      d.service.CreateDirective(who, *in),
      [&](const Directive& x) { return ToJson(x, *d.units.Get()); }, 201);
}

Response GetDirective(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  auto found = d.service.GetDirective(who, id);
  if (!found.ok()) return Response::Error(found.status());
  auto groups = d.service.Groups(who, id);
  if (!groups.ok()) return Response::Error(groups.status());
  bj::object o = ToJson(*found, *d.units.Get());
  bj::array gs;
  for (const auto& g : *groups) gs.push_back(ToJson(g));
  o["groups"] = std::move(gs);
  return Response::Json(o);
}

Response UpdateDirective(const Deps& d, int64_t id, const bj::object& o,
                         const auth::Principal& who) {
  auto in = ParseDirective(o);
  if (!in.ok()) return Response::Error(in.status());
  auto updated = d.service.UpdateDirective(who, id, *in);
  if (!updated.ok()) return Response::Error(updated.status());
  return Response::Json(ToJson(*updated, *d.units.Get()));
}

Response ListGroups(const Deps& d, const Request& req, const auth::Principal& who) {
  auto directive = http::QueryInt(req, "directive_id");
  if (!directive.ok()) return Response::Error(directive.status());
  if (!*directive)
    return Response::Error(
        Status::InvalidInput("directive_id", Say(msg::kChooseDirectiveDirectiveId)));
  return http::AllOf(d.service.Groups(who, **directive),
                     [](const TaskGroup& g) { return ToJson(g); });
}

Response CreateGroup(const Deps& d, const Request& req, const auth::Principal& who) {
  auto g = http::ParseBody(req, ParseGroup);
  if (!g.ok()) return Response::Error(g.status());
  return http::OneOf(
      d.service.CreateGroup(who, *g), [](const TaskGroup& x) { return ToJson(x); }, 201);
}

// ---- Tasks --------------------------------------------------------------------------------

// The task list's `sort` (checked against its ListSpec) as the read model's order.
TaskFilter::Order OrderOf(const std::string& sort) {
  using O = TaskFilter::Order;
  static const std::map<std::string, O, std::less<>> kOrders{
      {"title", O::kTitle},      {"state", O::kState}, {"timeliness", O::kTimeliness},
      {"created", O::kCreated},  {"lead", O::kLead},   {"coordinators", O::kCoordinators},
      {"progress", O::kProgress}};
  auto it = kOrders.find(sort);
  return it == kOrders.end() ? O::kDeadline : it->second;
}

// Each unit id's place in the order of unit names (folded, as titles are): how the list
// sorts by lead or coordinating unit.
std::vector<uint32_t> UnitNameRank(const units::UnitGraph& g) {
  std::vector<std::pair<std::string, int64_t>> keyed;
  int64_t max_id = 0;
  for (const units::Unit& u : g.all()) {
    keyed.emplace_back(text::FoldForSearch(u.name), u.id);
    max_id = std::max(max_id, u.id);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint32_t> rank(static_cast<size_t>(max_id) + 1, UINT32_MAX);
  for (size_t k = 0; k < keyed.size(); ++k) rank[keyed[k].second] = static_cast<uint32_t>(k);
  return rank;
}

Response ListTasks(const Deps& d, const Request& req, const auth::Principal& who) {
  auto f = FilterFromQuery(req);
  if (!f.ok()) return Response::Error(f.status());
  // The filters are the read model's (FilterFromQuery); the paging and order are the list's.
  static const http::ListSpec paging{.sorts = {"deadline", "title", "state", "timeliness",
                                               "created", "lead", "coordinators", "progress"}};
  auto q = http::ListQuery::Parse(req, paging);
  if (!q.ok()) return Response::Error(q.status());
  f->order = OrderOf(q->sort());
  f->descending = q->descending();
  std::vector<uint32_t> rank;
  if (f->order == TaskFilter::Order::kLead || f->order == TaskFilter::Order::kCoordinators) {
    rank = UnitNameRank(*d.units.Get());
    f->unit_rank = &rank;
  }
  int64_t total = 0;
  auto day = http::QueryDate(req, "as_of");  // tasksreport: each task as it stood that day
  if (!day.ok()) return Response::Error(day.status());
  if (*day) return AsOfPage(d, TasksAsOf(d.service, who, *f, **day), q->limit(), q->offset());
  auto list = d.service.List(who, *f, q->limit(), q->offset(), &total);  // sets total
  return ViewsOrError(d, list, total);
}

Response CreateTask(const Deps& d, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, ParseTask);
  if (!in.ok()) return Response::Error(in.status());
  return ViewOrError(d, d.service.Create(&who, *in), 201);
}

// tasksa: one task for each of many units, under a new group that tracks them together.
Response AssignMany(const Deps& d, const Request& req, const auth::Principal& who) {
  auto o = json::ParseObject(req.body);
  if (!o.ok()) return Response::Error(o.status());
  std::string kind;
  auto in = ParseManyUnits(*o, &kind);
  if (!in.ok()) return Response::Error(in.status());
  if (!kind.empty()) in->unit_ids = d.service.UnitsOfKind(who, kind);
  auto made = d.service.CreateForUnits(who, *in);
  if (!made.ok()) return Response::Error(made.status());
  return Response::Json(bj::object{{"group", ToJson(made->group)},
                                   {"task_ids", bj::value_from(made->task_ids)},
                                   {"created", static_cast<int64_t>(made->task_ids.size())}},
                        201);
}

Response GetTask(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  auto detail = d.service.Get(who, id);
  if (!detail.ok()) return Response::Error(detail.status());
  return Response::Json(ToJson(*detail, *d.units.Get(), d.service.Today(), *d.service.Calendar()));
}

Response UpdateTask(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto in = ParseTask(o);
  if (!in.ok()) return Response::Error(in.status());
  return ViewOrError(d, d.service.Update(who, id, *in));
}

// ---- The loop -----------------------------------------------------------------------------

Response Report(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto percent = json::RequiredInt(o, {"percent", "Tiến độ đạt được (%)"}, 0, 100);
  auto on = json::OptionalDate(o, {"reported_on", "Ngày báo cáo"});
  auto body = Text(o, {"body", "Kết quả thực hiện"});
  if (Status s = FirstError({json::OnlyFields(o, {"percent", "reported_on", "body"}),
                             percent.status(), on.status(), body.status()});
      !s.ok())
    return Response::Error(s);
  return ViewOrError(d, d.service.Report(who, id, *on, static_cast<int>(*percent), *body), 201);
}

Response RequestExtension(const Deps& d, int64_t id, const bj::object& o,
                          const auth::Principal& who) {
  auto date = json::RequiredDate(o, {"new_deadline", "Đề nghị gia hạn đến ngày"});
  auto reason = Text(o, {"reason", "Lý do"});
  if (Status s = FirstError(
          {json::OnlyFields(o, {"new_deadline", "reason"}), date.status(), reason.status()});
      !s.ok())
    return Response::Error(s);
  auto e = d.service.RequestExtension(who, id, *date, *reason);
  if (!e.ok()) return Response::Error(e.status());
  return Response::Json(ToJson(*e), 201);
}

Response DecideExtension(const Deps& d, int64_t id, const bj::object& o,
                         const auth::Principal& who) {
  auto approve = json::OptionalBool(o, {"approve", "Quyết định"});
  auto note = Text(o, {"note", "Ý kiến"});
  if (Status s =
          FirstError({json::OnlyFields(o, {"approve", "note"}), approve.status(), note.status()});
      !s.ok())
    return Response::Error(s);
  if (!*approve)
    return Response::Error(Status::InvalidInput("approve", Say(msg::kChooseApproveTrueFalse)));
  auto e = d.service.DecideExtension(who, id, **approve, *note);
  if (!e.ok()) return Response::Error(e.status());
  return Response::Json(ToJson(*e));
}

Response Delegate(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto parts = ParseParts(o);
  if (!parts.ok()) return Response::Error(parts.status());
  auto created = d.service.Delegate(who, id, *parts);
  const auto total = created.ok() ? static_cast<int64_t>(created->size()) : 0;
  return ViewsOrError(d, created, total, 201);
}

Response RequestCoordination(const Deps& d, int64_t id, const bj::object& o,
                             const auth::Principal& who) {
  auto to = json::RequiredId(o, {"to_unit_id", "Đơn vị được đề nghị"});
  auto due = json::RequiredDate(o, {"due_on", "Hạn trả lời"});
  auto body = Text(o, {"body", "Nội dung đề nghị"});
  if (Status s = FirstError({json::OnlyFields(o, {"to_unit_id", "due_on", "body"}), to.status(),
                             due.status(), body.status()});
      !s.ok())
    return Response::Error(s);
  return CoordinationOrError(d, d.service.RequestCoordination(who, id, *to, *body, *due), 201);
}

Response AnswerCoordination(const Deps& d, int64_t id, const bj::object& o,
                            const auth::Principal& who) {
  auto known = json::OnlyFields(o, {"answer"});
  if (!known.ok()) return Response::Error(known);
  auto answer = Text(o, {"answer", "Nội dung trả lời"});
  if (!answer.ok()) return Response::Error(answer.status());
  return CoordinationOrError(d, d.service.AnswerCoordination(who, id, *answer));
}

Response Submit(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto on = json::OptionalDate(o, {"finished_on", "Ngày hoàn thành"});
  auto output = Text(o, {"output_text", "Kết quả, sản phẩm"});
  if (Status s = FirstError(
          {json::OnlyFields(o, {"finished_on", "output_text"}), on.status(), output.status()});
      !s.ok())
    return Response::Error(s);
  return ViewOrError(d, d.service.Submit(who, id, *on, *output));
}

Response Confirm(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto accept = json::OptionalBool(o, {"accept", "Đánh giá kết quả"});
  auto reason = Text(o, {"reason", "Lý do, yêu cầu bổ sung"});
  if (Status s =
          FirstError({json::OnlyFields(o, {"accept", "reason"}), accept.status(), reason.status()});
      !s.ok())
    return Response::Error(s);
  if (!*accept)
    return Response::Error(Status::InvalidInput("accept", Say(msg::kChooseConfirmTrueReturnFalse)));
  return ViewOrError(d, d.service.Confirm(who, id, **accept, *reason));
}

Response Refuse(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto known = json::OnlyFields(o, {"reason"});
  if (!known.ok()) return Response::Error(known);
  auto reason = Text(o, {"reason", "Lý do từ chối"});
  if (!reason.ok()) return Response::Error(reason.status());
  return ViewOrError(d, d.service.Refuse(who, id, *reason));
}

Response Reassign(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto unit = json::RequiredId(o, {"lead_unit_id", "Đơn vị chủ trì mới"});
  auto note = Text(o, {"note", "Ghi chú"});
  if (Status s =
          FirstError({json::OnlyFields(o, {"lead_unit_id", "note"}), unit.status(), note.status()});
      !s.ok())
    return Response::Error(s);
  return ViewOrError(d, d.service.Reassign(who, id, *unit, *note));
}

Response Suspend(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto suspend = json::OptionalBool(o, {"suspend", "Tạm dừng"});
  auto note = Text(o, {"note", "Lý do"});
  if (Status s =
          FirstError({json::OnlyFields(o, {"suspend", "note"}), suspend.status(), note.status()});
      !s.ok())
    return Response::Error(s);
  return ViewOrError(d, d.service.Suspend(who, id, suspend->value_or(true), *note));
}

// ---- Boards and the coordination list, from the read model ---------------------------------

// The names a board's rows carry besides units': directives' or groups'.
std::unordered_map<int64_t, std::string> BoardNames(const Deps& d, const auth::Principal& who,
                                                    const std::string& by, const TaskFilter& f) {
  std::unordered_map<int64_t, std::string> names;
  if (by == "directive") {
    int64_t total = 0;
    auto ds = d.service.ListDirectives(who, "", 1000, 0, &total);
    if (ds.ok())
      for (const auto& x : *ds) names[x.id] = x.number + " — " + x.title;
  } else if (by == "group" && f.directive_id) {
    auto gs = d.service.Groups(who, *f.directive_id);
    if (gs.ok())
      for (const auto& g : *gs) names[g.id] = g.title;
  }
  return names;
}

bj::object TotalsJson(const std::unordered_map<int64_t, BoardCounts>& board) {
  return WithCounts({}, readmodel::SumOf(board));
}

Response TaskBoard(const Deps& d, const Request& req, const auth::Principal& who) {
  auto f = FilterFromQuery(req);
  if (!f.ok()) return Response::Error(f.status());
  const std::string by = req.Query("by").value_or("unit");
  auto day = http::QueryDate(req, "as_of");  // tasksreport: the board of that day
  if (!day.ok()) return Response::Error(day.status());
  auto board = *day ? BoardAsOf(d.service, who, by, *f, **day) : d.service.Board(who, by, *f);
  if (!board.ok()) return Response::Error(board.status());
  const auto names = BoardNames(d, who, by, *f);
  return Response::Json(bj::object{{"by", by},
                                   {"as_of", day->value_or(d.service.Today()).ToString()},
                                   {"totals", TotalsJson(*board)},
                                   {"rows", CountsJson(*board, by, *d.units.Get(), names)}});
}

const http::ListSpec& CoordinationList() {
  using T = http::ListFilter::Type;
  static const http::ListSpec spec{{{"to_unit_id", T::kId, "Đơn vị được đề nghị"},
                                    {"from_unit_id", T::kId, "Đơn vị đề nghị"},
                                    {"task_id", T::kId, "Nhiệm vụ"},
                                    {"status", T::kText, "Tình trạng trả lời"}}};
  return spec;
}

Result<CoordinationFilter> CoordinationFilterOf(const http::ListQuery& q) {
  CoordinationFilter f;
  f.to_unit_id = q.Id("to_unit_id");
  f.from_unit_id = q.Id("from_unit_id");
  f.task_id = q.Id("task_id");
  if (auto s = q.Text("status")) {
    f.status = ParseAnswerStatus(*s);
    if (!f.status) return Status::InvalidInput("status", Say(msg::kStatusOnePendingAnsweredTime));
  }
  return f;
}

// The requests behind the coordination board's numbers.
Response ListCoordinations(const Deps& d, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, CoordinationList());
  if (!q.ok()) return Response::Error(q.status());
  auto f = CoordinationFilterOf(*q);
  if (!f.ok()) return Response::Error(f.status());
  int64_t total = 0;
  auto list = d.service.ListCoordinations(who, *f, q->limit(), q->offset(), &total);
  if (!list.ok()) return Response::Error(list.status());
  auto g = d.units.Get();
  const Date today = d.service.Today();
  auto cal = d.service.Calendar();
  bj::array items;
  for (const auto& item : *list) {
    bj::object o = ToJson(item.request, *g, today, *cal);
    o["task_title"] = item.task_title;
    items.push_back(std::move(o));
  }
  return Response::List(std::move(items), total);
}

Response CoordinationBoard(const Deps& d, const Request&, const auth::Principal& who) {
  auto board = d.service.CoordinationBoard(who);
  if (!board.ok()) return Response::Error(board.status());
  auto g = d.units.Get();
  bj::array rows;
  for (const auto& [unit, c] : *board) {
    const units::Unit* u = g->Find(unit);
    rows.push_back({{"unit_id", unit},
                    {"name", u ? u->name : ""},
                    {"received", c.received},
                    {"answered_on_time", c.answered_on_time},
                    {"answered_late", c.answered_late},
                    {"overdue", c.overdue},
                    {"pending", c.pending}});
  }
  std::sort(rows.begin(), rows.end(), [](const bj::value& a, const bj::value& b) {
    const auto& x = a.as_object();
    const auto& y = b.as_object();
    const auto sa = x.at("overdue").as_int64() + x.at("answered_late").as_int64();
    const auto sb = y.at("overdue").as_int64() + y.at("answered_late").as_int64();
    return sa != sb ? sa > sb : x.at("unit_id").as_int64() < y.at("unit_id").as_int64();
  });
  return Response::Json(
      bj::object{{"as_of", d.service.Today().ToString()}, {"rows", std::move(rows)}});
}

// "Việc của tôi": each entry with its kind, the day it is due (effective) and the working
// days left or late, and the task or the coordination request itself.
bj::object MyWorkJson(const TaskService::MyWorkEntry& e, const units::UnitGraph& g, Date today,
                      const calendar::WorkCalendar& cal) {
  bj::object o{{"kind", MyWorkKindName(e.item.kind)}, {"task_id", e.item.task_id}};
  if (e.item.due) {
    o["due_on"] = e.item.due->ToString();
    o["working_days_left"] = calendar::WorkingDaysLeft(*e.item.due, today, cal);
    o["working_days_late"] = calendar::WorkingDaysLate(*e.item.due, today, cal);
  } else {
    o["due_on"] = nullptr;
  }
  if (e.task) {
    o["title"] = e.task->task.title;
    o["task"] = ToJson(*e.task, g);
  }
  if (e.coordination) {
    o["request_id"] = e.item.request_id;
    o["title"] = e.coordination->task_title;
    bj::object r = ToJson(e.coordination->request, g, today, cal);
    r["task_title"] = e.coordination->task_title;
    o["coordination"] = std::move(r);
  }
  return o;
}

Response MyWork(const Deps& d, const Request& req, const auth::Principal& who) {
  static const http::ListSpec paging;
  auto q = http::ListQuery::Parse(req, paging);
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list = d.service.MyWork(who, q->limit(), q->offset(), &total);
  auto g = d.units.Get();
  auto cal = d.service.Calendar();
  const Date today = d.service.Today();
  return http::ListOf(list, total, [&](const auto& e) { return MyWorkJson(e, *g, today, *cal); });
}

constexpr http::Route<const Deps&> kRoutes[] = {
    {"GET", "/api/v1/directives", ListDirectives},
    {"POST", "/api/v1/directives", CreateDirective},
    {"GET", "/api/v1/directives/{id}", WithId<GetDirective>},
    {"PATCH", "/api/v1/directives/{id}", WithId<UpdateDirective>},
    {"GET", "/api/v1/task-groups", ListGroups},
    {"POST", "/api/v1/task-groups", CreateGroup},
    {"GET", "/api/v1/tasks", ListTasks},
    {"POST", "/api/v1/tasks", CreateTask},
    {"POST", "/api/v1/task-assignments", AssignMany},  // tasksa
    {"GET", "/api/v1/tasks/{id}", WithId<GetTask>},
    {"PATCH", "/api/v1/tasks/{id}", WithId<UpdateTask>},
    {"POST", "/api/v1/tasks/{id}/reports", WithId<Report>},
    {"POST", "/api/v1/tasks/{id}/extensions", WithId<RequestExtension>},
    {"POST", "/api/v1/extensions/{id}/decision", WithId<DecideExtension>},
    {"POST", "/api/v1/tasks/{id}/delegations", WithId<Delegate>},
    {"POST", "/api/v1/tasks/{id}/coordination-requests", WithId<RequestCoordination>},
    {"POST", "/api/v1/coordination-requests/{id}/answer", WithId<AnswerCoordination>},
    {"POST", "/api/v1/tasks/{id}/completion", WithId<Submit>},
    {"POST", "/api/v1/tasks/{id}/confirmation", WithId<Confirm>},
    {"POST", "/api/v1/tasks/{id}/refusal", WithId<Refuse>},
    {"POST", "/api/v1/tasks/{id}/reassignment", WithId<Reassign>},
    {"POST", "/api/v1/tasks/{id}/suspension", WithId<Suspend>},
    {"GET", "/api/v1/boards/tasks", TaskBoard},
    {"GET", "/api/v1/coordination-requests", ListCoordinations},
    {"GET", "/api/v1/boards/coordination", CoordinationBoard},
    {"GET", "/api/v1/my-work", MyWork},
};

}  // namespace

void RegisterRoutes(http::Router& router, TaskService& service, const units::UnitDirectory& units) {
  http::RegisterTable(router, Deps{service, units}, kRoutes);
  RegisterTaskLabels();
  RegisterOfficeRoutes(router, service, units);
  RegisterReportRoutes(router, service, units);  // tasksreport
  RegisterEditRoutes(router, service, units);
}

}  // namespace dh::tasks

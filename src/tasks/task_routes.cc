#include "tasks/task_routes.h"

#include "core/json.h"
#include "readmodel/counts.h"
#include "tasks/task_json.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

// Handlers below share one shape: parse, call one service function, serialize.
template <typename F>
http::Handler WithId(F body) {
  return [body](const Request& req, const auth::Principal& who) -> Response {
    auto id = http::PathId(req);
    if (!id.ok()) return Response::Error(id.status());
    auto o = req.body.empty() ? Result<bj::object>(bj::object{}) : json::ParseObject(req.body);
    if (!o.ok()) return Response::Error(o.status());
    return body(*id, *o, who);
  };
}

// Every field each body may carry: its type, range and length, and the label its form
// shows. A key not listed is refused (json::OnlyFields), so nothing is silently dropped.
Result<DirectiveInput> ParseDirective(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"kind", "number", "title", "body", "issued_on", "issuer_unit_id"}));
  DirectiveInput in;
  DH_ASSIGN_OR_RETURN(in.kind, json::OptionalString(o, {"kind", "Loại văn bản"}, 20));
  DH_ASSIGN_OR_RETURN(in.number, json::OptionalString(o, {"number", "Số hiệu"}, 100));
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Trích yếu"}, 1000));
  DH_ASSIGN_OR_RETURN(in.body, json::OptionalString(o, {"body", "Nội dung"}, 200000));
  DH_ASSIGN_OR_RETURN(in.issued_on, json::OptionalDate(o, {"issued_on", "Ngày ban hành"}));
  DH_ASSIGN_OR_RETURN(in.issuer_unit_id,
                      json::OptionalId(o, {"issuer_unit_id", "Cơ quan ban hành"}));
  return in;
}

// "milestones[2].label", as the form names the field.
std::string ItemKey(const char* list, size_t i, const char* key) {
  return std::string(list) + "[" + std::to_string(i) + "]." + key;
}

Result<Milestone> ParseMilestone(const bj::value& v, size_t i) {
  if (!v.is_object())
    return Status::InvalidInput("milestones",
                                "Mốc tiến độ là danh sách {label, due_on, planned_percent}.");
  const bj::object& m = v.as_object();
  const std::string at = "milestones[" + std::to_string(i) + "].";
  DH_RETURN_IF_ERROR(json::OnlyFields(m, {"label", "due_on", "planned_percent"}, at));
  const std::string label = ItemKey("milestones", i, "label");
  const std::string due = ItemKey("milestones", i, "due_on");
  const std::string planned = ItemKey("milestones", i, "planned_percent");
  Milestone out;
  DH_ASSIGN_OR_RETURN(out.label, json::RequiredString(m, {"label", "Mốc", label}, 100));
  DH_ASSIGN_OR_RETURN(out.due_on, json::RequiredDate(m, {"due_on", "Đến ngày", due}));
  DH_ASSIGN_OR_RETURN(
      auto p, json::RequiredInt(m, {"planned_percent", "Kế hoạch lũy kế (%)", planned}, 0, 100));
  out.planned_percent = static_cast<int>(p);
  return out;
}

Result<TaskInput> ParseTask(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"directive_id", "group_id", "lead_unit_id", "assignee_id", "title", "description",
          "output_kind", "recurrence", "deadline", "is_key", "coordinator_ids", "milestones"}));
  TaskInput in;
  DH_ASSIGN_OR_RETURN(in.directive_id, json::OptionalId(o, {"directive_id", "Văn bản chỉ đạo"}));
  DH_ASSIGN_OR_RETURN(in.group_id, json::OptionalId(o, {"group_id", "Nhóm nhiệm vụ"}));
  DH_ASSIGN_OR_RETURN(in.lead_unit_id, json::OptionalId(o, {"lead_unit_id", "Đơn vị chủ trì"}));
  DH_ASSIGN_OR_RETURN(in.assignee_id, json::OptionalId(o, {"assignee_id", "Cán bộ thực hiện"}));
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Tên nhiệm vụ"}, 1000));
  DH_ASSIGN_OR_RETURN(in.description, json::OptionalString(o, {"description", "Nội dung"}, 20000));
  DH_ASSIGN_OR_RETURN(in.output_kind, json::OptionalString(o, {"output_kind", "Sản phẩm"}, 100));
  DH_ASSIGN_OR_RETURN(in.recurrence, json::OptionalString(o, {"recurrence", "Loại thời hạn"}, 20));
  DH_ASSIGN_OR_RETURN(in.deadline, json::OptionalDate(o, {"deadline", "Hạn hoàn thành"}));
  DH_ASSIGN_OR_RETURN(in.is_key, json::OptionalBool(o, {"is_key", "Nhiệm vụ trọng tâm"}));
  if (json::Has(o, "coordinator_ids")) {
    DH_ASSIGN_OR_RETURN(auto ids, json::IdArray(o, {"coordinator_ids", "Đơn vị phối hợp"}));
    in.coordinator_ids = std::move(ids);
  }
  if (json::Has(o, "milestones")) {
    if (!o.at("milestones").is_array() || o.at("milestones").as_array().size() > 100)
      return Status::InvalidInput(
          "milestones",
          "Mốc tiến độ là danh sách tối đa 100 mốc {label, due_on, planned_percent}.");
    const bj::array& list = o.at("milestones").as_array();
    for (size_t i = 0; i < list.size(); ++i) {
      DH_ASSIGN_OR_RETURN(Milestone m, ParseMilestone(list[i], i));
      in.milestones.push_back(std::move(m));
    }
  }
  return in;
}

Result<DelegationPart> ParsePart(const bj::value& v, size_t i) {
  if (!v.is_object()) return Status::InvalidInput("parts", "Mỗi phần việc là một đối tượng.");
  const bj::object& p = v.as_object();
  DH_RETURN_IF_ERROR(
      json::OnlyFields(p, {"unit_id", "assignee_id", "share_percent", "deadline", "title"},
                       "parts[" + std::to_string(i) + "]."));
  const std::string unit = ItemKey("parts", i, "unit_id");
  const std::string assignee = ItemKey("parts", i, "assignee_id");
  const std::string share = ItemKey("parts", i, "share_percent");
  const std::string deadline = ItemKey("parts", i, "deadline");
  const std::string title = ItemKey("parts", i, "title");
  DelegationPart part;
  DH_ASSIGN_OR_RETURN(part.unit_id, json::OptionalId(p, {"unit_id", "Giao cho (đơn vị)", unit}));
  DH_ASSIGN_OR_RETURN(part.assignee_id,
                      json::OptionalId(p, {"assignee_id", "Giao cho (cán bộ)", assignee}));
  DH_ASSIGN_OR_RETURN(auto pct,
                      json::RequiredInt(p, {"share_percent", "Tỷ trọng (%)", share}, 1, 100));
  part.share_percent = static_cast<int>(pct);
  DH_ASSIGN_OR_RETURN(part.deadline, json::OptionalDate(p, {"deadline", "Thời hạn", deadline}));
  DH_ASSIGN_OR_RETURN(auto name, json::OptionalString(p, {"title", "Tên phần việc", title}, 1000));
  part.title = name.value_or("");
  return part;
}

Result<std::vector<DelegationPart>> ParseParts(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"parts"}));
  if (!json::Has(o, "parts") || !o.at("parts").is_array() || o.at("parts").as_array().size() > 100)
    return Status::InvalidInput(
        "parts",
        "parts là danh sách tối đa 100 phần việc {unit_id hoặc assignee_id, share_percent, "
        "deadline?, title?}.");
  std::vector<DelegationPart> out;
  const bj::array& list = o.at("parts").as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    DH_ASSIGN_OR_RETURN(DelegationPart part, ParsePart(list[i], i));
    out.push_back(std::move(part));
  }
  return out;
}

Result<TaskGroup> ParseGroup(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"directive_id", "parent_id", "title", "position"}));
  TaskGroup g;
  DH_ASSIGN_OR_RETURN(g.directive_id, json::RequiredId(o, {"directive_id", "Văn bản chỉ đạo"}));
  DH_ASSIGN_OR_RETURN(g.parent_id, json::OptionalId(o, {"parent_id", "Thuộc nhóm"}));
  DH_ASSIGN_OR_RETURN(g.title, json::RequiredString(o, {"title", "Tên nhóm"}, 1000));
  // The position is an INTEGER column: a number past it would be stored as something else.
  DH_ASSIGN_OR_RETURN(auto position, json::OptionalInt(o, {"position", "Thứ tự"}, 0, 99999));
  g.position = static_cast<int>(position.value_or(0));
  return g;
}

// A free text of an action (a reason, a note, an answer): optional, at most 20.000 letters.
Result<std::string> Text(const bj::object& o, json::Field f) {
  DH_ASSIGN_OR_RETURN(auto s, json::OptionalString(o, f, 20000));
  return s.value_or("");
}

bj::array CountsJson(const std::unordered_map<int64_t, BoardCounts>& board, const std::string& by,
                     const units::UnitGraph& g,
                     const std::unordered_map<int64_t, std::string>& names) {
  bj::array rows;
  // The worst first: the most overdue, then by key.
  for (int64_t key : readmodel::WorstFirst(board, [](const BoardCounts& c) { return c.overdue; })) {
    const BoardCounts& c = board.at(key);
    bj::object row{{"key", key},
                   {"total", c.total},
                   {"done_on_time", c.done_on_time},
                   {"done_late", c.done_late},
                   {"in_time", c.in_time},
                   {"due_soon", c.due_soon},
                   {"overdue", c.overdue},
                   {"no_deadline", c.no_deadline}};
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

}  // namespace

void RegisterRoutes(http::Router& router, TaskService& service, const units::UnitDirectory& units) {
  // Directives.
  router.Protected(
      "GET", "/api/v1/directives", [&](const Request& req, const auth::Principal& who) {
        int64_t limit, offset, total = 0;
        if (Status s = http::Paging(req, &limit, &offset); !s.ok()) return Response::Error(s);
        auto list = service.ListDirectives(who, req.Query("q").value_or(""), limit, offset, &total);
        if (!list.ok()) return Response::Error(list.status());
        auto g = units.Get();
        bj::array items;
        for (const auto& d : *list) items.push_back(ToJson(d, *g));
        return Response::List(std::move(items), total);
      });
  router.Protected("POST", "/api/v1/directives",
                   [&](const Request& req, const auth::Principal& who) {
                     auto o = json::ParseObject(req.body);
                     if (!o.ok()) return Response::Error(o.status());
                     auto in = ParseDirective(*o);
                     if (!in.ok()) return Response::Error(in.status());
                     auto d = service.CreateDirective(who, *in);
                     if (!d.ok()) return Response::Error(d.status());
                     return Response::Json(ToJson(*d, *units.Get()), 201);
                   });
  router.Protected("GET", "/api/v1/directives/{id}",
                   WithId([&](int64_t id, const bj::object&, const auth::Principal& who) {
                     auto d = service.GetDirective(who, id);
                     if (!d.ok()) return Response::Error(d.status());
                     auto groups = service.Groups(who, id);
                     if (!groups.ok()) return Response::Error(groups.status());
                     bj::object o = ToJson(*d, *units.Get());
                     bj::array gs;
                     for (const auto& g : *groups) gs.push_back(ToJson(g));
                     o["groups"] = std::move(gs);
                     return Response::Json(o);
                   }));
  router.Protected("PATCH", "/api/v1/directives/{id}",
                   WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
                     auto in = ParseDirective(o);
                     if (!in.ok()) return Response::Error(in.status());
                     auto d = service.UpdateDirective(who, id, *in);
                     if (!d.ok()) return Response::Error(d.status());
                     return Response::Json(ToJson(*d, *units.Get()));
                   }));

  // Task groups.
  router.Protected("GET", "/api/v1/task-groups",
                   [&](const Request& req, const auth::Principal& who) {
                     auto directive = http::QueryInt(req, "directive_id");
                     if (!directive.ok()) return Response::Error(directive.status());
                     if (!*directive)
                       return Response::Error(
                           Status::InvalidInput("directive_id", "Chọn văn bản (directive_id)."));
                     auto groups = service.Groups(who, **directive);
                     if (!groups.ok()) return Response::Error(groups.status());
                     bj::array items;
                     for (const auto& g : *groups) items.push_back(ToJson(g));
                     const auto total = static_cast<int64_t>(items.size());
                     return Response::List(std::move(items), total);
                   });
  router.Protected("POST", "/api/v1/task-groups",
                   [&](const Request& req, const auth::Principal& who) {
                     auto o = json::ParseObject(req.body);
                     if (!o.ok()) return Response::Error(o.status());
                     auto g = ParseGroup(*o);
                     if (!g.ok()) return Response::Error(g.status());
                     auto created = service.CreateGroup(who, *g);
                     if (!created.ok()) return Response::Error(created.status());
                     return Response::Json(ToJson(*created), 201);
                   });

  // Tasks.
  router.Protected("GET", "/api/v1/tasks", [&](const Request& req, const auth::Principal& who) {
    auto f = FilterFromQuery(req);
    if (!f.ok()) return Response::Error(f.status());
    int64_t limit, offset, total = 0;
    if (Status s = http::Paging(req, &limit, &offset, 50, 1000); !s.ok()) return Response::Error(s);
    auto list = service.List(who, *f, limit, offset, &total);
    if (!list.ok()) return Response::Error(list.status());
    auto g = units.Get();
    bj::array items;
    for (const auto& v : *list) items.push_back(ToJson(v, *g));
    return Response::List(std::move(items), total);
  });
  router.Protected("POST", "/api/v1/tasks", [&](const Request& req, const auth::Principal& who) {
    auto o = json::ParseObject(req.body);
    if (!o.ok()) return Response::Error(o.status());
    auto in = ParseTask(*o);
    if (!in.ok()) return Response::Error(in.status());
    auto v = service.Create(&who, *in);
    if (!v.ok()) return Response::Error(v.status());
    return Response::Json(ToJson(*v, *units.Get()), 201);
  });
  router.Protected(
      "GET", "/api/v1/tasks/{id}",
      WithId([&](int64_t id, const bj::object&, const auth::Principal& who) {
        auto d = service.Get(who, id);
        if (!d.ok()) return Response::Error(d.status());
        return Response::Json(ToJson(*d, *units.Get(), service.Today(), *service.Calendar()));
      }));
  router.Protected("PATCH", "/api/v1/tasks/{id}",
                   WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
                     auto in = ParseTask(o);
                     if (!in.ok()) return Response::Error(in.status());
                     auto v = service.Update(who, id, *in);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(ToJson(*v, *units.Get()));
                   }));

  auto view_or_error = [&units](const Result<TaskView>& v, int status = 200) {
    if (!v.ok()) return Response::Error(v.status());
    return Response::Json(ToJson(*v, *units.Get()), status);
  };

  router.Protected(
      "POST", "/api/v1/tasks/{id}/reports",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"percent", "reported_on", "body"});
        auto percent = json::RequiredInt(o, {"percent", "Tiến độ đạt được (%)"}, 0, 100);
        auto on = json::OptionalDate(o, {"reported_on", "Ngày báo cáo"});
        auto body = Text(o, {"body", "Kết quả thực hiện"});
        for (const Status& s : {known, percent.status(), on.status(), body.status()})
          if (!s.ok()) return Response::Error(s);
        return view_or_error(service.Report(who, id, *on, static_cast<int>(*percent), *body), 201);
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/extensions",
      WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"new_deadline", "reason"});
        auto date = json::RequiredDate(o, {"new_deadline", "Đề nghị gia hạn đến ngày"});
        auto reason = Text(o, {"reason", "Lý do"});
        for (const Status& s : {known, date.status(), reason.status()})
          if (!s.ok()) return Response::Error(s);
        auto e = service.RequestExtension(who, id, *date, *reason);
        if (!e.ok()) return Response::Error(e.status());
        return Response::Json(ToJson(*e), 201);
      }));
  router.Protected("POST", "/api/v1/extensions/{id}/decision",
                   WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
                     auto known = json::OnlyFields(o, {"approve", "note"});
                     auto approve = json::OptionalBool(o, {"approve", "Quyết định"});
                     auto note = Text(o, {"note", "Ý kiến"});
                     for (const Status& s : {known, approve.status(), note.status()})
                       if (!s.ok()) return Response::Error(s);
                     if (!*approve)
                       return Response::Error(Status::InvalidInput(
                           "approve", "Chọn đồng ý (true) hoặc không (false)."));
                     auto e = service.DecideExtension(who, id, **approve, *note);
                     if (!e.ok()) return Response::Error(e.status());
                     return Response::Json(ToJson(*e));
                   }));
  router.Protected("POST", "/api/v1/tasks/{id}/delegations",
                   WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
                     auto parts = ParseParts(o);
                     if (!parts.ok()) return Response::Error(parts.status());
                     auto created = service.Delegate(who, id, *parts);
                     if (!created.ok()) return Response::Error(created.status());
                     auto g = units.Get();
                     bj::array items;
                     for (const auto& v : *created) items.push_back(ToJson(v, *g));
                     const auto total = static_cast<int64_t>(items.size());
                     Response r = Response::List(std::move(items), total);
                     r.status = 201;
                     return r;
                   }));
  router.Protected("POST", "/api/v1/tasks/{id}/coordination-requests",
                   WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
                     auto known = json::OnlyFields(o, {"to_unit_id", "due_on", "body"});
                     auto to = json::RequiredId(o, {"to_unit_id", "Đơn vị được đề nghị"});
                     auto due = json::RequiredDate(o, {"due_on", "Hạn trả lời"});
                     auto body = Text(o, {"body", "Nội dung đề nghị"});
                     for (const Status& s : {known, to.status(), due.status(), body.status()})
                       if (!s.ok()) return Response::Error(s);
                     auto r = service.RequestCoordination(who, id, *to, *body, *due);
                     if (!r.ok()) return Response::Error(r.status());
                     return Response::Json(
                         ToJson(*r, *units.Get(), service.Today(), *service.Calendar()), 201);
                   }));
  router.Protected(
      "POST", "/api/v1/coordination-requests/{id}/answer",
      WithId([&](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"answer"});
        if (!known.ok()) return Response::Error(known);
        auto answer = Text(o, {"answer", "Nội dung trả lời"});
        if (!answer.ok()) return Response::Error(answer.status());
        auto r = service.AnswerCoordination(who, id, *answer);
        if (!r.ok()) return Response::Error(r.status());
        return Response::Json(ToJson(*r, *units.Get(), service.Today(), *service.Calendar()));
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/completion",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"finished_on", "output_text"});
        auto on = json::OptionalDate(o, {"finished_on", "Ngày hoàn thành"});
        auto output = Text(o, {"output_text", "Kết quả, sản phẩm"});
        for (const Status& s : {known, on.status(), output.status()})
          if (!s.ok()) return Response::Error(s);
        return view_or_error(service.Submit(who, id, *on, *output));
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/confirmation",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"accept", "reason"});
        auto accept = json::OptionalBool(o, {"accept", "Đánh giá kết quả"});
        auto reason = Text(o, {"reason", "Lý do, yêu cầu bổ sung"});
        for (const Status& s : {known, accept.status(), reason.status()})
          if (!s.ok()) return Response::Error(s);
        if (!*accept)
          return Response::Error(
              Status::InvalidInput("accept", "Chọn xác nhận (true) hoặc trả lại (false)."));
        return view_or_error(service.Confirm(who, id, **accept, *reason));
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/refusal",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"reason"});
        if (!known.ok()) return Response::Error(known);
        auto reason = Text(o, {"reason", "Lý do từ chối"});
        if (!reason.ok()) return Response::Error(reason.status());
        return view_or_error(service.Refuse(who, id, *reason));
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/reassignment",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"lead_unit_id", "note"});
        auto unit = json::RequiredId(o, {"lead_unit_id", "Đơn vị chủ trì mới"});
        auto note = Text(o, {"note", "Ghi chú"});
        for (const Status& s : {known, unit.status(), note.status()})
          if (!s.ok()) return Response::Error(s);
        return view_or_error(service.Reassign(who, id, *unit, *note));
      }));
  router.Protected(
      "POST", "/api/v1/tasks/{id}/suspension",
      WithId([&, view_or_error](int64_t id, const bj::object& o, const auth::Principal& who) {
        auto known = json::OnlyFields(o, {"suspend", "note"});
        auto suspend = json::OptionalBool(o, {"suspend", "Tạm dừng"});
        auto note = Text(o, {"note", "Lý do"});
        for (const Status& s : {known, suspend.status(), note.status()})
          if (!s.ok()) return Response::Error(s);
        return view_or_error(service.Suspend(who, id, suspend->value_or(true), *note));
      }));

  // Boards, from the read model.
  router.Protected(
      "GET", "/api/v1/boards/tasks", [&](const Request& req, const auth::Principal& who) {
        auto f = FilterFromQuery(req);
        if (!f.ok()) return Response::Error(f.status());
        const std::string by = req.Query("by").value_or("unit");
        auto board = service.Board(who, by, *f);
        if (!board.ok()) return Response::Error(board.status());
        std::unordered_map<int64_t, std::string> names;
        if (by == "directive") {
          int64_t total = 0;
          auto ds = service.ListDirectives(who, "", 1000, 0, &total);
          if (ds.ok())
            for (const auto& d : *ds) names[d.id] = d.number + " — " + d.title;
        } else if (by == "group" && f->directive_id) {
          auto gs = service.Groups(who, *f->directive_id);
          if (gs.ok())
            for (const auto& g : *gs) names[g.id] = g.title;
        }
        const BoardCounts all = readmodel::SumOf(*board);
        return Response::Json(bj::object{{"by", by},
                                         {"as_of", service.Today().ToString()},
                                         {"totals",
                                          {{"total", all.total},
                                           {"done_on_time", all.done_on_time},
                                           {"done_late", all.done_late},
                                           {"in_time", all.in_time},
                                           {"due_soon", all.due_soon},
                                           {"overdue", all.overdue},
                                           {"no_deadline", all.no_deadline}}},
                                         {"rows", CountsJson(*board, by, *units.Get(), names)}});
      });
  // The requests behind the coordination board's numbers.
  router.Protected(
      "GET", "/api/v1/coordination-requests", [&](const Request& req, const auth::Principal& who) {
        CoordinationFilter f;
        for (auto [name, field] : {std::pair{"to_unit_id", &f.to_unit_id},
                                   {"from_unit_id", &f.from_unit_id},
                                   {"task_id", &f.task_id}}) {
          auto v = http::QueryInt(req, name);
          if (!v.ok()) return Response::Error(v.status());
          *field = *v;
        }
        if (auto s = req.Query("status")) {
          f.status = ParseAnswerStatus(*s);
          if (!f.status)
            return Response::Error(Status::InvalidInput(
                "status",
                "status là một trong: pending, answered_on_time, answered_late, overdue."));
        }
        int64_t limit, offset, total = 0;
        if (Status s = http::Paging(req, &limit, &offset, 50, 1000); !s.ok())
          return Response::Error(s);
        auto list = service.ListCoordinations(who, f, limit, offset, &total);
        if (!list.ok()) return Response::Error(list.status());
        auto g = units.Get();
        const Date today = service.Today();
        auto cal = service.Calendar();
        bj::array items;
        for (const auto& item : *list) {
          bj::object o = ToJson(item.request, *g, today, *cal);
          o["task_title"] = item.task_title;
          items.push_back(std::move(o));
        }
        return Response::List(std::move(items), total);
      });

  router.Protected(
      "GET", "/api/v1/boards/coordination", [&](const Request&, const auth::Principal& who) {
        auto board = service.CoordinationBoard(who);
        if (!board.ok()) return Response::Error(board.status());
        auto g = units.Get();
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
          const auto sa =
              a.as_object().at("overdue").as_int64() + a.as_object().at("answered_late").as_int64();
          const auto sb =
              b.as_object().at("overdue").as_int64() + b.as_object().at("answered_late").as_int64();
          return sa != sb ? sa > sb
                          : a.as_object().at("unit_id").as_int64() <
                                b.as_object().at("unit_id").as_int64();
        });
        return Response::Json(
            bj::object{{"as_of", service.Today().ToString()}, {"rows", std::move(rows)}});
      });
}

}  // namespace dh::tasks

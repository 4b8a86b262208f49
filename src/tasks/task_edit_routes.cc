#include "tasks/task_edit_routes.h"

#include "core/date.h"
#include "core/json.h"
#include "tasks/task_json.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

struct Deps {
  TaskService& service;
  const units::UnitDirectory& units;
};

// The longest comment: a page of directions.
constexpr size_t kCommentMax = 5000;

bj::object CommentJson(const TaskComment& m) {
  return {{"id", m.id},
          {"task_id", m.task_id},
          {"kind", m.kind},
          {"body", m.body},
          {"author_id", m.author_id},
          {"author_name", m.author_name},
          {"created_at", FormatTimestamp(m.created_at)}};
}

// The path's id and the body's object ({} when empty), or the error to answer.
struct Call {
  int64_t id = 0;
  bj::object body;
};
Result<Call> Parse(const Request& req) {
  DH_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  if (req.body.empty()) return Call{id, {}};
  DH_ASSIGN_OR_RETURN(bj::object o, json::ParseObject(req.body));
  return Call{id, std::move(o)};
}

Response Cancel(const Deps& d, const Call& call, const auth::Principal& who) {
  if (Status s = json::OnlyFields(call.body, {"reason"}); !s.ok()) return Response::Error(s);
  auto reason = json::RequiredString(call.body, {"reason", "Lý do hủy"}, 2000);
  if (!reason.ok()) return Response::Error(reason.status());
  auto v = d.service.Cancel(who, call.id, *reason);
  if (!v.ok()) return Response::Error(v.status());
  return Response::Json(ToJson(*v, *d.units.Get()));
}

Response Delete(const Deps& d, const Call& call, const auth::Principal& who) {
  Status s = d.service.Delete(who, call.id);
  return s.ok() ? Response::NoContent() : Response::Error(s);
}

Response Comments(const Deps& d, const Call& call, const auth::Principal& who) {
  auto list = d.service.Comments(who, call.id);
  if (!list.ok()) return Response::Error(list.status());
  bj::array items;
  for (const auto& m : *list) items.push_back(CommentJson(m));
  const auto n = static_cast<int64_t>(items.size());
  return Response::List(std::move(items), n);
}

Response AddComment(const Deps& d, const Call& call, const auth::Principal& who) {
  if (Status s = json::OnlyFields(call.body, {"body"}); !s.ok()) return Response::Error(s);
  auto body = json::RequiredString(call.body, {"body", "Nội dung ý kiến"}, kCommentMax);
  if (!body.ok()) return Response::Error(body.status());
  auto m = d.service.AddComment(who, call.id, *body);
  if (!m.ok()) return Response::Error(m.status());
  return Response::Json(CommentJson(*m), 201);
}

using Handler = Response (*)(const Deps&, const Call&, const auth::Principal&);
struct Route {
  const char* method;
  const char* path;
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"POST", "/api/v1/tasks/{id}/cancellation", Cancel},
    {"DELETE", "/api/v1/tasks/{id}", Delete},
    {"GET", "/api/v1/tasks/{id}/comments", Comments},
    {"POST", "/api/v1/tasks/{id}/comments", AddComment},
};

}  // namespace

void RegisterEditRoutes(http::Router& router, TaskService& service,
                        const units::UnitDirectory& units) {
  const Deps deps{service, units};
  for (const Route& r : kRoutes)
    router.Protected(r.method, r.path,
                     [deps, handler = r.handler](const Request& req, const auth::Principal& who) {
                       auto call = Parse(req);
                       if (!call.ok()) return Response::Error(call.status());
                       return handler(deps, *call, who);
                     });
}

}  // namespace dh::tasks

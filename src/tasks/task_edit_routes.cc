#include "tasks/task_edit_routes.h"

#include "core/date.h"
#include "core/json.h"
#include "http/route_table.h"
#include "tasks/task_json.h"
#include "tasks/task_routes.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

using Deps = RouteDeps;

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

Response Cancel(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (Status s = json::OnlyFields(o, {"reason"}); !s.ok()) return Response::Error(s);
  auto reason = json::RequiredString(o, {"reason", "Lý do hủy"}, 2000);
  if (!reason.ok()) return Response::Error(reason.status());
  auto v = d.service.Cancel(who, id, *reason);
  if (!v.ok()) return Response::Error(v.status());
  return Response::Json(ToJson(*v, *d.units.Get()));
}

Response Delete(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  Status s = d.service.Delete(who, id);
  return s.ok() ? Response::NoContent() : Response::Error(s);
}

Response Comments(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  return http::AllOf(d.service.Comments(who, id), CommentJson);
}

Response AddComment(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (Status s = json::OnlyFields(o, {"body"}); !s.ok()) return Response::Error(s);
  auto body = json::RequiredString(o, {"body", "Nội dung ý kiến"}, kCommentMax);
  if (!body.ok()) return Response::Error(body.status());
  auto m = d.service.AddComment(who, id, *body);
  if (!m.ok()) return Response::Error(m.status());
  return Response::Json(CommentJson(*m), 201);
}

using http::WithId;
constexpr http::Route<const Deps&> kRoutes[] = {
    {"POST", "/api/v1/tasks/{id}/cancellation", WithId<Cancel>},
    {"DELETE", "/api/v1/tasks/{id}", WithId<Delete>},
    {"GET", "/api/v1/tasks/{id}/comments", WithId<Comments>},
    {"POST", "/api/v1/tasks/{id}/comments", WithId<AddComment>},
};

}  // namespace

void RegisterEditRoutes(http::Router& router, TaskService& service,
                        const units::UnitDirectory& units) {
  http::RegisterTable(router, Deps{service, units}, kRoutes);
}

}  // namespace dh::tasks

#include "notifications/notification_routes.h"

#include <boost/json.hpp>

#include "core/json.h"
#include "http/list_query.h"
#include "notifications/notification_store.h"

namespace dh::notifications {

namespace bj = boost::json;
using http::Request;
using http::Response;

void RegisterRoutes(http::Router& router, db::Database& db, const Clock& clock,
                    TaskVisibility visible) {
  router.Protected(
      "GET", "/api/v1/notifications",
      [&db, visible](const Request& req, const auth::Principal& who) {
        static const http::ListSpec spec{{{"unread", http::ListFilter::Type::kText, "Chưa đọc"}}};
        auto q = http::ListQuery::Parse(req, spec);
        if (!q.ok()) return Response::Error(q.status());
        const int64_t limit = q->limit(), offset = q->offset();
        const bool unread_only = q->Text("unread").value_or("") == "true";
        std::vector<Notification> list;
        int64_t total = 0, unread = 0;
        const SeenTasksFn seen = [&](const std::vector<int64_t>& ids) { return visible(who, ids); };
        Status s = db::Read(db, [&](db::Connection& c) -> Status {
          DH_ASSIGN_OR_RETURN(
              list, SeenByUser(c, who.user_id, seen, unread_only, limit, offset, &total, &unread));
          return Status::Ok();
        });
        if (!s.ok()) return Response::Error(s);
        bj::array items;
        for (const auto& n : list)
          items.push_back({{"id", n.id},
                           {"kind", n.kind},
                           {"task_id", json::OrNull(n.task_id)},
                           {"title", n.title},
                           {"body", n.body},
                           {"created_at", FormatTimestamp(n.created_at)},
                           {"read", n.read_at.has_value()}});
        return Response::Json(
            bj::object{{"items", std::move(items)}, {"total", total}, {"unread", unread}});
      });
  router.Protected("POST", "/api/v1/notifications/{id}/read",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     int64_t n = 0;
                     Status s = db::InTransaction(db, [&](db::Connection& c) -> Status {
                       DH_ASSIGN_OR_RETURN(n, MarkRead(c, who.user_id, *id, clock.NowSeconds()));
                       return Status::Ok();
                     });
                     if (!s.ok()) return Response::Error(s);
                     return Response::NoContent();
                   });
}

}  // namespace dh::notifications

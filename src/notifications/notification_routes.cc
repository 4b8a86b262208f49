#include "notifications/notification_routes.h"

#include <boost/json.hpp>

#include "core/json.h"
#include "http/list_query.h"
#include "notifications/notice_text.h"
#include "notifications/notification_store.h"

namespace dh::notifications {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

bj::value ItemJson(const Notification& n, const ItemKinds& kinds) {
  if (n.item.empty()) return nullptr;
  const std::string path = kinds.PathOf(n.item);
  return bj::object{{"kind", n.item.kind},
                    {"id", n.item.id},
                    {"link", path.empty() ? bj::value(nullptr) : bj::value(path)}};
}

bj::object NotificationJson(const Notification& n, const ItemKinds& kinds) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"task_id", json::OrNull(n.task_id)},
          {"item", ItemJson(n, kinds)},
          {"title", n.title},
          {"body", n.body},
          {"created_at", FormatTimestamp(n.created_at)},
          {"read", n.read_at.has_value()},
          {"resolved", n.resolved_at.has_value()}};
}

Response List(db::Database& db, const ItemKinds& kinds, const Request& req,
              const auth::Principal& who) {
  static const http::ListSpec spec{{{"unread", http::ListFilter::Type::kText, "Chưa đọc"},
                                    {"resolved", http::ListFilter::Type::kText, "Đã xử lý"}}};
  auto q = http::ListQuery::Parse(req, spec);
  if (!q.ok()) return Response::Error(q.status());
  const UserPage page{.unread_only = q->Text("unread").value_or("") == "true",
                      .with_resolved = q->Text("resolved").value_or("") == "true",
                      .limit = q->limit(),
                      .offset = q->offset()};
  const SeenItemsFn seen = [&](const std::string& kind, const std::vector<int64_t>& ids) {
    return kinds.Visible(kind, who, ids);
  };
  std::vector<Notification> list;
  int64_t total = 0, unread = 0;
  Status s = db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(list, SeenByUser(c, who.user_id, seen, page, &total, &unread));
    return RenderIn(c, list, CurrentLang());  // in the reader's language
  });
  if (!s.ok()) return Response::Error(s);
  bj::array items;
  for (const auto& n : list) items.push_back(NotificationJson(n, kinds));
  return Response::Json(
      bj::object{{"items", std::move(items)}, {"total", total}, {"unread", unread}});
}

Response Read(db::Database& db, const Clock& clock, const Request& req,
              const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  Status s = db::InTransaction(db, [&](db::Connection& c) {
    return MarkRead(c, who.user_id, *id, clock.NowSeconds()).status();
  });
  if (!s.ok()) return Response::Error(s);
  return Response::NoContent();
}

}  // namespace

void RegisterRoutes(http::Router& router, db::Database& db, const Clock& clock,
                    std::shared_ptr<const ItemKinds> kinds) {
  router.Protected("GET", "/api/v1/notifications",
                   [&db, kinds](const Request& req, const auth::Principal& who) {
                     return List(db, *kinds, req, who);
                   });
  router.Protected("POST", "/api/v1/notifications/{id}/read",
                   [&db, &clock](const Request& req, const auth::Principal& who) {
                     return Read(db, clock, req, who);
                   });
}

}  // namespace dh::notifications

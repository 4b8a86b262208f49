#include "audit/audit_routes.h"

#include <boost/json.hpp>

namespace dh::audit {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

bj::value ParseStored(const std::string& text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec);
  return ec ? bj::value(text) : v;
}

bj::object ToJson(const AuditEntry& e) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? bj::value(*v) : bj::value(nullptr); };
  return {{"seq", e.seq},
          {"at", FormatTimestamp(e.at)},
          {"user_id", opt(e.user_id)},
          {"username", e.username},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", opt(e.entity_id)},
          {"unit_id", opt(e.unit_id)},
          {"before", ParseStored(e.before_json)},
          {"after", ParseStored(e.after_json)},
          {"hash", e.hash}};
}

// A calendar day in Vietnam starts at 00:00 UTC+7.
int64_t StartOfDay(Date d) { return VietnamStartOfDay(d); }

}  // namespace

void RegisterRoutes(http::Router& router, AuditService& service) {
  router.Protected("GET", "/api/v1/audit", [&](const Request& req, const auth::Principal& who) {
    AuditFilter f;
    f.entity = req.Query("entity");
    auto entity_id = http::QueryInt(req, "entity_id");
    auto user_id = http::QueryInt(req, "user_id");
    auto from = http::QueryDate(req, "from");
    auto to = http::QueryDate(req, "to");
    for (const Status& s : {entity_id.status(), user_id.status(), from.status(), to.status()})
      if (!s.ok()) return Response::Error(s);
    f.entity_id = *entity_id;
    f.user_id = *user_id;
    if (*from) f.from_at = StartOfDay(**from);
    if (*to) f.to_at = StartOfDay((*to)->AddDays(1));
    if (Status s = http::Paging(req, &f.limit, &f.offset, 50, 500); !s.ok())
      return Response::Error(s);
    int64_t total = 0;
    auto list = service.List(who, f, &total);
    if (!list.ok()) return Response::Error(list.status());
    bj::array items;
    for (const auto& e : *list) items.push_back(ToJson(e));
    return Response::List(std::move(items), total);
  });

  router.Protected("GET", "/api/v1/audit/verify",
                   [&](const Request& req, const auth::Principal& who) {
                     std::optional<Anchor> anchor;
                     if (auto a = req.Query("anchor")) {
                       anchor = Anchor::Parse(*a);
                       if (!anchor)
                         return Response::Error(
                             Status::InvalidInput("anchor",
                                                  "anchor có dạng SỐ_THỨ_TỰ:MÃ_BĂM (64 chữ số "
                                                  "hex), như lần kiểm tra trước đã in ra."));
                     }
                     auto r = service.Verify(&who, anchor);
                     if (!r.ok()) return Response::Error(r.status());
                     bj::object out{{"ok", r->ok}, {"checked", r->checked}};
                     if (r->ok) {
                       out["head_seq"] = r->head_seq;
                       out["head_hash"] = r->head_hash;
                     }
                     if (!r->ok) {
                       out["first_bad_seq"] = r->first_bad_seq;
                       out["reason"] = r->reason;
                     }
                     return Response::Json(out);
                   });
}

}  // namespace dh::audit

#include "audit/audit_routes.h"

#include <boost/json.hpp>

#include "http/list_query.h"
#include "http/route_table.h"

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
    using T = http::ListFilter::Type;
    static const http::ListSpec spec{{{"entity", T::kText, "Loại đối tượng"},
                                      {"entity_id", T::kId, "Mã đối tượng"},
                                      {"user_id", T::kId, "Người thực hiện"},
                                      {"from", T::kDate, "Từ ngày"},
                                      {"to", T::kDate, "Đến ngày"}},
                                     50,
                                     500};
    auto q = http::ListQuery::Parse(req, spec);
    if (!q.ok()) return Response::Error(q.status());
    AuditFilter f;
    f.entity = q->Text("entity");
    f.entity_id = q->Id("entity_id");
    f.user_id = q->Id("user_id");
    if (auto from = q->Day("from")) f.from_at = StartOfDay(*from);
    if (auto to = q->Day("to")) f.to_at = StartOfDay(to->AddDays(1));
    f.limit = q->limit();
    f.offset = q->offset();
    int64_t total = 0;
    auto list = service.List(who, f, &total);
    return http::ListOf(list, total, ToJson);
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

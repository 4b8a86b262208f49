#include "files/attachment_routes.h"

#include <boost/json.hpp>

#include "files/file_messages.h"
#include "http/download.h"
#include "http/route_table.h"

namespace dh::files {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

bj::object ToJson(const Attachment& a) {
  return {{"id", a.id},
          {"owner_kind", a.owner_kind},
          {"owner_id", a.owner_id},
          {"sha256", a.sha256},
          {"filename", a.filename},
          {"size", a.size},
          {"mime", a.mime},
          {"created_at", FormatTimestamp(a.created_at)}};
}

// RFC 5987: a UTF-8 file name survives every browser.
std::string Disposition(const std::string& name) {
  static const char* kHex = "0123456789ABCDEF";
  std::string enc, ascii;
  for (unsigned char c : name) {
    if (isalnum(c) || c == '.' || c == '-' || c == '_') {
      enc.push_back(static_cast<char>(c));
    } else {
      enc += '%';
      enc += kHex[c >> 4];
      enc += kHex[c & 15];
    }
    ascii.push_back(c < 0x80 && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + enc;
}

Result<std::pair<std::string, int64_t>> Owner(const Request& req) {
  auto kind = req.Query("owner_kind");
  auto id = http::QueryInt(req, "owner_id");
  if (!id.ok()) return id.status();
  if (!kind) return Status::InvalidInput("owner_kind", Say(msg::kChooseOwner));
  if (!*id) return Status::InvalidInput("owner_id", Say(msg::kOwnerIdMissing));
  return std::make_pair(*kind, **id);
}

}  // namespace

void RegisterRoutes(http::Router& router, AttachmentService& service) {
  router.Protected(
      "POST", "/api/v1/attachments", [&](const Request& req, const auth::Principal& who) {
        auto owner = Owner(req);
        if (!owner.ok()) return Response::Error(owner.status());
        auto a = service.Upload(who, owner->first, owner->second,
                                req.Query("filename").value_or("tep-dinh-kem"), req.body);
        return http::OneOf(a, ToJson, 201);
      });
  router.Protected("GET", "/api/v1/attachments",
                   [&](const Request& req, const auth::Principal& who) {
                     auto owner = Owner(req);
                     if (!owner.ok()) return Response::Error(owner.status());
                     return http::AllOf(service.List(who, owner->first, owner->second), ToJson);
                   });
  router.Protected("GET", "/api/v1/attachments/{id}/content",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     auto got = service.Read(who, *id);
                     if (!got.ok()) return Response::Error(got.status());
                     Response r = http::Download(std::move(got->second), got->first.mime,
                                                 Disposition(got->first.filename));
                     r.headers.emplace_back("Cache-Control", "private, no-store");
                     return r;
                   });
}

}  // namespace dh::files

#include "users/user_routes.h"

#include "core/json.h"
#include "core/text.h"
#include "users/user_json.h"

namespace dh::users {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

Result<std::vector<auth::RoleGrant>> ParseRoles(const bj::value& v) {
  const Status bad = Status::InvalidInput(
      "roles", "Trường roles phải là danh sách {\"role\": \"officer\", \"unit_id\": 12}.");
  if (!v.is_array()) return bad;
  std::vector<auth::RoleGrant> out;
  for (const bj::value& item : v.as_array()) {
    if (!item.is_object()) return bad;
    const bj::object& o = item.as_object();
    DH_ASSIGN_OR_RETURN(std::string name, json::RequiredString(o, "role", 20));
    auto role = auth::ParseRole(name);
    if (!role)
      return Status::InvalidInput("roles", "Vai trò " + name +
                                               " không có; chọn admin, office, leader, "
                                               "officer, investor, business hoặc viewer.");
    auto unit = json::OptionalInt(o, "unit_id");
    if (!unit.ok()) return Status::InvalidInput("roles", "unit_id của vai trò phải là số nguyên.");
    out.push_back({*role, *unit});
  }
  return out;
}

Result<UserInput> ParseInput(const Request& req) {
  DH_ASSIGN_OR_RETURN(bj::object o, json::ParseObject(req.body));
  UserInput in;
  DH_ASSIGN_OR_RETURN(in.username, json::OptionalString(o, "username", 50));
  DH_ASSIGN_OR_RETURN(in.full_name, json::OptionalString(o, "full_name", 200));
  DH_ASSIGN_OR_RETURN(in.email, json::OptionalString(o, "email", 200));
  DH_ASSIGN_OR_RETURN(in.active, json::OptionalBool(o, "active"));
  if (json::Has(o, "password")) {
    if (!o.at("password").is_string())
      return Status::InvalidInput("password", "Trường password phải là một chuỗi ký tự.");
    in.password = std::string(o.at("password").as_string());
  }
  if (json::Has(o, "roles")) {
    DH_ASSIGN_OR_RETURN(auto roles, ParseRoles(o.at("roles")));
    in.roles = std::move(roles);
  }
  return in;
}

}  // namespace

void RegisterRoutes(http::Router& router, UserService& service, const units::UnitDirectory& units) {
  router.Protected("GET", "/api/v1/users", [&](const Request& req, const auth::Principal& who) {
    UserFilter f;
    f.q = text::FoldForSearch(req.Query("q").value_or(""));
    f.role = req.Query("role");
    auto unit = http::QueryInt(req, "unit_id");
    if (!unit.ok()) return Response::Error(unit.status());
    f.unit_id = *unit;
    if (Status s = http::Paging(req, &f.limit, &f.offset); !s.ok()) return Response::Error(s);
    int64_t total = 0;
    auto list = service.List(who, f, &total);
    if (!list.ok()) return Response::Error(list.status());
    auto g = units.Get();
    bj::array items;
    for (const User& u : *list) items.push_back(ToJson(u, *g));
    return Response::List(std::move(items), total);
  });

  router.Protected("POST", "/api/v1/users", [&](const Request& req, const auth::Principal& who) {
    auto in = ParseInput(req);
    if (!in.ok()) return Response::Error(in.status());
    auto u = service.Create(&who, *in);
    if (!u.ok()) return Response::Error(u.status());
    return Response::Json(ToJson(*u, *units.Get()), 201);
  });

  router.Protected("GET", "/api/v1/users/{id}",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     auto u = service.Get(who, *id);
                     if (!u.ok()) return Response::Error(u.status());
                     return Response::Json(ToJson(*u, *units.Get()));
                   });

  router.Protected("PATCH", "/api/v1/users/{id}",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     auto in = ParseInput(req);
                     if (!in.ok()) return Response::Error(in.status());
                     auto u = service.Update(who, *id, *in);
                     if (!u.ok()) return Response::Error(u.status());
                     return Response::Json(ToJson(*u, *units.Get()));
                   });
}

}  // namespace dh::users

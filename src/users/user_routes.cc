#include "users/user_routes.h"

#include "core/json.h"
#include "core/text.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "users/user_json.h"
#include "users/user_messages.h"

namespace dh::users {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

Result<auth::RoleGrant> ParseRole(const bj::value& item, size_t i) {
  if (!item.is_object()) return Status::InvalidInput("roles", Say(msg::kRoleObject), "wrong_type");
  const bj::object& o = item.as_object();
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"role", "unit_id"}, "roles[" + std::to_string(i) + "]."));
  const std::string role_key = "roles[" + std::to_string(i) + "].role";
  const std::string unit_key = "roles[" + std::to_string(i) + "].unit_id";
  DH_ASSIGN_OR_RETURN(std::string name, json::RequiredString(o, {"role", "Vai trò", role_key}, 20));
  auto role = auth::ParseRole(name);
  if (!role) return Status::InvalidInput(role_key, Say(msg::kNoSuchRole, {{"role", name}}));
  DH_ASSIGN_OR_RETURN(auto unit, json::OptionalId(o, {"unit_id", "Trong đơn vị", unit_key}));
  return auth::RoleGrant{*role, unit};
}

Result<std::vector<auth::RoleGrant>> ParseRoles(const bj::value& v) {
  if (!v.is_array() || v.as_array().size() > 100)
    return Status::InvalidInput("roles", Say(msg::kRolesList, {{"max", int64_t{100}}}),
                                "wrong_type");
  std::vector<auth::RoleGrant> out;
  const bj::array& list = v.as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    DH_ASSIGN_OR_RETURN(auth::RoleGrant g, ParseRole(list[i], i));
    out.push_back(g);
  }
  return out;
}

// ToJson with the unit tree as it is when the answer is written.
auto Named(const units::UnitDirectory& units) {
  return [&units](const User& u) { return ToJson(u, *units.Get()); };
}

Result<UserInput> ParseInput(const Request& req) {
  DH_ASSIGN_OR_RETURN(bj::object o, json::ParseObject(req.body));
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"username", "full_name", "email", "active", "password", "roles"}));
  UserInput in;
  DH_ASSIGN_OR_RETURN(in.username, json::OptionalString(o, {"username", "Tên đăng nhập"}, 50));
  DH_ASSIGN_OR_RETURN(in.full_name, json::OptionalString(o, {"full_name", "Họ và tên"}, 200));
  DH_ASSIGN_OR_RETURN(in.email, json::OptionalString(o, {"email", "Thư điện tử"}, 200));
  DH_ASSIGN_OR_RETURN(in.active, json::OptionalBool(o, {"active", "Cho phép đăng nhập"}));
  if (json::Has(o, "password")) {
    // Taken as typed (no trimming): its length and strength are the service's rule.
    if (!o.at("password").is_string())
      return Status::InvalidInput("password", Say(msg::kPasswordType), "wrong_type");
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
  // The English of the account form's labels (core/message.h).
  RegisterLabels({{"Tên đăng nhập", "Username"},
                  {"Họ và tên", "Full name"},
                  {"Thư điện tử", "E-mail"},
                  {"Cho phép đăng nhập", "Allowed to sign in"},
                  {"Vai trò", "Role"},
                  {"Trong đơn vị", "In unit"}});
  router.Protected("GET", "/api/v1/users", [&](const Request& req, const auth::Principal& who) {
    using T = http::ListFilter::Type;
    static const http::ListSpec spec{
        {{"q", T::kText, "Tìm kiếm"}, {"role", T::kText, "Vai trò"}, {"unit_id", T::kId, "Đơn vị"}},
        50,
        1000,
        {"username", "full_name", "email", "active"}};
    auto q = http::ListQuery::Parse(req, spec);
    if (!q.ok()) return Response::Error(q.status());
    UserFilter f;
    f.q = text::FoldForSearch(q->Text("q").value_or(""));
    f.role = q->Text("role");
    f.unit_id = q->Id("unit_id");
    f.limit = q->limit();
    f.offset = q->offset();
    f.sort = q->sort();
    f.descending = q->descending();
    int64_t total = 0;
    auto list = service.List(who, f, &total);
    auto g = units.Get();
    return http::ListOf(list, total, [&](const User& u) { return ToJson(u, *g); });
  });

  router.Protected("POST", "/api/v1/users", [&](const Request& req, const auth::Principal& who) {
    auto in = ParseInput(req);
    if (!in.ok()) return Response::Error(in.status());
    return http::OneOf(service.Create(&who, *in), Named(units), 201);
  });

  router.Protected("GET", "/api/v1/users/{id}",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     return http::OneOf(service.Get(who, *id), Named(units));
                   });

  router.Protected("PATCH", "/api/v1/users/{id}",
                   [&](const Request& req, const auth::Principal& who) {
                     auto id = http::PathId(req);
                     if (!id.ok()) return Response::Error(id.status());
                     auto in = ParseInput(req);
                     if (!in.ok()) return Response::Error(in.status());
                     return http::OneOf(service.Update(who, *id, *in), Named(units));
                   });
}

}  // namespace dh::users

// A feature's routes as one table. Each handler takes the feature's dependencies first (a
// bundle of references, or the service itself), then the request and the caller; a handler on
// an object named in the path takes its id and the body as an object through WithId.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/router.h"

namespace dh::http {

template <typename Deps>
struct Route {
  const char* method;
  const char* path;
  Response (*handler)(Deps, const Request&, const auth::Principal&);
};

// Registers every route as protected. `bound` is what each handler is called with: a bundle of
// references (copied into each route) or std::ref(service).
template <typename Deps, typename Bound, std::size_t N>
void RegisterTable(Router& router, Bound bound, const Route<Deps> (&routes)[N]) {
  for (const Route<Deps>& r : routes)
    router.Protected(r.method, r.path,
                     [bound, handler = r.handler](const Request& req, const auth::Principal& who) {
                       return handler(bound, req, who);
                     });
}

// The body as an object ({} when the body is empty), or the error to answer with.
Result<boost::json::object> BodyObject(const Request& req);

// The body as an object, an empty body being none (json::ParseObject's error), read by
// `parse`: the first problem as the error.
Result<boost::json::object> RequiredBodyObject(const Request& req);
template <typename Parse>
auto ParseBody(const Request& req, Parse parse) -> decltype(parse(boost::json::object{})) {
  auto o = RequiredBodyObject(req);
  if (!o.ok()) return o.status();
  return parse(*o);
}

// r's value as `to_json` makes it, answered with `status`; or r's error.
template <typename T, typename ToJson>
Response OneOf(const Result<T>& r, ToJson to_json, int status = 200) {
  if (!r.ok()) return Response::Error(r.status());
  return Response::Json(to_json(*r), status);
}

// A page of a list in the list envelope, each item as `to_json` makes it, with the total of
// the whole list; or the list's error.
template <typename T, typename ToJson>
Response ListOf(const Result<std::vector<T>>& list, int64_t total, ToJson to_json) {
  if (!list.ok()) return Response::Error(list.status());
  boost::json::array items;
  for (const T& x : *list) items.push_back(to_json(x));
  return Response::List(std::move(items), total);
}

// A whole list in the list envelope (its total: its length).
template <typename T, typename ToJson>
Response AllOf(const Result<std::vector<T>>& list, ToJson to_json) {
  return ListOf(list, list.ok() ? static_cast<int64_t>(list->size()) : 0, to_json);
}

// Reads the path's id and the body for H, answering their error: WithId<GetTask> in a table.
template <auto H, typename D>
Response WithId(D& deps, const Request& req, const auth::Principal& who) {
  auto id = PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto o = BodyObject(req);
  if (!o.ok()) return Response::Error(o.status());
  return H(deps, *id, *o, who);
}

}  // namespace dh::http

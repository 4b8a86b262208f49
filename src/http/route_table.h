// A feature's routes as one table. Each handler takes the feature's dependencies first (a
// bundle of references, or the service itself), then the request and the caller; a handler on
// an object named in the path takes its id and the body as an object through WithId.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>

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

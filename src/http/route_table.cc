#include "http/route_table.h"

#include "core/json.h"

namespace dh::http {

Result<boost::json::object> BodyObject(const Request& req) {
  if (req.body.empty()) return boost::json::object{};
  return json::ParseObject(req.body);
}

Result<boost::json::object> RequiredBodyObject(const Request& req) {
  return json::ParseObject(req.body);
}

}  // namespace dh::http

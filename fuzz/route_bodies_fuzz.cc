// The request bodies of the routes (src/tasks/task_routes.cc, src/units/unit_routes.cc,
// src/users/user_routes.cc): each route file's body parsers, which are private to it, are
// reached by including the file here; the linker drops the route registration and the
// services it calls (the fuzz lib is built with -ffunction-sections and --gc-sections).
// The first byte picks the parser, the rest is the body.
//
// Check: no parser throws (an exception here is a 500 there); a refusal names its field.
#include <cstdint>

#include "fuzz_check.h"
// NOLINTBEGIN(bugprone-suspicious-include)
#include "tasks/task_parse.h"
#include "units/unit_routes.cc"
#include "users/user_routes.cc"
// NOLINTEND(bugprone-suspicious-include)

namespace {

// A refusal names its field — but for a body that is no JSON object, and for an unknown
// key too long to echo back.
template <typename T>
void Expect(const dh::Result<T>& r) {
  if (r.ok()) return;
  const std::string& code = r.status().error_code();
  if (code != "invalid_json" && code != "unknown_field") FUZZ_CHECK(!r.status().field().empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  dh::http::Request req;
  req.method = "POST";
  req.body = std::string(dh::fuzz::Bytes(data + 1, size - 1));
  switch (data[0] % 6) {
    case 0:
      Expect(dh::units::ParseInput(req));
      return 0;
    case 1:
      Expect(dh::units::ParseRestructure(req));
      return 0;
    case 2:
      Expect(dh::users::ParseInput(req));
      return 0;
    default:
      break;
  }
  auto o = dh::json::ParseObject(req.body);
  if (!o.ok()) return 0;
  switch (data[0] % 6) {
    case 3:
      Expect(dh::tasks::ParseTask(*o));
      break;
    case 4:
      Expect(dh::tasks::ParseDirective(*o));
      break;
    default:
      Expect(dh::tasks::ParseParts(*o));
      if (o->contains("roles")) Expect(dh::users::ParseRoles(o->at("roles")));
      break;
  }
  return 0;
}

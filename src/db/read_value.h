// One value read in a read-only snapshot: db::Read for a body that answers a Result.
//
//   return db::ReadValue(db_, [&](db::Connection& c) { return TokensOf(c, who.user_id); });
//
// in place of declaring the value, assigning it inside db::Read and returning it after.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "db/database.h"

namespace dh::db {

template <typename Body>
std::invoke_result_t<Body&, Connection&> ReadValue(Database& db, Body body) {
  std::optional<std::invoke_result_t<Body&, Connection&>> out;
  const Status s = Read(db, [&](Connection& c) -> Status {
    out.emplace(body(c));
    return out->status();
  });
  if (!s.ok()) return s;
  return std::move(*out);
}

}  // namespace dh::db

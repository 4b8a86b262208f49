// Writing an audit entry for a change a principal makes, inside the change's transaction.
#pragma once

#include <boost/json/value.hpp>

#include "audit/audit_store.h"
#include "http/principal.h"

namespace dh::audit {

struct Change {
  std::string action;  // "unit.create"
  std::string entity;  // "unit"
  std::optional<int64_t> entity_id;
  std::optional<int64_t> unit_id;
  boost::json::value before;  // null when created
  boost::json::value after;   // null when deleted
};

// `who` null: the system itself (demo loader, command line without a user).
Status Record(db::Connection& c, const auth::Principal* who, const Change& change, int64_t now);

}  // namespace dh::audit

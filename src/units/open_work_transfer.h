// What a feature registers with the unit service so that its open work follows a unit
// restructured into its successor.
#pragma once

#include <string>

#include "core/date.h"
#include "db/connection.h"
#include "http/principal.h"

namespace dh::units {

// A feature whose open work follows a unit into its successor (roles, later tasks,
// projects, petitions). Runs inside the restructuring's transaction.
class OpenWorkTransfer {
 public:
  virtual ~OpenWorkTransfer() = default;
  virtual std::string name() const = 0;  // "roles", "tasks", …
  // Returns how many items moved.
  virtual Result<int64_t> Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit, Date day,
                                   const auth::Principal* who, int64_t now) = 0;
  // After the restructuring committed (refresh read models); not after a rollback.
  virtual void AfterCommit() {}
};

}  // namespace dh::units

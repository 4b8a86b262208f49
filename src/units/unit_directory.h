// The unit tree as every feature reads it: the current unit graph (units/unit_graph.h).
#pragma once

#include <memory>
#include <mutex>

#include "db/database.h"
#include "units/unit_graph.h"

namespace dh::units {

// The current unit graph, swapped whole after each change (readers keep the snapshot
// they took). Thread-safe.
class UnitDirectory {
 public:
  std::shared_ptr<const UnitGraph> Get() const;
  Status Reload(db::Database& db);
  // The graph as the database holds it, for the rules of a unit write checked inside its
  // own transaction `c` (writers take turns, so nothing changes between check and write):
  // the snapshot when nothing at all was written since it was read (the audit head has
  // not moved), else the graph read afresh on `c`.
  Result<std::shared_ptr<const UnitGraph>> CurrentIn(db::Connection& c) const;

 private:
  mutable std::mutex mu_;
  int64_t loaded_seq_ = 0;  // GUARDED_BY(mu_): audit head when the graph was read
  std::shared_ptr<const UnitGraph> graph_ =
      std::make_shared<const UnitGraph>(std::vector<Unit>{}, std::vector<ParentLink>{},
                                        std::vector<Succession>{});  // GUARDED_BY(mu_)
};

}  // namespace dh::units

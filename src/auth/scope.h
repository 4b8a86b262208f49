// Which units a principal may act on for a permission: the union of the subtrees of the
// units its roles are granted on (ScopeOf in units/unit_graph.h). Data outside the scope
// does not exist for that principal: a single object answers 404.
#pragma once

#include <optional>
#include <unordered_set>

#include "auth/roles.h"
#include "units/unit_graph.h"

namespace dh::auth {

class UnitScope {
 public:
  static UnitScope All() { return UnitScope(true, {}); }
  static UnitScope Of(std::unordered_set<int64_t> ids) { return UnitScope(false, std::move(ids)); }
  bool all() const { return all_; }
  bool Contains(int64_t unit_id) const { return all_ || ids_.count(unit_id) > 0; }
  bool empty() const { return !all_ && ids_.empty(); }
  const std::unordered_set<int64_t>& ids() const { return ids_; }
  // nullopt for "every unit", as the store filters expect.
  std::optional<std::unordered_set<int64_t>> AsFilter() const {
    return all_ ? std::nullopt : std::optional(ids_);
  }

 private:
  UnitScope(bool all, std::unordered_set<int64_t> ids) : all_(all), ids_(std::move(ids)) {}
  bool all_;
  std::unordered_set<int64_t> ids_;
};

UnitScope ScopeFor(const Principal& who, Permission p, const units::UnitGraph& graph);

}  // namespace dh::auth

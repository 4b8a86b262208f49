#include "auth/scope.h"

namespace dh::auth {

UnitScope ScopeFor(const Principal& who, Permission p, const units::UnitGraph& graph) {
  std::unordered_set<int64_t> ids;
  for (const RoleGrant& g : who.grants) {
    if (!RoleGrants(g.role, p)) continue;
    if (!g.unit_id) return UnitScope::All();
    auto sub = graph.ScopeOf(*g.unit_id);
    ids.insert(sub.begin(), sub.end());
  }
  return UnitScope::Of(std::move(ids));
}

}  // namespace dh::auth

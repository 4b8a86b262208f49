#include "units/unit_scope.h"

namespace dh::units {

UnitScope ScopeFor(const auth::Principal& who, auth::Permission p, const UnitGraph& graph) {
  std::vector<std::shared_ptr<const UnitScope::Ids>> parts;
  for (const auth::RoleGrant& g : who.grants) {
    if (!auth::RoleGrants(g.role, p)) continue;
    if (!g.unit_id) return UnitScope::All();
    parts.push_back(graph.SharedScopeOf(*g.unit_id));
  }
  if (parts.size() == 1) return UnitScope::Shared(std::move(parts.front()));
  UnitScope::Ids ids;
  for (const auto& part : parts) ids.insert(part->begin(), part->end());
  return UnitScope::Of(std::move(ids));
}

}  // namespace dh::units

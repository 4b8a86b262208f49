// Which units a principal may act on for a permission: the union of the subtrees of the
// units its roles are granted on (ScopeOf in units/unit_graph.h). Data outside the scope
// does not exist for that principal: a single object answers 404.
#pragma once

#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "http/principal.h"
#include "units/unit_graph.h"

namespace dh::units {

class UnitScope {
 public:
  using Ids = std::unordered_set<int64_t>;
  static UnitScope All() { return UnitScope(true, std::make_shared<const Ids>()); }
  static UnitScope Of(Ids ids) {
    return UnitScope(false, std::make_shared<const Ids>(std::move(ids)));
  }
  // A set shared with the unit graph's memo (one grant: no copy per request).
  static UnitScope Shared(std::shared_ptr<const Ids> ids) {
    return UnitScope(false, std::move(ids));
  }
  bool all() const { return all_; }
  bool Contains(int64_t unit_id) const { return all_ || ids_->count(unit_id) > 0; }
  bool empty() const { return !all_ && ids_->empty(); }
  const Ids& ids() const { return *ids_; }
  // nullopt for "every unit", as the store filters expect.
  std::optional<Ids> AsFilter() const { return all_ ? std::nullopt : std::optional(*ids_); }

 private:
  UnitScope(bool all, std::shared_ptr<const Ids> ids) : all_(all), ids_(std::move(ids)) {}
  bool all_;
  std::shared_ptr<const Ids> ids_;
};

UnitScope ScopeFor(const auth::Principal& who, auth::Permission p, const UnitGraph& graph);

}  // namespace dh::units

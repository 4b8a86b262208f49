// An immutable in-memory picture of every unit, every dated parent link and every
// succession. Built from the store after each change to units and shared read-only by
// all requests (the units part of the read model). At national scale (10 000 units)
// it builds in milliseconds.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "units/unit.h"

namespace dh::units {

class UnitGraph {
 public:
  UnitGraph(std::vector<Unit> units, std::vector<ParentLink> links,
            std::vector<Succession> successions);

  const Unit* Find(int64_t id) const;
  const Unit* FindByCode(std::string_view code) const;
  const std::vector<Unit>& all() const { return units_; }
  // The parent on `day`, or nullopt for a root (or a unit that did not exist then).
  std::optional<int64_t> ParentOn(int64_t id, Date day) const;
  const std::vector<ParentLink>& LinksOf(int64_t id) const;
  // Units alive on `day`, parents before children, siblings by name.
  std::vector<const Unit*> TreeOn(Date day) const;
  // Children alive on `day`.
  std::vector<int64_t> ChildrenOn(int64_t id, Date day) const;
  std::vector<Succession> SuccessorsOf(int64_t id) const;
  std::vector<Succession> PredecessorsOf(int64_t id) const;
  const std::vector<Succession>& successions() const { return successions_; }
  // Every unit whose data a grant on `root` covers: the units that hung under it at any
  // time, and (transitively) the predecessors of those, whose past work they inherited.
  std::unordered_set<int64_t> ScopeOf(int64_t root) const { return *SharedScopeOf(root); }
  // The same, computed once per root for the life of this (immutable) graph: every request
  // asks for its user's scope, and at national scale a scope holds thousands of units.
  std::shared_ptr<const std::unordered_set<int64_t>> SharedScopeOf(int64_t root) const;
  // True when `ancestor` is `id` or above it on `day`.
  bool IsUnder(int64_t id, int64_t ancestor, Date day) const;

 private:
  std::vector<Unit> units_;
  std::vector<std::string> name_keys_;  // text::CollationKey of each unit's name, by position
  std::unordered_map<int64_t, size_t> by_id_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<int64_t, std::vector<ParentLink>> links_by_unit_;
  std::unordered_map<int64_t, std::vector<int64_t>> ever_children_;
  std::vector<Succession> successions_;
  std::unordered_map<int64_t, std::vector<int64_t>> predecessors_;  // by successor
  mutable std::mutex scopes_mu_;                                    // the memos below
  mutable std::unordered_map<int64_t, std::shared_ptr<const std::unordered_set<int64_t>>> scopes_;
  mutable std::unordered_map<int32_t, std::vector<const Unit*>> trees_;  // TreeOn, by day
  std::vector<const Unit*> BuildTreeOn(Date day) const;
};

}  // namespace dh::units

// Restructuring (sáp nhập, chia tách): the rules that decide whether a merge or split is
// allowed and what it changes. Pure: the service applies the plan in one transaction.
//
// From `date`, the sources end (their last day is date − 1); the successors take over.
// The first successor is the primary one: the sources' children still alive on `date`
// move under it, and so do the roles and the open work (tasks, projects, petitions) of
// the sources. Reports for days before `date` keep the old structure.
#pragma once

#include <vector>

#include "core/status.h"
#include "units/unit_graph.h"

namespace dh::units {

struct NewUnitSpec {
  std::string code;
  std::string name;
  std::string kind;
  std::optional<int64_t> parent_id;
};

struct RestructureRequest {
  std::string kind;  // merge | split
  Date date;
  std::vector<int64_t> source_ids;
  std::vector<int64_t> target_ids;     // existing successors
  std::vector<NewUnitSpec> new_units;  // successors to create
  std::string note;
};

struct ChildMove {
  int64_t child_id;
  int64_t from_parent_id;
};

// An existing successor that hung under a source: it takes the source's place, under the
// nearest ancestor of the source that does not end (none: it becomes a root).
struct SuccessorLift {
  int64_t unit_id;
  int64_t from_parent_id;
  std::optional<int64_t> to_parent_id;
};

struct RestructurePlan {
  std::vector<int64_t> ending;   // sources, ending on date − 1
  std::vector<ChildMove> moves;  // children going under the primary successor
  std::vector<SuccessorLift> lifts;
  // The primary successor: the first existing target, or else the first new unit
  // (then `primary_is_new` and the id is known only once it is created).
  bool primary_is_new = false;
  int64_t primary_target_id = 0;
};

Result<RestructurePlan> PlanRestructure(const UnitGraph& graph, const RestructureRequest& req);

// Ending a unit on `last_day`: refused while a child is still alive after it.
Status CheckCanEnd(const UnitGraph& graph, int64_t unit_id, Date last_day);

}  // namespace dh::units

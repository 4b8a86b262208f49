// One search box across directives, tasks and units (GET /api/v1/search?q=): case and
// diacritics aside ("ke hoach" finds "Kế hoạch"): directives and tasks by the words as typed
// in their title (and number), units by every word in their name or code. Each kind is
// scoped as its own list is: directives and tasks the caller may see (task_access.h), units
// of the caller's units.read scope (all of them for who may not read units: none).
#pragma once

#include <string>
#include <vector>

#include "tasks/task_service.h"

namespace dh::tasks {

struct SearchHits {
  std::vector<Directive> directives;
  std::vector<TaskView> tasks;
  std::vector<const units::Unit*> units;
  int64_t directives_total = 0, tasks_total = 0, units_total = 0;
};

inline constexpr int64_t kSearchMaxPerKind = 20;

// At most `limit` of each kind. InvalidInput (field "q") when q is empty after trimming or
// longer than 200 characters.
Result<SearchHits> Search(const TaskService& service, const units::UnitGraph& g,
                          const auth::Principal& who, const std::string& q, int64_t limit);

}  // namespace dh::tasks

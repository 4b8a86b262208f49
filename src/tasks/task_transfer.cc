#include <algorithm>

#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"

namespace dh::tasks {

// ---- Restructuring ----------------------------------------------------------------------

Result<int64_t> TaskTransfer::Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit,
                                       Date day, const auth::Principal* who, int64_t now) {
  std::lock_guard lock(mu_);
  DH_ASSIGN_OR_RETURN(auto ids, TasksNotDoneLedBy(c, from_unit));
  for (int64_t id : ids) {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    TaskRecord before = *t;
    t->lead_unit_id = to_unit;
    std::erase(t->coordinator_ids, to_unit);
    t->updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, *t));
    DH_RETURN_IF_ERROR(
        InsertEvent(c, {0, id, "transferred", day, "Sắp xếp đơn vị", from_unit, to_unit,
                        who ? std::optional(who->user_id) : std::nullopt, now}));
    DH_RETURN_IF_ERROR(Record(c, who, "task.transfer", before, *t, now));
    moved_.push_back(id);
  }
  // Coordinating roles on open tasks follow too.
  DH_ASSIGN_OR_RETURN(auto coordinated, TasksNotDoneCoordinatedBy(c, from_unit));
  for (int64_t task_id : coordinated) {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, task_id));
    std::replace(t->coordinator_ids.begin(), t->coordinator_ids.end(), from_unit, to_unit);
    std::sort(t->coordinator_ids.begin(), t->coordinator_ids.end());
    t->coordinator_ids.erase(std::unique(t->coordinator_ids.begin(), t->coordinator_ids.end()),
                             t->coordinator_ids.end());
    std::erase(t->coordinator_ids, t->lead_unit_id);
    DH_RETURN_IF_ERROR(UpdateTask(c, *t));
    moved_.push_back(t->id);
  }
  DH_ASSIGN_OR_RETURN(const int64_t requests, MoveOpenCoordinations(c, from_unit, to_unit));
  coordinations_moved_ |= requests > 0;
  return static_cast<int64_t>(ids.size());
}

void TaskTransfer::AfterCommit() {
  std::vector<int64_t> moved;
  bool coordinations = false;
  {
    std::lock_guard lock(mu_);
    moved.swap(moved_);
    std::swap(coordinations, coordinations_moved_);
  }
  // The coordination board counts requests by the unit asked: moved ones count for the
  // successor from now on.
  if (coordinations) (void)service_.index().RefreshCoordinations(service_.db());
  if (moved.empty()) return;
  (void)service_.index().Refresh(service_.db(), moved, *service_.Calendar());
}
}  // namespace dh::tasks

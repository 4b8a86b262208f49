#include "tasks/task_access.h"

#include "tasks/task_index.h"

namespace dh::tasks {

TaskAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  return {units::ScopeFor(who, auth::Permission::kTasksRead, g),
          units::ScopeFor(who, auth::Permission::kTasksWork, g),
          units::ScopeFor(who, auth::Permission::kTasksManage, g)};
}

bool CanSeeTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  const auto in_scope = [&a](int64_t unit) { return a.read.Contains(unit); };
  const int64_t* co = t.coordinator_ids.data();
  return SeesTask(in_scope, who.user_id, t.lead_unit_id, t.assignee_id.value_or(0), co,
                  co + t.coordinator_ids.size());
}

bool CanWorkTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return a.work.Contains(t.lead_unit_id) || a.manage.Contains(t.lead_unit_id) ||
         (t.assignee_id && *t.assignee_id == who.user_id);
}

bool CanSeeDirective(const TaskAccess& a, const Directive& d, bool sees_one_of_its_tasks) {
  return a.read.Contains(d.issuer_unit_id) || sees_one_of_its_tasks;
}

bool CanSeeCoordination(const TaskAccess& a, const CoordinationRequest& r, bool sees_task) {
  return sees_task || a.read.Contains(r.to_unit_id);
}

std::unordered_set<int64_t> SeenTasks(const TaskIndex& index, const TaskAccess& a,
                                      const auth::Principal& who, const std::vector<int64_t>& ids) {
  if (!who.Can(auth::Permission::kTasksRead)) return {};
  auto bits = ScopeBitmap(a.read);
  TaskFilter f;
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  return index.Matching(ids, f);
}

std::unique_ptr<std::vector<bool>> ScopeBitmap(const units::UnitScope& scope) {
  if (scope.all()) return nullptr;
  int64_t max = 0;
  for (int64_t id : scope.ids()) max = std::max(max, id);
  auto bits = std::make_unique<std::vector<bool>>(max + 1, false);
  for (int64_t id : scope.ids()) (*bits)[id] = true;
  return bits;
}

}  // namespace dh::tasks

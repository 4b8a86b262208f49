#include "tasks/task_access.h"

#include "tasks/task_index.h"

namespace dh::tasks {

namespace {

units::UnitScope HoldScope(const auth::Principal& who, const units::UnitGraph& g) {
  units::UnitScope::Ids ids;
  for (const auth::RoleGrant& grant : who.grants) {
    if (!grant.unit_id || !auth::RoleGrants(grant.role, auth::Permission::kTasksWork)) continue;
    if (auth::RoleGrants(grant.role, auth::Permission::kTasksManage)) {
      ids.insert(*grant.unit_id);
    } else {
      const auto scope = g.SharedScopeOf(*grant.unit_id);
      ids.insert(scope->begin(), scope->end());
    }
  }
  return units::UnitScope::Of(std::move(ids));
}

}  // namespace

TaskAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  return {units::ScopeFor(who, auth::Permission::kTasksRead, g),
          units::ScopeFor(who, auth::Permission::kTasksWork, g),
          units::ScopeFor(who, auth::Permission::kTasksManage, g), HoldScope(who, g)};
}

bool CanSeeTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  if (t.state == TaskState::kDeleted) return false;  // gone for everyone
  const auto in_scope = [&a](int64_t unit) { return a.read.Contains(unit); };
  const int64_t* co = t.coordinator_ids.data();
  return SeesTask(in_scope, who.user_id, t.lead_unit_id, t.assignee_id.value_or(0), co,
                  co + t.coordinator_ids.size());
}

bool CanWorkTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return a.work.Contains(t.lead_unit_id) || a.manage.Contains(t.lead_unit_id) ||
         (t.assignee_id && *t.assignee_id == who.user_id);
}

bool CanHoldTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  if (t.assignee_id && *t.assignee_id == who.user_id) return true;
  return CanWorkTask(a, who, t) && a.hold.Contains(t.lead_unit_id);
}

bool CanSeeDirective(const TaskAccess& a, const Directive& d, bool sees_one_of_its_tasks) {
  return a.read.Contains(d.issuer_unit_id) || sees_one_of_its_tasks;
}

bool CanSeeCoordination(const TaskAccess& a, const CoordinationRequest& r, bool sees_task) {
  return sees_task || a.read.Contains(r.to_unit_id);
}

bool IsFinished(TaskState s) {
  return s == TaskState::kDone || s == TaskState::kAwaitingConfirmation;
}

bool WithHolder(TaskState s) { return IsOpen(s) && !IsFinished(s) && s != TaskState::kRefused; }

namespace {

bool Allows(TaskState from, TaskEvent event) { return Transition(from, event).ok(); }

}  // namespace

bool MayManageTask(const TaskAccess& a, const TaskRecord& t) {
  return a.manage.Contains(t.lead_unit_id);
}

bool MayGiveWorkTo(const TaskAccess& a, int64_t unit) { return a.manage.Contains(unit); }

bool MayManageDirective(const TaskAccess& a, const Directive& d) {
  return a.manage.Contains(d.issuer_unit_id);
}

bool MayReport(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanWorkTask(a, who, t) && Allows(t.state, TaskEvent::kReport);
}

bool MaySubmit(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanHoldTask(a, who, t) && Allows(t.state, TaskEvent::kSubmit);
}

bool MayRefuse(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanHoldTask(a, who, t) && Allows(t.state, TaskEvent::kRefuse);
}

bool MayDelegate(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanWorkTask(a, who, t) && WithHolder(t.state);
}

bool MayRequestCoordination(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanWorkTask(a, who, t) && WithHolder(t.state);
}

bool MayRequestExtension(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  return CanHoldTask(a, who, t) && WithHolder(t.state) && t.deadline.has_value();
}

bool MayDecideExtension(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && !IsFinished(t.state);
}

bool MayConfirm(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kConfirm);
}

bool MayReassign(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kReassign);
}

bool MaySuspend(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kSuspend);
}

bool MayResume(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kResume);
}

bool MayEditTask(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && !IsWithdrawn(t.state);
}

bool MayCancel(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kCancel);
}

bool MayDelete(const TaskAccess& a, const TaskRecord& t) {
  return MayManageTask(a, t) && Allows(t.state, TaskEvent::kDelete) && !t.last_report_on &&
         t.progress_percent == 0;
}

bool MayComment(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t) {
  if (IsWithdrawn(t.state) || !CanSeeTask(a, who, t)) return false;
  // A leader reads (tasks.read) and gives directions on what it sees.
  const bool leads = std::any_of(who.grants.begin(), who.grants.end(),
                                 [](const auto& g) { return g.role == auth::Role::kLeader; });
  return leads || MayManageTask(a, t) || CanWorkTask(a, who, t);
}

bool MayAnswerCoordination(const TaskAccess& a, const CoordinationRequest& r) {
  return a.work.Contains(r.to_unit_id) || a.manage.Contains(r.to_unit_id);
}

std::vector<std::string_view> AllowedActions(const TaskAccess& a, const auth::Principal& who,
                                             const TaskRecord& t) {
  const std::pair<std::string_view, bool> all[] = {
      {"report", MayReport(a, who, t)},
      {"extension", MayRequestExtension(a, who, t) && !t.extension_pending},
      {"delegate", MayDelegate(a, who, t)},
      {"coordination", MayRequestCoordination(a, who, t)},
      {"completion", MaySubmit(a, who, t)},
      {"refusal", MayRefuse(a, who, t)},
      {"decision", MayDecideExtension(a, t) && t.extension_pending},
      {"confirmation", MayConfirm(a, t)},
      {"reassignment", MayReassign(a, t)},
      {"suspension", MaySuspend(a, t) || MayResume(a, t)},
      {"edit", MayEditTask(a, t)},
      {"cancellation", MayCancel(a, t)},
      {"deletion", MayDelete(a, t)},
      {"comment", MayComment(a, who, t)},
  };
  std::vector<std::string_view> out;
  for (const auto& [name, may] : all)
    if (may) out.push_back(name);
  return out;
}

bool GrantDecidesFor(const auth::RoleGrant& grant, int64_t unit, const units::UnitGraph& g) {
  return grant.unit_id && auth::RoleGrants(grant.role, auth::Permission::kTasksManage) &&
         g.SharedScopeOf(*grant.unit_id)->count(unit) > 0;
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

// Who may see what in the tasks room. One rule per kind of object, and every path that shows
// one — a list, a detail, what one object embeds of another, attachments, exports, boards,
// notifications — asks it; out of scope is 404 for one object and absent from lists.
//
//   task          its lead unit or a coordinating unit is in the caller's tasks.read scope,
//                 or it is assigned to the caller. A task's detail embeds only the parts
//                 (delegated sub-tasks) the caller may see; the roll-up progress still counts
//                 all of them.
//   directive     its issuing unit is in scope, or the caller sees one of its tasks. Its task
//                 groups go with it.
//   attachment    follows its owner (a directive or a task).
//   coordination  the caller sees its task, or the unit asked is in scope (it must answer).
//   extension     follows its task.
//   notification  shown to its recipient while the recipient sees its task.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tasks/task.h"
#include "tasks/task_records.h"
#include "units/unit_graph.h"
#include "units/unit_scope.h"

namespace dh::tasks {

class TaskIndex;

// The scopes of one principal, computed once per request.
struct TaskAccess {
  units::UnitScope read, work, manage;
  // Where the caller acts as the lead unit itself (refuse, ask for more time, report
  // completion): the scopes of its working grants that do not manage (an officer's unit and
  // those below), and only the own unit of a managing grant — the office gives and confirms
  // work; it does not refuse, extend or complete other units' tasks. All: no restriction
  // beyond the work scope (the scope-only cases of the tests).
  units::UnitScope hold = units::UnitScope::All();
};
TaskAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g);

// The task rule on the fields it reads, for records and for the read model's columns alike.
// `in_scope(unit)` says whether a unit is in the read scope; `assignee` 0 for none.
template <typename InScope, typename Unit>
bool SeesTask(const InScope& in_scope, int64_t viewer, int64_t lead, int64_t assignee,
              const Unit* coordinators, const Unit* coordinators_end) {
  if (in_scope(lead) || (assignee != 0 && assignee == viewer)) return true;
  return std::any_of(coordinators, coordinators_end, in_scope);
}

bool CanSeeTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// Report, ask for extensions, delegate, submit: the lead unit in the work or manage scope,
// or the assignee.
bool CanWorkTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// The lead unit's own actions: CanWorkTask, and the lead unit is in the hold scope (or the
// task is assigned to the caller).
bool CanHoldTask(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// `sees_one_of_its_tasks`: whether CanSeeTask holds for at least one task of the directive
// (the service asks the read model).
bool CanSeeDirective(const TaskAccess& a, const Directive& d, bool sees_one_of_its_tasks);
// `sees_task`: CanSeeTask of the request's task.
bool CanSeeCoordination(const TaskAccess& a, const CoordinationRequest& r, bool sees_task);

// ---- What `who` may do with a task now -------------------------------------------------
// The named checks every write asks before it acts and `allowed_actions` lists; the writes
// then give the precise reason when one fails (Transition's message, a pending extension).
//
// The task's state, named once. Open (IsOpen, task.h): not done, not suspended. Finished:
// completion submitted — done, or awaiting the office's confirmation. With its holder: open,
// not finished, not refused — the lead unit is the one to act.
bool IsFinished(TaskState s);
bool WithHolder(TaskState s);

// Manage (edit, confirm, reassign, suspend, decide extensions): the lead unit is in the
// tasks.manage scope — the office that gave the work.
bool MayManageTask(const TaskAccess& a, const TaskRecord& t);
// Give work to `unit` (a new task's lead unit, a reassignment's new one).
bool MayGiveWorkTo(const TaskAccess& a, int64_t unit);
// The directive's issuer is in the tasks.manage scope: edit it, add groups, import tasks.
bool MayManageDirective(const TaskAccess& a, const Directive& d);
bool MayReport(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
bool MaySubmit(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
bool MayRefuse(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
bool MayDelegate(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
bool MayRequestCoordination(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// Open and not finished, with a deadline to move; one pending request at a time is the
// write's own rule.
bool MayRequestExtension(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// The office of the lead unit, while the task is not finished.
bool MayDecideExtension(const TaskAccess& a, const TaskRecord& t);
bool MayConfirm(const TaskAccess& a, const TaskRecord& t);  // and send back
bool MayReassign(const TaskAccess& a, const TaskRecord& t);
bool MaySuspend(const TaskAccess& a, const TaskRecord& t);
bool MayResume(const TaskAccess& a, const TaskRecord& t);
// Issue 9. Edit: the office, while the task is not withdrawn. Cancel (with a reason): the
// office, while not done nor withdrawn. Delete: the same, and nobody has reported on it (no
// progress report, no progress) — else it is cancelled. Comment on the task's thread (the
// leader's directions, the unit's replies): the office or those who work it, while it is
// not withdrawn; reading the thread is CanSeeTask.
bool MayEditTask(const TaskAccess& a, const TaskRecord& t);
bool MayCancel(const TaskAccess& a, const TaskRecord& t);
bool MayDelete(const TaskAccess& a, const TaskRecord& t);
bool MayComment(const TaskAccess& a, const auth::Principal& who, const TaskRecord& t);
// The unit asked answers: in the caller's work or manage scope.
bool MayAnswerCoordination(const TaskAccess& a, const CoordinationRequest& r);
// What `who` may do with `t` now, by the names the task page gives its actions: report,
// extension, delegate, coordination, completion, refusal, decision, confirmation,
// reassignment, suspension (suspend or resume), edit, cancellation, deletion, comment —
// each from the checks above.
std::vector<std::string_view> AllowedActions(const TaskAccess& a, const auth::Principal& who,
                                             const TaskRecord& t);

// MayDecideExtension asked of another user's grant: whether its holder decides for tasks
// led by `unit` (who hears of requests to decide). Grants on everything (admins) are left
// out: they are not the office of any unit.
bool GrantDecidesFor(const auth::RoleGrant& grant, int64_t unit, const units::UnitGraph& g);

// Those of these tasks `who` sees (CanSeeTask, on the read model's columns): for what names
// many tasks at once, such as a user's notifications. None without tasks.read.
std::unordered_set<int64_t> SeenTasks(const TaskIndex& index, const TaskAccess& a,
                                      const auth::Principal& who, const std::vector<int64_t>& ids);

// A unit scope as a bitmap by unit id, for the read model's filters; null for "all".
std::unique_ptr<std::vector<bool>> ScopeBitmap(const units::UnitScope& scope);

}  // namespace dh::tasks

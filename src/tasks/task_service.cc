#include "tasks/task_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <set>

#include "audit/recorder.h"
#include "core/text.h"
#include "db/read_value.h"
#include "notifications/outbox.h"
#include "tasks/task_as_of.h"
#include "tasks/task_checks.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"
#include "units/unit_rules.h"

namespace dh::tasks {

namespace bj = boost::json;

TaskService::Access TaskService::AccessOf(const auth::Principal& who) const {
  return AccessFor(who, *units_.Get());
}

bool TaskService::SeesATaskOf(const Access& a, const auth::Principal& who,
                              int64_t directive_id) const {
  auto bits = ScopeBitmap(a.read);
  TaskFilter f;
  f.directive_id = directive_id;
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  return index_.Any(f);
}

Result<Directive> TaskService::VisibleDirective(db::Connection& c, const Access& a,
                                                const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, id));
  if (!d || !who.Can(auth::Permission::kTasksRead) ||
      !CanSeeDirective(a, *d, !a.read.Contains(d->issuer_unit_id) && SeesATaskOf(a, who, id)))
    return Status::NotFound(Say(msg::kDirectiveFound));
  return *d;
}

Result<Directive> TaskService::NamedDirective(db::Connection& c, const Access& a,
                                              const auth::Principal& who, int64_t id) const {
  auto d = VisibleDirective(c, a, who, id);
  if (!d.ok() && d.status().code() == StatusCode::kNotFound)
    return Status::InvalidInput("directive_id", Say(msg::kThereSuchDirective));
  return d;
}

Result<TaskRecord> TaskService::ForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                                         bool manage) const {
  DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
  const Access a = AccessOf(who);
  if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
  if (manage ? !MayManageTask(a, *t) : !CanWorkTask(a, who, *t))
    return Status::Forbidden(Say(manage ? msg::kOnlyOfficeDoesThis : msg::kNotYourUnitsTask));
  return *t;
}

TaskView TaskService::View(const TaskRecord& t, int extensions, const Access* a,
                           const auth::Principal* who) const {
  TaskView v = ViewOn(t, extensions, clock_.Today(), *calendar_.Get(), settings_.due_soon_days);
  if (t.state == TaskState::kCancelled) v.timeliness_reason = "Đã hủy, không tính hạn";
  if (a && who) {
    v.can_work = CanWorkTask(*a, *who, t);
    v.can_manage = MayManageTask(*a, t);
    v.allowed_actions = AllowedActions(*a, *who, t);
  }
  return v;
}

// ---- Tasks ------------------------------------------------------------------------------

Status TaskService::Validate(const TaskInput& in, bool creating, const units::UnitGraph& g) const {
  // A title of spaces is no title.
  if (creating && (!in.title || text::Trim(*in.title).empty()))
    return Status::InvalidInput("title", Say(msg::kEnterTaskName));
  if (in.title && text::Trim(*in.title).empty())
    return Status::InvalidInput("title", Say(msg::kTaskNameEmpty));
  if (creating && !in.lead_unit_id)
    return Status::InvalidInput("lead_unit_id", Say(msg::kChooseLeadUnit));
  const Date today = clock_.Today();
  // A first answer on the in-memory graph; the write checks again on the database.
  if (in.lead_unit_id)
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(g, *in.lead_unit_id, today, "lead_unit_id", "Đơn vị chủ trì"));
  if (in.coordinator_ids) {
    std::set<int64_t> seen;
    for (int64_t id : *in.coordinator_ids) {
      DH_RETURN_IF_ERROR(units::CheckTakesWork(g, id, today, "coordinator_ids", "Đơn vị phối hợp"));
      if (!seen.insert(id).second || (in.lead_unit_id && id == *in.lead_unit_id))
        return Status::InvalidInput("coordinator_ids", Say(msg::kCoordinatingUnitRepeatedLeadUnit));
    }
  }
  if (in.recurrence && !ParseRecurrence(*in.recurrence))
    return Status::InvalidInput("recurrence", Say(msg::kRecurrenceMustMonthlyNEvery));
  for (const Milestone& m : in.milestones)
    if (m.planned_percent < 0 || m.planned_percent > 100)
      return Status::InvalidInput("milestones", Say(msg::kEachMilestoneSPlannedPercentage));
  // An edit checks them against the task's own deadline (Update).
  if (creating && in.start_on) DH_RETURN_IF_ERROR(CheckStartDate(*in.start_on, in.deadline));
  return creating ? CheckMilestones(in.milestones, in.deadline) : Status::Ok();
}

Result<TaskView> TaskService::Create(const auth::Principal* who, const TaskInput& in,
                                     const AlsoInTransaction& also) {
  auto g = units_.Get();
  DH_RETURN_IF_ERROR(Validate(in, true, *g));
  if (who && !MayGiveWorkTo(AccessOf(*who), *in.lead_unit_id))
    return Status::Forbidden(Say(msg::kYouAssignTasksThisUnit));
  TaskRecord t = NewTask(in, clock_.Today(), clock_.NowSeconds());
  t.created_by = who ? std::optional(who->user_id) : std::nullopt;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(CheckTaskUnits(c, clock_.Today(), t.lead_unit_id, t.coordinator_ids));
    if (t.directive_id) {
      DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, *t.directive_id));
      if (!d) return Status::InvalidInput("directive_id", Say(msg::kThereSuchDirective));
    }
    if (t.group_id) {
      DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *t.group_id));
      if (!grp || (t.directive_id && grp->directive_id != *t.directive_id))
        return Status::InvalidInput("group_id", Say(msg::kTaskGroupDoesBelongChosen));
      t.directive_id = grp->directive_id;
    }
    if (t.directive_id && who) {
      DH_RETURN_IF_ERROR(NamedDirective(c, AccessOf(*who), *who, *t.directive_id).status());
    } else if (t.directive_id) {
      DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, *t.directive_id));
      if (!d) return Status::InvalidInput("directive_id", Say(msg::kThereSuchDirective));
    }
    if (t.assignee_id) {
      DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
      if (std::find(people.begin(), people.end(), *t.assignee_id) == people.end())
        return Status::InvalidInput("assignee_id", Say(msg::kAssignedOfficerMustOfficerLead));
    }
    DH_ASSIGN_OR_RETURN(t.id, InsertTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, who, "task.create", TaskRecord{}, t, t.created_at));
    if (also) DH_RETURN_IF_ERROR(also(c, t));
    DH_RETURN_IF_ERROR(NoticeAssigned(c, t, t.created_at));
    return NoticeCoordinatorsNamed(c, t, t.coordinator_ids, t.created_at);
  }));
  DH_RETURN_IF_ERROR(Refresh({t.id}));
  return View(t, 0, nullptr, nullptr);
}

Result<TaskView> TaskService::Update(const auth::Principal& who, int64_t id, const TaskInput& in) {
  DH_RETURN_IF_ERROR(Validate(in, false, *units_.Get()));
  if (in.deadline)
    return Status::InvalidInput("deadline", Say(msg::kDeadlineChangesOnlyThroughExtension));
  TaskRecord t;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, true));
    if (IsWithdrawn(before.state))
      return Status::Conflict(Say(msg::kTaskWasCancelledEdited), "invalid_state");
    t = before;
    if (in.title) t.title = *in.title;
    if (in.description) t.description = *in.description;
    if (in.output_kind) t.output_kind = *in.output_kind;
    if (in.is_key) t.is_key = *in.is_key;
    if (in.start_on) {
      DH_RETURN_IF_ERROR(CheckStartDate(*in.start_on, t.deadline));
      t.start_on = in.start_on;
    }
    std::vector<int64_t> added;  // coordinators newly named, to be told
    if (in.coordinator_ids) {
      if (std::find(in.coordinator_ids->begin(), in.coordinator_ids->end(), t.lead_unit_id) !=
          in.coordinator_ids->end())
        return Status::InvalidInput("coordinator_ids", Say(msg::kLeadUnitAlsoCoordinatingUnit));
      for (int64_t u : *in.coordinator_ids)
        if (std::find(t.coordinator_ids.begin(), t.coordinator_ids.end(), u) ==
            t.coordinator_ids.end())
          added.push_back(u);
      DH_RETURN_IF_ERROR(CheckTaskUnits(c, clock_.Today(), std::nullopt, added));
      t.coordinator_ids = *in.coordinator_ids;
    }
    if (in.group_id) {
      DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *in.group_id));
      if (!grp || grp->directive_id != t.directive_id)
        return Status::InvalidInput("group_id", Say(msg::kTaskGroupDoesBelongTask));
      t.group_id = in.group_id;
    }
    if (in.lead_unit_id && *in.lead_unit_id != t.lead_unit_id)
      return Status::InvalidInput("lead_unit_id", Say(msg::kChangeLeadUnitByReassigning));
    if (in.milestones_given) {
      DH_RETURN_IF_ERROR(CheckMilestones(in.milestones, t.deadline));
      t.milestones = in.milestones;
      DH_RETURN_IF_ERROR(ReplaceMilestones(c, t));
    }
    t.updated_at = clock_.NowSeconds();
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.update", before, t, t.updated_at));
    return NoticeCoordinatorsNamed(c, t, added, t.updated_at);
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return Load(who, id);
}

Result<TaskView> TaskService::Load(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(TaskDetail d, Get(who, id));
  return d.view;
}

Result<TaskDetail> TaskService::Get(const auth::Principal& who, int64_t id) const {
  TaskDetail d;
  const Access a = AccessOf(who);
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
    DH_ASSIGN_OR_RETURN(d.reports, ReportsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.extensions, ExtensionsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.coordination, CoordinationsOf(c, id));
    for (const auto& r : d.coordination)
      if (!r.answered_on && MayAnswerCoordination(a, r)) d.answerable.insert(r.id);
    DH_ASSIGN_OR_RETURN(d.events, EventsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.occurrences, OccurrencesOf(c, id));
    DH_ASSIGN_OR_RETURN(auto parts, ChildrenOf(c, id));
    // Only the parts `who` may see; the roll-up progress counts them all.
    for (const auto& p : parts)
      if (CanSeeTask(a, who, p)) d.parts.push_back(View(p, 0, &a, &who));
    const int approved = static_cast<int>(
        std::count_if(d.extensions.begin(), d.extensions.end(),
                      [](const Extension& e) { return e.status == ExtensionStatus::kApproved; }));
    d.view = View(*t, approved, &a, &who);
    return Status::Ok();
  }));
  return d;
}

Result<std::vector<TaskView>> TaskService::List(const auth::Principal& who, TaskFilter f,
                                                int64_t limit, int64_t offset,
                                                int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  const Access a = AccessOf(who);
  auto bits = ScopeBitmap(a.read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  const auto ids = index_.Find(
      f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days), limit, offset, total);
  TasksWithExtensions found;
  DH_RETURN_IF_ERROR(
      db::Read(db_, [&](db::Connection& c) { return FindTasksWithExtensions(c, ids, found); }));
  std::vector<TaskView> out;
  for (const auto& t : found.rows) out.push_back(View(t, found.extensions[t.id], &a, &who));
  return out;
}

Result<std::unordered_map<int64_t, BoardCounts>> TaskService::Board(const auth::Principal& who,
                                                                    const std::string& by,
                                                                    TaskFilter f) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  if (by != "unit" && by != "directive" && by != "group")
    return Status::InvalidInput("by", Say(msg::kChooseHowGroupUnitDirective));
  auto bits = ScopeBitmap(AccessOf(who).read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  return index_.Board(by, f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days));
}

Result<std::unordered_map<int64_t, CoordinationCounts>> TaskService::CoordinationBoard(
    const auth::Principal& who) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  auto bits = ScopeBitmap(AccessOf(who).read);
  return index_.CoordinationBoard(bits.get(), clock_.Today(), *calendar_.Get());
}

Result<std::vector<TaskService::CoordinationItem>> TaskService::ListCoordinations(
    const auth::Principal& who, const CoordinationFilter& f, int64_t limit, int64_t offset,
    int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  const Access a = AccessOf(who);
  auto bits = ScopeBitmap(a.read);
  size_t n = 0;
  const auto requests =
      index_.Coordinations(bits.get(), f, clock_.Today(), *calendar_.Get(),
                           static_cast<size_t>(limit), static_cast<size_t>(offset), &n);
  *total = static_cast<int64_t>(n);
  std::vector<int64_t> ids;
  for (const auto& r : requests) ids.push_back(r.task_id);
  DH_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindTasks(c, ids); }));
  // The index keeps the requests asked of a unit in scope (CanSeeCoordination); the task's
  // title goes with them only when `who` sees the task too.
  std::unordered_map<int64_t, std::string> titles;
  for (const auto& t : tasks)
    if (CanSeeTask(a, who, t)) titles.emplace(t.id, t.title);
  std::vector<CoordinationItem> out;
  for (const auto& r : requests) {
    auto it = titles.find(r.task_id);
    if (!CanSeeCoordination(a, r, it != titles.end())) continue;
    out.push_back({r, it == titles.end() ? std::string() : it->second});
  }
  return out;
}
Result<std::vector<int64_t>> TaskService::MatchingIds(const auth::Principal& who,
                                                      TaskFilter f) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  auto bits = ScopeBitmap(AccessOf(who).read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  int64_t total = 0;
  return index_.Find(f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days),
                     std::numeric_limits<int32_t>::max(), 0, &total);
}

Status TaskService::VisitTasks(const auth::Principal& who, const std::vector<int64_t>& ids,
                               const std::function<Status(const TaskView&)>& fn,
                               size_t batch) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  const Access a = AccessOf(who);
  batch = std::max<size_t>(batch, 1);
  for (size_t i = 0; i < ids.size(); i += batch) {
    const std::vector<int64_t> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(i),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(i + batch, ids.size())));
    DH_ASSIGN_OR_RETURN(std::vector<TaskRecord> rows,
                        db::ReadValue(db_, [&](db::Connection& c) { return FindTasks(c, chunk); }));
    for (const TaskRecord& t : rows)
      if (CanSeeTask(a, who, t)) DH_RETURN_IF_ERROR(fn(View(t, 0, &a, &who)));
  }
  return Status::Ok();
}

std::unordered_set<int64_t> TaskService::VisibleTasks(const auth::Principal& who,
                                                      const std::vector<int64_t>& ids) const {
  return SeenTasks(index_, AccessOf(who), who, ids);
}

Result<int64_t> TaskService::CheckDirectiveAccess(const auth::Principal& who, int64_t id,
                                                  bool write) const {
  DH_ASSIGN_OR_RETURN(Directive d, GetDirective(who, id));
  if (write && !MayManageDirective(AccessOf(who), d))
    return Status::Forbidden(Say(msg::kOnlyIssuingBodySOffice4));
  return d.issuer_unit_id;
}

Result<int64_t> TaskService::CheckTaskAccess(const auth::Principal& who, int64_t id,
                                             bool write) const {
  DH_ASSIGN_OR_RETURN(std::optional<TaskRecord> t,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindTask(c, id); }));
  const Access a = AccessOf(who);
  if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
  if (write && !CanWorkTask(a, who, *t))
    return Status::Forbidden(Say(msg::kOnlyLeadUnitAttachFiles));
  return t->lead_unit_id;
}

}  // namespace dh::tasks

// Issue 9 (tasksa): assigning one task to many units at once ("giao cho tất cả phường, xã",
// "tất cả sở, ngành", or a chosen list): one task per unit under a new task group of the
// directive, which the boards and lists follow together (by=group, group_id=…).
#include <algorithm>
#include <set>

#include "core/message.h"
#include "core/text.h"
#include "tasks/task_checks.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"
#include "units/unit_rules.h"

namespace dh::tasks {
namespace {

constexpr size_t kMaxUnits = 1000;

constexpr MessageText kOnlyOfficeAssignsMany{
    "tasks.only_office_assigns_many",
    "Chỉ văn phòng được giao nhiệm vụ cho nhiều đơn vị.",
    "Only the office may assign a task to many units.",
};
constexpr MessageText kChooseOneUnitAtLeast{
    "tasks.choose_one_assigned_unit",
    "Chọn ít nhất một đơn vị được giao.",
    "Choose at least one unit to assign to.",
};
constexpr MessageText kAtMostUnits{
    "tasks.at_most_units",
    "Giao tối đa {max} đơn vị một lần.",
    "Assign to at most {max} units at once.",
};
constexpr MessageText kChooseDirectiveForGroup{
    "tasks.choose_directive_for_group",
    "Chọn Văn bản chỉ đạo: các nhiệm vụ được theo dõi chung thành một nhóm của văn bản.",
    "Choose the directive: the tasks are followed together as a group of that directive.",
};
constexpr MessageText kUnitChosenTwice{
    "tasks.unit_chosen_twice",
    "Đơn vị {unit} được chọn hai lần.",
    "The unit {unit} is chosen twice.",
};
constexpr MessageText kMayNotAssignTo{
    "tasks.may_not_assign_to",
    "Bạn không được giao nhiệm vụ cho {unit}.",
    "You may not assign tasks to {unit}.",
};
constexpr MessageText kLeadAndCoordinator{
    "tasks.lead_and_coordinator",
    "{unit} vừa được giao chủ trì vừa là đơn vị phối hợp; bỏ đơn vị đó khỏi phối hợp.",
    "{unit} is both the lead unit and a coordinating unit; remove it from the coordinating units.",
};
constexpr MessageText kOnlyIssuerOfficeAssignsMany{
    "tasks.only_issuer_office_assigns_many",
    "Chỉ văn phòng của cơ quan ban hành được giao nhiệm vụ của văn bản này cho nhiều đơn vị.",
    "Only the office of the issuing body may assign this directive's tasks to many units.",
};

// The unit's name for a message, or its id.
std::string UnitLabel(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "#" + std::to_string(id);
}

// The new group's place: after its siblings.
Result<int> NextPosition(db::Connection& c, int64_t directive_id,
                         std::optional<int64_t> parent_id) {
  DH_ASSIGN_OR_RETURN(auto groups, GroupsOf(c, directive_id));
  int position = 0;
  for (const TaskGroup& grp : groups)
    if (grp.parent_id == parent_id) position = std::max(position, grp.position + 1);
  return position;
}

}  // namespace

std::vector<int64_t> TaskService::UnitsOfKind(const auth::Principal& who,
                                              std::string_view kind) const {
  const Access a = AccessOf(who);
  const Date today = clock_.Today();
  std::vector<int64_t> out;
  for (const units::Unit& u : units_.Get()->all())
    if (u.kind == kind && u.ActiveOn(today) && MayGiveWorkTo(a, u.id)) out.push_back(u.id);
  return out;
}

Result<ManyUnitsResult> TaskService::CreateForUnits(const auth::Principal& who,
                                                    const ManyUnitsInput& in) {
  if (!who.Can(auth::Permission::kTasksManage))
    return Status::Forbidden(Say(kOnlyOfficeAssignsMany));
  if (in.unit_ids.empty()) return Status::InvalidInput("unit_ids", Say(kChooseOneUnitAtLeast));
  if (in.unit_ids.size() > kMaxUnits)
    return Status::InvalidInput("unit_ids",
                                Say(kAtMostUnits, {{"max", static_cast<int64_t>(kMaxUnits)}}));
  if (!in.task.directive_id && !in.task.group_id)
    return Status::InvalidInput("directive_id", Say(kChooseDirectiveForGroup));
  const Access access = AccessOf(who);
  auto g = units_.Get();
  std::set<int64_t> seen;
  for (int64_t unit : in.unit_ids) {
    TaskInput one = in.task;
    one.lead_unit_id = unit;
    if (Status s = Validate(one, true, *g); !s.ok())
      return s.field() == "lead_unit_id" ? Status::InvalidInput("unit_ids", s.message()) : s;
    if (!seen.insert(unit).second)
      return Status::InvalidInput("unit_ids",
                                  Say(kUnitChosenTwice, {{"unit", UnitLabel(*g, unit)}}));
    if (!MayGiveWorkTo(access, unit))
      return Status::InvalidInput("unit_ids",
                                  Say(kMayNotAssignTo, {{"unit", UnitLabel(*g, unit)}}));
    if (one.coordinator_ids &&
        std::count(one.coordinator_ids->begin(), one.coordinator_ids->end(), unit))
      return Status::InvalidInput("coordinator_ids",
                                  Say(kLeadAndCoordinator, {{"unit", UnitLabel(*g, unit)}}));
  }
  ManyUnitsResult out;
  DH_RETURN_IF_ERROR(db::InTransaction(
      db_, [&](db::Connection& c) { return WriteForUnits(c, who, access, in, out); }));
  DH_RETURN_IF_ERROR(Refresh(out.task_ids));
  return out;
}

Status TaskService::WriteForUnits(db::Connection& c, const auth::Principal& who,
                                  const Access& access, const ManyUnitsInput& in,
                                  ManyUnitsResult& out) {
  const Date today = clock_.Today();
  const int64_t now = clock_.NowSeconds();
  std::optional<int64_t> directive_id = in.task.directive_id;
  if (in.task.group_id) {
    DH_ASSIGN_OR_RETURN(auto parent, FindGroup(c, *in.task.group_id));
    if (!parent || (directive_id && parent->directive_id != *directive_id))
      return Status::InvalidInput("group_id", Say(msg::kTaskGroupDoesBelongChosen));
    directive_id = parent->directive_id;
  }
  DH_ASSIGN_OR_RETURN(const Directive d, NamedDirective(c, access, who, *directive_id));
  if (!MayManageDirective(access, d)) return Status::Forbidden(Say(kOnlyIssuerOfficeAssignsMany));
  DH_RETURN_IF_ERROR(CheckTaskUnits(c, today, std::nullopt,
                                    in.task.coordinator_ids.value_or(std::vector<int64_t>{})));
  const std::string heading = text::Trim(in.heading.empty() ? *in.task.title : in.heading);
  out.group = {0, d.id, in.task.group_id, heading, 0};
  DH_ASSIGN_OR_RETURN(out.group.position, NextPosition(c, d.id, in.task.group_id));
  DH_ASSIGN_OR_RETURN(out.group.id, InsertGroup(c, out.group));
  DH_RETURN_IF_ERROR(GroupCreated(c, who, out.group, d.issuer_unit_id, now));
  for (int64_t unit : in.unit_ids) {
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, unit, today, "unit_ids", "Đơn vị được giao"));
    TaskInput one = in.task;
    one.lead_unit_id = unit;
    one.assignee_id.reset();
    TaskRecord t = NewTask(one, today, now);
    t.directive_id = d.id;
    t.group_id = out.group.id;
    t.title = text::Trim(t.title);
    t.created_by = who.user_id;
    DH_ASSIGN_OR_RETURN(t.id, InsertTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.create", TaskRecord{}, t, now));
    DH_RETURN_IF_ERROR(NoticeAssigned(c, t, now));
    DH_RETURN_IF_ERROR(NoticeCoordinatorsNamed(c, t, t.coordinator_ids, now));
    out.task_ids.push_back(t.id);
  }
  return Status::Ok();
}

}  // namespace dh::tasks

#include <algorithm>

#include "notifications/outbox.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"
#include "units/unit_rules.h"

namespace dh::tasks {

namespace {

// One part of `parent` as a new task, checked against the tree as the database holds it now.
Result<TaskRecord> PartOf(db::Connection& c, const TaskRecord& parent, const DelegationPart& p,
                          Date today) {
  TaskRecord ch;
  ch.parent_task_id = parent.id;
  ch.directive_id = parent.directive_id;
  ch.group_id = parent.group_id;
  ch.share_percent = p.share_percent;
  ch.title = p.title.empty() ? parent.title : p.title;
  ch.description = parent.description;
  ch.output_kind = parent.output_kind;
  ch.is_key = parent.is_key;
  ch.deadline = ch.original_deadline = p.deadline ? p.deadline : parent.deadline;
  ch.start_on = DefaultStart(ch.deadline, today);
  if (ch.deadline && parent.deadline && *ch.deadline > *parent.deadline)
    return Status::InvalidInput(
        "parts", Say(msg::kPartAfterTask, {{"date", parent.deadline->ToVietnamese()}}));
  if (p.unit_id) {
    // The tree as the database holds it now, not as the in-memory graph last saw it.
    DH_ASSIGN_OR_RETURN(const bool under,
                        units::StoredIsUnder(c, *p.unit_id, parent.lead_unit_id, today));
    if (*p.unit_id == parent.lead_unit_id || !under)
      return Status::InvalidInput("parts", Say(msg::kAssignOnlyUnitsUnderLead));
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, *p.unit_id, today, "parts", "Đơn vị được giao phần việc"));
    ch.lead_unit_id = *p.unit_id;
  } else if (p.assignee_id) {
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, parent.lead_unit_id));
    if (std::find(people.begin(), people.end(), *p.assignee_id) == people.end())
      return Status::InvalidInput("parts", Say(msg::kAssignOnlyOfficersLeadUnit));
    ch.lead_unit_id = parent.lead_unit_id;
    ch.assignee_id = p.assignee_id;
  } else {
    return Status::InvalidInput("parts", Say(msg::kEachPartNeedsUnitId));
  }
  return ch;
}

}  // namespace

Result<std::vector<TaskView>> TaskService::Delegate(const auth::Principal& who, int64_t id,
                                                    const std::vector<DelegationPart>& parts) {
  if (parts.empty()) return Status::InvalidInput("parts", Say(msg::kChooseAtLeastOneUnit));
  const Date today = clock_.Today();
  std::vector<int64_t> created;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord parent, ForWrite(c, who, id, false));
    if (!WithHolder(parent.state))
      return Status::Conflict(Say(msg::kOnlyTaskProgressHanded), "invalid_state");
    DH_ASSIGN_OR_RETURN(auto existing, ChildrenOf(c, id));
    int shares = 0;
    for (const auto& ch : existing) shares += ch.share_percent;
    const int64_t now = clock_.NowSeconds();
    for (const DelegationPart& p : parts) {
      if (p.share_percent < 1 || p.share_percent > 100)
        return Status::InvalidInput("parts", Say(msg::kEachPartSShareFrom));
      shares += p.share_percent;
      if (shares > 100) return Status::InvalidInput("parts", Say(msg::kPartsSharesAddUpMore));
      DH_ASSIGN_OR_RETURN(TaskRecord ch, PartOf(c, parent, p, today));
      ch.created_by = who.user_id;
      ch.created_at = ch.updated_at = now;
      DH_ASSIGN_OR_RETURN(ch.id, InsertTask(c, ch));
      created.push_back(ch.id);
      DH_RETURN_IF_ERROR(Record(c, &who, "task.delegate", TaskRecord{}, ch, now));
      DH_RETURN_IF_ERROR(NoticeDelegated(c, ch, now));
    }
    if (parent.state == TaskState::kNotStarted) {
      TaskRecord after = parent;
      after.state = TaskState::kInProgress;
      after.updated_at = now;
      DH_RETURN_IF_ERROR(UpdateTask(c, after));
    }
    std::vector<int64_t> touched;
    return RollUp(c, id, now, touched);
  }));
  created.push_back(id);
  DH_RETURN_IF_ERROR(Refresh(created));
  created.pop_back();
  std::vector<TaskView> out;
  for (int64_t cid : created) {
    DH_ASSIGN_OR_RETURN(TaskView v, Load(who, cid));
    out.push_back(std::move(v));
  }
  return out;
}
}  // namespace dh::tasks

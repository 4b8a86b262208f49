#include "tasks/task_reminders.h"

#include <algorithm>

#include "tasks/task_access.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

constexpr size_t kLoadBatch = 200;  // tasks per read

}  // namespace

bool HolderActs(TaskState s) {
  return IsOpen(s) && s != TaskState::kAwaitingConfirmation && s != TaskState::kRefused;
}

notifications::OpenItem ReminderItem(const OpenTaskRow& t) {
  return {.id = t.id,
          .lead_unit_id = t.lead_unit_id,
          .parent_id = t.parent_id,
          .assignee_id = t.assignee_id,
          .deadline = t.deadline,
          .last_activity = t.last_activity,
          .holder_acts = HolderActs(t.state),
          .awaiting_decision = t.state == TaskState::kAwaitingConfirmation};
}

std::vector<notifications::OpenItem> TaskReminders::OpenItems() const {
  std::vector<notifications::OpenItem> out;
  for (const OpenTaskRow& t : index_.OpenTasks()) out.push_back(ReminderItem(t));
  return out;
}

Result<std::vector<notifications::PendingExtension>> TaskReminders::PendingExtensions(
    db::Connection& c) const {
  DH_ASSIGN_OR_RETURN(auto pending, tasks::PendingExtensions(c));
  std::vector<notifications::PendingExtension> out;
  for (const auto& e : pending) out.push_back({e.task_id, e.requested_deadline});
  return out;
}

Result<notifications::ItemsNow> TaskReminders::Load(db::Connection& c, std::vector<int64_t> ids,
                                                    const calendar::WorkCalendar& cal) const {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  notifications::ItemsNow out;
  for (size_t from = 0; from < ids.size(); from += kLoadBatch) {
    std::vector<int64_t> batch(ids.begin() + from,
                               ids.begin() + std::min(ids.size(), from + kLoadBatch));
    DH_ASSIGN_OR_RETURN(auto records, FindTasks(c, batch));
    for (const TaskRecord& t : records) {
      std::optional<Date> deadline;
      if (t.deadline) deadline = EffectiveDeadline(*t.deadline, cal);
      out.emplace(t.id,
                  notifications::ItemNow{t.title, t.lead_unit_id, HolderActs(t.state), deadline});
    }
  }
  return out;
}

std::unordered_set<int64_t> TaskReminders::Seen(const auth::Principal& who,
                                                const units::UnitGraph& g,
                                                const std::vector<int64_t>& ids) const {
  return SeenTasks(index_, AccessFor(who, g), who, ids);
}

}  // namespace dh::tasks

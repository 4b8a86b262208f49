// Tasks as the notification job's reminder source (notifications/reminder_source.h):
// open tasks from the read model, pending extension requests and current records from
// the store, and who sees which task by the tasks room's own rule. Registered at start-up
// (src/app/).
#pragma once

#include "notifications/reminder_source.h"
#include "tasks/task_index.h"

namespace dh::tasks {

// True when the task's holder is the one to act (not awaiting the office, not refused).
bool HolderActs(TaskState s);

// An open task as the reminder rules and the digest read it.
notifications::OpenItem ReminderItem(const OpenTaskRow& t);

class TaskReminders final : public notifications::ReminderSource {
 public:
  explicit TaskReminders(const TaskIndex& index) : index_(index) {}

  std::vector<notifications::OpenItem> OpenItems() const override;
  Result<std::vector<notifications::PendingExtension>> PendingExtensions(
      db::Connection& c) const override;
  Result<notifications::ItemsNow> Load(db::Connection& c, std::vector<int64_t> ids,
                                       const calendar::WorkCalendar& cal) const override;
  std::unordered_set<int64_t> Seen(const auth::Principal& who, const units::UnitGraph& g,
                                   const std::vector<int64_t>& ids) const override;

 private:
  const TaskIndex& index_;
};

}  // namespace dh::tasks

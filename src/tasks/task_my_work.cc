// "Việc của tôi": what waits on the caller, from the read model (my_work.h).
#include <algorithm>

#include "notifications/reminders.h"
#include "tasks/task_messages.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"

namespace dh::tasks {

namespace {

// Candidates per state: an officer's unit holds a few hundred open tasks at most.
constexpr int64_t kPerState = 1000;
constexpr int64_t kRequests = 1000;

}  // namespace

Status TaskService::HeldWork(const auth::Principal& who, const Access& a,
                             std::vector<MyWorkEntry>& out) const {
  // The units whose tasks `who` holds; the assignee's own tasks come by viewer_id.
  auto bits = ScopeBitmap(a.hold.all() ? a.work : a.hold);
  TaskFilter f;
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  const Date today = clock_.Today();
  const auto clock = MakeTimelinessClock(today, *cal, settings_.due_soon_days);
  std::vector<int64_t> ids;
  for (TaskState s : {TaskState::kNotStarted, TaskState::kInProgress, TaskState::kReturned}) {
    f.state = s;
    int64_t n = 0;
    for (int64_t id : index_.Find(f, clock, kPerState, 0, &n)) ids.push_back(id);
  }
  TasksWithExtensions found;
  DH_RETURN_IF_ERROR(
      db::Read(db_, [&](db::Connection& c) { return FindTasksWithExtensions(c, ids, found); }));
  const int no_report_days = notifications::ReminderSettings{}.no_report_days;
  for (const TaskRecord& t : found.rows) {
    if (!CanHoldTask(a, who, t)) continue;
    const Date activity = t.last_report_on.value_or(VietnamDateOf(t.created_at));
    const auto kind = HeldTaskWork(t.state, activity, today, *cal, no_report_days);
    if (!kind) continue;
    TaskView v = View(t, found.extensions[t.id], &a, &who);
    MyWorkEntry e{{*kind, t.id, 0, v.effective_deadline}, std::move(v), std::nullopt};
    out.push_back(std::move(e));
  }
  return Status::Ok();
}

Status TaskService::AnswerWork(const auth::Principal& who, const Access& a,
                               std::vector<MyWorkEntry>& out) const {
  auto cal = calendar_.Get();
  for (AnswerStatus s : {AnswerStatus::kOverdue, AnswerStatus::kPending}) {
    CoordinationFilter f;
    f.status = s;
    int64_t n = 0;
    DH_ASSIGN_OR_RETURN(auto items, ListCoordinations(who, f, kRequests, 0, &n));
    for (auto& item : items) {
      const CoordinationRequest& r = item.request;
      if (r.answered_on || !MayAnswerCoordination(a, r)) continue;
      MyWorkItem i{MyWorkKind::kCoordination, r.task_id, r.id,
                   calendar::EffectiveDeadline(r.due_on, *cal)};
      out.push_back({i, std::nullopt, std::move(item)});
    }
  }
  return Status::Ok();
}

Result<std::vector<TaskService::MyWorkEntry>> TaskService::MyWork(const auth::Principal& who,
                                                                  int64_t limit, int64_t offset,
                                                                  int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  const Access a = AccessOf(who);
  std::vector<MyWorkEntry> out;
  DH_RETURN_IF_ERROR(HeldWork(who, a, out));
  DH_RETURN_IF_ERROR(AnswerWork(who, a, out));
  std::vector<MyWorkItem> items;
  for (const MyWorkEntry& e : out) items.push_back(e.item);
  *total = static_cast<int64_t>(out.size());
  std::vector<MyWorkEntry> ordered;
  const std::vector<size_t> order = MyWorkOrder(items);
  for (size_t k = static_cast<size_t>(std::max<int64_t>(offset, 0));
       k < order.size() && static_cast<int64_t>(ordered.size()) < limit; ++k)
    ordered.push_back(std::move(out[order[k]]));
  return ordered;
}

}  // namespace dh::tasks

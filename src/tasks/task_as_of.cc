#include "tasks/task_as_of.h"

#include <algorithm>
#include <tuple>

#include "tasks/task_messages.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

// One step of a task's history, in the order it happened.
struct Step {
  Date on;
  int64_t at = 0;  // created_at: the order within a day
  const TaskEventRecord* event = nullptr;
  const Report* report = nullptr;
};

std::optional<Date> DecidedOn(const Extension& e) {
  if (!e.decided_at) return std::nullopt;
  return VietnamDateOf(*e.decided_at);
}

bool AnyAfter(const TaskHistory& h, Date day) {
  for (const Report& r : h.reports)
    if (r.reported_on > day || VietnamDateOf(r.created_at) > day) return true;
  for (const Extension& e : h.extensions)
    if (VietnamDateOf(e.requested_at) > day || (DecidedOn(e) && *DecidedOn(e) > day)) return true;
  for (const TaskEventRecord& e : h.events)
    if (e.happened_on > day) return true;
  return false;
}

TaskState Replay(TaskState s, const Step& step) {
  if (step.report)
    return s == TaskState::kNotStarted || s == TaskState::kReturned ? TaskState::kInProgress : s;
  const std::string& k = step.event->kind;
  if (k == "submitted") return TaskState::kAwaitingConfirmation;
  if (k == "confirmed") return TaskState::kDone;
  if (k == "returned") return TaskState::kReturned;
  if (k == "refused") return TaskState::kRefused;
  if (k == "reassigned") return TaskState::kNotStarted;
  if (k == "suspended") return TaskState::kSuspended;
  if (k == "resumed") return TaskState::kInProgress;
  return s;  // transferred, occurrence_done: the state stays
}

std::vector<Step> StepsUpTo(const TaskHistory& h, Date day) {
  std::vector<Step> steps;
  for (const TaskEventRecord& e : h.events)
    if (e.happened_on <= day) steps.push_back({e.happened_on, e.created_at, &e, nullptr});
  for (const Report& r : h.reports)
    if (r.reported_on <= day) steps.push_back({r.reported_on, r.created_at, nullptr, &r});
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return std::tie(a.on, a.at) < std::tie(b.on, b.at);
  });
  return steps;
}

// The deadline and the lead unit on `day`: undone by what changed them after it.
void UndoLaterChanges(TaskRecord& t, const TaskHistory& h, Date day) {
  std::optional<int64_t> first_at;
  for (const Extension& e : h.extensions) {
    auto on = DecidedOn(e);
    if (e.status != ExtensionStatus::kApproved || !on || *on <= day) continue;
    if (!first_at || *e.decided_at < *first_at) {
      first_at = *e.decided_at;
      t.deadline = e.previous_deadline;
    }
  }
  for (const TaskEventRecord& e : h.events)  // in id order: the first after the day
    if ((e.kind == "reassigned" || e.kind == "transferred") && e.happened_on > day &&
        e.from_unit_id) {
      t.lead_unit_id = *e.from_unit_id;
      break;
    }
}

}  // namespace

std::optional<TaskRecord> TaskAsOf(const TaskRecord& now, const TaskHistory& h, Date day) {
  if (VietnamDateOf(now.created_at) > day) return std::nullopt;
  if (!AnyAfter(h, day)) return now;
  TaskRecord t = now;
  UndoLaterChanges(t, h, day);
  t.state = TaskState::kNotStarted;
  t.finished_on.reset();
  t.last_report_on.reset();
  t.progress_percent = t.own_progress_percent = 0;
  for (const Step& step : StepsUpTo(h, day)) {
    t.state = Replay(t.state, step);
    if (step.report) {
      t.progress_percent = t.own_progress_percent = step.report->percent;
      t.last_report_on = step.report->reported_on;
    } else if (step.event->kind == "submitted") {
      t.finished_on = step.on;
      t.progress_percent = t.own_progress_percent = 100;
    }
  }
  if (t.state != TaskState::kAwaitingConfirmation && t.state != TaskState::kDone)
    t.finished_on.reset();
  t.extension_pending = std::any_of(h.extensions.begin(), h.extensions.end(), [&](const auto& e) {
    return VietnamDateOf(e.requested_at) <= day && (!DecidedOn(e) || *DecidedOn(e) > day);
  });
  return t;
}

int ExtensionsApprovedBy(const TaskHistory& h, Date day) {
  return static_cast<int>(std::count_if(h.extensions.begin(), h.extensions.end(), [&](auto& e) {
    return e.status == ExtensionStatus::kApproved && DecidedOn(e) && *DecidedOn(e) <= day;
  }));
}

Result<TaskHistory> HistoryOf(db::Connection& c, int64_t task_id) {
  TaskHistory h;
  DH_ASSIGN_OR_RETURN(h.reports, ReportsOf(c, task_id));
  DH_ASSIGN_OR_RETURN(h.extensions, ExtensionsOf(c, task_id));
  DH_ASSIGN_OR_RETURN(h.events, EventsOf(c, task_id));
  return h;
}

TaskView ViewOn(const TaskRecord& t, int extensions, Date day, const calendar::WorkCalendar& cal,
                int due_soon_days) {
  TaskView v;
  v.task = t;
  v.timeliness = TimelinessOf(t.state, t.deadline, t.finished_on, day, cal, due_soon_days);
  v.timeliness_reason =
      TimelinessReason(v.timeliness, t.deadline, t.finished_on, extensions, day, cal);
  if (t.deadline) {
    const bool finished =
        v.timeliness == Timeliness::kDoneOnTime || v.timeliness == Timeliness::kDoneLate;
    v.effective_deadline = calendar::EffectiveDeadline(*t.deadline, cal);
    v.working_days_left = calendar::WorkingDaysLeft(*t.deadline, day, cal);
    v.working_days_late = calendar::WorkingDaysLate(
        *t.deadline, finished && t.finished_on ? *t.finished_on : day, cal);
  }
  v.extensions_approved = extensions;
  return v;
}

namespace {

bool Keeps(const TaskFilter& f, const TaskView& v) {
  if (f.state && v.task.state != *f.state) return false;
  if (f.timeliness && v.timeliness != *f.timeliness) return false;
  if (f.due_before && (!v.task.deadline || *v.task.deadline > *f.due_before)) return false;
  if (f.extension_pending && v.task.extension_pending != *f.extension_pending) return false;
  if (f.lead_unit_id && v.task.lead_unit_id != *f.lead_unit_id) return false;
  return true;
}

}  // namespace

Result<std::vector<TaskView>> TasksAsOf(TaskService& service, const auth::Principal& who,
                                        TaskFilter f, Date day) {
  const TaskFilter then = f;  // asked of the day
  f.state.reset();
  f.timeliness.reset();
  f.due_before.reset();
  f.extension_pending.reset();
  f.lead_unit_id.reset();  // the lead unit may have changed since
  DH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, service.MatchingIds(who, f));
  auto cal = service.Calendar();
  const int soon = service.settings().due_soon_days;
  std::vector<TaskView> out;
  auto visit = [&](const TaskView& now) -> Status {
    TaskHistory h;
    DH_RETURN_IF_ERROR(db::Read(service.db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(h, HistoryOf(c, now.task.id));
      return Status::Ok();
    }));
    auto t = TaskAsOf(now.task, h, day);
    if (!t) return Status::Ok();
    TaskView v = ViewOn(*t, ExtensionsApprovedBy(h, day), day, *cal, soon);
    if (Keeps(then, v)) out.push_back(std::move(v));
    return Status::Ok();
  };
  DH_RETURN_IF_ERROR(service.VisitTasks(who, ids, visit));
  return out;
}

Result<std::unordered_map<int64_t, BoardCounts>> BoardAsOf(TaskService& service,
                                                           const auth::Principal& who,
                                                           const std::string& by, TaskFilter f,
                                                           Date day) {
  if (by != "unit" && by != "directive" && by != "group")
    return Status::InvalidInput("by", Say(msg::kChooseHowGroupUnitDirective));
  DH_ASSIGN_OR_RETURN(std::vector<TaskView> views, TasksAsOf(service, who, std::move(f), day));
  std::unordered_map<int64_t, BoardCounts> board;
  for (const TaskView& v : views) {
    const TaskRecord& t = v.task;
    const int64_t key = by == "directive" ? t.directive_id.value_or(0)
                        : by == "group"   ? t.group_id.value_or(0)
                                          : t.lead_unit_id;
    board[key].Add(v.timeliness);
  }
  return board;
}

}  // namespace dh::tasks

// A task as it stood on a past day, rebuilt from its history: the reports it received,
// the extensions decided and the events of its workflow (submitted, confirmed, returned,
// refused, reassigned, transferred, suspended, resumed). What the periodic reports are
// written from (NĐ 09/2019 art. 12: the cut-off of the 14th of the report month; 14/6;
// 14/12), and what boards and lists answer when asked `as_of` a day.
//
//   exists        the task was created on or before the day
//   deadline      the deadline before the first extension decided after the day
//   lead unit     the unit it came from in the first reassignment or transfer after the day
//   state         its events and reports up to the day, replayed in order
//   finished_on   the last completion submitted up to the day, while submitted or done
//   progress      the last report up to the day (0 without one)
//   timeliness    the one rule (TimelinessOf) on that day, with the above
// Nothing of its history after the day: the task as it is now.
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
#include "tasks/task_service.h"

namespace dh::tasks {

struct TaskHistory {
  std::vector<Report> reports;
  std::vector<Extension> extensions;
  std::vector<TaskEventRecord> events;
};

// The task at the end of `day`; nullopt when it was created later.
std::optional<TaskRecord> TaskAsOf(const TaskRecord& now, const TaskHistory& h, Date day);
// Extensions approved on or before `day`.
int ExtensionsApprovedBy(const TaskHistory& h, Date day);

Result<TaskHistory> HistoryOf(db::Connection& c, int64_t task_id);

// The view of `t` on `day`: its timeliness, the deadline where it really falls and the
// working days left and late on that day (TaskService::View: on today).
TaskView ViewOn(const TaskRecord& t, int extensions, Date day, const calendar::WorkCalendar& cal,
                int due_soon_days);

// Every task `who` may see that matches `f` as it stood on `day` (its state, timeliness and
// deadline filters asked of that day), in list order, as views on that day.
Result<std::vector<TaskView>> TasksAsOf(TaskService& service, const auth::Principal& who,
                                        TaskFilter f, Date day);

// Counts by key ("unit": the lead unit on that day, "directive", "group") as of `day`:
// the board of that day.
Result<std::unordered_map<int64_t, BoardCounts>> BoardAsOf(TaskService& service,
                                                           const auth::Principal& who,
                                                           const std::string& by, TaskFilter f,
                                                           Date day);

}  // namespace dh::tasks

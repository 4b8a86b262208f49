// A month calendar of deadlines (GET /api/v1/deadline-calendar?month=YYYY-MM): for each
// day of the month whether it is a working day, and the tasks the caller may see whose
// deadline falls that day (the effective deadline: a day off moves it to the next working
// day), with their timeliness today. Beside the holiday calendar.
#pragma once

#include <string>
#include <vector>

#include "tasks/task_service.h"

namespace dh::tasks {

struct DeadlineDay {
  Date date;
  bool working = true;
  std::vector<TaskView> tasks;
};

inline constexpr size_t kDeadlineCalendarMaxTasks = 5000;

// `month` "YYYY-MM"; InvalidInput (field "month") otherwise. `f` narrows the tasks as the
// task list does (unit_id, directive_id, …).
Result<std::vector<DeadlineDay>> DeadlineCalendar(const TaskService& service,
                                                  const auth::Principal& who,
                                                  const std::string& month, TaskFilter f);

}  // namespace dh::tasks

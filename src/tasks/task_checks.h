// Checks of a task's dates that the form also asks while the person types: milestones
// against the deadline, and where a typed deadline really falls.
#pragma once

#include <optional>
#include <vector>

#include "calendar/work_calendar.h"
#include "core/date.h"
#include "core/status.h"
#include "tasks/task_records.h"

namespace dh::tasks {

// InvalidInput on "milestones" when a milestone falls after the deadline, the planned
// percentages (by date) go down, or the last one does not reach 100 %. None is fine.
Status CheckMilestones(const std::vector<Milestone>& milestones, std::optional<Date> deadline);

// InvalidInput on "start_on" when the start date (Ngày giao) falls after the deadline. A task
// without a deadline may start any day.
Status CheckStartDate(Date start_on, std::optional<Date> deadline);

// What a typed deadline means on `today`: the day it really falls on (a day off moves to the
// next working day), whether it has already passed, and the working days left until it.
struct DeadlineCheck {
  Date date, effective;
  bool day_off = false, past = false;
  int working_days_left = 0;
};
DeadlineCheck CheckDeadline(Date date, Date today, const calendar::WorkCalendar& cal);

// "Đến hạn trong tuần này": the working week ahead — five working days counted from today
// (today among them when it is a working day), not the calendar week, so that on a Sunday
// it is Monday to Friday. The last of those days.
Date WorkingWeekEnd(Date today, const calendar::WorkCalendar& cal);

}  // namespace dh::tasks

// Deadlines counted in working days, for anything that has one: tasks and their
// coordination requests now; public-investment bottlenecks, petitions and explanation
// requests next. One definition of where a deadline really falls, of how many working
// days are left or late, and of the due status (on time, due soon, overdue, done on time,
// done late), so that no feature counts them again.
#pragma once

#include <optional>
#include <string_view>

#include "calendar/work_calendar.h"
#include "core/date.h"

namespace dh::calendar {

// How something with a deadline stands on a day. Derived, never stored.
enum class DueStatus { kInTime, kDueSoon, kOverdue, kDoneOnTime, kDoneLate, kNoDeadline };

// The API's names: "in_time", "due_soon", "overdue", "done_on_time", "done_late",
// "no_deadline".
std::string_view DueStatusName(DueStatus s);
std::optional<DueStatus> ParseDueStatus(std::string_view s);

// A deadline that falls on a day off moves to the next working day (Civil Code 2015,
// art. 148(5)).
Date EffectiveDeadline(Date deadline, const WorkCalendar& cal);

// Working days in (today, effective deadline]: 0 on the day itself and once it has passed.
int WorkingDaysLeft(Date deadline, Date today, const WorkCalendar& cal);
// Working days in (effective deadline, day]: 0 when `day` is not after it. A day off right
// after the deadline is late by 0 working days.
int WorkingDaysLate(Date deadline, Date day, const WorkCalendar& cal);

// Something not yet finished: no deadline → kNoDeadline; `today` after the effective
// deadline → kOverdue; at most `due_soon_days` working days left → kDueSoon; else kInTime.
DueStatus OpenDueStatus(std::optional<Date> deadline, Date today, const WorkCalendar& cal,
                        int due_soon_days);
// Something finished on `finished_on`: kDoneOnTime on or before the effective deadline (or
// without one), else kDoneLate.
DueStatus FinishedDueStatus(std::optional<Date> deadline, Date finished_on,
                            const WorkCalendar& cal);

// What decides the due status of open things on one day, computed once so that judging
// each of a million effective deadlines is two comparisons. Agrees with OpenDueStatus.
struct DueWindow {
  Date today;
  Date soon_limit;  // an effective deadline on or before this (and not before today) is due soon
  DueStatus Of(Date effective_deadline) const {
    if (effective_deadline < today) return DueStatus::kOverdue;
    return effective_deadline <= soon_limit ? DueStatus::kDueSoon : DueStatus::kInTime;
  }
};
DueWindow DueWindowOn(Date today, const WorkCalendar& cal, int due_soon_days);

}  // namespace dh::calendar

#include "calendar/deadline.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/names.h"

namespace dh::calendar {
namespace {

constexpr NameTable<DueStatus, 6> kNames = {{
    {DueStatus::kInTime, "in_time"},
    {DueStatus::kDueSoon, "due_soon"},
    {DueStatus::kOverdue, "overdue"},
    {DueStatus::kDoneOnTime, "done_on_time"},
    {DueStatus::kDoneLate, "done_late"},
    {DueStatus::kNoDeadline, "no_deadline"},
}};

}  // namespace

std::string_view DueStatusName(DueStatus s) { return NameIn(kNames, s); }

std::optional<DueStatus> ParseDueStatus(std::string_view s) { return ValueIn(kNames, s); }

Date EffectiveDeadline(Date deadline, const WorkCalendar& cal) {
  return cal.NextWorkingDayOnOrAfter(deadline);
}

int WorkingDaysLeft(Date deadline, Date today, const WorkCalendar& cal) {
  return std::max(0, cal.WorkingDaysBetween(today, EffectiveDeadline(deadline, cal)));
}

int WorkingDaysLate(Date deadline, Date day, const WorkCalendar& cal) {
  return std::max(0, cal.WorkingDaysBetween(EffectiveDeadline(deadline, cal), day));
}

DueStatus OpenDueStatus(std::optional<Date> deadline, Date today, const WorkCalendar& cal,
                        int due_soon_days) {
  if (!deadline) return DueStatus::kNoDeadline;
  const Date due = EffectiveDeadline(*deadline, cal);
  if (today > due) return DueStatus::kOverdue;
  if (cal.WorkingDaysBetween(today, due) <= due_soon_days) return DueStatus::kDueSoon;
  return DueStatus::kInTime;
}

DueStatus FinishedDueStatus(std::optional<Date> deadline, Date finished_on,
                            const WorkCalendar& cal) {
  if (!deadline || finished_on <= EffectiveDeadline(*deadline, cal)) return DueStatus::kDoneOnTime;
  return DueStatus::kDoneLate;
}

DueWindow DueWindowOn(Date today, const WorkCalendar& cal, int due_soon_days) {
  // Due soon: at most `due_soon_days` working days in (today, effective deadline], as
  // OpenDueStatus counts them: the limit is the day before the (N+1)-th working day after
  // today. Counting from today rolled to a working day would put one more day in the
  // window on weekends and holidays.
  return {today, cal.AddWorkingDays(today.AddDays(1), due_soon_days).AddDays(-1)};
}

}  // namespace dh::calendar

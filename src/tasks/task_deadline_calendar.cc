#include "tasks/task_deadline_calendar.h"

#include "tasks/task_messages.h"

namespace dh::tasks {

Result<std::vector<DeadlineDay>> DeadlineCalendar(const TaskService& service,
                                                  const auth::Principal& who,
                                                  const std::string& month, TaskFilter f) {
  const auto first = month.size() == 7 ? Date::Parse(month + "-01") : std::nullopt;
  if (!first) return Status::InvalidInput("month", Say(msg::kMonthMustWrittenYYYYMM));
  const Date last = first->AddDays(DaysInMonth(first->year(), first->month()) - 1);
  auto cal = service.Calendar();
  std::vector<DeadlineDay> days;
  for (Date d = *first; d <= last; d = d.AddDays(1)) days.push_back({d, cal->IsWorkingDay(d), {}});
  // A deadline on a day off before the month can fall on its first working day.
  f.due_before = last;
  DH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, service.MatchingIds(who, f));
  // By effective deadline: the month's tasks are the last ones.
  if (ids.size() > kDeadlineCalendarMaxTasks)
    ids.erase(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(kDeadlineCalendarMaxTasks));
  DH_RETURN_IF_ERROR(service.VisitTasks(who, ids, [&](const TaskView& v) -> Status {
    if (!v.effective_deadline || *v.effective_deadline < *first || *v.effective_deadline > last)
      return Status::Ok();
    days[static_cast<size_t>(v.effective_deadline->days() - first->days())].tasks.push_back(v);
    return Status::Ok();
  }));
  return days;
}

}  // namespace dh::tasks

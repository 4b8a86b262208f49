#include "tasks/my_work.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "notifications/reminders.h"
#include "tasks/task_access.h"

namespace dh::tasks {

std::string_view MyWorkKindName(MyWorkKind k) {
  switch (k) {
    case MyWorkKind::kReturned:
      return "returned";
    case MyWorkKind::kReportDue:
      return "report_due";
    case MyWorkKind::kTask:
      return "task";
    case MyWorkKind::kCoordination:
      return "coordination";
  }
  return "task";
}

std::optional<MyWorkKind> HeldTaskWork(TaskState s, Date last_activity, Date today,
                                       const calendar::WorkCalendar& cal, int no_report_days) {
  if (s == TaskState::kReturned) return MyWorkKind::kReturned;
  if (!WithHolder(s)) return std::nullopt;
  if (no_report_days > 0 &&
      notifications::NthWorkingDayAfter(last_activity, no_report_days, cal) <= today)
    return MyWorkKind::kReportDue;
  return MyWorkKind::kTask;
}

std::vector<size_t> MyWorkOrder(const std::vector<MyWorkItem>& items) {
  auto key = [&](size_t n) {
    const MyWorkItem& i = items[n];
    return std::make_tuple(!i.due.has_value(), i.due.value_or(Date{}), static_cast<int>(i.kind),
                           i.task_id, i.request_id);
  };
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  return order;
}

}  // namespace dh::tasks

// What an officer must act on ("Việc của tôi"): the tasks their unit holds (or assigned to
// them), the reports those tasks owe, the work the office sent back, and the coordination
// requests their unit must answer — one list, what is due first. The rule is pure: the
// service feeds it the read model's rows and the caller's scope.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "calendar/work_calendar.h"
#include "core/date.h"
#include "tasks/task.h"

namespace dh::tasks {

// In the order a list shows equal deadlines: sent back first, then a report owed, then
// a held task, then a coordination request to answer.
enum class MyWorkKind { kReturned, kReportDue, kTask, kCoordination };
// The API's names: "returned", "report_due", "task", "coordination".
std::string_view MyWorkKindName(MyWorkKind k);

// What a task the caller holds asks of them on `today`, if anything: sent back → kReturned;
// with its holder and `no_report_days` working days or more since `last_activity` (the
// last report, else the day it was given) → kReportDue; with its holder → kTask; otherwise
// (awaiting the office, done, suspended, refused) nothing.
std::optional<MyWorkKind> HeldTaskWork(TaskState s, Date last_activity, Date today,
                                       const calendar::WorkCalendar& cal, int no_report_days);

struct MyWorkItem {
  MyWorkKind kind = MyWorkKind::kTask;
  int64_t task_id = 0;
  int64_t request_id = 0;   // a coordination request; 0 otherwise
  std::optional<Date> due;  // the effective deadline (a request's answer date); none last
};

// The positions of `items` in the order the list shows them: due first (the earliest
// effective deadline; none last), then by kind, then task and request id — one order,
// whatever order the items came in.
std::vector<size_t> MyWorkOrder(const std::vector<MyWorkItem>& items);

}  // namespace dh::tasks

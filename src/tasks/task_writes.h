// What the writes of the tasks room share, whichever file they live in: the audit entry of a
// task, the units check inside a write's transaction, closing pending extensions.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "db/database.h"
#include "http/principal.h"
#include "tasks/task_records.h"
#include "tasks/task_service.h"

namespace dh::tasks {

Status TaskNotFound();

// What the audit log keeps of a task.
boost::json::object AuditJson(const TaskRecord& t);

boost::json::object DirectiveAudit(const Directive& d);

// A start date (ngày giao) not given is the day of creation, or the deadline when that has
// already passed (a task recorded late was given no later than it was due).
Date DefaultStart(std::optional<Date> deadline, Date today);

// A new task as `in` describes it, created at `now`: a recurring task without a deadline
// is due on its next occurrence after `today`'s eve. The caller sets who created it.
TaskRecord NewTask(const TaskInput& in, Date today, int64_t now);

// The audit entry of a new task group of a directive issued by `issuer_unit_id`.
Status GroupCreated(db::Connection& c, const auth::Principal& who, const TaskGroup& g,
                    int64_t issuer_unit_id, int64_t now);

Status Record(db::Connection& c, const auth::Principal* who, std::string action,
              const TaskRecord& before, const TaskRecord& after, int64_t now);

// The units a write gives work to, checked on the database inside the write's transaction:
// the in-memory graph the first checks read may be a moment old (a restructuring that
// committed since would otherwise leave new work with a unit that ends).
Status CheckTaskUnits(db::Connection& c, Date day, std::optional<int64_t> lead,
                      const std::vector<int64_t>& coordinators);

// A pending extension closes when the work it was asked for is finished (completion
// submitted, a recurring task's period done, completion confirmed): decided afterwards it
// would move a deadline already met or missed, and turn "done late" into "done on time".
// The request stays in the task's history, closed, with why; the audit log keeps each.
Status ClosePendingExtensions(db::Connection& c, const auth::Principal& who, const TaskRecord& t,
                              const std::string& why, int64_t now);

}  // namespace dh::tasks

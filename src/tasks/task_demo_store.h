// What only the demo city writes (tasksa): a task's creation moved into the past, so that
// the demo has months of history and a board asked as of a past day shows the work then.
// Never used by a request; the demo labels its data as illustrative.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "core/status.h"
#include "db/database.h"

namespace dh::tasks {

// The task was created at `created_at` (seconds), and its directive's tasks exist from then.
Status SetTaskCreatedForDemo(db::Connection& c, int64_t task_id, int64_t created_at);

// What the service dated today on the task (a confirmation, an extension's request and
// decision) happened on `on` instead, at `at` (seconds): its events dated after `on` and its
// extensions asked after `at` (now asked the day before `at`, decided at `at`).
Status SetTaskDecidedForDemo(db::Connection& c, int64_t task_id, Date on, int64_t at);

}  // namespace dh::tasks

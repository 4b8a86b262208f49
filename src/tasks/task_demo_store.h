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

}  // namespace dh::tasks

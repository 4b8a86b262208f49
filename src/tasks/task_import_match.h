// Re-importing an exported Excel into the same directive (edited or not): the rows that
// match tasks already in the directive — the same title (case and diacritics aside) and the
// same lead unit — so that the import can say so before creating them a second time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tasks/task_service.h"

namespace dh::tasks {

struct ImportMatch {
  int row = 0;          // as Excel shows it
  size_t item = 0;      // index into the batch's items
  int64_t task_id = 0;  // the task already there
  std::string title;
};

// The batch's items that match a task of its directive the caller may see, in row order.
Result<std::vector<ImportMatch>> MatchExisting(const TaskService& service,
                                               const auth::Principal& who, const TaskBatch& batch);

// The batch without the matched items.
void DropMatched(TaskBatch& batch, const std::vector<ImportMatch>& matches);

}  // namespace dh::tasks

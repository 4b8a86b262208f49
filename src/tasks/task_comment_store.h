// A task's thread (migrations/0011_tasksedit.sql): directions from above and the unit's
// replies, oldest first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/connection.h"

namespace dh::tasks {

struct TaskComment {
  int64_t id = 0, task_id = 0;
  std::string kind;  // direction | reply
  std::string body;
  int64_t author_id = 0;
  std::string author_name;  // read with the comment
  int64_t created_at = 0;
};

Result<int64_t> InsertComment(db::Connection& c, const TaskComment& t);
Result<std::vector<TaskComment>> CommentsOf(db::Connection& c, int64_t task_id);
// Who wrote the task's directions: told of the unit's replies.
Result<std::vector<int64_t>> DirectionAuthors(db::Connection& c, int64_t task_id);

}  // namespace dh::tasks

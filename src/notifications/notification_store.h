// In-app notifications (thông báo). Written inside the transaction of the change that
// causes them; e-mailed later by the mailer. A dedup key keeps one reminder per task,
// kind and day however often the scheduler runs.
#pragma once

#include <unordered_set>

#include "db/connection.h"

namespace dh::notifications {

struct Notification {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string kind;  // assigned | due_soon | overdue | extension_decided | returned | escalation | coordination
  std::optional<int64_t> task_id;
  std::string title, body;
  std::string dedup_key;
  int64_t created_at = 0;
  std::optional<int64_t> read_at, emailed_at;
};

// Inserts one notification per user; a user who already has `dedup_key` gets none.
// Returns how many were written.
Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids, const std::string& kind,
                       std::optional<int64_t> task_id, const std::string& title, const std::string& body,
                       const std::string& dedup_key, int64_t now);
// Active users holding any role on `unit_id` (the people of that unit).
Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id);
Result<std::vector<Notification>> ForUser(db::Connection& c, int64_t user_id, bool unread_only, int64_t limit,
                                          int64_t offset, int64_t* total);
Result<int64_t> MarkRead(db::Connection& c, int64_t user_id, int64_t id, int64_t now);
// Not yet e-mailed, oldest first.
Result<std::vector<Notification>> Unsent(db::Connection& c, int64_t limit);
Status MarkEmailed(db::Connection& c, int64_t id, int64_t now);

}  // namespace dh::notifications

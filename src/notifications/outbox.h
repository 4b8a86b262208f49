// The outbox: where a feature puts the notices its changes cause, on the connection of the
// change's own transaction (a change rolled back tells nobody); the notification job
// e-mails them later. With reminder_source.h, the door features use into notifications/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/connection.h"

namespace dh::notifications {

// Inserts one notification per user; a user who already has `dedup_key` gets none.
// Returns how many were written.
Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, std::optional<int64_t> task_id,
                       const std::string& title, const std::string& body,
                       const std::string& dedup_key, int64_t now);
// Active users holding a role on `unit_id` that reads tasks (the people of that unit whom a
// task's notice is for).
Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id);
// One role an active user holds (unit_id nullopt: admin, everything).
struct RoleHolder {
  int64_t user_id = 0;
  std::string role;
  std::optional<int64_t> unit_id;
};
Result<std::vector<RoleHolder>> ActiveRoleHolders(db::Connection& c);

}  // namespace dh::notifications

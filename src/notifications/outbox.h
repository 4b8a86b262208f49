// The outbox: where a feature puts the notices its changes cause, on the connection of the
// change's own transaction (a change rolled back tells nobody); the notification job
// e-mails them later (Notify, in notice_text.h, writes a notice in its reader's language).
// With reminder_source.h and item_kinds.h, the door features use into notifications/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/connection.h"
#include "http/principal.h"

namespace dh::notifications {

// What a notice is about: a kind of item ('task', 'project', 'petition', 'target',
// 'explanation', 'opinion' …, as registered in item_kinds.h) and its id. An empty kind:
// about nothing in particular.
struct ItemRef {
  std::string kind;
  int64_t id = 0;
  bool empty() const { return kind.empty(); }
  bool operator==(const ItemRef&) const = default;
};
inline constexpr const char* kTaskItem = "task";
inline ItemRef TaskItem(int64_t id) { return {kTaskItem, id}; }

// Marks resolved, for every recipient, the unresolved notices of `kind` about `item`: what
// they asked for was dealt with (call it in the transaction of the decision). Returns how many.
Result<int64_t> Resolve(db::Connection& c, const ItemRef& item, const std::string& kind,
                        int64_t now);
// The same for the notices about `item` written with `dedup_key` (one request among several
// about the same item, e.g. one coordination request).
Result<int64_t> ResolveKey(db::Connection& c, const ItemRef& item, const std::string& dedup_key,
                           int64_t now);

// Active users holding a role on `unit_id` that grants `reads` (the people of that unit whom
// a notice about an item of that feature is for); without it, those who read tasks.
Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id,
                                         auth::Permission reads);
Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id);
// One role an active user holds (unit_id nullopt: admin, everything).
struct RoleHolder {
  int64_t user_id = 0;
  std::string role;
  std::optional<int64_t> unit_id;
};
Result<std::vector<RoleHolder>> ActiveRoleHolders(db::Connection& c);

}  // namespace dh::notifications

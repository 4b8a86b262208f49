// Where audit entries live. Append runs inside the caller's transaction, so a change and
// its entry commit or vanish together.
#pragma once

#include <functional>
#include <unordered_set>
#include <vector>

#include "audit/audit.h"
#include "core/status.h"
#include "db/connection.h"

namespace dh::audit {

struct NewEntry {
  std::optional<int64_t> user_id;
  std::string username;
  std::string action;
  std::string entity;
  std::optional<int64_t> entity_id;
  std::optional<int64_t> unit_id;
  std::string before_json = "null";
  std::string after_json = "null";
};

// Chains `entry` after the current head; takes the head's row lock on PostgreSQL.
Result<AuditEntry> Append(db::Connection& c, const NewEntry& entry, int64_t now);

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<int64_t> entity_id;
  std::optional<int64_t> user_id;
  std::optional<int64_t> from_at;  // inclusive, epoch seconds
  std::optional<int64_t> to_at;    // exclusive
  // nullopt: every unit; otherwise only entries owned by these units.
  std::optional<std::unordered_set<int64_t>> units;
  int64_t limit = 50;
  int64_t offset = 0;
};

// Newest first.
Result<std::vector<AuditEntry>> List(db::Connection& c, const AuditFilter& f, int64_t* total);
// Every entry in seq order, in batches, without holding them all in memory.
Status ForEach(db::Connection& c, const std::function<bool(const AuditEntry&)>& visit);
Status Head(db::Connection& c, int64_t* seq, std::string* hash);

}  // namespace dh::audit

// The audit sequence as the read models see it (readmodel/change_feed.h): every committed
// write has its entry in audit_log, numbered by seq in commit order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace dh::readmodel {

// One committed change: which entity (audit_log.entity: "task", "unit", "calendar"…), which
// row of it when the entry names one, and the action ("task.create", "unit.restructure"…).
struct Change {
  int64_t seq = 0;
  std::string entity;
  std::optional<int64_t> entity_id;
  std::string action;
};

// The last entry's seq (0 when the log is empty).
Result<int64_t> AuditHead(db::Connection& c);
// Up to `limit` entries after `seq`, in order.
Result<std::vector<Change>> ChangesAfter(db::Connection& c, int64_t seq, int64_t limit);

}  // namespace dh::readmodel

// The record of task imports: which file, by its SHA-256, went into which directive; kept
// in the shared imports ledger (sheets/import_ledger.h) as feature "tasks". Runs on the
// caller's connection and transaction.
#pragma once

#include <optional>
#include <string>

#include "db/connection.h"

namespace dh::tasks {

struct TaskImportRecord {
  int64_t id = 0;
  int64_t directive_id = 0;
  std::string sha256;  // hex
  std::string file_name;
  int64_t tasks = 0;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

// UniqueViolation when this file was already imported into this directive.
Result<int64_t> InsertImport(db::Connection& c, const TaskImportRecord& r);
Result<std::optional<TaskImportRecord>> FindImport(db::Connection& c, int64_t directive_id,
                                                   const std::string& sha256);

}  // namespace dh::tasks

#include "tasks/task_import_store.h"

namespace dh::tasks {
namespace {

constexpr char kInsert[] =
    "INSERT INTO task_imports (directive_id, sha256, file_name, tasks, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kFind[] =
    "SELECT id, directive_id, sha256, file_name, tasks, created_by, created_at FROM task_imports "
    "WHERE directive_id = ? AND sha256 = ?";

db::Value OptId(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

}  // namespace

Result<int64_t> InsertImport(db::Connection& c, const TaskImportRecord& r) {
  auto rows = c.Query(
      kInsert, {r.directive_id, r.sha256, r.file_name, r.tasks, OptId(r.created_by), r.created_at});
  if (!rows.ok() && rows.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("file", "Tệp này đã được nhập vào văn bản.");
  if (!rows.ok()) return rows.status();
  return rows->Int(0, 0);
}

Result<std::optional<TaskImportRecord>> FindImport(db::Connection& c, int64_t directive_id,
                                                   const std::string& sha256) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kFind, {directive_id, sha256}));
  if (r.empty()) return std::optional<TaskImportRecord>();
  return std::optional<TaskImportRecord>(TaskImportRecord{r.Int(0, 0), r.Int(0, 1), r.Text(0, 2),
                                                          r.Text(0, 3), r.Int(0, 4), r.OptInt(0, 5),
                                                          r.Int(0, 6)});
}

}  // namespace dh::tasks

#include "tasks/task_import_store.h"

#include "sheets/import_ledger.h"
#include "tasks/task_messages.h"

namespace dh::tasks {
namespace {

// Tasks' imports in the shared ledger: feature "tasks", the directive as the target.
constexpr char kFeature[] = "tasks";

}  // namespace

Result<int64_t> InsertImport(db::Connection& c, const TaskImportRecord& r) {
  auto id = sheets::RecordImport(
      c, {0, kFeature, r.directive_id, r.sha256, r.file_name, r.tasks, r.created_by, r.created_at});
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("file", Say(msg::kThisFileHasAlreadyBeen));
  return id;
}

Result<std::optional<TaskImportRecord>> FindImport(db::Connection& c, int64_t directive_id,
                                                   const std::string& sha256) {
  DH_ASSIGN_OR_RETURN(auto found, sheets::FindImport(c, kFeature, directive_id, sha256));
  if (!found) return std::optional<TaskImportRecord>();
  return std::optional<TaskImportRecord>(
      TaskImportRecord{found->id, found->target_id, found->sha256, found->file_name, found->rows,
                       found->created_by, found->created_at});
}

}  // namespace dh::tasks

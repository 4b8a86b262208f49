// The imports ledger's statements (table sheet_imports); the rules around them are in
// import_ledger.cc.
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"
#include "sheets/import_ledger.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {
namespace {

const std::string kInsert = db::InsertReturningIdSql(
    "sheet_imports", "feature, target_id, sha256, file_name, row_count, created_by, created_at");
constexpr char kFind[] =
    "SELECT id, feature, target_id, sha256, file_name, row_count, created_by, created_at "
    "FROM sheet_imports WHERE feature = ? AND target_id = ? AND sha256 = ?";

}  // namespace

Result<std::optional<ImportRecord>> FindImport(db::Connection& c, std::string_view feature,
                                               int64_t target_id, const std::string& sha256) {
  return db::ReadOne<ImportRecord>(c, kFind, {std::string(feature), target_id, sha256},
                                   [](db::RowCursor& row, ImportRecord& r) {
                                     row(r.id, r.feature, r.target_id, r.sha256, r.file_name,
                                         r.rows, r.created_by, r.created_at);
                                   });
}

Result<int64_t> RecordImport(db::Connection& c, const ImportRecord& r) {
  auto id = db::ReadInt(c, kInsert,
                        {r.feature, r.target_id, r.sha256, r.file_name, r.rows,
                         db::OptId(r.created_by), r.created_at});
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("file", Say(msg::kImportedOnce));
  return id;
}

constexpr char kSetRows[] = "UPDATE sheet_imports SET row_count = ? WHERE id = ?";

Status SetImportRows(db::Connection& c, int64_t id, int64_t rows) {
  return c.Exec(kSetRows, {rows, id}).status();
}

}  // namespace dh::sheets

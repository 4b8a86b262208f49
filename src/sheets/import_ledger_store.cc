// The imports ledger's statements (table sheet_imports); the rules around them are in
// import_ledger.cc.
#include "db/sql_lists.h"
#include "sheets/import_ledger.h"

namespace dh::sheets {
namespace {

constexpr char kInsert[] =
    "INSERT INTO sheet_imports (feature, target_id, sha256, file_name, row_count, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kFind[] =
    "SELECT id, feature, target_id, sha256, file_name, row_count, created_by, created_at "
    "FROM sheet_imports WHERE feature = ? AND target_id = ? AND sha256 = ?";

}  // namespace

Result<std::optional<ImportRecord>> FindImport(db::Connection& c, std::string_view feature,
                                               int64_t target_id, const std::string& sha256) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kFind, {std::string(feature), target_id, sha256}));
  if (r.empty()) return std::optional<ImportRecord>();
  return std::optional<ImportRecord>(ImportRecord{r.Int(0, 0), r.Text(0, 1), r.Int(0, 2),
                                                  r.Text(0, 3), r.Text(0, 4), r.Int(0, 5),
                                                  r.OptInt(0, 6), r.Int(0, 7)});
}

Result<int64_t> RecordImport(db::Connection& c, const ImportRecord& r) {
  auto rows = c.Query(kInsert, {r.feature, r.target_id, r.sha256, r.file_name, r.rows,
                                db::OptId(r.created_by), r.created_at});
  if (!rows.ok() && rows.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("file", "Tệp này đã được nhập.");
  if (!rows.ok()) return rows.status();
  return rows->Int(0, 0);
}

}  // namespace dh::sheets

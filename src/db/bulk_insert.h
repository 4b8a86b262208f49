// Many rows into one table, the fastest way each database takes them, inside the caller's
// transaction: PostgreSQL's COPY … FROM STDIN (text format, the rows streamed to the server
// while the caller is still producing them), SQLite's multi-row INSERT of kRowsPerInsert
// rows, prepared once. The caller names the table and its columns (a store constant) and
// binds each row's values as for an INSERT; nothing else differs between the databases:
//
//   constexpr db::BulkTarget kDisbursementsBulk{"disbursements", "project_id, amount, …"};
//   DH_ASSIGN_OR_RETURN(auto w, db::OpenBulkWriter(c, kDisbursementsBulk));
//   for (…) { row.clear(); Bind(d, row); DH_RETURN_IF_ERROR(w->Add(row)); }
//   DH_RETURN_IF_ERROR(w->Finish());
//
// Rows are in the table once Finish returns Ok. A failure (a constraint, a wrong row, the
// writer dropped unfinished) leaves the transaction to be rolled back: nothing is committed
// partly, as for any failing statement.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.h"

namespace dh::db {

// The table and its columns ("a, b, c"), in the order a row's values are bound.
struct BulkTarget {
  std::string_view table;
  std::string_view columns;
};

// Rows into one table. While a writer is open (PostgreSQL: a COPY in progress) the
// connection runs nothing else: Finish it before any other statement.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  // One row: one value per column, in the target's order (a wrong count is an error).
  virtual Status Add(const Params& row) = 0;
  // Writes what is still held and ends the write; the rows are in the table when Ok.
  virtual Status Finish() = 0;
  // Rows added so far.
  virtual size_t added() const = 0;
};

// Rows per SQLite INSERT (8 columns: 800 parameters, SQLite takes up to 32 766).
inline constexpr size_t kRowsPerInsert = 100;

Result<std::unique_ptr<BulkWriter>> OpenBulkWriter(Connection& c, const BulkTarget& target);

// All `rows` through one writer, each bound by `bind(row, params)` (appending its values).
template <typename T, typename Bind>
Status BulkInsert(Connection& c, const BulkTarget& target, const std::vector<T>& rows, Bind bind) {
  DH_ASSIGN_OR_RETURN(std::unique_ptr<BulkWriter> w, OpenBulkWriter(c, target));
  Params params;
  for (const T& row : rows) {
    params.clear();
    bind(row, params);
    DH_RETURN_IF_ERROR(w->Add(params));
  }
  return w->Finish();
}

// What a backend implements beside Connection to take rows its own way (PostgreSQL: COPY).
// `copy_sql` is "COPY <table> (<columns>) FROM STDIN"; `columns` their number.
class BulkCopying {
 public:
  virtual ~BulkCopying() = default;
  virtual Result<std::unique_ptr<BulkWriter>> CopyIn(const std::string& copy_sql,
                                                     size_t columns) = 0;
};

// One row in COPY's text format appended to `out`: values separated by tabs, ended by a
// newline; NULL as \N; backslash, tab, newline, carriage return escaped with a backslash;
// bytes as bytea's hex text (\\x…).
void AppendCopyRow(const Params& row, std::string& out);
// "COPY <table> (<columns>) FROM STDIN".
std::string CopySql(const BulkTarget& target);
// The number of columns of "a, b, c".
size_t ColumnCount(std::string_view columns);

}  // namespace dh::db

// SQLite behind db::Connection: WAL, synchronous=FULL (an acknowledged write survives a
// power cut, not only a process crash), foreign keys on, statements cached per connection.
// With no_autocheckpoint a commit never checkpoints (db::Checkpointer does, off the
// request path).
#include <sqlite3.h>

#include <unordered_map>

#include "core/common_messages.h"
#include "db/connection.h"
#include "db/row_stream.h"
#include "db/statements.h"

namespace dh::db {
namespace {

Status FromSqlite(sqlite3* db, int rc) {
  const int ext = sqlite3_extended_errcode(db);
  std::string msg = sqlite3_errmsg(db);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    return Status::UniqueViolation("", msg);
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    return Status::Conflict(Say(msg::kForeignKey), "foreign_key_violation");
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return Status::Conflict(msg, "constraint_violation");
  return Status::Internal("sqlite: " + msg);
}

// The current row of a statement being stepped, read in place.
class SqliteRowView final : public RowView {
 public:
  explicit SqliteRowView(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string_view Text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, sqlite3_column_bytes(stmt_, col)) : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public Connection, public RowStreaming {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    DH_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    DH_RETURN_IF_ERROR(Bind(stmt, params));
    std::vector<std::string> columns;
    const int ncol = sqlite3_column_count(stmt);
    for (int i = 0; i < ncol; ++i) columns.emplace_back(sqlite3_column_name(stmt, i));
    std::vector<std::vector<Value>> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> row;
      row.reserve(ncol);
      for (int i = 0; i < ncol; ++i) row.push_back(Column(stmt, i));
      rows.push_back(std::move(row));
    }
    Status s = rc == SQLITE_DONE ? Status::Ok() : FromSqlite(db_, rc);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!s.ok()) return s;
    return Rows(std::move(columns), std::move(rows));
  }

  Status QueryEach(std::string_view sql, const Params& params, const RowVisitor& visit) override {
    DH_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    DH_RETURN_IF_ERROR(Bind(stmt, params));
    const SqliteRowView view(stmt);
    Status s = Status::Ok();
    int rc;
    while (s.ok() && (rc = sqlite3_step(stmt)) == SQLITE_ROW) s = visit(view);
    if (s.ok() && rc != SQLITE_DONE) s = FromSqlite(db_, rc);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return s;
  }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    DH_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
    (void)rows;
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      return Status::Internal("sqlite: " + msg);
    }
    return Status::Ok();
  }

  // From the statement cache: every read and write opens and closes a transaction, and
  // sqlite3_exec would parse these again each time.
  Status Begin(bool write) override { return Step(write ? kBeginSqliteWrite : kBeginSqliteRead); }
  Status Commit() override { return Step(kCommit); }
  Status Rollback() override { return Step(kRollback); }

 private:
  // Runs one cached statement without parameters or rows; fails as ExecScript does.
  Status Step(std::string_view sql) {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return Status::Internal("sqlite: " + std::string(sqlite3_errmsg(db_)));
    const int rc = sqlite3_step(*stmt);
    Status s = rc == SQLITE_DONE || rc == SQLITE_ROW
                   ? Status::Ok()
                   : Status::Internal("sqlite: " + std::string(sqlite3_errmsg(db_)));
    sqlite3_reset(*stmt);
    return s;
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return FromSqlite(db_, rc);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status Bind(sqlite3_stmt* stmt, const Params& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else if (auto* b = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return FromSqlite(db_, rc);
    }
    return Status::Ok();
  }

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_TEXT:
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                           sqlite3_column_bytes(stmt, i));
      case SQLITE_BLOB: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        return Blob{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))};
      }
      default:
        return std::monostate{};
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Statement journals (the pages a statement that writes many rows touches, kept to undo that
// statement alone, e.g. a multi-row INSERT whose 80th row breaks a foreign key) held in
// memory up to 4 MiB before SQLite spills them to a temporary file — past its default 64 KiB
// it writes a page to the file for every page such a statement touches. Process-wide; set
// before SQLite's first use (a later call is refused and changes nothing).
void HoldStatementJournalsInMemory() {
  static const int kOnce = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 4 << 20);
  (void)kOnce;
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const ConnectOptions& options) {
  HoldStatementJournalsInMemory();
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::Internal("Không mở được cơ sở dữ liệu SQLite " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 15000);
  auto conn = std::make_unique<SqliteConnection>(db);
  DH_RETURN_IF_ERROR(conn->ExecScript(kSqliteSession));
  if (options.no_autocheckpoint) DH_RETURN_IF_ERROR(conn->ExecScript(kSqliteNoAutoCheckpoint));
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace dh::db

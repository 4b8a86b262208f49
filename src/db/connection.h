// One small interface over SQLite and PostgreSQL. SQL is written once with `?`
// placeholders and only bound parameters; the PostgreSQL side rewrites them to $n.
// Errors come back in one vocabulary (core/status.h) whatever the driver said.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace dh::db {

enum class Dialect { kSqlite, kPostgres };

struct Blob {
  std::string bytes;
};
// A bound parameter or a result cell: NULL, integer, real, text or bytes.
using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

// A fully read result set. Cells are addressed by row and column index.
class Rows {
 public:
  Rows() = default;
  Rows(std::vector<std::string> columns, std::vector<std::vector<Value>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const std::vector<std::string>& columns() const { return columns_; }
  bool IsNull(size_t row, size_t col) const;
  int64_t Int(size_t row, size_t col) const;  // 0 for NULL
  double Real(size_t row, size_t col) const;
  std::string Text(size_t row, size_t col) const;  // "" for NULL
  std::optional<int64_t> OptInt(size_t row, size_t col) const;
  std::optional<std::string> OptText(size_t row, size_t col) const;
  const Value& At(size_t row, size_t col) const { return rows_[row][col]; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement and returns its rows (empty for statements without any).
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
  // Opens a transaction. `write` makes SQLite take the write lock at once (BEGIN
  // IMMEDIATE) so two writers queue instead of failing on upgrade.
  virtual Status Begin(bool write) = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // True when the connection failed in a way that it should not be reused.
  virtual bool Broken() const { return false; }
};

// How a connection is opened. The defaults are the fast path; all false is the old one.
struct ConnectOptions {
  // SQLite: no checkpoint inside a commit (wal_autocheckpoint=0); something else must
  // checkpoint (db::Database runs a background checkpointer).
  bool no_autocheckpoint = true;
  // PostgreSQL: each statement is prepared once per connection and parameter types, then
  // executed by name (PQprepare / PQexecPrepared), as SQLite's statement cache does.
  bool prepare = true;
};

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const ConnectOptions& options = {});
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& conninfo,
                                                 const ConnectOptions& options = {});

// "?" → "$1", "$2", … outside quoted strings.
std::string ToPostgresPlaceholders(std::string_view sql);

}  // namespace dh::db

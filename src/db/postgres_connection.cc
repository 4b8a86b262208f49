// PostgreSQL behind db::Connection, through libpq. Parameters go out as text with their
// type (int8, float8, text, bytea) so the server never has to guess. With `prepare`, each
// statement is prepared once per connection for each list of parameter types (a NULL has
// none, so the same SQL with a NULL is another statement) and then executed by name:
// parsed and planned once, one round trip per use, as SQLite's statement cache does.
#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

#include "core/common_messages.h"
#include "db/bulk_insert.h"
#include "db/connection.h"
#include "db/row_stream.h"
#include "db/statements.h"

namespace dh::db {
namespace {

// Statements prepared per connection at most; SQL beyond them (text built with a varying
// number of placeholders) runs unprepared.
constexpr size_t kMaxPrepared = 1000;

constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23,
              kTextOid = 25, kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

std::string ErrorField(const PGresult* res, int field) {
  const char* v = PQresultErrorField(res, field);
  return v ? v : "";
}

Status FromResult(PGconn* conn, const PGresult* res) {
  const std::string state = res ? ErrorField(res, PG_DIAG_SQLSTATE) : "";
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (state == "23505")
    return Status::UniqueViolation(ErrorField(res, PG_DIAG_CONSTRAINT_NAME), msg);
  if (state == "23503") return Status::Conflict(Say(msg::kForeignKey), "foreign_key_violation");
  if (state.rfind("23", 0) == 0) return Status::Conflict(msg, "constraint_violation");
  return Status::Internal("postgres: " + msg);
}

std::string Unescape(const char* text) {
  size_t len = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &len);
  std::string out(reinterpret_cast<char*>(raw), len);
  PQfreemem(raw);
  return out;
}

// Parameters as libpq takes them.
struct Bound {
  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<Oid> types;
  std::vector<int> lengths, formats;
};

Bound BindAll(const Params& params) {
  const size_t n = params.size();
  Bound b{std::vector<std::string>(n), std::vector<const char*>(n, nullptr), std::vector<Oid>(n, 0),
          std::vector<int>(n, 0), std::vector<int>(n, 0)};
  for (size_t i = 0; i < n; ++i) {
    const Value& v = params[i];
    if (auto* x = std::get_if<int64_t>(&v)) {
      b.storage[i] = std::to_string(*x);
      b.types[i] = kInt8Oid;
    } else if (auto* d = std::get_if<double>(&v)) {
      // Shortest text that reads back as the same double (std::to_string keeps 6 decimals).
      char buf[32];
      b.storage[i].assign(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
      b.types[i] = kFloat8Oid;
    } else if (auto* s = std::get_if<std::string>(&v)) {
      b.storage[i] = *s;
      b.types[i] = kTextOid;
    } else if (auto* bl = std::get_if<Blob>(&v)) {
      b.storage[i] = bl->bytes;
      b.types[i] = kByteaOid;
      b.formats[i] = 1;
      b.lengths[i] = static_cast<int>(bl->bytes.size());
    } else {
      continue;  // NULL
    }
    b.values[i] = b.storage[i].c_str();
  }
  return b;
}

// The cache key: the SQL and its parameters' types.
std::string StatementKey(std::string_view sql, const std::vector<Oid>& types) {
  std::string key(sql);
  key.push_back('\0');
  for (Oid t : types) key += std::to_string(t) + ",";
  return key;
}

// One row of a result libpq has read, in place: text as the server sent it.
class PgRowView final : public RowView {
 public:
  explicit PgRowView(const PGresult* res) : res_(res) {}
  void At(int row) { row_ = row; }
  bool IsNull(int col) const override { return PQgetisnull(res_, row_, col); }
  int64_t Int(int col) const override {
    const char* v = PQgetvalue(res_, row_, col);
    if (PQftype(res_, col) == kBoolOid) return v[0] == 't';
    int64_t n = 0;
    std::from_chars(v, v + PQgetlength(res_, row_, col), n);
    return n;
  }
  std::string_view Text(int col) const override {
    return std::string_view(PQgetvalue(res_, row_, col), PQgetlength(res_, row_, col));
  }

 private:
  const PGresult* res_;
  int row_ = 0;
};

// Bytes of COPY text gathered before they go to the server (PQputCopyData): the server
// inserts one batch while the next is being formatted.
constexpr size_t kCopyBatchBytes = 256 * 1024;

// One COPY … FROM STDIN in progress. An error on the server (a constraint) shows at Finish;
// dropped unfinished, the COPY is abandoned, which fails the statement (and so the caller's
// transaction): a partial COPY is never kept.
class PgCopyWriter final : public BulkWriter {
 public:
  PgCopyWriter(PGconn* conn, size_t columns) : conn_(conn), columns_(columns) {
    buf_.reserve(kCopyBatchBytes + 4096);
  }
  ~PgCopyWriter() override {
    if (!done_) (void)End("abandoned by the client");
  }
  Status Add(const Params& row) override {
    if (!status_.ok()) return status_;
    if (row.size() != columns_)
      return status_ = Status::Internal("bulk insert: a row of " + std::to_string(row.size()) +
                                        " values for " + std::to_string(columns_) + " columns");
    AppendCopyRow(row, buf_);
    ++added_;
    return buf_.size() >= kCopyBatchBytes ? Send() : Status::Ok();
  }
  Status Finish() override {
    if (done_) return status_;
    if (status_.ok() && !buf_.empty()) (void)Send();
    done_ = true;
    if (!status_.ok()) {
      (void)End("abandoned by the client");
      return status_;
    }
    return status_ = End(nullptr);
  }
  size_t added() const override { return added_; }

 private:
  Status Send() {
    if (PQputCopyData(conn_, buf_.data(), static_cast<int>(buf_.size())) != 1)
      status_ = FromResult(conn_, nullptr);
    buf_.clear();
    return status_;
  }
  // Ends the COPY (`error`: abandons it) and reads its outcome, the server's error if any.
  Status End(const char* error) {
    done_ = true;
    Status s = PQputCopyEnd(conn_, error) == 1 ? Status::Ok() : FromResult(conn_, nullptr);
    while (PGresult* res = PQgetResult(conn_)) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK && s.ok()) s = FromResult(conn_, res);
      PQclear(res);
    }
    return s;
  }

  PGconn* conn_;
  const size_t columns_;
  std::string buf_;
  Status status_ = Status::Ok();
  size_t added_ = 0;
  bool done_ = false;
};

class PostgresConnection final : public Connection, public RowStreaming, public BulkCopying {
 public:
  PostgresConnection(PGconn* conn, bool prepare) : conn_(conn), prepare_(prepare) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool Broken() const override { return PQstatus(conn_) != CONNECTION_OK; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    DH_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    Rows rows = Read(res);
    PQclear(res);
    return rows;
  }

  Status QueryEach(std::string_view sql, const Params& params, const RowVisitor& visit) override {
    DH_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    PgRowView view(res);
    Status s = Status::Ok();
    for (int r = 0, n = PQntuples(res); r < n && s.ok(); ++r) {
      view.At(r);
      s = visit(view);
    }
    PQclear(res);
    return s;
  }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    DH_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    const char* n = PQcmdTuples(res);
    const int64_t changed = (n && *n) ? std::atoll(n) : 0;
    PQclear(res);
    return changed;
  }

  Status ExecScript(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    const auto st = PQresultStatus(res);
    Status s =
        (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok() : FromResult(conn_, res);
    PQclear(res);
    return s;
  }

  Result<std::unique_ptr<BulkWriter>> CopyIn(const std::string& copy_sql, size_t columns) override {
    PGresult* res = PQexec(conn_, copy_sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Status s = FromResult(conn_, res);
      PQclear(res);
      return s;
    }
    PQclear(res);
    return std::unique_ptr<BulkWriter>(std::make_unique<PgCopyWriter>(conn_, columns));
  }

  // A read sees one snapshot, as SQLite's deferred transaction does: under the default READ
  // COMMITTED each statement would see the commits made since the one before.
  Status Begin(bool write) override { return ExecScript(write ? kBeginPgWrite : kBeginPgRead); }
  Status Commit() override { return ExecScript(kCommit); }
  Status Rollback() override { return ExecScript(kRollback); }

 private:
  Result<PGresult*> Run(std::string_view sql, const Params& params) {
    const Bound b = BindAll(params);
    const int n = static_cast<int>(params.size());
    std::string key;
    const std::string* name = nullptr;
    if (prepare_) {
      key = StatementKey(sql, b.types);
      DH_ASSIGN_OR_RETURN(name, Prepared(key, sql, b.types));
    }
    PGresult* res =
        name ? PQexecPrepared(conn_, name->c_str(), n, b.values.data(), b.lengths.data(),
                              b.formats.data(), 0)
             : PQexecParams(conn_, ToPostgresPlaceholders(sql).c_str(), n, b.types.data(),
                            b.values.data(), b.lengths.data(), b.formats.data(), 0);
    const auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      // A table changed under a prepared statement ("cached plan must not change result
      // type") or the statement is gone: prepare it anew next time.
      const std::string state = res ? ErrorField(res, PG_DIAG_SQLSTATE) : "";
      if (name && (state == "0A000" || state == "26000")) prepared_.erase(key);
      Status s = FromResult(conn_, res);
      PQclear(res);
      return s;
    }
    return res;
  }

  // The name of the statement prepared for `key`, preparing it now if it is new; null
  // when the cache is full.
  Result<const std::string*> Prepared(const std::string& key, std::string_view sql,
                                      const std::vector<Oid>& types) {
    if (auto it = prepared_.find(key); it != prepared_.end()) return &it->second;
    if (prepared_.size() >= kMaxPrepared) return nullptr;
    std::string name = "dh" + std::to_string(++statements_);
    PGresult* res = PQprepare(conn_, name.c_str(), ToPostgresPlaceholders(sql).c_str(),
                              static_cast<int>(types.size()), types.data());
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      Status s = FromResult(conn_, res);
      PQclear(res);
      return s;
    }
    PQclear(res);
    return &prepared_.emplace(key, std::move(name)).first->second;
  }

  static Rows Read(PGresult* res) {
    const int ncol = PQnfields(res), nrow = PQntuples(res);
    std::vector<std::string> columns;
    for (int c = 0; c < ncol; ++c) columns.emplace_back(PQfname(res, c));
    std::vector<std::vector<Value>> rows(nrow);
    for (int r = 0; r < nrow; ++r) {
      rows[r].reserve(ncol);
      for (int c = 0; c < ncol; ++c) rows[r].push_back(Cell(res, r, c));
    }
    return Rows(std::move(columns), std::move(rows));
  }

  static Value Cell(PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c)) return std::monostate{};
    const char* v = PQgetvalue(res, r, c);
    switch (PQftype(res, c)) {
      case kInt8Oid:
      case kInt4Oid:
      case kInt2Oid:
        return static_cast<int64_t>(std::atoll(v));
      case kBoolOid:
        return static_cast<int64_t>(v[0] == 't');
      case kFloat4Oid:
      case kFloat8Oid:
      case kNumericOid:
        return std::atof(v);
      case kByteaOid:
        return Blob{Unescape(v)};
      default:
        return std::string(v, PQgetlength(res, r, c));
    }
  }

  PGconn* conn_;
  const bool prepare_;
  std::unordered_map<std::string, std::string> prepared_;  // key → statement name
  int64_t statements_ = 0;                                 // names given so far
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& conninfo,
                                                 const ConnectOptions& options) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Status::Internal("Không kết nối được PostgreSQL: " + msg);
  }
  PQsetClientEncoding(conn, "UTF8");
  auto c = std::make_unique<PostgresConnection>(conn, options.prepare);
  DH_RETURN_IF_ERROR(c->ExecScript(kPgSession));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace dh::db

// PostgreSQL behind db::Connection, through libpq. Parameters go out as text with their
// type (int8, float8, text, bytea) so the server never has to guess.
#include <libpq-fe.h>

#include <charconv>
#include <cstring>

#include "db/connection.h"

namespace dh::db {
namespace {

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
  if (state == "23503")
    return Status::Conflict("Dữ liệu đang được tham chiếu hoặc tham chiếu tới mục không tồn tại.",
                            "foreign_key_violation");
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

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool Broken() const override { return PQstatus(conn_) != CONNECTION_OK; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    DH_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    Rows rows = Read(res);
    PQclear(res);
    return rows;
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

  // A read sees one snapshot, as SQLite's deferred transaction does: under the default READ
  // COMMITTED each statement would see the commits made since the one before.
  Status Begin(bool write) override {
    return ExecScript(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  }
  Status Commit() override { return ExecScript("COMMIT"); }
  Status Rollback() override { return ExecScript("ROLLBACK"); }

 private:
  Result<PGresult*> Run(std::string_view sql, const Params& params) {
    const std::string text = ToPostgresPlaceholders(sql);
    const size_t n = params.size();
    std::vector<std::string> storage(n);
    std::vector<const char*> values(n, nullptr);
    std::vector<Oid> types(n, 0);
    std::vector<int> lengths(n, 0), formats(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const Value& v = params[i];
      if (auto* x = std::get_if<int64_t>(&v)) {
        storage[i] = std::to_string(*x);
        types[i] = kInt8Oid;
      } else if (auto* d = std::get_if<double>(&v)) {
        // Shortest text that reads back as the same double (std::to_string keeps 6 decimals).
        char buf[32];
        storage[i].assign(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
        types[i] = kFloat8Oid;
      } else if (auto* s = std::get_if<std::string>(&v)) {
        storage[i] = *s;
        types[i] = kTextOid;
      } else if (auto* b = std::get_if<Blob>(&v)) {
        storage[i] = b->bytes;
        types[i] = kByteaOid;
        formats[i] = 1;
        lengths[i] = static_cast<int>(b->bytes.size());
      } else {
        continue;  // NULL
      }
      values[i] = storage[i].c_str();
    }
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(n), types.data(),
                                 values.data(), lengths.data(), formats.data(), 0);
    const auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status s = FromResult(conn_, res);
      PQclear(res);
      return s;
    }
    return res;
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
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Status::Internal("Không kết nối được PostgreSQL: " + msg);
  }
  PQsetClientEncoding(conn, "UTF8");
  auto c = std::make_unique<PostgresConnection>(conn);
  DH_RETURN_IF_ERROR(c->ExecScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace dh::db

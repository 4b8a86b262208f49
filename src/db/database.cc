#include "db/database.h"

#include <atomic>

#include "db/write_generation.h"

namespace dh::db {
namespace {

std::atomic<uint64_t> write_generation{0};

}  // namespace

uint64_t WriteGeneration() { return write_generation.load(std::memory_order_acquire); }

PooledConnection::~PooledConnection() {
  if (owner_ && conn_) owner_->Return(std::move(conn_));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  std::unique_ptr<Database> db;
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty())
      return Status::InvalidInput("db",
                                  "Thiếu đường dẫn tệp SQLite, ví dụ sqlite:data/dieuhanh.db");
    db.reset(new Database(url, Dialect::kSqlite, path, pool_size));
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db.reset(new Database(url, Dialect::kPostgres, url, pool_size));
  } else {
    return Status::InvalidInput(
        "db", "Địa chỉ cơ sở dữ liệu phải bắt đầu bằng sqlite: hoặc postgresql://");
  }
  // Open one connection now so a wrong URL fails at start, not at the first request.
  DH_ASSIGN_OR_RETURN(auto first, db->Connect());
  {
    std::lock_guard lock(db->mu_);
    db->idle_.push_back(std::move(first));
    db->open_ = 1;
  }
  return db;
}

Database::~Database() { Close(); }

Result<std::unique_ptr<Connection>> Database::Connect() {
  return dialect_ == Dialect::kSqlite ? OpenSqlite(target_) : OpenPostgres(target_);
}

Result<PooledConnection> Database::Acquire() {
  std::unique_lock lock(mu_);
  bool waited = false;
  while (idle_.empty() && open_ >= max_ && !closed_) {
    waited = true;
    cv_.wait(lock);
  }
  if (closed_) return Status::Internal("Cơ sở dữ liệu đã đóng.");
  if (waited) ++waits_;
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
    return PooledConnection(this, std::move(conn));
  }
  ++open_;
  ++in_use_;
  lock.unlock();
  auto conn = Connect();
  if (!conn.ok()) {
    std::lock_guard relock(mu_);
    --open_;
    --in_use_;
    cv_.notify_one();
    return conn.status();
  }
  return PooledConnection(this, std::move(conn).value());
}

void Database::Return(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  --in_use_;
  if (closed_ || conn->Broken()) {
    --open_;
  } else {
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

PoolStats Database::Stats() const {
  std::lock_guard lock(mu_);
  return {open_, in_use_, waits_};
}

void Database::Close() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mu_);
    closed_ = true;
    closing.swap(idle_);
    open_ -= static_cast<int>(closing.size());
  }
  cv_.notify_all();
}

Status InTransaction(Database& db, const std::function<Status(Connection&)>& body) {
  DH_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  DH_RETURN_IF_ERROR(conn->Begin(true));
  if (conn->dialect() == Dialect::kPostgres) {
    // Writers queue here, as SQLite's BEGIN IMMEDIATE makes them: every write ends by
    // appending to the one audit chain anyway, and taking that turn first means two
    // writers never hold row locks the other wants (no deadlocks).
    Status s = conn->Query("SELECT pg_advisory_xact_lock(7162535)").status();
    if (!s.ok()) {
      conn->Rollback();
      return s;
    }
  }
  Status s = body(*conn);
  if (!s.ok()) {
    conn->Rollback();
    return s;
  }
  s = conn->Commit();
  // Counted even when the commit failed: whether it reached the database is unknown.
  write_generation.fetch_add(1, std::memory_order_acq_rel);
  if (!s.ok()) conn->Rollback();
  return s;
}

Status Read(Database& db, const std::function<Status(Connection&)>& body) {
  DH_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  DH_RETURN_IF_ERROR(conn->Begin(false));
  Status s = body(*conn);
  conn->Rollback();
  return s;
}

}  // namespace dh::db

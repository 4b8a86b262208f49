#include "db/database.h"

#include <atomic>

#include "db/checkpointer.h"
#include "db/statements.h"
#include "db/write_generation.h"
#include "db/write_queue.h"

namespace dh::db {
namespace {

std::atomic<uint64_t> write_generation{0};

// How often the background checkpointer copies the WAL into the database file.
constexpr std::chrono::milliseconds kCheckpointPeriod{250};

// The old path: each write its own transaction, on the caller's thread.
Status InOwnTransaction(Database& db, const std::function<Status(Connection&)>& body) {
  DH_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  DH_RETURN_IF_ERROR(conn->Begin(true));
  if (conn->dialect() == Dialect::kPostgres) {
    // Writers queue here, as SQLite's BEGIN IMMEDIATE makes them: every write ends by
    // appending to the one audit chain anyway, and taking that turn first means two
    // writers never hold row locks the other wants (no deadlocks).
    Status s = conn->Query(kWriteTurnPg).status();
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
  NoteWriteCommitted();
  if (!s.ok()) conn->Rollback();
  return s;
}

}  // namespace

uint64_t WriteGeneration() { return write_generation.load(std::memory_order_acquire); }

void NoteWriteCommitted() { write_generation.fetch_add(1, std::memory_order_acq_rel); }

Database::Database(std::string url, Dialect dialect, std::string target, int pool_size,
                   DatabaseOptions options)
    : url_(std::move(url)),
      dialect_(dialect),
      target_(std::move(target)),
      max_(pool_size),
      options_(options) {}

PooledConnection::~PooledConnection() {
  if (owner_ && conn_) owner_->Return(std::move(conn_));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size,
                                                 DatabaseOptions options) {
  std::unique_ptr<Database> db;
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty())
      return Status::InvalidInput("db",
                                  "Thiếu đường dẫn tệp SQLite, ví dụ sqlite:data/dieuhanh.db");
    db.reset(new Database(url, Dialect::kSqlite, path, pool_size, options));
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db.reset(new Database(url, Dialect::kPostgres, url, pool_size, options));
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
  if (db->dialect_ == Dialect::kSqlite && options.background_checkpoint) {
    DH_ASSIGN_OR_RETURN(auto own, db->Connect());
    db->checkpointer_ = std::make_unique<Checkpointer>(std::move(own), kCheckpointPeriod);
  }
  if (options.write_queue)
    db->queue_ = std::make_unique<WriteQueue>(*db, db->checkpointer_.get(),
                                              [d = db.get()] { return d->Connect(); });
  return db;
}

// The writer first (it answers what is queued), then the checkpointer (a last checkpoint).
Database::~Database() {
  queue_.reset();
  checkpointer_.reset();
  Close();
}

Result<std::unique_ptr<Connection>> Database::Connect() {
  ConnectOptions o;
  o.no_autocheckpoint = options_.background_checkpoint;
  o.prepare = options_.prepared_statements;
  return dialect_ == Dialect::kSqlite ? OpenSqlite(target_, o) : OpenPostgres(target_, o);
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
  if (WriteQueue* queue = db.write_queue()) return queue->Run(body);
  return InOwnTransaction(db, body);
}

Status Read(Database& db, const std::function<Status(Connection&)>& body) {
  DH_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  DH_RETURN_IF_ERROR(conn->Begin(false));
  Status s = body(*conn);
  conn->Rollback();
  return s;
}

}  // namespace dh::db

#include "db/write_queue.h"

#include <algorithm>
#include <atomic>

#include "core/message.h"
#include "db/checkpointer.h"
#include "db/statements.h"
#include "db/wake.h"
#include "db/wal_sync.h"

namespace dh::db {
namespace {

// The savepoint each body of a batch runs in. On PostgreSQL releasing one and opening the
// next go to the database together, so a body costs one round trip more than it would
// alone; SQLite runs each from its statement cache rather than parse them again per body.
constexpr const char* kFirstSavepoint = "SAVEPOINT dh_write";
constexpr const char* kNextSavepoint = "RELEASE SAVEPOINT dh_write; SAVEPOINT dh_write";
constexpr const char* kReleaseSavepoint = "RELEASE SAVEPOINT dh_write";
constexpr const char* kUndoBody = "ROLLBACK TO SAVEPOINT dh_write";

Status OpenSavepoint(Connection& c, bool first) {
  if (c.dialect() == Dialect::kPostgres)
    return c.ExecScript(first ? kFirstSavepoint : kNextSavepoint);
  if (!first) DH_RETURN_IF_ERROR(c.Exec(kReleaseSavepoint).status());
  return c.Exec(kFirstSavepoint).status();
}

Status UndoBody(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) return c.ExecScript(kUndoBody);
  return c.Exec(kUndoBody).status();
}

std::atomic<bool> sync_behind{true};
std::atomic<bool> sync_self_when_idle{true};

}  // namespace

void SetSyncBehind(bool on) { sync_behind.store(on); }
void SetSyncSelfWhenIdle(bool on) { sync_self_when_idle.store(on); }

WriteQueue::WriteQueue(Database& db, Checkpointer* checkpointer, Connector connect)
    : db_(db),
      checkpointer_(checkpointer),
      connect_(std::move(connect)),
      sync_self_(sync_self_when_idle.load()) {
  // A database in memory has no file to sync (and no WAL).
  const std::string path = db.url().substr(std::string_view("sqlite:").size());
  in_memory_ = db.dialect() == Dialect::kSqlite && path == ":memory:";
  if (db.dialect() == Dialect::kSqlite && sync_behind.load() && !in_memory_) {
    wal_ = std::make_unique<WalSync>(path);
    syncer_ = std::thread([this] { SyncLoop(); });
  }
  thread_ = std::thread([this] { Loop(); });
}

// The writer first (it commits what is queued), then the syncer (it answers it).
WriteQueue::~WriteQueue() {
  SetAndWake(mu_, stopping_, work_);
  thread_.join();
  SetAndWake(mu_, writer_done_, committed_);
  if (syncer_.joinable()) syncer_.join();
}

Status WriteQueue::Run(const Body& body) {
  // The writer would wait for itself.
  if (std::this_thread::get_id() == thread_.get_id())
    return Status::Internal("db::InTransaction called inside another write's body");
  // The body runs on the writer's thread, in the caller's language (core/message.h): the
  // messages it says are the caller's reader's.
  const Body in_lang = [&body, lang = CurrentLang()](Connection& c) {
    const ScopedLang scoped(lang);
    return body(c);
  };
  Request r;
  r.body = &in_lang;
  r.queued_at = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  if (stopping_) return Status::Internal("Cơ sở dữ liệu đã đóng.");
  pending_.push_back(&r);
  work_.notify_one();
  done_.wait(lock, [&] { return r.done; });
  lock.unlock();
  if (r.thrown) std::rethrow_exception(r.thrown);
  return r.result;
}

WriteQueueStats WriteQueue::Stats() const {
  std::lock_guard lock(mu_);
  WriteQueueStats s = stats_;
  s.queued = static_cast<int64_t>(pending_.size());
  return s;
}

void WriteQueue::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    work_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
    if (pending_.empty()) return;  // stopping, and everything queued has been run
    Batch batch = TakeBatch();
    lock.unlock();
    int64_t run_us = 0, commit_us = 0;
    const bool committed = RunBatch(batch, run_us, commit_us);
    lock.lock();
    stats_.run.Add(run_us);
    if (committed) stats_.commit.Add(commit_us);
    ++stats_.batches;
    stats_.requests += static_cast<int64_t>(batch.size());
    stats_.largest = std::max<int64_t>(stats_.largest, static_cast<int64_t>(batch.size()));
    Finish(std::move(batch), committed, lock);
    RestartWalIfDue(lock);
  }
}

WriteQueue::Batch WriteQueue::TakeBatch() {
  const auto now = std::chrono::steady_clock::now();
  Batch batch;
  while (!pending_.empty() && batch.size() < kMaxBatch) {
    Request* r = pending_.front();
    pending_.pop_front();
    stats_.wait.Add(Micros(now - r->queued_at));
    batch.push_back(r);
  }
  return batch;
}

void WriteQueue::Answer(const Batch& batch) {
  const auto now = std::chrono::steady_clock::now();
  for (Request* r : batch) {
    stats_.answer.Add(Micros(now - r->queued_at));
    r->done = true;
  }
}

// The batch just run is with the syncer (or answered); the next one waits for this.
void WriteQueue::RestartWalIfDue(std::unique_lock<std::mutex>& lock) {
  if (!checkpointer_ || !checkpointer_->TakeRestartDue()) return;
  lock.unlock();
  const auto start = std::chrono::steady_clock::now();
  auto conn = db_.Acquire();
  const bool restarted = conn.ok() && Checkpointer::RestartWal(**conn);
  const int64_t us = MicrosSince(start);
  lock.lock();
  stats_.restart.Add(us);
  if (restarted) ++stats_.restarts;
}

// Called with mu_ held. A batch that never reached COMMIT wrote nothing: answered now.
// With nobody waiting for the writer, it syncs its batch itself: handing it to the syncer
// would cost a thread switch more and cut the next batch short (the writer would start it
// with whoever arrived first instead of whoever arrived during the sync).
void WriteQueue::Finish(Batch batch, bool committed, std::unique_lock<std::mutex>& lock) {
  if (committed) ++stats_.commits;
  if (committed && wal_ && sync_self_ && pending_.empty() && unsynced_.empty()) {
    std::vector<Batch> own;
    own.push_back(std::move(batch));
    SyncAndAnswer(std::move(own), lock);
    return;
  }
  if (committed && wal_) {
    unsynced_.push_back(std::move(batch));
    committed_.notify_one();
    return;
  }
  if (committed) ++stats_.durable;
  Answer(batch);
  done_.notify_all();
}

// Every caller whose body succeeded learns what became of the transaction as a whole.
bool WriteQueue::RunBatch(const Batch& batch, int64_t& run_us, int64_t& commit_us) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<PooledConnection> borrowed;
  auto conn = Writer(borrowed);
  if (!conn.ok()) {
    FailSucceeded(batch, conn.status());
    return false;
  }
  Connection& c = **conn;
  Status s = OpenTransaction(c);
  if (s.ok()) s = RunBodies(c, batch);
  const bool any = std::any_of(batch.begin(), batch.end(),
                               [](const Request* r) { return r->result.ok() && !r->thrown; });
  bool committed = false;
  run_us = MicrosSince(start);
  if (s.ok() && any) {
    const auto commit_start = std::chrono::steady_clock::now();
    s = c.Commit();
    commit_us = MicrosSince(commit_start);
    // Counted even when the commit failed: whether it reached the database is unknown.
    NoteWriteCommitted();
    committed = s.ok();
  }
  if (!committed) c.Rollback();
  if (!s.ok()) FailSucceeded(batch, s);
  return committed;
}

Result<Connection*> WriteQueue::Writer(std::optional<PooledConnection>& borrowed) {
  if (in_memory_) {  // every connection would be a database of its own
    DH_ASSIGN_OR_RETURN(auto pooled, db_.Acquire());
    borrowed.emplace(std::move(pooled));
    return &**borrowed;
  }
  if (conn_ && conn_->Broken()) conn_.reset();
  if (conn_) return conn_.get();
  DH_ASSIGN_OR_RETURN(auto fresh, connect_());
  if (wal_) DH_RETURN_IF_ERROR(fresh->ExecScript(kSqliteSyncBehind));
  conn_ = std::move(fresh);
  return conn_.get();
}

void WriteQueue::FailSucceeded(const Batch& batch, const Status& s) {
  for (Request* r : batch)
    if (r->result.ok() && !r->thrown) r->result = s;
}

// Takes every batch committed so far, syncs once, answers them all. A sync that fails
// answers each succeeded body with its error: the write is in the database but was not
// known to be on disk.
void WriteQueue::SyncLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    committed_.wait(lock, [&] { return writer_done_ || !unsynced_.empty(); });
    if (unsynced_.empty()) return;  // the writer stopped and everything is answered
    std::vector<Batch> batches;
    batches.swap(unsynced_);
    SyncAndAnswer(std::move(batches), lock);
  }
}

void WriteQueue::SyncAndAnswer(std::vector<Batch> batches, std::unique_lock<std::mutex>& lock) {
  lock.unlock();
  const auto start = std::chrono::steady_clock::now();
  const Status s = wal_->Sync();
  const int64_t us = MicrosSince(start);
  lock.lock();
  ++stats_.syncs;
  stats_.sync.Add(us);
  for (const Batch& batch : batches) {
    if (!s.ok()) FailSucceeded(batch, s);
    ++stats_.durable;
    Answer(batch);
  }
  done_.notify_all();
}

Status WriteQueue::OpenTransaction(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) return c.ExecScript(kBeginWithTurnPg);
  return c.Begin(true);
}

// Runs the bodies in order. A body that fails is undone to its savepoint; an error of the
// savepoints themselves loses the whole transaction and is returned.
Status WriteQueue::RunBodies(Connection& c, const Batch& batch) {
  if (batch.size() == 1) {  // alone: its failure rolls back the transaction
    RunOne(c, *batch.front());
    return Status::Ok();
  }
  bool first = true;
  for (Request* r : batch) {
    DH_RETURN_IF_ERROR(OpenSavepoint(c, first));
    first = false;
    if (!RunOne(c, *r).ok()) DH_RETURN_IF_ERROR(UndoBody(c));
  }
  return Status::Ok();
}

Status WriteQueue::RunOne(Connection& c, Request& r) {
  try {
    r.result = (*r.body)(c);
  } catch (...) {
    r.thrown = std::current_exception();
    r.result = Status::Internal("a write's body threw");
  }
  return r.result;
}

}  // namespace dh::db

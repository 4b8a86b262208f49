// The write queue (issue 13): one writer thread per database runs the bodies of
// db::InTransaction in arrival order. It takes every body waiting when it starts a batch,
// runs them one after another inside one transaction, each in its own SAVEPOINT (a body
// that fails rolls back to its savepoint and answers its own error; the others go on),
// commits once and only then answers every caller. One fsync, one advisory-lock turn and
// one BEGIN/COMMIT per batch instead of per write; no writer sleeps in SQLite's busy
// handler waiting for another thread of this process. The writer keeps a connection of its
// own, outside the pool: its statements stay prepared and its page cache stays valid (no
// other connection writes), where a pooled one would come back from a reader each batch.
//
// SQLite (unless SetSyncBehind(false)): the COMMIT does not wait for the disk; a
// second thread fdatasync()s the WAL file and answers every batch committed before that
// sync began, while the writer already runs the next batch (db/wal_sync.h); when no request
// waits, the writer syncs its batch itself. A caller is still answered only once its commit
// is durable.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "db/database.h"
#include "db/latency_histogram.h"

namespace dh::db {

struct WriteQueueStats {
  int64_t batches = 0;   // transactions committed or attempted
  int64_t requests = 0;  // bodies run
  int64_t largest = 0;   // most bodies in one batch
  int64_t queued = 0;    // waiting for the next batch right now
  int64_t commits = 0;   // batches committed
  int64_t durable = 0;   // of those, answered because their commit is known durable
  int64_t syncs = 0;     // WAL syncs run behind the commits (SQLite)
  int64_t restarts = 0;  // WAL rewound between batches (SQLite, db/checkpointer.h)
  // Where the time goes (µs): per request, from Run to the start of its batch (`wait`) and
  // to its answer (`answer`); per batch, BEGIN and the bodies (`run`) and the COMMIT
  // (`commit`); per WAL sync (`sync`, SQLite) and per rewind of the WAL (`restart`).
  LatencyHistogram wait, answer, run, commit, sync, restart;
};

class WalSync;
class Checkpointer;

class WriteQueue {
 public:
  using Body = std::function<Status(Connection&)>;
  // Most bodies in one transaction: a long batch delays its first caller's answer.
  static constexpr size_t kMaxBatch = 64;

  // Opens a connection of the writer's own, outside the pool.
  using Connector = std::function<Result<std::unique_ptr<Connection>>()>;

  // `checkpointer`: SQLite's background checkpointer, whose restarts of the WAL the writer
  // runs between batches (null: none).
  WriteQueue(Database& db, Checkpointer* checkpointer, Connector connect);
  // Runs what is queued, then stops the thread.
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Queues `body` and waits until its transaction has committed (or failed).
  Status Run(const Body& body);
  WriteQueueStats Stats() const;

 private:
  struct Request {
    const Body* body = nullptr;
    Status result;
    std::exception_ptr thrown;  // rethrown on the caller's thread
    bool done = false;
    std::chrono::steady_clock::time_point queued_at;
  };

  using Batch = std::vector<Request*>;

  void Loop();
  // Returns whether the batch reached COMMIT (its callers wait for it to be durable);
  // `run_us` and `commit_us` are what BEGIN with the bodies and COMMIT took.
  bool RunBatch(const Batch& batch, int64_t& run_us, int64_t& commit_us);
  // Takes up to kMaxBatch requests off the queue (caller holds mu_).
  Batch TakeBatch();
  // Marks the batch answered (caller holds mu_; notifies no one).
  void Answer(const Batch& batch);
  // The writer's own connection, opened again when it broke (writer thread only); in
  // memory, one borrowed from the pool into `borrowed`.
  Result<Connection*> Writer(std::optional<PooledConnection>& borrowed);
  Status OpenTransaction(Connection& c);
  Status RunBodies(Connection& c, const Batch& batch);
  static Status RunOne(Connection& c, Request& r);
  // After RunBatch: answers now, or hands the batch to the syncer.
  void Finish(Batch batch, bool committed, std::unique_lock<std::mutex>& lock);
  // Between batches: rewinds the WAL when the checkpointer asks for it.
  void RestartWalIfDue(std::unique_lock<std::mutex>& lock);
  void SyncLoop();
  void SyncAndAnswer(std::vector<Batch> batches, std::unique_lock<std::mutex>& lock);
  static void FailSucceeded(const Batch& batch, const Status& s);

  Database& db_;
  Checkpointer* const checkpointer_;
  const Connector connect_;
  const bool sync_self_;              // SetSyncSelfWhenIdle when this queue was made
  bool in_memory_ = false;            // SQLite ":memory:"
  std::unique_ptr<WalSync> wal_;      // null: each COMMIT syncs itself
  std::unique_ptr<Connection> conn_;  // the writer thread's (Writer())
  mutable std::mutex mu_;
  std::condition_variable work_;       // the writer waits for requests
  std::condition_variable done_;       // callers wait for their answer
  std::condition_variable committed_;  // the syncer waits for committed batches
  std::deque<Request*> pending_;       // GUARDED_BY(mu_)
  std::vector<Batch> unsynced_;        // GUARDED_BY(mu_): committed, not yet known durable
  bool stopping_ = false;              // GUARDED_BY(mu_)
  bool writer_done_ = false;           // GUARDED_BY(mu_)
  WriteQueueStats stats_;              // GUARDED_BY(mu_)
  std::thread thread_;
  std::thread syncer_;
};

// SQLite: whether write queues created from now on sync the WAL behind their commits (the
// default) or let each COMMIT sync itself (synchronous=FULL), as the queue did before; the
// bench compares both (serve --sync-behind off).
void SetSyncBehind(bool on);
// SQLite syncing behind: whether the writer syncs a batch itself when no request waits for
// it (the default; the syncer takes over while requests keep coming) or always hands it to
// the syncer, as the queue did before (serve --sync-self-when-idle off, for the bench).
void SetSyncSelfWhenIdle(bool on);

// Counts one committed (or possibly committed) write transaction: db::WriteGeneration.
void NoteWriteCommitted();

}  // namespace dh::db

#include "db/checkpointer.h"

#include "db/statements.h"
#include "db/wake.h"

namespace dh::db {
namespace {

std::atomic<int64_t> restart_frames{4096};
std::atomic<bool> rewind_waits{false};

// The row of PRAGMA wal_checkpoint: busy, WAL frames, frames copied.
bool AllCopied(const Result<Rows>& rows) {
  return rows.ok() && !rows->empty() && rows->Int(0, 0) == 0 && rows->Int(0, 1) == rows->Int(0, 2);
}

}  // namespace

int64_t RestartFrames() { return restart_frames.load(std::memory_order_relaxed); }
void SetRestartFrames(int64_t frames) { restart_frames.store(frames, std::memory_order_relaxed); }
void SetRewindWaitsForReaders(bool on) { rewind_waits.store(on, std::memory_order_relaxed); }

Checkpointer::Checkpointer(std::unique_ptr<Connection> conn, std::chrono::milliseconds period)
    : conn_(std::move(conn)), period_(period) {
  thread_ = std::thread([this] { Loop(); });
}

Checkpointer::~Checkpointer() {
  SetAndWake(mu_, stopping_, cv_);
  thread_.join();
}

void Checkpointer::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    const bool stop = cv_.wait_for(lock, period_, [&] { return stopping_; });
    lock.unlock();
    CheckpointOnce();
    if (stop) return;
    lock.lock();
  }
}

// A failure (the file gone, the disk full) leaves the WAL to grow until the next try; the
// writes themselves report their own errors. The pragma's row: busy, WAL frames, frames
// copied.
void Checkpointer::CheckpointOnce() {
  auto rows = conn_->Query(kSqliteCheckpoint);
  const int64_t limit = RestartFrames();
  if (limit > 0 && rows.ok() && !rows->empty() && rows->Int(0, 1) >= limit)
    restart_due_.store(true, std::memory_order_release);
}

bool Checkpointer::RestartWal(Connection& conn) {
  if (!rewind_waits.load(std::memory_order_relaxed))
    return AllCopied(conn.Query(kSqliteCheckpoint));
  if (!conn.ExecScript(kSqliteShortBusyWait).ok()) return false;
  auto rows = conn.Query(kSqliteCheckpointRestart);
  (void)conn.ExecScript(kSqliteUsualBusyWait);
  return rows.ok() && !rows->empty() && rows->Int(0, 0) == 0;
}

}  // namespace dh::db

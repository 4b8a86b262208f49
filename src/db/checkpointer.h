// SQLite checkpoints off the request path (issue 13). The pool's connections never
// checkpoint (wal_autocheckpoint=0: a commit that crossed 1 000 WAL pages used to copy
// them into the database file and fsync it before answering); this thread runs a PASSIVE
// checkpoint on its own connection every `period`, which waits for no reader and no writer.
//
// A PASSIVE checkpoint never lets the WAL start over while writes keep coming (SQLite
// rewinds the WAL only when a writer finds every frame copied), so under continuous writes
// the file grew without end, and each commit's sync then also had to make the file's new
// size durable: on ext4 an fdatasync that extends a file waits for a journal commit (tens of
// ms at p99 here; rewriting blocks already there takes a fraction of a ms). So when a
// checkpoint finds the WAL longer than RestartFrames(), it says a restart is due; the write
// queue's writer, between two batches (no write of this process open), then runs
// RestartWal(): a RESTART checkpoint copies the few frames written since, syncs, and rewinds
// the WAL, so the next writes overwrite the file from its start instead of extending it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "db/connection.h"

namespace dh::db {

class Checkpointer {
 public:
  Checkpointer(std::unique_ptr<Connection> conn, std::chrono::milliseconds period);
  // Stops the thread after one last checkpoint.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Whether the last checkpoint asked for a restart since the last call (clears it).
  bool TakeRestartDue() { return restart_due_.exchange(false, std::memory_order_acq_rel); }
  // Copies what is left of the WAL into the database so that it rewinds. Only where no
  // write of this process is open: the write queue's writer between batches. Returns whether
  // every frame was copied (if not, the next checkpoint asks again).
  //
  // By default a PASSIVE checkpoint, which waits for no one: the WAL then starts over at the
  // next write's first frame (SQLite rewinds it there when every frame is in the database
  // and no reader still reads older frames; when one does, the next checkpoint asks again).
  // With SetRewindWaitsForReaders(true), as before: a RESTART checkpoint, which rewinds at
  // once but waits up to 10 ms for readers of old frames (or another process's writer),
  // sleeping in SQLite's busy handler 1 ms at a time, while every writer waits for it.
  static bool RestartWal(Connection& conn);

 private:
  void Loop();
  void CheckpointOnce();

  std::unique_ptr<Connection> conn_;
  const std::chrono::milliseconds period_;
  std::atomic<bool> restart_due_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

// WAL frames (pages) past which a checkpoint asks for a restart; 4 096 (16 MiB of 4 KiB
// pages) unless set; 0: never (the WAL grows while writes keep coming, as before; the bench
// compares both: serve --wal-restart-frames 0). Checkpointers read it as they run.
int64_t RestartFrames();
void SetRestartFrames(int64_t frames);
// Whether the writer rewinds the WAL with a RESTART checkpoint, waiting for readers (serve
// --wal-rewind restart, for the bench), or with a PASSIVE one (the default; see RestartWal).
void SetRewindWaitsForReaders(bool on);

}  // namespace dh::db

// The write queue (issue 13): one writer thread per database runs the bodies of
// db::InTransaction in arrival order. It takes every body waiting when it starts a batch,
// runs them one after another inside one transaction, each in its own SAVEPOINT (a body
// that fails rolls back to its savepoint and answers its own error; the others go on),
// commits once and only then answers every caller. One fsync, one advisory-lock turn and
// one BEGIN/COMMIT per batch instead of per write; no writer sleeps in SQLite's busy
// handler waiting for another thread of this process.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "db/database.h"

namespace dh::db {

struct WriteQueueStats {
  int64_t batches = 0;   // transactions committed or attempted
  int64_t requests = 0;  // bodies run
  int64_t largest = 0;   // most bodies in one batch
  int64_t queued = 0;    // waiting for the next batch right now
};

class WriteQueue {
 public:
  using Body = std::function<Status(Connection&)>;
  // Most bodies in one transaction: a long batch delays its first caller's answer.
  static constexpr size_t kMaxBatch = 64;

  explicit WriteQueue(Database& db);
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
  };

  void Loop();
  void RunBatch(const std::vector<Request*>& batch);
  Status OpenTransaction(Connection& c);
  Status RunBodies(Connection& c, const std::vector<Request*>& batch);
  static Status RunOne(Connection& c, Request& r);
  void Answer(const std::vector<Request*>& batch);

  Database& db_;
  mutable std::mutex mu_;
  std::condition_variable work_;  // the writer waits for requests
  std::condition_variable done_;  // callers wait for their answer
  std::deque<Request*> pending_;  // GUARDED_BY(mu_)
  bool stopping_ = false;         // GUARDED_BY(mu_)
  WriteQueueStats stats_;         // GUARDED_BY(mu_)
  std::thread thread_;
};

// Counts one committed (or possibly committed) write transaction: db::WriteGeneration.
void NoteWriteCommitted();

}  // namespace dh::db

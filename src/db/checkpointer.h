// SQLite checkpoints off the request path (issue 13). The pool's connections never
// checkpoint (wal_autocheckpoint=0: a commit that crossed 1 000 WAL pages used to copy
// them into the database file and fsync it before answering); this thread runs a PASSIVE
// checkpoint on its own connection every `period`, which waits for no reader and no writer.
#pragma once

#include <chrono>
#include <condition_variable>
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

 private:
  void Loop();

  std::unique_ptr<Connection> conn_;
  const std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace dh::db

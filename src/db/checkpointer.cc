#include "db/checkpointer.h"

#include "db/statements.h"

namespace dh::db {
Checkpointer::Checkpointer(std::unique_ptr<Connection> conn, std::chrono::milliseconds period)
    : conn_(std::move(conn)), period_(period) {
  thread_ = std::thread([this] { Loop(); });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Checkpointer::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    const bool stop = cv_.wait_for(lock, period_, [&] { return stopping_; });
    lock.unlock();
    // A failure (the file gone, the disk full) leaves the WAL to grow until the next try;
    // the writes themselves report their own errors.
    (void)conn_->Query(kSqliteCheckpoint);
    if (stop) return;
    lock.lock();
  }
}

}  // namespace dh::db

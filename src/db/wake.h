// Telling a thread that waits on a condition variable that what it waits for has come: the
// flag set under the mutex it waits with, then every waiter woken. How the checkpointer's and
// the write queue's threads are told to stop (and the syncer that the writer is done).
#pragma once

#include <condition_variable>
#include <mutex>

namespace dh::db {

inline void SetAndWake(std::mutex& mu, bool& flag, std::condition_variable& cv) {
  {
    std::lock_guard lock(mu);
    flag = true;
  }
  cv.notify_all();
}

}  // namespace dh::db

// Makes what SQLite has written into a database's WAL file durable: fdatasync() through a
// descriptor of its own, so one thread can sync while another writes the next transaction
// on its own connection (the write queue, issue 13). A sync covers every
// write to the file that returned before the sync began, whichever descriptor made it.
//
// The descriptor follows the file: SQLite never truncates the WAL here (no
// journal_size_limit; the writer's RESTART checkpoints rewind it in place, see
// db/checkpointer.h) and deletes it only when the last connection closes, which the pool's
// connections prevent; still, each sync checks that the path names the file it holds and
// opens it again otherwise (then syncs the folder, so the new file's name is durable too). No WAL
// file at all means the last connection closed after a complete checkpoint: everything is in the
// database file, which is synced.
#pragma once

#include <sys/types.h>

#include <string>

#include "core/status.h"

namespace dh::db {

class WalSync {
 public:
  explicit WalSync(std::string db_path);
  ~WalSync();
  WalSync(const WalSync&) = delete;
  WalSync& operator=(const WalSync&) = delete;

  // Returns once everything written to the WAL file before the call is on disk.
  Status Sync();
  // Syncs run so far (successful or not).
  int64_t syncs() const { return syncs_; }

 private:
  Status OpenCurrent();

  const std::string db_path_;
  const std::string wal_path_;
  int fd_ = -1;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
  int64_t syncs_ = 0;
};

}  // namespace dh::db

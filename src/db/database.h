// A database: a pool of connections to one SQLite file or one PostgreSQL server, opened
// from a URL ("sqlite:data/dieuhanh.db", "postgresql://…"). Thread-safe.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/connection.h"

namespace dh::db {

class Database;
class WriteQueue;
class Checkpointer;

// How writes reach the database. The defaults are the fast path; OldPath() is how every
// write went before issue 13 (the bench measures both in one run).
struct DatabaseOptions {
  // Every db::InTransaction of this process goes through one writer thread, which runs
  // the queued bodies one after another in one transaction, each in its own SAVEPOINT,
  // and commits them together (one fsync, group commit). False: each write is its own
  // transaction on the caller's thread.
  bool write_queue = true;
  // SQLite: checkpoints run on a background thread, never inside a request's commit.
  bool background_checkpoint = true;
  // PostgreSQL: statements prepared once per connection.
  bool prepared_statements = true;
  static DatabaseOptions OldPath() { return {false, false, false}; }
};

// A connection borrowed from the pool; returned when this goes out of scope.
class PooledConnection {
 public:
  PooledConnection(Database* owner, std::unique_ptr<Connection> conn)
      : owner_(owner), conn_(std::move(conn)) {}
  PooledConnection(PooledConnection&&) = default;
  ~PooledConnection();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> conn_;
};

struct PoolStats {
  int size = 0;       // connections open
  int in_use = 0;     // borrowed right now
  int64_t waits = 0;  // times a caller had to wait for a free connection
};

class Database {
 public:
  // Opens the pool and checks one connection. `url` as above.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 8,
                                                DatabaseOptions options = {});
  ~Database();

  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }
  // Blocks until a connection is free.
  Result<PooledConnection> Acquire();
  PoolStats Stats() const;
  // Closes idle connections; borrowed ones close when returned.
  void Close();
  const DatabaseOptions& options() const { return options_; }
  // The writer thread, or null when writes run on their callers' threads.
  WriteQueue* write_queue() { return queue_.get(); }

 private:
  friend class PooledConnection;
  Database(std::string url, Dialect dialect, std::string target, int pool_size,
           DatabaseOptions options);
  Result<std::unique_ptr<Connection>> Connect();
  void Return(std::unique_ptr<Connection> conn);

  const std::string url_;
  const Dialect dialect_;
  const std::string target_;  // file path or libpq conninfo
  const int max_;
  const DatabaseOptions options_;
  std::unique_ptr<WriteQueue> queue_;
  std::unique_ptr<Checkpointer> checkpointer_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mu_)
  int open_ = 0;                                   // GUARDED_BY(mu_)
  int in_use_ = 0;                                 // GUARDED_BY(mu_)
  int64_t waits_ = 0;                              // GUARDED_BY(mu_)
  bool closed_ = false;                            // GUARDED_BY(mu_)
};

// Runs `body` in one transaction: commits when it returns Ok, rolls back otherwise.
// A use case and its audit entry go through one call of this. With the write queue the
// body runs on the writer thread, possibly beside other callers' bodies in the same
// transaction (in its own SAVEPOINT: its failure undoes only its own writes); this
// returns once the commit is durable, so what the caller does next sees it. A body must
// not call InTransaction itself.
Status InTransaction(Database& db, const std::function<Status(Connection&)>& body);
// Runs `body` on a connection in a read-only snapshot.
Status Read(Database& db, const std::function<Status(Connection&)>& body);

}  // namespace dh::db

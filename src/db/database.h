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
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 8);
  ~Database();

  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }
  // Blocks until a connection is free.
  Result<PooledConnection> Acquire();
  PoolStats Stats() const;
  // Closes idle connections; borrowed ones close when returned.
  void Close();

 private:
  friend class PooledConnection;
  Database(std::string url, Dialect dialect, std::string target, int pool_size)
      : url_(std::move(url)), dialect_(dialect), target_(std::move(target)), max_(pool_size) {}
  Result<std::unique_ptr<Connection>> Connect();
  void Return(std::unique_ptr<Connection> conn);

  const std::string url_;
  const Dialect dialect_;
  const std::string target_;  // file path or libpq conninfo
  const int max_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mu_)
  int open_ = 0;                                   // GUARDED_BY(mu_)
  int in_use_ = 0;                                 // GUARDED_BY(mu_)
  int64_t waits_ = 0;                              // GUARDED_BY(mu_)
  bool closed_ = false;                            // GUARDED_BY(mu_)
};

// Runs `body` in one transaction: commits when it returns Ok, rolls back otherwise.
// A use case and its audit entry go through one call of this.
Status InTransaction(Database& db, const std::function<Status(Connection&)>& body);
// Runs `body` on a connection in a read-only snapshot.
Status Read(Database& db, const std::function<Status(Connection&)>& body);

}  // namespace dh::db

// The write queue's rules (issue 13), on SQLite and PostgreSQL: bodies queued together
// share one transaction but not one fate (a failing body undoes only its own writes),
// every acknowledged write is there after the database is opened anew, and one client's
// writes keep their order.
#include "db/write_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include "db/checkpointer.h"
#include "db/database.h"
#include "db/migrations.h"
#include "support/test_db.h"

namespace dh::db {
namespace {

using testing::Backend;
using testing::ScratchDatabase;

constexpr const char* kSchema =
    "CREATE TABLE things (id {{ID}}, name TEXT NOT NULL UNIQUE, writer BIGINT, n BIGINT)";
constexpr const char* kInsert = "INSERT INTO things (name, writer, n) VALUES (?, ?, ?)";

class WriteQueueTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDatabase>(GetParam());
    ASSERT_FALSE(scratch_->url().empty());
    Reopen();
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->ExecScript(ForDialect(kSchema, db_->dialect())).ok());
  }
  void TearDown() override {
    db_.reset();
    scratch_.reset();
  }
  // A new Database over the same file or server: what it sees was committed.
  void Reopen() {
    db_.reset();
    auto db = Database::Open(scratch_->url(), 4);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_NE(db_->write_queue(), nullptr) << "the write queue is the default";
  }
  std::vector<std::string> Names() {
    std::vector<std::string> out;
    EXPECT_TRUE(Read(*db_, [&](Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(Rows r, c.Query("SELECT name FROM things ORDER BY name"));
                  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.Text(i, 0));
                  return Status::Ok();
                }).ok());
    return out;
  }
  static Status Insert(Connection& c, const std::string& name, int64_t writer = 0, int64_t n = 0) {
    return c.Exec(kInsert, {name, writer, n}).status();
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
};

// Holds the writer thread inside one body until `bodies` more are queued behind it, so
// those run as one batch. Returns the futures of their statuses, in `bodies` order.
std::vector<std::future<Status>> QueueAsOneBatch(
    Database& db, const std::vector<std::function<Status(Connection&)>>& bodies) {
  std::promise<void> entered, release;
  std::future<void> running = entered.get_future();
  std::shared_future<void> released = release.get_future().share();
  auto blocker = std::async(std::launch::async, [&db, &entered, released] {
    return InTransaction(db, [&](Connection&) {
      entered.set_value();
      released.wait();
      return Status::Ok();
    });
  });
  running.wait();
  std::vector<std::future<Status>> out;
  for (const auto& body : bodies) {
    out.push_back(std::async(std::launch::async, [&db, body] { return InTransaction(db, body); }));
    // Queued in this order: the next caller starts once this one waits in the queue.
    while (db.write_queue()->Stats().queued < static_cast<int64_t>(out.size()))
      std::this_thread::yield();
  }
  release.set_value();
  EXPECT_TRUE(blocker.get().ok());
  return out;
}

TEST_P(WriteQueueTest, AFailingBodyInABatchUndoesOnlyItsOwnWrites) {
  std::vector<std::function<Status(Connection&)>> bodies = {
      [](Connection& c) { return Insert(c, "a"); },
      // Its own error after a write: the write goes.
      [](Connection& c) -> Status {
        DH_RETURN_IF_ERROR(Insert(c, "refused-1"));
        return Status::InvalidInput("x", "refused after a write");
      },
      [](Connection& c) { return Insert(c, "b"); },
      // The database's error after a write (PostgreSQL aborts the transaction here).
      [](Connection& c) -> Status {
        DH_RETURN_IF_ERROR(Insert(c, "refused-2"));
        return Insert(c, "a");
      },
      [](Connection& c) { return Insert(c, "c"); },
      // An exception after a write: undone too, and thrown again to its caller.
      [](Connection& c) -> Status {
        DH_RETURN_IF_ERROR(Insert(c, "refused-3"));
        throw std::runtime_error("body threw");
      },
      [](Connection& c) { return Insert(c, "d"); },
  };
  const int64_t batches_before = db_->write_queue()->Stats().batches;
  auto results = QueueAsOneBatch(*db_, bodies);
  EXPECT_TRUE(results[0].get().ok());
  EXPECT_EQ(results[1].get().code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(results[2].get().ok());
  EXPECT_EQ(results[3].get().code(), StatusCode::kUniqueViolation);
  EXPECT_TRUE(results[4].get().ok());
  EXPECT_THROW(results[5].get(), std::runtime_error);
  EXPECT_TRUE(results[6].get().ok());
  const WriteQueueStats stats = db_->write_queue()->Stats();
  EXPECT_EQ(stats.batches - batches_before, 2) << "the blocker's batch, then all seven in one";
  EXPECT_GE(stats.largest, 7);
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b", "c", "d"}));
  Reopen();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST_P(WriteQueueTest, ABatchOfOnlyFailuresWritesNothingAndTheNextBatchWorks) {
  std::vector<std::function<Status(Connection&)>> bodies = {
      [](Connection& c) -> Status {
        DH_RETURN_IF_ERROR(Insert(c, "x"));
        return Status::Conflict("no", "refused");
      },
      [](Connection& c) -> Status {
        DH_RETURN_IF_ERROR(Insert(c, "y"));
        return c.Exec("INSERT INTO nowhere (x) VALUES (1)").status();
      },
  };
  auto results = QueueAsOneBatch(*db_, bodies);
  EXPECT_EQ(results[0].get().code(), StatusCode::kConflict);
  EXPECT_EQ(results[1].get().code(), StatusCode::kInternal);
  EXPECT_TRUE(Names().empty());
  EXPECT_TRUE(InTransaction(*db_, [](Connection& c) { return Insert(c, "after"); }).ok());
  EXPECT_EQ(Names(), std::vector<std::string>{"after"});
}

TEST_P(WriteQueueTest, ConcurrentWritesAreAllThereAfterReopeningAndKeepEachWritersOrder) {
  constexpr int kWriters = 8, kEach = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        Status s = InTransaction(*db_, [&](Connection& c) {
          return Insert(c, std::to_string(w) + "-" + std::to_string(i), w, i);
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(db_->write_queue()->Stats().largest, 1) << "concurrent writes shared a batch";
  Reopen();
  Status s = Read(*db_, [&](Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Rows r, c.Query("SELECT writer, n FROM things ORDER BY id"));
    EXPECT_EQ(r.size(), static_cast<size_t>(kWriters * kEach));
    // Each writer's rows were inserted in the order it wrote them.
    std::vector<int64_t> next(kWriters, 0);
    for (size_t i = 0; i < r.size(); ++i) {
      const int64_t w = r.Int(i, 0);
      EXPECT_EQ(r.Int(i, 1), next[w]) << "writer " << w;
      next[w] = r.Int(i, 1) + 1;
    }
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_P(WriteQueueTest, AWriteInsideAWriteIsRefusedNotDeadlocked) {
  Status inner;
  Status outer = InTransaction(*db_, [&](Connection& c) -> Status {
    inner = InTransaction(*db_, [](Connection& c2) { return Insert(c2, "inner"); });
    return Insert(c, "outer");
  });
  EXPECT_TRUE(outer.ok()) << outer.ToString();
  EXPECT_EQ(inner.code(), StatusCode::kInternal);
  EXPECT_EQ(Names(), std::vector<std::string>{"outer"});
}

TEST_P(WriteQueueTest, TheOldPathStillWorks) {
  db_.reset();
  auto db = Database::Open(scratch_->url(), 4, DatabaseOptions::OldPath());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(db).value();
  EXPECT_EQ(db_->write_queue(), nullptr);
  EXPECT_TRUE(InTransaction(*db_, [](Connection& c) { return Insert(c, "old"); }).ok());
  EXPECT_EQ(InTransaction(*db_, [](Connection& c) { return Insert(c, "old"); }).code(),
            StatusCode::kUniqueViolation);
  EXPECT_EQ(Names(), std::vector<std::string>{"old"});
}

// Each caller is answered only once its commit is durable. On SQLite the COMMIT does not
// wait for the disk and another thread syncs the WAL behind it: one writer at a time, each
// answered write must find its batch counted durable and, on SQLite, a WAL sync of its own.
TEST_P(WriteQueueTest, AWriteIsAnsweredOnlyOnceItsCommitIsDurable) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(InTransaction(*db_, [&](Connection& c) {
                  return Insert(c, "w" + std::to_string(i));
                }).ok());
    const WriteQueueStats s = db_->write_queue()->Stats();
    ASSERT_EQ(s.commits, i + 1);
    EXPECT_EQ(s.durable, s.commits) << "write " << i << " answered before it was durable";
    if (GetParam() == Backend::kSqlite)
      EXPECT_EQ(s.syncs, s.commits) << "write " << i << ": a WAL sync after each lone commit";
    else
      EXPECT_EQ(s.syncs, 0) << "PostgreSQL's COMMIT waits for its own WAL flush";
  }
  Reopen();
  EXPECT_EQ(Names().size(), 30u);
}

// Batches committed while a sync runs share the next one; failures are answered at once.
TEST_P(WriteQueueTest, ConcurrentWritesShareSyncsAndAllAreDurable) {
  constexpr int kWriters = 6, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        const std::string name = std::to_string(w) + "-" + std::to_string(i);
        if (!InTransaction(*db_, [&](Connection& c) { return Insert(c, name); }).ok()) ++failures;
        // A name taken: refused, nothing to make durable.
        if (InTransaction(*db_, [&](Connection& c) { return Insert(c, name); }).ok()) ++failures;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  const WriteQueueStats s = db_->write_queue()->Stats();
  EXPECT_EQ(s.durable, s.commits);
  if (GetParam() == Backend::kSqlite) {
    EXPECT_GE(s.syncs, 1);
    EXPECT_LE(s.syncs, s.commits);
  }
  Reopen();
  EXPECT_EQ(Names().size(), static_cast<size_t>(kWriters * kEach));
}

// With SetSyncBehind(false) each COMMIT syncs itself (synchronous=FULL), as before.
TEST_P(WriteQueueTest, CommitsThatSyncThemselvesStillWork) {
  SetSyncBehind(false);
  Reopen();
  SetSyncBehind(true);
  EXPECT_TRUE(InTransaction(*db_, [](Connection& c) { return Insert(c, "inline"); }).ok());
  const WriteQueueStats s = db_->write_queue()->Stats();
  EXPECT_EQ(s.syncs, 0);
  EXPECT_EQ(s.durable, 1);
  EXPECT_EQ(Names(), std::vector<std::string>{"inline"});
}

// Writes that never pause leave no moment where a PASSIVE checkpoint has copied the whole
// WAL, so SQLite never starts it over and the file grows for as long as they come. The
// writer rewinds it between batches once it is past RestartFrames(): the test writes until
// that happened three times (a run without it stops at kMaxWrites and fails), and every
// acknowledged write is still there after reopening.
// Both ways of rewinding: PASSIVE (the default) and RESTART (waits for readers; the bench's
// baseline).
TEST_P(WriteQueueTest, UnderWritesThatNeverPauseTheWalIsRewoundBetweenBatches) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "SQLite's WAL only";
  constexpr int kWriters = 3, kMaxWrites = 20000;
  const int64_t usual = RestartFrames();
  SetRestartFrames(32);
  std::atomic<int> written{0}, failures{0};
  for (const bool waits : {false, true}) {
    SCOPED_TRACE(waits ? "RESTART" : "PASSIVE");
    SetRewindWaitsForReaders(waits);
    const int64_t before = db_->write_queue()->Stats().restarts;
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
      threads.emplace_back([&, w] {
        const std::string pad(1000, 'x');
        for (int i = 0; db_->write_queue()->Stats().restarts < before + 3 && written < kMaxWrites;
             ++i) {
          const std::string name =
              std::to_string(waits) + "-" + std::to_string(w) + "-" + std::to_string(i) + pad;
          if (!InTransaction(*db_, [&](Connection& c) { return Insert(c, name, w, i); }).ok())
            ++failures;
          ++written;
        }
      });
    for (auto& t : threads) t.join();
    EXPECT_GE(db_->write_queue()->Stats().restarts, before + 3)
        << written << " writes, never rewound";
  }
  SetRewindWaitsForReaders(false);
  SetRestartFrames(usual);
  const WriteQueueStats s = db_->write_queue()->Stats();
  EXPECT_EQ(s.durable, s.commits);
  EXPECT_EQ(failures.load(), 0);
  Reopen();
  EXPECT_EQ(Names().size(), static_cast<size_t>(written.load()));
}

INSTANTIATE_TEST_SUITE_P(Db, WriteQueueTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace dh::db

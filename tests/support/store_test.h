// Store tests: a store's functions called directly, on a fresh migrated database of each
// backend (SQLite and the test run's PostgreSQL), with no App and no service in between, so
// that a statement one dialect refuses fails here first. One line declares a suite and runs
// it on both databases:
//
//   STORE_TEST_SUITE(UnitStoreTest);
//   TEST_P(UnitStoreTest, InsertsAUnit) {
//     const int64_t id = MustWrite<int64_t>([&](db::Connection& c) { return InsertUnit(c, …); });
//     …
//   }
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "core/status.h"
#include "db/database.h"
#include "support/test_db.h"

namespace dh::testing {

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  db::Database& db() { return *db_; }
  Backend backend() const { return GetParam(); }

  // `body` in one write transaction (committed when it returns Ok), or in one read.
  Status Write(const std::function<Status(db::Connection&)>& body);
  Status Read(const std::function<Status(db::Connection&)>& body);

  // The value a store function returns, in a write transaction; the test fails (and a
  // default T comes back) when it returns an error.
  template <typename T>
  T MustWrite(const std::function<Result<T>(db::Connection&)>& body) {
    return Must<T>(true, body);
  }
  template <typename T>
  T MustRead(const std::function<Result<T>(db::Connection&)>& body) {
    return Must<T>(false, body);
  }

 private:
  template <typename T>
  T Must(bool write, const std::function<Result<T>(db::Connection&)>& body) {
    T out{};
    auto run = [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(out, body(c));
      return Status::Ok();
    };
    const Status s = write ? Write(run) : Read(run);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> db_;
};

}  // namespace dh::testing

// Declares the fixture `Suite` and runs its TEST_Ps on SQLite and on PostgreSQL (gtest
// instantiates the tests of a suite wherever they are defined in the file).
#define STORE_TEST_SUITE(Suite)                     \
  class Suite : public ::dh::testing::StoreTest {}; \
  INSTANTIATE_BOTH(Suite)

// Store tests run on both databases (STYLE habit 6): a test suite derives from
// BothDatabases and is instantiated with INSTANTIATE_BOTH(SuiteName). Each test gets a
// fresh, migrated database: a temporary SQLite file, or a new database on the test run's
// PostgreSQL server (DIEUHANH_TEST_PG, started by tests/support/pg.sh).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/app.h"
#include "db/database.h"

namespace dh::testing {

enum class Backend { kSqlite, kPostgres };

// A fresh database; dropped (PostgreSQL) or deleted (SQLite) by the destructor.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(Backend backend);
  ~ScratchDatabase();
  const std::string& url() const { return url_; }

 private:
  Backend backend_;
  std::string url_, name_, admin_url_, dir_;
};

// A migrated App over a scratch database, with a fake clock at 2026-01-15 09:00 (UTC+7).
class BothDatabases : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  app::App& app() { return *app_; }
  FakeClock& clock() { return *clock_; }
  db::Database& db() { return app_->db(); }

 private:
  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<app::App> app_;
  FakeClock* clock_ = nullptr;
};

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

}  // namespace dh::testing

#define INSTANTIATE_BOTH(Suite)                                                              \
  INSTANTIATE_TEST_SUITE_P(                                                                  \
      Db, Suite,                                                                             \
      ::testing::Values(::dh::testing::Backend::kSqlite, ::dh::testing::Backend::kPostgres), \
      ::dh::testing::BackendName)

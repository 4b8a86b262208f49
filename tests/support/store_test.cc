#include "support/store_test.h"

#include "db/migrations.h"

namespace dh::testing {

void StoreTest::SetUp() {
  scratch_ = std::make_unique<ScratchDatabase>(GetParam());
  ASSERT_FALSE(scratch_->url().empty());
  auto db = db::Database::Open(scratch_->url(), 2);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(db).value();
  auto migrated = db::Migrate(*db_);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
}

void StoreTest::TearDown() {
  db_.reset();
  scratch_.reset();
}

Status StoreTest::Write(const std::function<Status(db::Connection&)>& body) {
  return db::InTransaction(*db_, body);
}

Status StoreTest::Read(const std::function<Status(db::Connection&)>& body) {
  return db::Read(*db_, body);
}

}  // namespace dh::testing

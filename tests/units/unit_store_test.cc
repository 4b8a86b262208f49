#include "units/unit_store.h"

#include <gtest/gtest.h>

#include "support/test_db.h"
#include "units/unit_service.h"

namespace dh::units {
namespace {

using testing::BothDatabases;

class UnitStoreTest : public BothDatabases {};

Date D(const char* s) { return *Date::Parse(s); }

TEST_P(UnitStoreTest, InsertsAndReloadsUnitsWithTheirParents) {
  UnitInput city{.code = "X", .name = "Thành phố X", .kind = "city", .valid_from = D("2020-01-01")};
  auto c = app().units().Create(nullptr, city);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  UnitInput dept{.code = "X.STC",
                 .name = "Sở Tài chính",
                 .kind = "department",
                 .parent_id = c->unit.id,
                 .valid_from = D("2020-01-01")};
  auto d = app().units().Create(nullptr, dept);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto g = app().unit_directory().Get();
  ASSERT_EQ(g->all().size(), 2u);
  EXPECT_EQ(g->ParentOn(d->unit.id, D("2024-01-01")), c->unit.id);
  EXPECT_EQ(g->FindByCode("X.STC")->name, "Sở Tài chính");
}

TEST_P(UnitStoreTest, DuplicateCodeIsAUniqueViolationOnCode) {
  UnitInput a{.code = "DUP", .name = "A", .kind = "city", .valid_from = D("2020-01-01")};
  ASSERT_TRUE(app().units().Create(nullptr, a).ok());
  auto again = app().units().Create(nullptr, a);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(again.status().field(), "code");
  EXPECT_EQ(app().unit_directory().Get()->all().size(), 1u);
}

INSTANTIATE_BOTH(UnitStoreTest);

}  // namespace
}  // namespace dh::units

// The unit store's functions on both databases, directly (tests/support/store_test.h).
#include "units/unit_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"

namespace dh::units {
namespace {

STORE_TEST_SUITE(UnitStoreTest);

Date D(const char* s) { return *Date::Parse(s); }

Unit MakeUnit(const char* code, const char* name, const char* kind) {
  return Unit{.code = code, .name = name, .kind = kind, .valid_from = D("2020-01-01")};
}

TEST_P(UnitStoreTest, InsertsAndReloadsUnitsWithTheirParents) {
  const int64_t city = MustWrite<int64_t>([](db::Connection& c) {
    return InsertUnit(c, MakeUnit("X", "Thành phố X", "city"), std::nullopt, 1);
  });
  const int64_t dept = MustWrite<int64_t>([&](db::Connection& c) {
    return InsertUnit(c, MakeUnit("X.STC", "Sở Tài chính", "department"), city, 1);
  });
  auto g =
      MustRead<std::shared_ptr<const UnitGraph>>([](db::Connection& c) { return LoadGraph(c); });
  ASSERT_TRUE(g);
  ASSERT_EQ(g->all().size(), 2u);
  EXPECT_EQ(g->ParentOn(dept, D("2024-01-01")), city);
  EXPECT_EQ(g->ParentOn(city, D("2024-01-01")), std::nullopt);
  EXPECT_EQ(g->FindByCode("X.STC")->name, "Sở Tài chính");
}

TEST_P(UnitStoreTest, DuplicateCodeIsAUniqueViolationOnCode) {
  const Unit a = MakeUnit("DUP", "A", "city");
  MustWrite<int64_t>([&](db::Connection& c) { return InsertUnit(c, a, std::nullopt, 1); });
  const Status again =
      Write([&](db::Connection& c) { return InsertUnit(c, a, std::nullopt, 1).status(); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(again.field(), "code");
  auto g =
      MustRead<std::shared_ptr<const UnitGraph>>([](db::Connection& c) { return LoadGraph(c); });
  ASSERT_TRUE(g);
  EXPECT_EQ(g->all().size(), 1u);  // the refused insert left nothing behind
}

TEST_P(UnitStoreTest, MovingAUnitEndsItsOldLinkTheDayBefore) {
  const int64_t a = MustWrite<int64_t>([](db::Connection& c) {
    return InsertUnit(c, MakeUnit("A", "Tỉnh A", "province"), std::nullopt, 1);
  });
  const int64_t b = MustWrite<int64_t>([](db::Connection& c) {
    return InsertUnit(c, MakeUnit("B", "Tỉnh B", "province"), std::nullopt, 1);
  });
  const int64_t x = MustWrite<int64_t>(
      [&](db::Connection& c) { return InsertUnit(c, MakeUnit("X", "Xã X", "commune"), a, 1); });
  ASSERT_TRUE(Write([&](db::Connection& c) { return MoveUnder(c, x, b, D("2025-07-01")); }).ok());
  auto g =
      MustRead<std::shared_ptr<const UnitGraph>>([](db::Connection& c) { return LoadGraph(c); });
  ASSERT_TRUE(g);
  EXPECT_EQ(g->ParentOn(x, D("2025-06-30")), a);
  EXPECT_EQ(g->ParentOn(x, D("2025-07-01")), b);
  auto stored = MustRead<std::optional<int64_t>>(
      [&](db::Connection& c) { return StoredParentOn(c, x, D("2025-07-01")); });
  EXPECT_EQ(stored, b);
}

}  // namespace
}  // namespace dh::units

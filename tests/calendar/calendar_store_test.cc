// The calendar swaps' store on both databases, directly (tests/support/store_test.h).
#include "calendar/calendar_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"

namespace dh::calendar {
namespace {

STORE_TEST_SUITE(CalendarStoreTest);

Date D(const char* s) { return *Date::Parse(s); }

TEST_P(CalendarStoreTest, SwapsComeBackInDateOrder) {
  EXPECT_TRUE(
      MustRead<std::vector<DaySwap>>([](db::Connection& c) { return LoadSwaps(c); }).empty());
  for (const DaySwap& s :
       {DaySwap{D("2026-05-02"), false, "Nghỉ hoán đổi"}, DaySwap{D("2026-04-25"), true, "Làm bù"}})
    ASSERT_TRUE(Write([&](db::Connection& c) { return InsertSwap(c, s, 1, 100); }).ok());
  const auto swaps = MustRead<std::vector<DaySwap>>([](db::Connection& c) { return LoadSwaps(c); });
  ASSERT_EQ(swaps.size(), 2u);
  EXPECT_EQ(swaps[0].date, D("2026-04-25"));
  EXPECT_TRUE(swaps[0].working);
  EXPECT_EQ(swaps[0].name, "Làm bù");
  EXPECT_EQ(swaps[1].date, D("2026-05-02"));
  EXPECT_FALSE(swaps[1].working);
  EXPECT_EQ(swaps[1].name, "Nghỉ hoán đổi");
}

TEST_P(CalendarStoreTest, ASecondSwapOnOneDayIsAUniqueViolationOnDate) {
  const DaySwap s{D("2026-05-02"), false, "Nghỉ"};
  ASSERT_TRUE(Write([&](db::Connection& c) { return InsertSwap(c, s, 1, 100); }).ok());
  const Status again = Write([&](db::Connection& c) {
    return InsertSwap(c, {D("2026-05-02"), false, "Lần nữa"}, 1, 100);
  });
  EXPECT_EQ(again.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(again.field(), "date");
  EXPECT_EQ(again.message(), "Ngày 02/05/2026 đã có trong lịch hoán đổi.");
  EXPECT_EQ(MustRead<std::vector<DaySwap>>([](db::Connection& c) { return LoadSwaps(c); }).size(),
            1u);
}

}  // namespace
}  // namespace dh::calendar

// The values' and explanation requests' lists a page at a time in SQL, on both databases
// (target_lists.h): the caller's units in the query, the total beside the page, the late
// ones by their date.
#include "targets/target_lists.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::targets {
namespace {

STORE_TEST_SUITE(TargetListsTest);

Status Units(db::Connection& c, int64_t* a, int64_t* b) {
  for (auto [code, id] : {std::pair{"A", a}, std::pair{"B", b}}) {
    units::Unit u{
        .code = code, .name = code, .kind = "department", .valid_from = *Date::Parse("2020-01-01")};
    DH_ASSIGN_OR_RETURN(*id, units::InsertUnit(c, u, std::nullopt, 1));
  }
  return Status::Ok();
}

TEST_P(TargetListsTest, ValuesComeAPageAtATimeWithinTheCallersUnits) {
  int64_t a = 0, b = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(Units(c, &a, &b));
                Indicator i{0, "GRDP", "Tốc độ tăng trưởng GRDP", "GRDP growth", "%"};
                i.responsible_unit_id = a;
                DH_ASSIGN_OR_RETURN(const int64_t ind, InsertIndicator(c, i));
                for (int m = 1; m <= 5; ++m)  // five values of A, one of B
                  DH_RETURN_IF_ERROR(InsertValue(c, {.indicator_id = ind,
                                                     .unit_id = m == 5 ? b : a,
                                                     .period = Period::Month(2024, m),
                                                     .value = 1.0 * m})
                                         .status());
                return Status::Ok();
              }).ok());
  struct Case {
    UnitsFilter units;
    int64_t limit, offset;
    std::vector<std::string> periods;
    int64_t total;
  };
  const Case cases[] = {
      {std::nullopt, 2, 0, {"2024-05", "2024-04"}, 5},  // every unit, newest first
      {std::vector<int64_t>{a}, 2, 2, {"2024-02", "2024-01"}, 4},
      {std::vector<int64_t>{b}, 10, 0, {"2024-05"}, 1},
      {std::vector<int64_t>{}, 10, 0, {}, 0},  // no unit: nothing
  };
  for (const Case& k : cases) {
    int64_t total = -1;
    const auto rows = MustRead<std::vector<IndicatorValue>>(
        [&](db::Connection& c) { return PageValues(c, {}, k.units, k.limit, k.offset, &total); });
    std::vector<std::string> periods;
    for (const IndicatorValue& v : rows) periods.push_back(v.period.ToString());
    EXPECT_EQ(periods, k.periods) << k.offset;
    EXPECT_EQ(total, k.total);
  }
}

TEST_P(TargetListsTest, RequestsAreSeenByTheirUnitsAndTheirAskerAndTheLateOnesByDate) {
  int64_t a = 0, b = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(Units(c, &a, &b));
                // A: due 10/07 and 20/07; B: due 10/07, asked by user 7; B answered.
                const char* due[] = {"2024-07-10", "2024-07-20", "2024-07-10", "2024-07-01"};
                for (int i = 0; i < 4; ++i) {
                  ExplanationRequest r{.unit_id = i < 2 ? a : b,
                                       .question = "Vì sao?",
                                       .due_on = *Date::Parse(due[i])};
                  if (i == 2) r.asked_by = 7;
                  if (i == 3) r.state = ExplanationState::kAnswered;
                  DH_RETURN_IF_ERROR(InsertExplanation(c, r).status());
                }
                return Status::Ok();
              }).ok());
  auto count = [&](ExplanationPage q) {
    int64_t total = -1;
    const auto rows = MustRead<std::vector<ExplanationRequest>>(
        [&](db::Connection& c) { return PageExplanations(c, q, &total); });
    EXPECT_LE(static_cast<int64_t>(rows.size()), total);
    return total;
  };
  EXPECT_EQ(count({}), 4);
  EXPECT_EQ(count({.units = std::vector<int64_t>{a}}), 2);
  EXPECT_EQ(count({.units = std::vector<int64_t>{a}, .asker = 7}), 3);  // and the one 7 asked
  EXPECT_EQ(count({.units = std::vector<int64_t>{}, .asker = 7}), 1);
  EXPECT_EQ(count({.units = std::vector<int64_t>{}, .asker = 8}), 0);
  EXPECT_EQ(count({.due_before = Date::Parse("2024-07-11")}), 2);  // open, due 10/07
  EXPECT_EQ(count({.due_before = Date::Parse("2024-07-10")}), 0);  // due today: not late
  EXPECT_EQ(count({.filter = {.unit_id = b}, .limit = 1}), 2);
}

}  // namespace
}  // namespace dh::targets

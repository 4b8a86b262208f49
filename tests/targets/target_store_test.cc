// The targets store on both databases, directly (tests/support/store_test.h).
#include "targets/target_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::targets {
namespace {

STORE_TEST_SUITE(TargetStoreTest);

Period P(const char* s) { return *Period::Parse(s); }

class Seeded {
 public:
  static int64_t Unit(db::Connection& c, const char* code) {
    units::Unit u{
        .code = code, .name = code, .kind = "department", .valid_from = *Date::Parse("2020-01-01")};
    return *units::InsertUnit(c, u, std::nullopt, 1);
  }
};

Indicator MakeIndicator(int64_t unit, const char* code) {
  Indicator i;
  i.code = code;
  i.name = "Tốc độ tăng trưởng GRDP";
  i.name_en = "GRDP growth";
  i.unit_of_measure = "%";
  i.aggregation = Aggregation::kNone;
  i.periodicity = Periodicity::kQuarter;
  i.responsible_unit_id = unit;
  i.group = "economy";
  i.created_at = i.updated_at = 10;
  return i;
}

TEST_P(TargetStoreTest, IndicatorsTargetsAndSplitsGoInAndComeBack) {
  int64_t unit = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) {
                unit = Seeded::Unit(c, "X");
                return Status::Ok();
              }).ok());
  const int64_t ind = MustWrite<int64_t>(
      [&](db::Connection& c) { return InsertIndicator(c, MakeIndicator(unit, "GRDP")); });
  // The code is unique, named as the form labels it.
  const Status dup = Write(
      [&](db::Connection& c) { return InsertIndicator(c, MakeIndicator(unit, "GRDP")).status(); });
  EXPECT_EQ(dup.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(dup.field(), "code");

  Target t{.indicator_id = ind, .unit_id = unit, .period = P("2024"), .expression = "7,5 – 8 %"};
  t.parsed = *ReadTargetExpression(t.expression);
  t.split = {{P("2024-Q1"), 20}, {P("2024-Q2"), 30}};
  t.created_at = t.updated_at = 11;
  const int64_t tid = MustWrite<int64_t>([&](db::Connection& c) { return InsertTarget(c, t); });
  const auto back =
      MustRead<std::optional<Target>>([&](db::Connection& c) { return FindTarget(c, tid); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->period.ToString(), "2024");
  EXPECT_EQ(back->parsed.comparator, Comparator::kBetween);
  EXPECT_EQ(back->parsed.values, (std::vector<double>{7.5, 8}));
  EXPECT_EQ(back->parsed.unit, "%");
  ASSERT_EQ(back->split.size(), 2u);
  EXPECT_EQ(back->split[1].period.ToString(), "2024-Q2");
  EXPECT_DOUBLE_EQ(back->split[1].share, 30);
  const Status twice = Write([&](db::Connection& c) { return InsertTarget(c, t).status(); });
  EXPECT_EQ(twice.field(), "period");
  EXPECT_EQ(MustRead<std::vector<Target>>([](db::Connection& c) {
              return LoadTargets(c, std::nullopt);
            }).size(),
            1u);
}

TEST_P(TargetStoreTest, ValuesKeepTheirHistoryAndOnlyApprovedOnesCount) {
  int64_t unit = 0, ind = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) {
                unit = Seeded::Unit(c, "X");
                ind = *InsertIndicator(c, MakeIndicator(unit, "GRDP"));
                return Status::Ok();
              }).ok());
  IndicatorValue v{.indicator_id = ind, .unit_id = unit, .period = P("2024-Q2"), .value = 7.17};
  v.source = "Cục Thống kê";
  const int64_t a = MustWrite<int64_t>([&](db::Connection& c) { return InsertValue(c, v); });
  v.value = 7.3;
  const int64_t b = MustWrite<int64_t>([&](db::Connection& c) { return InsertValue(c, v); });
  ASSERT_TRUE(Write([&](db::Connection& c) {
                DH_RETURN_IF_ERROR(DecideValue(c, a, ValueState::kReturned, 1, 20, "Sai số liệu"));
                return DecideValue(c, b, ValueState::kApproved, 1, 21, "");
              }).ok());
  const auto all = MustRead<std::vector<IndicatorValue>>(
      [&](db::Connection& c) { return ListValues(c, {.indicator_id = ind}); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b);  // newest first
  EXPECT_EQ(all[1].state, ValueState::kReturned);
  EXPECT_EQ(all[1].decision_note, "Sai số liệu");
  const auto approved = MustRead<std::vector<IndicatorValue>>(
      [&](db::Connection& c) { return ApprovedValues(c, ind, unit); });
  ASSERT_EQ(approved.size(), 1u);
  EXPECT_DOUBLE_EQ(approved[0].value, 7.3);
  EXPECT_EQ(approved[0].period.ToString(), "2024-Q2");
}

TEST_P(TargetStoreTest, ExplanationRequestsAndTheirEvents) {
  int64_t unit = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) {
                unit = Seeded::Unit(c, "X");
                return Status::Ok();
              }).ok());
  ExplanationRequest r{.unit_id = unit,
                       .question = "Vì sao giải ngân chậm?",
                       .due_on = *Date::Parse("2024-07-10"),
                       .asked_at = 5};
  const int64_t id = MustWrite<int64_t>([&](db::Connection& c) { return InsertExplanation(c, r); });
  r.id = id;
  r.state = ExplanationState::kAnswered;
  r.causes = "Vướng giải phóng mặt bằng";
  r.measures = "Họp tháo gỡ hằng tuần";
  r.expected_value = 96.5;
  r.answered_on = Date::Parse("2024-07-08");
  ASSERT_TRUE(Write([&](db::Connection& c) {
                DH_RETURN_IF_ERROR(UpdateExplanation(c, r));
                return InsertExplanationEvent(c, {0, id, "answered", 1, r.causes, 2, 6});
              }).ok());
  const auto back = MustRead<std::optional<ExplanationRequest>>(
      [&](db::Connection& c) { return FindExplanation(c, id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->state, ExplanationState::kAnswered);
  EXPECT_EQ(back->expected_value, 96.5);
  EXPECT_EQ(back->answered_on->ToString(), "2024-07-08");
  EXPECT_EQ(back->due_on.ToString(), "2024-07-10");
  EXPECT_FALSE(back->target_id.has_value());
  const auto events =
      MustRead<std::vector<ExplanationEvent>>([&](db::Connection& c) { return EventsOf(c, id); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "answered");
  EXPECT_EQ(MustRead<std::vector<ExplanationRequest>>([&](db::Connection& c) {
              return ListExplanations(c, {.unit_id = unit, .state = ExplanationState::kAnswered});
            }).size(),
            1u);
}

}  // namespace
}  // namespace dh::targets

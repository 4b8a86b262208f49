// The targets read model keeps each target's verdict (status and sentence) and makes it again
// when its values, its target or its indicator change (issue 11, scoreboard speed): what the
// scoreboard reads is always what judging on the read would say. On both databases, through
// the model's refreshes after the store's writes.
#include "targets/target_model.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "targets/target_store.h"
#include "units/unit_store.h"

namespace dh::targets {
namespace {

STORE_TEST_SUITE(TargetModelTest);

Period P(const char* s) { return *Period::Parse(s); }

// The verdict kept and the verdict judged on this read, for the unit's target of `period`.
std::pair<std::string, std::string> KeptAndJudged(const TargetModel& m, int64_t unit,
                                                  const char* period = "2024") {
  TargetQuery kept{.unit_id = unit, .period = P(period)}, now = kept;
  now.judge_now = true;
  const auto a = m.Query(kept), b = m.Query(now);
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(b.size(), 1u);
  if (a.size() != 1 || b.size() != 1) return {};
  EXPECT_EQ(a[0].verdict.status, b[0].verdict.status);
  return {a[0].verdict.reason, b[0].verdict.reason};
}

// A unit, the GRDP indicator and its 2024 target "7,5 – 8 %".
Status Seed(db::Connection& c, int64_t* unit, int64_t* ind, int64_t* tid) {
  units::Unit u{
      .code = "X", .name = "X", .kind = "department", .valid_from = *Date::Parse("2020-01-01")};
  DH_ASSIGN_OR_RETURN(*unit, units::InsertUnit(c, u, std::nullopt, 1));
  Indicator i{0, "GRDP", "Tốc độ tăng trưởng GRDP", "GRDP growth", "%"};
  i.periodicity = Periodicity::kQuarter;
  i.responsible_unit_id = *unit;
  DH_ASSIGN_OR_RETURN(*ind, InsertIndicator(c, i));
  Target t{.indicator_id = *ind, .unit_id = *unit, .period = P("2024")};
  t.expression = "7,5 – 8 %";
  t.parsed = *ReadTargetExpression(t.expression);
  DH_ASSIGN_OR_RETURN(*tid, InsertTarget(c, t));
  return Status::Ok();
}

TEST_P(TargetModelTest, KeptVerdictsFollowValuesTargetsAndIndicators) {
  int64_t unit = 0, ind = 0, tid = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) { return Seed(c, &unit, &ind, &tid); }).ok());
  ComputedSources sources;
  TargetModel model(sources);
  ASSERT_TRUE(model.Load(db()).ok());
  auto [kept, judged] = KeptAndJudged(model, unit);
  EXPECT_EQ(kept, "chưa có số liệu năm 2024");
  EXPECT_EQ(kept, judged);

  // An approved value: the kept sentence changes with it.
  IndicatorValue v{.indicator_id = ind, .unit_id = unit, .period = P("2024"), .value = 7.17};
  v.kind = ValueKind::kOfficial;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(v.id, InsertValue(c, v));
                return DecideValue(c, v.id, ValueState::kApproved, 1, 20, "");
              }).ok());
  ASSERT_TRUE(model.RefreshValues(db(), ind, unit).ok());
  std::tie(kept, judged) = KeptAndJudged(model, unit);
  EXPECT_EQ(kept, "7,17 % < 7,5 %: chưa đạt");
  EXPECT_EQ(kept, judged);

  // A new target, relative to the year before: judged on that official value when it comes.
  int64_t next = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                Target t{.indicator_id = ind, .unit_id = unit, .period = P("2025")};
                t.expression = "tăng 10% so với năm trước";
                t.parsed = *ReadTargetExpression(t.expression);
                DH_ASSIGN_OR_RETURN(next, InsertTarget(c, t));
                IndicatorValue w = v;
                w.period = P("2025");
                DH_ASSIGN_OR_RETURN(w.id, InsertValue(c, w));
                return DecideValue(c, w.id, ValueState::kApproved, 1, 21, "");
              }).ok());
  ASSERT_TRUE(model.RefreshTarget(db(), next).ok());
  ASSERT_TRUE(model.RefreshValues(db(), ind, unit).ok());
  std::tie(kept, judged) = KeptAndJudged(model, unit, "2025");
  EXPECT_EQ(kept, judged);
  EXPECT_EQ(model.Find(next)->verdict.status, TargetStatus::kMissed) << kept;

  // The indicator turns computed (its source not there yet): typed values no longer count.
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(auto i, FindIndicator(c, ind));
                i->computed = "test.none";
                return UpdateIndicator(c, *i);
              }).ok());
  ASSERT_TRUE(model.RefreshIndicator(db(), ind).ok());
  std::tie(kept, judged) = KeptAndJudged(model, unit);
  EXPECT_EQ(kept, judged);
  EXPECT_EQ(kept, "chưa có số liệu năm 2024");
}

}  // namespace
}  // namespace dh::targets

// Computed indicators follow their source on every read: nobody types their values, and a
// change in the underlying records shows in the status without any write to the targets.
#include "targets/computed_source.h"

#include <gtest/gtest.h>

#include "targets/target_model.h"

namespace dh::targets {
namespace {

Period P(const char* s) { return *Period::Parse(s); }

Target MakeTarget(int64_t id, int64_t indicator, int64_t unit, const char* period,
                  const char* text) {
  Target t{id, indicator, unit, P(period), text};
  t.parsed = *ReadTargetExpression(text);
  return t;
}

TEST(ComputedSourceTest, StatusFollowsTheRecordsOnEachRead) {
  // The "records": what the source reads, changed by the test between two reads.
  std::vector<ComputedValue> records = {{7, P("2026-Q1"), 80, ValueKind::kEstimate}};
  ComputedSources sources;
  sources.Register("test.rate", [&](const Indicator&) { return records; });
  TargetModel model(sources);
  Indicator computed{1, "ONTIME", "Tỷ lệ đúng hạn", "On time", "%"};
  computed.aggregation = Aggregation::kAverage;
  computed.computed = "test.rate";
  Indicator typed{2, "TYPED", "Nhập tay", "Typed", "%"};
  // A typed value for the computed indicator is ignored even if one reached the store.
  IndicatorValue stray{1, 1, 7, P("2026-Q1"), ValueKind::kOfficial, 99};
  IndicatorValue typed_value{2, 2, 7, P("2026-Q1"), ValueKind::kOfficial, 95};
  model.Replace({computed, typed},
                {MakeTarget(10, 1, 7, "2026-Q1", "tối thiểu 90%"),
                 MakeTarget(11, 2, 7, "2026-Q1", "tối thiểu 90%"),
                 MakeTarget(12, 1, 8, "2026-Q1", "tối thiểu 90%")},
                {stray, typed_value});

  auto row = model.Find(10);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->verdict.status, TargetStatus::kAtRisk) << row->verdict.reason;
  EXPECT_EQ(row->verdict.reason, "ước 80 % < 90 %: có nguy cơ không đạt");
  records[0].value = 93;  // tasks finished on time since
  EXPECT_EQ(model.Find(10)->verdict.status, TargetStatus::kOnTrack);
  records[0].kind = ValueKind::kOfficial;
  EXPECT_EQ(model.Find(10)->verdict.status, TargetStatus::kAchieved);
  // A unit without records in the source is not reported, whatever was typed.
  EXPECT_EQ(model.Find(12)->verdict.status, TargetStatus::kNotReported);
  // The typed indicator keeps its typed value.
  EXPECT_EQ(model.Find(11)->verdict.status, TargetStatus::kAchieved);
  EXPECT_EQ(model.ReadingsOf(1, 7).size(), 1u);
  EXPECT_DOUBLE_EQ(model.ReadingsOf(1, 7)[0].value, 93);
}

// A source whose records come in through its refresh (as a read model's feed catches up):
// each read refreshes it once, however many of its indicators the read evaluates, and
// before it reads them — a payment recorded since the last read is in the next one.
TEST(ComputedSourceTest, ASourceIsRefreshedOnceEachReadBeforeItsValues) {
  std::vector<ComputedValue> committed = {{7, P("2026"), 50, ValueKind::kEstimate}}, seen;
  int refreshes = 0;
  ComputedSources sources;
  sources.Register(
      "test.feed", [&](const Indicator&) { return seen; }, [&] { ++refreshes, seen = committed; });
  TargetModel model(sources);
  std::vector<Indicator> indicators;
  std::vector<Target> targets;
  for (int64_t id = 1; id <= 3; ++id) {
    Indicator i{id, "GN" + std::to_string(id), "Tỷ lệ giải ngân", "Disbursement", "%"};
    i.computed = "test.feed";
    indicators.push_back(i);
    targets.push_back(MakeTarget(10 + id, id, 7, "2026", "tối thiểu 90%"));
  }
  model.Replace(indicators, targets, {});
  TargetQuery all;
  all.judge_now = true;
  int before = refreshes;
  auto rows = model.Query(all);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(refreshes - before, 1) << "one refresh for the three indicators of one read";
  for (const TargetRow& r : rows) EXPECT_DOUBLE_EQ(r.reading.value_or(Reading{}).value, 50);
  committed[0].value = 95;  // a payment since
  before = refreshes;
  rows = model.Query(all);
  EXPECT_EQ(refreshes - before, 1);
  for (const TargetRow& r : rows)
    EXPECT_DOUBLE_EQ(r.reading.value_or(Reading{}).value, 95) << "not stale";
  committed[0].value = 97;
  before = refreshes;
  EXPECT_DOUBLE_EQ(model.ReadingsOf(2, 7).at(0).value, 97);
  EXPECT_EQ(refreshes - before, 1);
}

TEST(ComputedSourceTest, AnIndicatorWithoutItsSourceYetHasNoValues) {
  ComputedSources sources;
  Indicator disbursement{1, "GIAINGAN", "Tỷ lệ giải ngân", "Disbursement", "%"};
  disbursement.computed = kDisbursementSource;
  EXPECT_TRUE(sources.ValuesOf(disbursement).empty());
  EXPECT_FALSE(sources.Has(kDisbursementSource));
  sources.Register(kDisbursementSource, [](const Indicator&) {
    return std::vector<ComputedValue>{{3, P("2025-09"), 58.4, ValueKind::kOfficial}};
  });
  EXPECT_EQ(sources.ValuesOf(disbursement).size(), 1u);
}

}  // namespace
}  // namespace dh::targets

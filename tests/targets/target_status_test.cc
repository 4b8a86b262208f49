// Periods and target status: the rule that decides achieved / on track / at risk / missed
// / not reported, with its sentence, at the period boundaries. Tables of cases.
#include "targets/target_status.h"

#include <gtest/gtest.h>

#include "core/message.h"

namespace dh::targets {
namespace {

Period P(const char* s) { return *Period::Parse(s); }

TEST(PeriodTest, ParsesTheThreeFormsAndRefusesTheRest) {
  const struct {
    const char* text;
    const char* back;  // nullptr: refused
    const char* label;
    const char* first;
    const char* last;
  } cases[] = {
      {"2024", "2024", "năm 2024", "2024-01-01", "2024-12-31"},
      {"2024-Q2", "2024-Q2", "quý II/2024", "2024-04-01", "2024-06-30"},
      {"2024-q4", "2024-Q4", "quý IV/2024", "2024-10-01", "2024-12-31"},
      {"2024-06", "2024-06", "tháng 6/2024", "2024-06-01", "2024-06-30"},
      {"2024-02", "2024-02", "tháng 2/2024", "2024-02-01", "2024-02-29"},
      {"2025-02", "2025-02", "tháng 2/2025", "2025-02-01", "2025-02-28"},
      {"2024-Q5", nullptr},
      {"2024-13", nullptr},
      {"2024-00", nullptr},
      {"2024-6", nullptr},
      {"24", nullptr},
      {"1999", nullptr},
      {"2024/06", nullptr},
      {"", nullptr},
      {"2024-Q", nullptr},
      {"năm 2024", nullptr},
      {"2024-06-01", nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto p = Period::Parse(c.text);
    if (!c.back) {
      ASSERT_FALSE(p.ok());
      EXPECT_EQ(p.status().field(), "period");
      EXPECT_NE(p.status().message().find("2024-Q2"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->ToString(), c.back);
    EXPECT_EQ(p->Label(), c.label);
    EXPECT_EQ(p->First().ToString(), c.first);
    EXPECT_EQ(p->Last().ToString(), c.last);
  }
  EXPECT_EQ(P("2024-Q1").Previous().ToString(), "2023-Q4");
  EXPECT_EQ(P("2024-01").Previous().ToString(), "2023-12");
  EXPECT_EQ(P("2024").Previous().ToString(), "2023");
  EXPECT_TRUE(P("2024-06").Within(P("2024-Q2")));
  EXPECT_FALSE(P("2024-07").Within(P("2024-Q2")));
  EXPECT_FALSE(P("2023-06").Within(P("2024")));
}

TargetExpression T(const char* text) { return *ReadTargetExpression(text); }

struct Case {
  const char* target;
  const char* period;
  Direction direction;
  bool cumulative;
  const char* reading_period;  // nullptr: no value
  double value;
  ValueKind kind;
  TargetStatus status;
  const char* reason;
};

constexpr auto kHi = Direction::kHigherBetter;
constexpr auto kLo = Direction::kLowerBetter;
constexpr auto kOff = ValueKind::kOfficial;
constexpr auto kEst = ValueKind::kEstimate;
using S = TargetStatus;

const Case kCases[] = {
    // The whole period: official decides, an estimate forecasts.
    {"7,5-8%", "2024", kHi, false, "2024", 7.17, kOff, S::kMissed, "7,17 % < 7,5 %: chưa đạt"},
    {"7,5-8%", "2024", kHi, false, "2024", 7.8, kOff, S::kAchieved,
     "7,8 % trong khoảng 7,5 % – 8 %: đạt"},
    {"7,5-8%", "2024", kHi, false, "2024", 7.5, kOff, S::kAchieved, "trong khoảng"},
    {"7,5-8%", "2024", kHi, false, "2024", 8, kOff, S::kAchieved, "trong khoảng"},
    {"7,5-8%", "2024", kHi, false, "2024", 8.01, kOff, S::kMissed, "8,01 % > 8 %: chưa đạt"},
    {"7,5-8%", "2024", kHi, false, "2024", 7.2, kEst, S::kAtRisk,
     "ước 7,2 % < 7,5 %: có nguy cơ không đạt"},
    {"7,5-8%", "2024", kHi, false, "2024", 7.6, kEst, S::kOnTrack, "dự kiến đạt"},
    {"trên 95%", "2024", kHi, false, "2024", 95, kOff, S::kMissed, "95 % = 95 %: chưa đạt"},
    {"tối thiểu 95%", "2024", kHi, false, "2024", 95, kOff, S::kAchieved, "95 % = 95 %: đạt"},
    {"trên 95%", "2024", kHi, false, "2024", 96.2, kOff, S::kAchieved, "96,2 % > 95 %: đạt"},
    {"dưới 3%", "2024", kLo, false, "2024", 3, kOff, S::kMissed, "3 % = 3 %: chưa đạt"},
    {"tối đa 3%", "2024", kLo, false, "2024", 3, kOff, S::kAchieved, "đạt"},
    {"bằng 100%", "2024", kHi, false, "2024", 101, kOff, S::kAchieved, "101 % > 100 %: đạt"},
    {"bằng 100%", "2024", kLo, false, "2024", 101, kOff, S::kMissed, "chưa đạt"},
    {"bằng 100%", "2024", Direction::kInRange, false, "2024", 100, kOff, S::kAchieved, "đạt"},
    // Nothing yet.
    {"trên 95%", "2024", kHi, false, nullptr, 0, kOff, S::kNotReported, "chưa có số liệu năm 2024"},
    {"trên 95%", "2024", kHi, false, "2023", 99, kOff, S::kNotReported, "chưa có số liệu"},
    // A part of the year, a volume: its share against the plan to date (linear here).
    {"≥ 1.000 căn", "2024", kHi, true, "2024-Q2", 410, kOff, S::kAtRisk,
     "quý II đạt 41 % kế hoạch năm, cần 50 %: có nguy cơ"},
    {"≥ 1.000 căn", "2024", kHi, true, "2024-Q2", 500, kOff, S::kOnTrack,
     "quý II đạt 50 % kế hoạch năm, cần 50 %: đúng tiến độ"},
    {"≥ 1.000 căn", "2024", kHi, true, "2024-Q1", 250, kEst, S::kOnTrack, "cần 25 %"},
    {"≥ 1.000 căn", "2024", kHi, true, "2024-04", 300, kOff, S::kAtRisk,
     "tháng 4 đạt 30 % kế hoạch năm, cần 33,33 %: có nguy cơ"},
    {"≥ 1.000 căn", "2024", kHi, true, "2024-Q3", 1000, kOff, S::kAchieved,
     "quý III đã đạt: 1.000 căn = 1.000 căn: đạt"},
    {"≥ 1.000 căn", "2024", kHi, true, "2024-Q4", 990, kOff, S::kAtRisk, "cần 100 %"},
    // A ceiling that adds up (accidents): the share used against the share allowed.
    {"tối đa 400 vụ", "2024", kLo, true, "2024-Q2", 180, kOff, S::kOnTrack,
     "quý II dùng 45 % mức trần năm, trong giới hạn 50 %: đúng tiến độ"},
    {"tối đa 400 vụ", "2024", kLo, true, "2024-Q2", 240, kOff, S::kAtRisk,
     "quý II dùng 60 % mức trần năm, quá 50 %: có nguy cơ"},
    {"tối đa 400 vụ", "2024", kLo, true, "2024-Q3", 410, kOff, S::kMissed,
     "quý III đã vượt mức: 410 vụ > 400 vụ: chưa đạt"},
    // A part of the year, a rate: judged as it stands.
    {"trên 95%", "2024", kHi, false, "2024-Q2", 91, kEst, S::kAtRisk,
     "quý II (ước): 91 % < 95 %: có nguy cơ"},
    {"trên 95%", "2024", kHi, false, "2024-06", 97, kOff, S::kOnTrack,
     "tháng 6: 97 % > 95 %: đúng tiến độ"},
    // A quarter's target judged on its months.
    {"≥ 300 hồ sơ", "2024-Q2", kHi, true, "2024-04", 100, kOff, S::kOnTrack,
     "tháng 4 đạt 33,33 % kế hoạch quý, cần 33,33 %: đúng tiến độ"},
    {"≥ 300 hồ sơ", "2024-Q2", kHi, true, "2024-Q2", 290, kOff, S::kMissed,
     "290 hồ sơ < 300 hồ sơ: chưa đạt"},
};

TEST(TargetStatusTest, DecidesWithTheSentenceThatSaysWhy) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.target) + " " + c.period + " " +
                 (c.reading_period ? c.reading_period : "-"));
    StatusQuestion q{c.direction, c.cumulative, T(c.target), P(c.period)};
    if (c.reading_period) {
      const auto r = PickReading({{P(c.reading_period), c.value, c.kind}}, q.period);
      q.reading = r;
    }
    const StatusVerdict v = JudgeTarget(q);
    EXPECT_EQ(StatusName(v.status), StatusName(c.status)) << v.reason;
    EXPECT_NE(v.reason.find(c.reason), std::string::npos) << v.reason;
  }
}

TEST(TargetStatusTest, ASplitSaysWhatIsPlannedByEachPart) {
  // Social housing is built late in the year: 10 %, 20 %, 30 %, 40 % by quarter.
  const std::vector<SplitPart> split = {
      {P("2024-Q1"), 10}, {P("2024-Q2"), 20}, {P("2024-Q3"), 30}, {P("2024-Q4"), 40}};
  EXPECT_DOUBLE_EQ(PlannedShareBy(split, P("2024-Q2"), P("2024")), 30);
  EXPECT_DOUBLE_EQ(PlannedShareBy(split, P("2024-05"), P("2024")), 10);
  EXPECT_DOUBLE_EQ(PlannedShareBy(split, P("2024-06"), P("2024")), 30);
  EXPECT_DOUBLE_EQ(PlannedShareBy({}, P("2024-06"), P("2024")), 50);
  StatusQuestion q{kHi, true, T("≥ 1.000 căn"), P("2024"), split};
  q.reading = Reading{P("2024-Q2"), 310, kOff};
  const StatusVerdict v = JudgeTarget(q);
  EXPECT_EQ(v.status, S::kOnTrack);
  EXPECT_EQ(v.reason, "quý II đạt 31 % kế hoạch năm, cần 30 %: đúng tiến độ");
}

// Why a target has its status, in both languages whatever the language of the caller: the
// review sheet prints the Vietnamese, the API gives the reader's (StatusReason).
TEST(TargetStatusTest, TheReasonIsSaidInBothLanguages) {
  struct Case {
    const char* what;
    StatusQuestion q;
    std::optional<Reading> reading;
    const char* vi;
    const char* en;
  };
  const Case kCases[] = {
      {"no value yet",
       {kHi, false, T("trên 95%"), P("2024")},
       std::nullopt,
       "chưa có số liệu năm 2024",
       "no values yet for 2024"},
      {"a whole-year official value in a range",
       {kHi, false, T("7,5 – 8%"), P("2024")},
       Reading{P("2024"), 7.8, kOff},
       "7,8 % trong khoảng 7,5 % – 8 %: đạt",
       "7.8 % within 7.5 % – 8 %: achieved"},
      {"a volume behind its split",
       {kHi, true, T("≥ 1.000 căn"), P("2024"), {{P("2024-Q1"), 10}, {P("2024-Q2"), 40}}},
       Reading{P("2024-Q2"), 450, kOff},
       "quý II đạt 45 % kế hoạch năm, cần 50 %: có nguy cơ",
       "Q2 reached 45 % of the year plan, 50 % needed: at risk"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.what);
    StatusQuestion q = c.q;
    q.reading = c.reading;
    for (const Lang caller : {Lang::kVi, Lang::kEn}) {
      ScopedLang in(caller);
      const StatusVerdict v = JudgeTarget(q);
      EXPECT_EQ(v.reason, c.vi);
      EXPECT_EQ(v.reason_en, c.en);
      EXPECT_EQ(StatusReason(v), caller == Lang::kEn ? c.en : c.vi);
    }
  }
  // Numbers grouped as each language writes them.
  StatusQuestion past{kHi, true, T("≥ 1.000 căn"), P("2024")};
  past.reading = Reading{P("2024-Q2"), 1234.5, kOff};
  const StatusVerdict v = JudgeTarget(past);
  EXPECT_EQ(v.reason, "quý II đã đạt: 1.234,5 căn > 1.000 căn: đạt");
  EXPECT_EQ(v.reason_en, "Q2 already achieved: 1,234.5 căn > 1,000 căn: achieved");
}

TEST(TargetStatusTest, RelativeTargetsUseThePreviousOfficialValue) {
  const struct {
    const char* target;
    std::optional<double> previous;
    double value;
    TargetStatus status;
    const char* reason;
  } cases[] = {
      {"giảm 10%", 200, 180, S::kAchieved, "180 = 180 (năm 2023: 200): đạt"},
      {"giảm 10%", 200, 181, S::kMissed, "181 > 180 (năm 2023: 200): chưa đạt"},
      {"tăng 5% so với năm trước", 1000, 1060, S::kAchieved, "1.060 > 1.050"},
      {"tăng 200 căn", 1000, 1100, S::kMissed, "1.100 căn < 1.200 căn"},
      {"giảm 10%", std::nullopt, 180, S::kNotReported,
       "chưa có giá trị chính thức năm 2023 để so sánh"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    StatusQuestion q{kLo, false, T(c.target), P("2024")};
    q.previous_official = c.previous;
    q.reading = Reading{P("2024"), c.value, kOff};
    const StatusVerdict v = JudgeTarget(q);
    EXPECT_EQ(v.status, c.status) << v.reason;
    EXPECT_NE(v.reason.find(c.reason), std::string::npos) << v.reason;
  }
}

TEST(TargetStatusTest, PicksTheWholePeriodFirstThenTheLatestPart) {
  const std::vector<Reading> values = {{P("2024-Q1"), 1, kOff}, {P("2024-Q2"), 2, kEst},
                                       {P("2024-06"), 3, kOff}, {P("2024-Q2"), 4, kOff},
                                       {P("2025-Q1"), 9, kOff}, {P("2023"), 9, kOff}};
  EXPECT_EQ(PickReading(values, P("2024"))->value, 4);  // Q2 official: latest, official, longer
  auto with_year = values;
  with_year.push_back({P("2024"), 5, kEst});
  EXPECT_EQ(PickReading(with_year, P("2024"))->value, 5);
  with_year.push_back({P("2024"), 6, kOff});
  EXPECT_EQ(PickReading(with_year, P("2024"))->value, 6);
  EXPECT_EQ(PickReading(values, P("2024-Q1"))->value, 1);
  EXPECT_FALSE(PickReading(values, P("2026")).has_value());
}

TEST(TargetStatusTest, ATrendDrawsPeriodsOfOneSizeOnly) {
  const auto E = ValueKind::kEstimate, O = ValueKind::kOfficial;
  const std::vector<Reading> values = {
      {P("2024"), 7.17, O},    {P("2025-Q3"), 8.1, O}, {P("2025"), 8.2, E}, {P("2025-Q2"), 7.9, E},
      {P("2025-Q2"), 7.95, O}, {P("2026"), 9, E},      {P("2023"), 6.9, O}, {P("2025-09"), 8.0, O}};
  struct Case {
    PeriodKind kind;
    const char* until;
    size_t n;
    std::vector<std::string> periods;
  };
  const Case cases[] = {
      {PeriodKind::kYear, "2025", 12, {"2023", "2024", "2025"}},   // not 2026, no quarter
      {PeriodKind::kYear, "2025", 2, {"2024", "2025"}},            // the last n
      {PeriodKind::kQuarter, "2025", 12, {"2025-Q2", "2025-Q3"}},  // Q2 once
      {PeriodKind::kMonth, "2025-Q3", 12, {"2025-09"}},
      {PeriodKind::kQuarter, "2024", 12, {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Reading& r : TrendOf(values, c.kind, P(c.until), c.n))
      got.push_back(r.period.ToString());
    EXPECT_EQ(got, c.periods) << c.until << " n=" << c.n;
  }
  // A period given as estimate and official: the official value is drawn.
  const auto q = TrendOf(values, PeriodKind::kQuarter, P("2025"), 12);
  EXPECT_DOUBLE_EQ(q[0].value, 7.95);
  EXPECT_EQ(q[0].kind, ValueKind::kOfficial);
}

}  // namespace
}  // namespace dh::targets

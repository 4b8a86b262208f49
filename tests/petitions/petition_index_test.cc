// The two QĐ 766/QĐ-TTg 2022 indexes per unit and period, at the period's boundaries:
//   on-time rate      = answered on time or early ÷ petitions within the unit's authority × 100 %
//   satisfaction rate = (total − marked unsatisfied − overdue) ÷ total × 100 %
// A petition counts in the period in which its unit received it, judged as of the period's
// last day. Period: June 2025 (01/06 a Sunday, 30/06 a Monday).
#include <gtest/gtest.h>

#include "petitions/petition.h"

namespace dh::petitions {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
std::optional<Date> OptD(const char* s) { return s ? std::optional(D(s)) : std::nullopt; }
const calendar::WorkCalendar& Cal() {
  static const calendar::WorkCalendar cal;
  return cal;
}

struct Row {
  const char* received;
  const char* due;
  const char* answered;  // null: not answered
  int rating;            // 0 none, 1 satisfied, -1 unsatisfied
  const char* rated;
  const char* buckets;  // what it counts as, space separated; "" outside the period
  const char* why;
};

IndexFacts Facts(const Row& r) {
  IndexFacts f{1, D(r.received), D(r.due), OptD(r.answered), std::nullopt, OptD(r.rated)};
  if (r.rating) f.satisfied = r.rating > 0;
  return f;
}

const Row kRows[] = {
    {"2025-05-30", "2025-06-10", "2025-06-05", 1, "2025-06-06", "", "received before the period"},
    {"2025-06-01", "2025-06-10", "2025-06-10", 1, "2025-06-11", "on_time",
     "received on the first day; answered on the deadline"},
    {"2025-06-02", "2025-06-11", "2025-06-03", -1, "2025-06-04", "on_time unsatisfied",
     "early but unsatisfied"},
    {"2025-06-02", "2025-06-11", "2025-06-12", 0, nullptr, "overdue", "answered a day late"},
    {"2025-06-02", "2025-06-14", "2025-06-16", 0, nullptr, "on_time",
     "a Saturday deadline falls on Monday"},
    {"2025-06-05", "2025-06-16", nullptr, 0, nullptr, "overdue", "unanswered past the deadline"},
    {"2025-06-05", "2025-06-12", "2025-06-20", -1, "2025-06-21", "overdue unsatisfied",
     "late and unsatisfied: subtracted once"},
    {"2025-06-20", "2025-06-30", nullptr, 0, nullptr, "pending",
     "due on the period's last day, not yet late"},
    {"2025-06-30", "2025-07-09", nullptr, 0, nullptr, "pending", "received on the last day"},
    {"2025-06-25", "2025-07-04", "2025-07-02", -1, "2025-07-03", "pending",
     "answered and rated after the period: still pending at its end"},
    {"2025-06-10", "2025-06-19", "2025-06-18", -1, "2025-07-01", "on_time",
     "rated unsatisfied only after the period"},
    {"2025-07-01", "2025-07-10", "2025-07-01", 1, "2025-07-01", "", "received after the period"},
};

TEST(PetitionIndexTest, EachPetitionAtThePeriodBoundaries) {
  for (const Row& r : kRows) {
    std::string got;
    for (auto b : IndexBuckets(Facts(r), D("2025-06-01"), D("2025-06-30"), Cal()))
      got += (got.empty() ? "" : " ") + std::string(b);
    EXPECT_EQ(got, r.buckets) << r.why;
  }
}

TEST(PetitionIndexTest, TheTwoRates) {
  IndexCounts c;
  for (const Row& r : kRows) Count(Facts(r), D("2025-06-01"), D("2025-06-30"), Cal(), c);
  EXPECT_EQ(c.total, 10);
  EXPECT_EQ(c.on_time, 4);
  EXPECT_EQ(c.overdue, 3);
  EXPECT_EQ(c.unsatisfied, 2);
  EXPECT_EQ(c.pending, 3);
  EXPECT_EQ(c.overdue_or_unsatisfied, 4);
  EXPECT_DOUBLE_EQ(*c.OnTimeRate(), 40.0);
  EXPECT_DOUBLE_EQ(*c.SatisfactionRate(), 60.0);
}

TEST(PetitionIndexTest, NoPetitionsNoRate) {
  const IndexCounts c;
  EXPECT_EQ(c.OnTimeRate(), std::nullopt);
  EXPECT_EQ(c.SatisfactionRate(), std::nullopt);
}

TEST(PetitionIndexTest, AllBadIsZeroNotNegative) {
  IndexCounts c;
  const Row r{"2025-06-02", "2025-06-11", "2025-06-20", -1, "2025-06-21", "", ""};
  Count(Facts(r), D("2025-06-01"), D("2025-06-30"), Cal(), c);
  EXPECT_DOUBLE_EQ(*c.SatisfactionRate(), 0.0);
  EXPECT_DOUBLE_EQ(*c.OnTimeRate(), 0.0);
}

}  // namespace
}  // namespace dh::petitions

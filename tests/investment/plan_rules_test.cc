// The pure rules of public investment as tables of cases: the annual plan from its versions,
// the disbursement windows (31/01 and 31/12 of the next year) and every plan-adjustment rule,
// errors beside the happy rows.
#include "investment/plan_rules.h"

#include <gtest/gtest.h>

namespace dh::investment {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

using K = VersionKind;
constexpr PlanBasis kCouncil = PlanBasis::kCouncil;
constexpr PlanBasis kPm = PlanBasis::kPrimeMinister;

PlanVersion V(int year, int64_t project, int64_t source, PlanBasis basis, K kind, Money amount,
              const char* decided) {
  return PlanVersion{.year = year,
                     .project_id = project,
                     .source_id = source,
                     .basis = basis,
                     .kind = kind,
                     .amount = amount,
                     .decision_date = D(decided)};
}

TEST(CurrentPlanTest, SumsTheVersionsOfItsKeyAndSetsApartWhatCameAfterSep30) {
  const std::vector<PlanVersion> versions = {
      V(2026, 1, 10, kCouncil, K::kInitial, 100, "2025-12-10"),
      V(2026, 1, 10, kCouncil, K::kAdjustment, -30, "2026-07-15"),
      V(2026, 1, 10, kCouncil, K::kCarryOver, 5, "2026-02-01"),
      V(2026, 1, 10, kPm, K::kInitial, 90, "2025-12-01"),
      V(2026, 2, 10, kCouncil, K::kInitial, 50, "2025-12-10"),
      V(2026, 2, 10, kCouncil, K::kAdjustment, 20, "2026-10-20"),  // added after 30/09
      V(2026, 2, 10, kCouncil, K::kAdjustment, 5, "2026-09-30"),   // on 30/09: not after
      V(2026, 3, 10, kCouncil, K::kInitial, 50, "2025-12-10"),
      V(2026, 3, 10, kCouncil, K::kAdjustment, 20, "2026-10-20"),
      V(2026, 3, 10, kCouncil, K::kAdjustment, -30, "2026-11-20"),  // net cut after 30/09
      V(2025, 1, 10, kCouncil, K::kInitial, 70, "2024-12-10"),
      V(2026, 1, 11, kCouncil, K::kInitial, 8, "2025-12-10"),
  };
  const struct {
    PlanKey key;
    Money total, late, carried;
  } kCases[] = {
      {{2026, 1, 10, kCouncil}, 75, 0, 5},
      {{2026, 1, 10, kPm}, 90, 0, 0},  // the other basis is its own plan
      {{2026, 2, 10, kCouncil}, 75, 20, 0},
      {{2026, 3, 10, kCouncil}, 40, 0, 0},
      {{2025, 1, 10, kCouncil}, 70, 0, 0},
      {{2026, 1, 11, kCouncil}, 8, 0, 0},
      {{2027, 1, 10, kCouncil}, 0, 0, 0},  // no versions: no plan
  };
  for (const auto& c : kCases) {
    const PlanAmount got = CurrentPlan(versions, c.key);
    EXPECT_EQ(got.total, c.total) << c.key.year << "/" << c.key.project_id;
    EXPECT_EQ(got.added_after_sep30, c.late) << c.key.year << "/" << c.key.project_id;
    EXPECT_EQ(got.carried_over, c.carried) << c.key.year << "/" << c.key.project_id;
    EXPECT_EQ(got.regular(), c.total - c.late);
  }
}

TEST(CurrentPlanTest, AddedAfterSep30IsAnIncreaseDecidedAfterIt) {
  const struct {
    const char* decided;
    Money amount;
    bool added;
  } kCases[] = {{"2026-09-30", 10, false},
                {"2026-10-01", 10, true},
                {"2026-10-01", -10, false},
                {"2027-01-15", 10, true},
                {"2026-03-01", 10, false}};
  for (const auto& c : kCases)
    EXPECT_EQ(AddedAfterSep30(2026, D(c.decided), c.amount), c.added) << c.decided;
}

TEST(PaymentWindowTest, YearYCountsUntil31JanuaryAndLateCapitalUntil31December) {
  const struct {
    const char* paid;
    PaymentWindow window;
    Money late_capital;
    const char* error;  // "" when accepted
  } kCases[] = {
      {"2025-12-31", PaymentWindow::kBeforeYear, 0, "before_plan_year"},
      {"2026-01-01", PaymentWindow::kRegular, 0, ""},
      {"2026-12-31", PaymentWindow::kRegular, 0, ""},
      {"2027-01-31", PaymentWindow::kRegular, 0, ""},  // art. 72: until 31/01 of Y+1
      {"2027-02-01", PaymentWindow::kLateCapital, 0, "payment_window_closed"},
      {"2027-02-01", PaymentWindow::kLateCapital, 5, ""},  // capital added after 30/09
      {"2027-12-31", PaymentWindow::kLateCapital, 5, ""},
      {"2028-01-01", PaymentWindow::kClosed, 5, "payment_window_closed"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(WindowOf(2026, D(c.paid)), c.window) << c.paid;
    const Status s = CheckPaymentDate(2026, D(c.paid), c.late_capital);
    EXPECT_EQ(s.error_code(), c.error) << c.paid;
    if (!s.ok()) EXPECT_EQ(s.field(), "paid_on");
  }
  EXPECT_EQ(RegularDeadline(2026), D("2027-01-31"));
  EXPECT_EQ(LateCapitalDeadline(2026), D("2027-12-31"));
  EXPECT_NE(CheckPaymentDate(2026, D("2027-02-01"), 0).message().find("31/01/2027"),
            std::string::npos);
}

// Project 1 gives (plan 50, disbursed 30); project 2 receives (total 100, 40 in earlier
// years, 20 this year; medium-term 70 with 40 in the period's other years: room 30 in
// source 10); project 3 is not in the medium-term plan; project 4 has little left of its
// total investment (55 − 40 − 0: room 15). Sources 10, 11 local, 12 central.
AdjustmentState State() {
  AdjustmentState s;
  s.projects[1] = {"DA-1", 1000, 0, 50};
  s.projects[2] = {"DA-2", 100, 40, 20};
  s.projects[3] = {"DA-3", 1000, 0, 0};
  s.projects[4] = {"DA-4", 55, 40, 0};
  s.funds[{1, 10}] = {50, 30, 200, 0};
  s.funds[{1, 12}] = {50, 0, 200, 0};
  s.funds[{2, 10}] = {20, 0, 70, 40};
  s.funds[{2, 12}] = {0, 0, 70, 0};
  s.funds[{4, 10}] = {0, 0, 500, 0};
  s.source_levels = {
      {10, BudgetLevel::kLocal}, {11, BudgetLevel::kLocal}, {12, BudgetLevel::kCentral}};
  return s;
}

Move M(int64_t from, int64_t to, int64_t source, Money amount,
       std::optional<int64_t> to_source = std::nullopt) {
  return Move{from, to, source, amount, to_source};
}

// Every rule of CheckAdjustment with the error code and field it answers, beside moves that
// pass (status kOk).
struct AdjustmentCase {
  const char* name;
  std::vector<Move> moves;
  StatusCode status;
  const char* code;
  const char* field;
};
// Moves that pass, and moves refused for what they say (amount, project, source).
std::vector<AdjustmentCase> InputCases() {
  return {
      {"moves within every limit", {M(1, 2, 10, 10)}, StatusCode::kOk, "", ""},
      {"up to the disbursed amount exactly",
       {M(1, 4, 10, 15), M(1, 2, 10, 5)},
       StatusCode::kOk,
       "",
       ""},
      {"checked on the plans after all moves",
       {M(1, 2, 10, 35), M(2, 1, 10, 30)},
       StatusCode::kOk,
       "",
       ""},
      {"zero amount",
       {M(1, 2, 10, 0)},
       StatusCode::kInvalidInput,
       "invalid_amount",
       "moves[0].amount"},
      {"negative amount",
       {M(1, 2, 10, 5), M(1, 2, 10, -5)},
       StatusCode::kInvalidInput,
       "invalid_amount",
       "moves[1].amount"},
      {"to itself",
       {M(1, 1, 10, 5)},
       StatusCode::kInvalidInput,
       "same_project",
       "moves[0].to_project_id"},
      {"into another source",
       {M(1, 2, 10, 5, 11)},
       StatusCode::kInvalidInput,
       "source_mismatch",
       "moves[0].to_source_id"},
      {"the same source named twice", {M(1, 2, 10, 5, 10)}, StatusCode::kOk, "", ""},
      {"an unknown source",
       {M(1, 2, 99, 5)},
       StatusCode::kInvalidInput,
       "unknown_source",
       "moves[0].source_id"},
      {"two budget levels",
       {M(1, 2, 10, 5), M(1, 2, 12, 5)},
       StatusCode::kInvalidInput,
       "budget_level_mismatch",
       "moves[1].source_id"},
  };
}

// Moves refused for the limits of the plans (disbursed, medium-term, total investment).
std::vector<AdjustmentCase> LimitCases() {
  return {
      {"below what was disbursed",
       {M(1, 2, 10, 21)},
       StatusCode::kConflict,
       "below_disbursed",
       "moves[0].amount"},
      {"below disbursed over several moves",
       {M(1, 2, 10, 10), M(1, 4, 10, 11)},
       StatusCode::kConflict,
       "below_disbursed",
       "moves[0].amount"},
      {"above the medium-term ceiling",
       {M(1, 2, 10, 11)},
       StatusCode::kConflict,
       "above_medium_term",
       "moves[0].amount"},
      {"not in the medium-term plan",
       {M(1, 3, 10, 1)},
       StatusCode::kConflict,
       "not_in_medium_term",
       "moves[0].to_project_id"},
      {"above total investment less earlier years",
       {M(1, 4, 10, 16)},
       StatusCode::kConflict,
       "above_total_investment",
       "moves[0].amount"},
  };
}

std::vector<AdjustmentCase> AdjustmentCases() {
  std::vector<AdjustmentCase> all = InputCases();
  for (AdjustmentCase& c : LimitCases()) all.push_back(std::move(c));
  return all;
}

TEST(PlanAdjustmentTest, EveryRuleWithItsFieldBesideTheMovesThatPass) {
  for (const auto& c : AdjustmentCases()) {
    const Status s = CheckAdjustment(c.moves, State());
    EXPECT_EQ(s.code(), c.status) << c.name << ": " << s.ToString();
    EXPECT_EQ(s.error_code(), c.code) << c.name;
    EXPECT_EQ(s.field(), c.field) << c.name;
    if (!s.ok()) EXPECT_FALSE(s.message().empty()) << c.name;
  }
}

TEST(PlanAdjustmentTest, MessagesNameTheProjectAndTheAmountsAsPeopleWriteThem) {
  AdjustmentState s = State();
  s.funds[{1, 10}] = {50'000'000'000, 30'000'000'000, 200'000'000'000, 0};
  s.projects[2] = {"DA-2", 1'000'000'000'000, 0, 0};
  s.funds[{2, 10}] = {0, 0, 1'000'000'000'000, 0};
  const Status st = CheckAdjustment({M(1, 2, 10, 21'000'000'000)}, s);
  EXPECT_EQ(st.message(),
            "Dự án DA-1 đã giải ngân 30.000.000.000 đồng từ nguồn vốn này; kế hoạch vốn sau "
            "điều chỉnh (29.000.000.000 đồng) không được thấp hơn số đã giải ngân.");
}

TEST(PlanChangeTest, AVersionByHandMeetsTheSameLimits) {
  const ProjectLimits p{"DA-2", 100, 40, 20};
  const SourceFunds f{20, 15, 70, 40};
  const struct {
    Money change;
    const char* code;
  } kCases[] = {{10, ""}, {11, "above_medium_term"}, {-5, ""}, {-6, "below_disbursed"}};
  for (const auto& c : kCases)
    EXPECT_EQ(CheckPlanChange(c.change, p, f, "amount").error_code(), c.code) << c.change;
}

}  // namespace
}  // namespace dh::investment

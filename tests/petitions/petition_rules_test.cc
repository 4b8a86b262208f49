// The petition rules as tables of cases, errors beside the happy rows: the state machine,
// the answer deadline in working days (7 for one unit, 20 for several, per category), the
// 5-working-day forwarding window, timeliness in the tasks' vocabulary, the two QĐ 766
// indexes at period boundaries, and what a caller may do now. Dates on the 2025 calendar:
// Monday 02/06/2025; Tết 2025 off 28/01–03/02.
#include <gtest/gtest.h>

#include "petitions/petition.h"
#include "petitions/petition_access.h"

namespace dh::petitions {
namespace {

using S = PetitionState;
using E = PetitionEvent;
using calendar::DueStatus;
using calendar::WorkCalendar;

Date D(const char* s) { return *Date::Parse(s); }
std::optional<Date> OptD(const char* s) { return s ? std::optional(D(s)) : std::nullopt; }
const WorkCalendar& Cal() {
  static const WorkCalendar cal;
  return cal;
}

TEST(PetitionTransitionTest, EveryStepFromEveryState) {
  const struct {
    S from;
    E event;
    std::optional<S> to;  // nullopt: refused
    const char* field;    // the form field a refusal names
  } cases[] = {
      {S::kFiled, E::kRoute, S::kRouted, ""},
      {S::kFiled, E::kReturn, S::kReturned, ""},
      {S::kRouted, E::kForward, S::kForwarded, ""},
      {S::kForwarded, E::kForward, S::kForwarded, ""},
      {S::kRouted, E::kDraftAnswer, S::kAnswerDrafted, ""},
      {S::kForwarded, E::kDraftAnswer, S::kAnswerDrafted, ""},
      {S::kAnswerDrafted, E::kDraftAnswer, S::kAnswerDrafted, ""},
      {S::kAnswerDrafted, E::kApproveDirected, S::kDirected, ""},
      {S::kAnswerDrafted, E::kApproveResolved, S::kResolved, ""},
      {S::kDirected, E::kResolve, S::kResolved, ""},
      {S::kDirected, E::kRate, S::kRated, ""},
      {S::kResolved, E::kRate, S::kRated, ""},
      {S::kRated, E::kReopen, S::kRouted, ""},
      {S::kDirected, E::kReopen, S::kRouted, ""},
      // Refused.
      {S::kRouted, E::kRoute, std::nullopt, "unit_id"},
      {S::kReturned, E::kRoute, std::nullopt, "unit_id"},
      {S::kRouted, E::kReturn, std::nullopt, "reason"},
      {S::kFiled, E::kForward, std::nullopt, "unit_id"},
      {S::kAnswerDrafted, E::kForward, std::nullopt, "unit_id"},
      {S::kFiled, E::kDraftAnswer, std::nullopt, "text"},
      {S::kDirected, E::kDraftAnswer, std::nullopt, "text"},
      {S::kRouted, E::kApproveDirected, std::nullopt, "outcome"},
      {S::kResolved, E::kResolve, std::nullopt, "outcome"},
      {S::kFiled, E::kRate, std::nullopt, "satisfied"},
      {S::kRouted, E::kRate, std::nullopt, "satisfied"},
      {S::kAnswerDrafted, E::kRate, std::nullopt, "satisfied"},  // drafted, not approved
      {S::kRated, E::kRate, std::nullopt, "satisfied"},
      {S::kRouted, E::kReopen, std::nullopt, "reason"},
      {S::kReturned, E::kReopen, std::nullopt, "reason"},
  };
  for (const auto& c : cases) {
    auto to = Transition(c.from, c.event);
    const std::string what =
        std::string(StateName(c.from)) + " event " + std::to_string(static_cast<int>(c.event));
    if (c.to) {
      ASSERT_TRUE(to.ok()) << what << ": " << to.status().ToString();
      EXPECT_EQ(StateName(*to), StateName(*c.to)) << what;
    } else {
      ASSERT_FALSE(to.ok()) << what;
      EXPECT_EQ(to.status().code(), StatusCode::kConflict) << what;
      EXPECT_EQ(to.status().field(), c.field) << what;
      EXPECT_FALSE(to.status().message().empty()) << what;
    }
  }
}

TEST(PetitionStateTest, NamesRoundTrip) {
  for (S s : {S::kFiled, S::kRouted, S::kForwarded, S::kAnswerDrafted, S::kDirected, S::kResolved,
              S::kRated, S::kReturned}) {
    EXPECT_EQ(ParseState(StateName(s)), s);
    EXPECT_FALSE(StateLabel(s).empty());
  }
  EXPECT_EQ(ParseState("answered"), std::nullopt);
  EXPECT_EQ(CategoryLabel("dat_dai"), "Đất đai");
  EXPECT_EQ(CategoryLabel("land"), std::nullopt);
  EXPECT_EQ(ParseReturnReason("duplicate"), ReturnReason::kDuplicate);
  EXPECT_EQ(ParseReturnReason("late"), std::nullopt);
}

TEST(PetitionDeadlineTest, WorkingDaysFromReceipt) {
  PetitionSettings s;
  s.per_category["dat_dai"] = {10, 30};
  const struct {
    const char* category;
    bool several;
    const char* received;
    const char* due;
    const char* why;
  } cases[] = {
      {"thue_phi", false, "2025-06-02", "2025-06-11", "7 working days, one unit"},
      {"thue_phi", true, "2025-06-02", "2025-06-30", "20 working days, several agencies"},
      {"dat_dai", false, "2025-06-02", "2025-06-16", "the category's own 10 days"},
      {"dat_dai", true, "2025-06-02", "2025-07-14", "the category's own 30 days"},
      {"other", false, "2025-06-07", "2025-06-18", "received on a Saturday: as if on Monday"},
      {"other", false, "2025-01-24", "2025-02-11", "across Tết 2025 and its substitute day"},
      {"unknown", false, "2025-06-02", "2025-06-11", "an unknown code takes the defaults"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(AnswerDue(s, c.category, c.several, D(c.received), Cal()).ToString(), c.due) << c.why;
}

TEST(PetitionDeadlineTest, ForwardingWithinFiveWorkingDays) {
  const PetitionSettings s;
  const struct {
    const char* received;
    const char* day;
    bool allowed;
    const char* why;
  } cases[] = {
      {"2025-06-02", "2025-06-02", true, "the day it arrived"},
      {"2025-06-02", "2025-06-09", true, "the fifth working day"},
      {"2025-06-02", "2025-06-10", false, "the sixth working day"},
      {"2025-01-24", "2025-02-07", true, "Tết does not count: 27/01, 04–07/02"},
      {"2025-01-24", "2025-02-10", false, "the sixth working day, after Tết"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(MayForwardOn(s, D(c.received), D(c.day), Cal()), c.allowed) << c.why;
}

TEST(PetitionTimelinessTest, TheTasksVocabulary) {
  const struct {
    S state;
    const char* due;
    const char* answered;
    const char* today;
    DueStatus expected;
  } cases[] = {
      {S::kFiled, nullptr, nullptr, "2025-06-02", DueStatus::kNoDeadline},
      {S::kReturned, nullptr, nullptr, "2025-06-02", DueStatus::kNoDeadline},
      {S::kRouted, "2025-06-11", nullptr, "2025-06-02", DueStatus::kInTime},
      {S::kRouted, "2025-06-11", nullptr, "2025-06-06", DueStatus::kDueSoon},
      {S::kAnswerDrafted, "2025-06-11", nullptr, "2025-06-11", DueStatus::kDueSoon},
      {S::kForwarded, "2025-06-11", nullptr, "2025-06-12", DueStatus::kOverdue},
      {S::kDirected, "2025-06-11", "2025-06-11", "2025-07-01", DueStatus::kDoneOnTime},
      {S::kResolved, "2025-06-11", "2025-06-12", "2025-07-01", DueStatus::kDoneLate},
      {S::kRated, "2025-06-14", "2025-06-16", "2025-07-01", DueStatus::kDoneOnTime},  // Sat due
  };
  for (const auto& c : cases)
    EXPECT_EQ(
        DueStatusName(TimelinessOf(c.state, OptD(c.due), OptD(c.answered), D(c.today), Cal(), 3)),
        DueStatusName(c.expected))
        << StateName(c.state) << " due " << (c.due ? c.due : "-") << " today " << c.today;
}

}  // namespace
}  // namespace dh::petitions

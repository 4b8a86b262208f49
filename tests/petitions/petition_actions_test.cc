// What a caller may do with a petition now (allowed_actions), from one function, as a table:
// the business, the office, the responsible unit's officer and leader, another unit's
// officer, each against petitions in each state.
#include <gtest/gtest.h>

#include "petitions/petition_access.h"

namespace dh::petitions {
namespace {

using S = PetitionState;
Date D(const char* s) { return *Date::Parse(s); }

// Units: 1 the city (office), 10 the tax department, 11 the land department, 50 a business.
PetitionAccess Business() {
  PetitionAccess a{units::UnitScope::Of({50}),
                   units::UnitScope::Of({}),
                   units::UnitScope::Of({}),
                   units::UnitScope::Of({}),
                   {50}};
  return a;
}
PetitionAccess Office() {
  return {units::UnitScope::All(),
          units::UnitScope::All(),
          units::UnitScope::Of({}),
          units::UnitScope::All(),
          {}};
}
PetitionAccess Officer(int64_t unit) {
  return {units::UnitScope::Of({unit}),
          units::UnitScope::Of({unit}),
          units::UnitScope::Of({}),
          units::UnitScope::Of({}),
          {}};
}
PetitionAccess Leader(int64_t unit) {
  return {units::UnitScope::Of({unit}),
          units::UnitScope::Of({unit}),
          units::UnitScope::Of({unit}),
          units::UnitScope::Of({}),
          {}};
}

Petition At(S state, int reopened = 0, bool published = false,
            const char* received = "2025-06-02") {
  Petition p;
  p.business_unit_id = 50;
  p.state = state;
  if (state != S::kFiled && state != S::kReturned) {
    p.responsible_unit_id = 10;
    p.received_on = D(received);
    p.due_on = D("2025-06-11");
  }
  p.reopen_count = reopened;
  p.published = published;
  return p;
}

std::string Actions(const PetitionAccess& a, const Petition& p, const char* today = "2025-06-04") {
  std::string out;
  for (auto x : AllowedActions(a, p, D(today), calendar::WorkCalendar(), PetitionSettings{}))
    out += (out.empty() ? "" : " ") + std::string(x);
  return out;
}

TEST(PetitionActionsTest, WhoMayDoWhatNow) {
  const struct {
    const char* who;
    PetitionAccess access;
    Petition p;
    const char* today;
    const char* expected;
  } cases[] = {
      {"office, filed", Office(), At(S::kFiled), "2025-06-04", "route return"},
      {"business, filed", Business(), At(S::kFiled), "2025-06-04", ""},
      {"officer, routed", Officer(10), At(S::kRouted), "2025-06-04", "forward answer"},
      {"officer, routed, 6th working day", Officer(10), At(S::kRouted), "2025-06-10", "answer"},
      {"officer of another unit", Officer(11), At(S::kRouted), "2025-06-04", ""},
      {"office, routed", Office(), At(S::kRouted), "2025-06-04", "forward answer task"},
      {"officer, drafted", Officer(10), At(S::kAnswerDrafted), "2025-06-04", "answer"},
      {"leader, drafted", Leader(10), At(S::kAnswerDrafted), "2025-06-04", "answer approve-answer"},
      {"leader of another unit", Leader(11), At(S::kAnswerDrafted), "2025-06-04", ""},
      {"officer, directed", Officer(10), At(S::kDirected), "2025-06-04", "resolve"},
      {"business, directed", Business(), At(S::kDirected), "2025-06-04", "rate reopen"},
      {"business, resolved", Business(), At(S::kResolved), "2025-06-04", "rate reopen"},
      {"business, rated", Business(), At(S::kRated), "2025-06-04", "reopen"},
      {"business, rated, reopened once", Business(), At(S::kRated, 1), "2025-06-04", ""},
      {"office, resolved", Office(), At(S::kResolved), "2025-06-04", "publish"},
      {"office, resolved and published", Office(), At(S::kResolved, 0, true), "2025-06-04", ""},
      {"office, returned", Office(), At(S::kReturned), "2025-06-04", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Actions(c.access, c.p, c.today), c.expected) << c.who;
}

TEST(PetitionAccessTest, WhoSeesAPetition) {
  Petition p = At(S::kRouted);
  p.coordinating_unit_ids = {12};
  EXPECT_TRUE(CanSeePetition(Business(), p));
  EXPECT_TRUE(CanSeePetition(Officer(10), p));
  EXPECT_TRUE(CanSeePetition(Officer(12), p));  // coordinating
  EXPECT_FALSE(CanSeePetition(Officer(11), p));
  p.business_unit_id = 51;
  EXPECT_FALSE(CanSeePetition(Business(), p));  // another business's
  Petition filed = At(S::kFiled);
  EXPECT_FALSE(CanSeePetition(Officer(10), filed));  // not yet routed to it
  p.forwarded_from_unit_id = 11;
  EXPECT_TRUE(CanSeePetition(Officer(11), p));  // it forwarded it
}

}  // namespace
}  // namespace dh::petitions

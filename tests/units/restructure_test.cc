#include "units/restructure.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dh::units {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

//   1 city
//   ├── 2 department
//   ├── 3 department
//   └── 4 district
//       ├── 5 ward
//       └── 6 ward
//   7 department, ended 2024-12-31
//   8 department, created 2025-07-01 (under 1)
//   9 ward under 4 from 2025-03-01 only
UnitGraph MakeGraph() {
  auto u = [](int64_t id, const char* kind, const char* from, const char* to = nullptr) {
    return Unit{id,      "C" + std::to_string(id),           "Đơn vị " + std::to_string(id), kind,
                D(from), to ? Date::Parse(to) : std::nullopt};
  };
  auto l = [](int64_t id, int64_t unit, std::optional<int64_t> parent, const char* from,
              const char* to = nullptr) {
    return ParentLink{id, unit, parent, D(from), to ? Date::Parse(to) : std::nullopt};
  };
  return UnitGraph(
      {u(1, "city", "2020-01-01"), u(2, "department", "2020-01-01"),
       u(3, "department", "2020-01-01"), u(4, "district", "2020-01-01"), u(5, "ward", "2020-01-01"),
       u(6, "ward", "2020-01-01"), u(7, "department", "2020-01-01", "2024-12-31"),
       u(8, "department", "2025-07-01"), u(9, "ward", "2025-03-01")},
      {l(1, 1, std::nullopt, "2020-01-01"), l(2, 2, 1, "2020-01-01"), l(3, 3, 1, "2020-01-01"),
       l(4, 4, 1, "2020-01-01"), l(5, 5, 4, "2020-01-01"), l(6, 6, 4, "2020-01-01"),
       l(7, 7, 1, "2020-01-01", "2024-12-31"), l(8, 8, 1, "2025-07-01"), l(9, 9, 4, "2025-03-01")},
      {});
}

RestructureRequest Merge(std::vector<int64_t> sources, std::vector<int64_t> targets,
                         std::vector<NewUnitSpec> new_units = {}, const char* date = "2025-07-01") {
  return {"merge", D(date), std::move(sources), std::move(targets), std::move(new_units), ""};
}
RestructureRequest Split(std::vector<int64_t> sources, std::vector<int64_t> targets,
                         std::vector<NewUnitSpec> new_units = {}, const char* date = "2025-07-01") {
  return {"split", D(date), std::move(sources), std::move(targets), std::move(new_units), ""};
}
NewUnitSpec New(const char* code, const char* kind = "ward",
                std::optional<int64_t> parent = std::nullopt) {
  return {code, std::string("Mới ") + code, kind, parent};
}

TEST(RestructureTest, RefusesWhatTheRulesForbid) {
  const UnitGraph g = MakeGraph();
  struct Case {
    const char* what;
    RestructureRequest req;
    const char* field;
  } cases[] = {
      {"unknown kind", {"rename", D("2025-07-01"), {5}, {6}, {}, ""}, "kind"},
      {"empty kind", {"", D("2025-07-01"), {5}, {6}, {}, ""}, "kind"},
      {"no source", Merge({}, {6}), "source_ids"},
      {"same source twice", Merge({5, 5}, {6}), "source_ids"},
      {"unknown source", Merge({5, 404}, {6}), "source_ids"},
      {"source ended before the date", Merge({7}, {2}), "source_ids"},
      {"source created on the date", Merge({8}, {2}), "source_ids"},
      {"source not yet created", Merge({8}, {2}, {}, "2025-01-01"), "source_ids"},
      {"unknown target", Merge({5}, {404}), "target_ids"},
      {"target is a source", Merge({5, 6}, {6}), "target_ids"},
      {"target ended", Merge({2}, {7}), "target_ids"},
      {"target not yet created", Merge({2}, {8}, {}, "2025-06-30"), "target_ids"},
      {"merge with two existing successors", Merge({5}, {6, 9}), "target_ids"},
      {"merge with an existing and a new successor", Merge({5, 6}, {9}, {New("N1")}), "target_ids"},
      {"merge with two new successors", Merge({5, 6}, {}, {New("N1"), New("N2")}), "target_ids"},
      {"merge without a successor", Merge({5, 6}, {}), "target_ids"},
      {"split of two units", Split({5, 6}, {}, {New("N1"), New("N2")}), "source_ids"},
      {"split into one existing unit", Split({4}, {2}), "target_ids"},
      {"split into one new unit", Split({4}, {}, {New("N1")}), "target_ids"},
      {"split into nothing", Split({4}, {}), "target_ids"},
      {"split into the same unit twice", Split({4}, {2, 2}), "target_ids"},
      {"new unit without code", Merge({5, 6}, {}, {New("")}), "new_units"},
      {"new unit without name", Merge({5, 6}, {}, {{"N1", "", "ward", std::nullopt}}), "new_units"},
      {"new unit of unknown kind", Merge({5, 6}, {}, {New("N1", "province")}), "new_units"},
      {"new unit with a code in use", Merge({5, 6}, {}, {New("C2")}), "new_units"},
      {"two new units with one code", Split({4}, {}, {New("N1"), New("N1")}), "new_units"},
      {"new unit under a source", Split({4}, {}, {New("N1", "ward", 4), New("N2")}), "new_units"},
      {"new unit under an ended unit", Merge({5, 6}, {}, {New("N1", "ward", 7)}), "new_units"},
      {"new unit under an unknown unit", Merge({5, 6}, {}, {New("N1", "ward", 404)}), "new_units"},
  };
  for (const auto& c : cases) {
    auto plan = PlanRestructure(g, c.req);
    ASSERT_FALSE(plan.ok()) << c.what;
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidInput) << c.what;
    EXPECT_EQ(plan.status().field(), c.field) << c.what << ": " << plan.status().message();
    EXPECT_FALSE(plan.status().message().empty()) << c.what;
  }
}

TEST(RestructureTest, MergeIntoAnExistingUnit) {
  const UnitGraph g = MakeGraph();
  auto plan = PlanRestructure(g, Merge({5, 6}, {9}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->ending, (std::vector<int64_t>{5, 6}));
  EXPECT_FALSE(plan->primary_is_new);
  EXPECT_EQ(plan->primary_target_id, 9);
  EXPECT_TRUE(plan->moves.empty());  // wards have no children
}

TEST(RestructureTest, MergeOfOneUnitIntoAnother) {
  // One source and one existing successor: two units in all, as the rule asks.
  auto plan = PlanRestructure(MakeGraph(), Merge({3}, {2}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->primary_target_id, 2);
}

TEST(RestructureTest, MergeIntoANewUnitMovesTheChildren) {
  const UnitGraph g = MakeGraph();
  auto plan = PlanRestructure(g, Merge({4, 3}, {}, {New("Q", "district", 1)}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(plan->primary_is_new);
  EXPECT_EQ(plan->primary_target_id, 0);
  std::vector<std::pair<int64_t, int64_t>> moves;
  for (const auto& m : plan->moves) moves.push_back({m.child_id, m.from_parent_id});
  std::sort(moves.begin(), moves.end());
  EXPECT_EQ(moves, (std::vector<std::pair<int64_t, int64_t>>{{5, 4}, {6, 4}, {9, 4}}));
}

TEST(RestructureTest, ChildrenNotYetAliveOnTheDateDoNotMove) {
  // Before 9 exists only 5 and 6 hang under the district.
  auto plan = PlanRestructure(
      MakeGraph(),
      Split({4}, {}, {New("Q1", "district", 1), New("Q2", "district", 1)}, "2025-02-01"));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::vector<int64_t> children;
  for (const auto& m : plan->moves) children.push_back(m.child_id);
  std::sort(children.begin(), children.end());
  EXPECT_EQ(children, (std::vector<int64_t>{5, 6}));
}

TEST(RestructureTest, SplitIntoExistingAndNewUnits) {
  auto plan = PlanRestructure(MakeGraph(), Split({4}, {2}, {New("Q2", "district", 1)}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->ending, (std::vector<int64_t>{4}));
  EXPECT_FALSE(plan->primary_is_new);  // the existing target comes first
  EXPECT_EQ(plan->primary_target_id, 2);
  EXPECT_EQ(plan->moves.size(), 3u);
}

TEST(RestructureTest, ASuccessorThatWasAChildOfTheSourceDoesNotMoveUnderItself) {
  // District 4 merges into its own ward 5.
  auto plan = PlanRestructure(MakeGraph(), Merge({4}, {5}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  for (const auto& m : plan->moves) EXPECT_NE(m.child_id, 5);
  EXPECT_EQ(plan->moves.size(), 2u);  // 6 and 9 move under 5
  // Ward 5 takes the district's place under the city, not left under a unit that ended.
  ASSERT_EQ(plan->lifts.size(), 1u);
  EXPECT_EQ(plan->lifts[0].unit_id, 5);
  EXPECT_EQ(plan->lifts[0].from_parent_id, 4);
  EXPECT_EQ(plan->lifts[0].to_parent_id, std::optional<int64_t>(1));
}

TEST(RestructureTest, ASuccessorUnderNestedSourcesGoesAboveThemAll) {
  // The city and its district end together into ward 6: above both there is nothing left.
  auto plan = PlanRestructure(MakeGraph(), Merge({4, 1}, {6}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->lifts.size(), 1u);
  EXPECT_EQ(plan->lifts[0].unit_id, 6);
  EXPECT_EQ(plan->lifts[0].to_parent_id, std::nullopt);
  // A successor that was not under a source stays where it is.
  auto other = PlanRestructure(MakeGraph(), Merge({4}, {3}));
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->lifts.empty());
}

TEST(RestructureTest, SourcesThatAreChildrenOfOtherSourcesEndButDoNotMove) {
  auto plan = PlanRestructure(MakeGraph(), Merge({4, 5}, {3}));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::vector<int64_t> children;
  for (const auto& m : plan->moves) children.push_back(m.child_id);
  std::sort(children.begin(), children.end());
  EXPECT_EQ(children, (std::vector<int64_t>{6, 9}));
}

TEST(CheckCanEndTest, RefusesAndAllows) {
  const UnitGraph g = MakeGraph();
  struct Case {
    const char* what;
    int64_t unit;
    const char* last_day;
    StatusCode code;
    const char* error_code;
  } cases[] = {
      {"a unit without children", 2, "2025-06-30", StatusCode::kOk, ""},
      {"a ward", 5, "2025-06-30", StatusCode::kOk, ""},
      {"ending on the day it was created", 2, "2020-01-01", StatusCode::kOk, ""},
      {"the district with live wards", 4, "2025-06-30", StatusCode::kConflict,
       "has_active_children"},
      {"the city with live departments", 1, "2030-12-31", StatusCode::kConflict,
       "has_active_children"},
      {"before it was created", 2, "2019-12-31", StatusCode::kInvalidInput, "invalid_input"},
      {"an unknown unit", 404, "2025-06-30", StatusCode::kNotFound, "not_found"},
  };
  for (const auto& c : cases) {
    Status s = CheckCanEnd(g, c.unit, D(c.last_day));
    EXPECT_EQ(s.code(), c.code) << c.what << ": " << s.message();
    EXPECT_EQ(s.error_code(), c.error_code) << c.what;
    if (c.code == StatusCode::kConflict || c.code == StatusCode::kInvalidInput) {
      EXPECT_EQ(s.field(), "valid_to") << c.what;
    }
  }
}

TEST(CheckCanEndTest, AChildThatEndsWithItsParentDoesNotBlock) {
  auto u = [](int64_t id, const char* to) {
    return Unit{id, "C" + std::to_string(id), "U", "other", D("2020-01-01"), Date::Parse(to)};
  };
  UnitGraph g({u(1, "2099-01-01"), u(2, "2025-06-30")},
              {{1, 1, std::nullopt, D("2020-01-01"), std::nullopt},
               {2, 2, 1, D("2020-01-01"), D("2025-06-30")}},
              {});
  EXPECT_TRUE(CheckCanEnd(g, 1, D("2025-06-30")).ok());
  EXPECT_EQ(CheckCanEnd(g, 1, D("2025-06-29")).code(), StatusCode::kConflict);
}

TEST(CheckCanEndTest, AChildThatStartsLaterStillBlocks) {
  // Ward 9 joins the district on 2025-03-01: ending the district at the end of 2024 would
  // leave it under a unit that no longer exists.
  const UnitGraph g = MakeGraph();
  Status s = CheckCanEnd(g, 4, D("2024-12-31"));
  EXPECT_EQ(s.code(), StatusCode::kConflict) << s.message();
  // Ward 9 alone, in a graph where 5 and 6 do not exist, still blocks.
  UnitGraph only_9({*g.Find(4), *g.Find(9)},
                   {{1, 4, std::nullopt, D("2020-01-01"), std::nullopt},
                    {2, 9, 4, D("2025-03-01"), std::nullopt}},
                   {});
  s = CheckCanEnd(only_9, 4, D("2024-12-31"));
  EXPECT_EQ(s.code(), StatusCode::kConflict) << s.message();
  EXPECT_EQ(s.error_code(), "has_active_children");
  // A link that starts later under this unit blocks too, even if the child exists already.
  UnitGraph moving_in({*g.Find(4), *g.Find(2)},
                      {{1, 4, std::nullopt, D("2020-01-01"), std::nullopt},
                       {2, 2, std::nullopt, D("2020-01-01"), D("2025-02-28")},
                       {3, 2, 4, D("2025-03-01"), std::nullopt}},
                      {});
  EXPECT_EQ(CheckCanEnd(moving_in, 4, D("2024-12-31")).code(), StatusCode::kConflict);
  EXPECT_TRUE(CheckCanEnd(moving_in, 4, D("2024-12-31")).message().size() > 0);
}

}  // namespace
}  // namespace dh::units

#include "units/unit_graph.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dh::units {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
std::optional<Date> OD(const char* s) { return s ? Date::Parse(s) : std::nullopt; }

// Thành phố Minh An as of 2024, and what the 1 July 2025 reform did to it:
//
//   1 MA city
//   ├── 2 STC department (Sở Tài chính)
//   ├── 3 SXD department (Sở Xây dựng)
//   └── 4 QBD district (Quận Ba Đình) — ends 2025-06-30
//       ├── 5 PA ward — ends 2025-06-30, merged into 7
//       ├── 6 PB ward — ends 2025-06-30, merged into 7
//       └── 8 PC ward — moved straight under the city from 2025-07-01
//   7 PN ward (Phường Mới), from 2025-07-01 under the city
class UnitGraphTest : public ::testing::Test {
 protected:
  static Unit U(int64_t id, const char* code, const char* name, const char* kind, const char* from,
                const char* to = nullptr) {
    return Unit{id, code, name, kind, D(from), OD(to)};
  }
  static ParentLink L(int64_t id, int64_t unit, std::optional<int64_t> parent, const char* from,
                      const char* to = nullptr) {
    return ParentLink{id, unit, parent, D(from), OD(to)};
  }

  UnitGraph graph_{
      {U(1, "MA", "Thành phố Minh An", "city", "2020-01-01"),
       U(2, "MA.STC", "Sở Tài chính", "department", "2020-01-01"),
       U(3, "MA.SXD", "Sở Xây dựng", "department", "2020-01-01"),
       U(4, "MA.QBD", "Quận Ba Đình", "district", "2020-01-01", "2025-06-30"),
       U(5, "MA.PA", "Phường A", "ward", "2020-01-01", "2025-06-30"),
       U(6, "MA.PB", "Phường B", "ward", "2020-01-01", "2025-06-30"),
       U(7, "MA.PN", "Phường Mới", "ward", "2025-07-01"),
       U(8, "MA.PC", "Phường C", "ward", "2020-01-01")},
      {L(1, 1, std::nullopt, "2020-01-01"), L(2, 2, 1, "2020-01-01"), L(3, 3, 1, "2020-01-01"),
       L(4, 4, 1, "2020-01-01", "2025-06-30"), L(5, 5, 4, "2020-01-01", "2025-06-30"),
       L(6, 6, 4, "2020-01-01", "2025-06-30"), L(7, 7, 1, "2025-07-01"),
       L(8, 8, 4, "2020-01-01", "2025-06-30"), L(9, 8, 1, "2025-07-01")},
      {{1, 5, 7, true, D("2025-07-01"), "merge"}, {1, 6, 7, true, D("2025-07-01"), "merge"}}};

  static std::vector<int64_t> Ids(const std::vector<const Unit*>& units) {
    std::vector<int64_t> out;
    for (const Unit* u : units) out.push_back(u->id);
    return out;
  }
  static std::vector<int64_t> Sorted(std::unordered_set<int64_t> s) {
    std::vector<int64_t> v(s.begin(), s.end());
    std::sort(v.begin(), v.end());
    return v;
  }
};

TEST_F(UnitGraphTest, FindsByIdAndCode) {
  ASSERT_NE(graph_.Find(4), nullptr);
  EXPECT_EQ(graph_.Find(4)->code, "MA.QBD");
  EXPECT_EQ(graph_.Find(99), nullptr);
  ASSERT_NE(graph_.FindByCode("MA.STC"), nullptr);
  EXPECT_EQ(graph_.FindByCode("MA.STC")->id, 2);
  EXPECT_EQ(graph_.FindByCode("ma.stc"), nullptr);  // codes are exact
  EXPECT_EQ(graph_.FindByCode(""), nullptr);
  EXPECT_EQ(graph_.all().size(), 8u);
}

TEST_F(UnitGraphTest, ParentOnFollowsTheDatedLinks) {
  struct Case {
    int64_t unit;
    const char* day;
    std::optional<int64_t> want;
  } cases[] = {
      {1, "2024-01-01", std::nullopt},  // the root
      {2, "2024-01-01", 1},
      {8, "2025-06-30", 4},  // last day under the district
      {8, "2025-07-01", 1},  // first day under the city
      {8, "2030-01-01", 1},
      {5, "2025-06-30", 4},
      {5, "2025-07-01", std::nullopt},  // ended: no parent
      {7, "2025-06-30", std::nullopt},  // not yet created
      {7, "2025-07-01", 1},
      {2, "2019-12-31", std::nullopt},  // before it existed
      {99, "2024-01-01", std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(graph_.ParentOn(c.unit, D(c.day)), c.want) << c.unit << " on " << c.day;
  EXPECT_EQ(graph_.LinksOf(8).size(), 2u);
  EXPECT_TRUE(graph_.LinksOf(99).empty());
}

// Siblings in Vietnamese alphabetical order: Đ after D, not after Y as bytes would put it.
TEST(UnitGraphOrder, SiblingsSortAsVietnameseReadThem) {
  auto u = [](int64_t id, const char* name) {
    return Unit{id, "C" + std::to_string(id), name, "department", D("2020-01-01"), std::nullopt};
  };
  auto l = [](int64_t id, std::optional<int64_t> parent) {
    return ParentLink{id, id, parent, D("2020-01-01"), std::nullopt};
  };
  UnitGraph g({u(1, "Thành phố"), u(2, "Sở Y tế"), u(3, "Sở Đào tạo"), u(4, "Sở Du lịch"),
               u(5, "Sở Ăn uống")},
              {l(1, std::nullopt), l(2, 1), l(3, 1), l(4, 1), l(5, 1)}, {});
  std::vector<int64_t> ids;
  for (const Unit* x : g.TreeOn(D("2025-01-01"))) ids.push_back(x->id);
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 5, 4, 3, 2}));
}

TEST_F(UnitGraphTest, TreeOnListsParentsBeforeChildren) {
  // Before the reform: city, then its departments and the district, then the wards. Kinds
  // group siblings (department < district), names order them within a kind.
  EXPECT_EQ(Ids(graph_.TreeOn(D("2025-06-30"))), (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 8}));
  // After: the district and its merged wards are gone, the new ward and PC hang on the city.
  EXPECT_EQ(Ids(graph_.TreeOn(D("2025-07-01"))), (std::vector<int64_t>{1, 2, 3, 8, 7}));
  EXPECT_TRUE(graph_.TreeOn(D("2019-01-01")).empty());
}

TEST_F(UnitGraphTest, TreeOnPutsEveryParentBeforeItsChildren) {
  for (const char* day : {"2020-01-01", "2025-06-30", "2025-07-01", "2026-01-15"}) {
    const auto tree = graph_.TreeOn(D(day));
    std::vector<int64_t> seen;
    for (const Unit* u : tree) {
      EXPECT_TRUE(u->ActiveOn(D(day)));
      if (auto p = graph_.ParentOn(u->id, D(day))) {
        EXPECT_NE(std::find(seen.begin(), seen.end(), *p), seen.end())
            << u->code << " listed before its parent on " << day;
      }
      seen.push_back(u->id);
    }
  }
}

TEST_F(UnitGraphTest, TreeOnShowsAChildOfAnEndedParentAsARoot) {
  // A link that outlives its parent (data from before the rules) must not hide the child.
  UnitGraph g({U(1, "A", "A", "city", "2020-01-01", "2020-12-31"),
               U(2, "B", "B", "department", "2020-01-01")},
              {L(1, 1, std::nullopt, "2020-01-01"), L(2, 2, 1, "2020-01-01")}, {});
  EXPECT_EQ(Ids(g.TreeOn(D("2021-01-01"))), (std::vector<int64_t>{2}));
}

TEST_F(UnitGraphTest, ChildrenOnListsOnlyLiveChildrenOfThatDay) {
  auto sorted = [](std::vector<int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(graph_.ChildrenOn(4, D("2025-06-30"))), (std::vector<int64_t>{5, 6, 8}));
  EXPECT_TRUE(graph_.ChildrenOn(4, D("2025-07-01")).empty());
  EXPECT_EQ(sorted(graph_.ChildrenOn(1, D("2025-06-30"))), (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(sorted(graph_.ChildrenOn(1, D("2025-07-01"))), (std::vector<int64_t>{2, 3, 7, 8}));
  EXPECT_TRUE(graph_.ChildrenOn(2, D("2025-07-01")).empty());
  EXPECT_TRUE(graph_.ChildrenOn(99, D("2025-07-01")).empty());
}

TEST_F(UnitGraphTest, SuccessorsAndPredecessors) {
  ASSERT_EQ(graph_.SuccessorsOf(5).size(), 1u);
  EXPECT_EQ(graph_.SuccessorsOf(5)[0].successor_id, 7);
  EXPECT_TRUE(graph_.SuccessorsOf(5)[0].primary);
  EXPECT_EQ(graph_.PredecessorsOf(7).size(), 2u);
  EXPECT_TRUE(graph_.PredecessorsOf(5).empty());
  EXPECT_TRUE(graph_.SuccessorsOf(7).empty());
}

TEST_F(UnitGraphTest, ScopeOfCoversTheSubtreeAtAnyTime) {
  // The city covers everything that ever hung under it.
  EXPECT_EQ(Sorted(graph_.ScopeOf(1)), (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  // The district covers its wards, including PC that has since moved away: its past work
  // was the district's.
  EXPECT_EQ(Sorted(graph_.ScopeOf(4)), (std::vector<int64_t>{4, 5, 6, 8}));
  // A department does not see its sibling.
  EXPECT_EQ(Sorted(graph_.ScopeOf(2)), (std::vector<int64_t>{2}));
  EXPECT_EQ(Sorted(graph_.ScopeOf(3)), (std::vector<int64_t>{3}));
  // The new ward inherits the past of the wards it replaced.
  EXPECT_EQ(Sorted(graph_.ScopeOf(7)), (std::vector<int64_t>{5, 6, 7}));
  // A ward sees only itself.
  EXPECT_EQ(Sorted(graph_.ScopeOf(5)), (std::vector<int64_t>{5}));
}

TEST_F(UnitGraphTest, ScopeOfFollowsPredecessorsTransitively) {
  // 1 → 2 → 3 by two merges; 1 had a child 4.
  UnitGraph g(
      {U(1, "A", "A", "ward", "2020-01-01", "2021-12-31"),
       U(2, "B", "B", "ward", "2022-01-01", "2023-12-31"), U(3, "C", "C", "ward", "2024-01-01"),
       U(4, "K", "K", "other", "2020-01-01")},
      {L(1, 1, std::nullopt, "2020-01-01", "2021-12-31"),
       L(2, 2, std::nullopt, "2022-01-01", "2023-12-31"), L(3, 3, std::nullopt, "2024-01-01"),
       L(4, 4, 1, "2020-01-01", "2021-12-31"), L(5, 4, 2, "2022-01-01", "2023-12-31"),
       L(6, 4, 3, "2024-01-01")},
      {{1, 1, 2, true, D("2022-01-01"), "merge"}, {2, 2, 3, true, D("2024-01-01"), "merge"}});
  EXPECT_EQ(Sorted(g.ScopeOf(3)), (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(Sorted(g.ScopeOf(2)), (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(Sorted(g.ScopeOf(1)), (std::vector<int64_t>{1, 4}));
}

TEST_F(UnitGraphTest, IsUnderOnADay) {
  struct Case {
    int64_t id, ancestor;
    const char* day;
    bool want;
  } cases[] = {
      {2, 2, "2024-01-01", true},                               // a unit is under itself
      {2, 1, "2024-01-01", true},  {5, 1, "2024-01-01", true},  // grandchild
      {5, 4, "2024-01-01", true},  {8, 4, "2025-06-30", true},
      {8, 4, "2025-07-01", false},                               // moved out
      {8, 1, "2025-07-01", true},  {2, 3, "2024-01-01", false},  // sibling
      {1, 2, "2024-01-01", false},                               // upwards
      {5, 6, "2024-01-01", false}, {99, 1, "2024-01-01", false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(graph_.IsUnder(c.id, c.ancestor, D(c.day)), c.want)
        << c.id << " under " << c.ancestor << " on " << c.day;
}

TEST_F(UnitGraphTest, IsUnderStopsOnACycle) {
  // Bad data must not hang a request.
  UnitGraph g({U(1, "A", "A", "other", "2020-01-01"), U(2, "B", "B", "other", "2020-01-01")},
              {L(1, 1, 2, "2020-01-01"), L(2, 2, 1, "2020-01-01")}, {});
  EXPECT_FALSE(g.IsUnder(1, 3, D("2024-01-01")));
  EXPECT_TRUE(g.IsUnder(1, 2, D("2024-01-01")));
}

TEST_F(UnitGraphTest, EmptyGraph) {
  UnitGraph g({}, {}, {});
  EXPECT_TRUE(g.TreeOn(D("2024-01-01")).empty());
  EXPECT_EQ(g.Find(1), nullptr);
  EXPECT_EQ(g.ScopeOf(1).size(), 1u);  // the root itself, even if unknown
}

}  // namespace
}  // namespace dh::units

// The one way a list is ordered by the column its `sort` names: in memory (SortRows) and in
// SQL (PageOrder), as tables of cases.
#include "core/sort_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/sql_order.h"

namespace dh {
namespace {

struct Row {
  int id;
  std::string name;
  int due;
};

const SortBy<Row> kSorts[] = {
    {"name", [](const Row& a, const Row& b) { return FoldedLess(a.name, b.name); }},
    {"due", [](const Row& a, const Row& b) { return a.due < b.due; }}};

std::vector<int> Ids(const std::vector<Row>& rows) {
  std::vector<int> out;
  for (const Row& r : rows) out.push_back(r.id);
  return out;
}

TEST(SortRowsTest, OrdersByTheNamedColumnEitherWayTiesKeptInTheListsOrder) {
  const std::vector<Row> rows = {
      {1, "Đông", 5}, {2, "Dương", 3}, {3, "An", 5}, {4, "Ân", 1}, {5, "Bình", 3}};
  struct Case {
    std::string sort;
    bool descending;
    std::vector<int> want;
  } cases[] = {
      {"name", false, {3, 4, 5, 1, 2}},  // folded: "an" (twice), "binh", "dong", "duong"
      {"name", true, {2, 1, 5, 3, 4}},
      {"due", false, {4, 2, 5, 1, 3}},  // ties in the list's own order
      {"due", true, {1, 3, 2, 5, 4}},
      {"", false, {1, 2, 3, 4, 5}},        // no sort asked: unchanged
      {"colour", false, {1, 2, 3, 4, 5}},  // not a column (the route refused it before)
  };
  for (const Case& c : cases) {
    std::vector<Row> got = rows;
    SortRows(std::span<const SortBy<Row>>(kSorts), c.sort, c.descending, &got);
    EXPECT_EQ(Ids(got), c.want) << c.sort << (c.descending ? " desc" : "");
  }
  EXPECT_EQ(SortNames(std::span<const SortBy<Row>>(kSorts)),
            (std::vector<std::string_view>{"name", "due"}));
}

TEST(SqlOrderTest, PicksTheColumnsClauseInTheDirectionAskedElseTheListsOwn) {
  constexpr db::SqlOrder kOrders[] = {{"name", " ORDER BY name", " ORDER BY name DESC"},
                                      {"due", " ORDER BY due", " ORDER BY due DESC"}};
  struct Case {
    std::string_view sort;
    bool descending;
    std::string_view want;
  } cases[] = {{"name", false, " ORDER BY name"},
               {"name", true, " ORDER BY name DESC"},
               {"due", true, " ORDER BY due DESC"},
               {"", false, " ORDER BY id"},
               {"colour", true, " ORDER BY id"}};
  for (const Case& c : cases)
    EXPECT_EQ(db::PageOrder(kOrders, c.sort, c.descending, " ORDER BY id"), c.want) << c.sort;
}

}  // namespace
}  // namespace dh

// Counts by key with totals and the worst first (readmodel/counts.h), as tables of cases.
#include "readmodel/counts.h"

#include <gtest/gtest.h>

#include <string>

namespace dh::readmodel {
namespace {

using Counts = KeyedCounts<3>;  // kinds: 0 good, 1 late, 2 overdue

struct Item {
  int64_t key;
  size_t kind;
};

std::string Show(const std::vector<std::pair<int64_t, Counts::Row>>& rows) {
  std::string s;
  for (const auto& [k, r] : rows)
    s += (s.empty() ? "" : " ") + std::to_string(k) + ":" + std::to_string(r[0]) + "/" +
         std::to_string(r[1]) + "/" + std::to_string(r[2]);
  return s;
}

TEST(KeyedCounts, TotalsAndWorstFirst) {
  struct Case {
    std::string name;
    uint64_t reach;
    std::vector<Item> items;
    std::array<int64_t, 3> weight;
    std::string worst_first;  // key:good/late/overdue
    Counts::Row totals;
  };
  const std::vector<Case> cases = {
      {"nothing", 1 << 16, {}, {0, 0, 1}, "", {0, 0, 0}},
      {"one key", 1 << 16, {{4, 0}, {4, 2}, {4, 2}}, {0, 0, 1}, "4:1/0/2", {1, 0, 2}},
      {"the most overdue first",
       1 << 16,
       {{1, 2}, {2, 2}, {2, 2}, {3, 0}},
       {0, 0, 1},
       "2:0/0/2 1:0/0/1 3:1/0/0",
       {1, 0, 3}},
      {"ties by key",
       1 << 16,
       {{9, 2}, {5, 2}, {7, 0}},
       {0, 0, 1},
       "5:0/0/1 9:0/0/1 7:1/0/0",
       {1, 0, 2}},
      {"weights add kinds up",
       1 << 16,
       {{1, 1}, {1, 1}, {2, 2}, {3, 1}, {3, 2}},
       {0, 1, 1},
       "1:0/2/0 3:0/1/1 2:0/0/1",
       {0, 3, 2}},
      {"key 0 counts (no directive, no group)",
       1 << 16,
       {{0, 0}, {0, 1}},
       {0, 1, 0},
       "0:1/1/0",
       {1, 1, 0}},
      {"negative and far keys are counted too",
       16,
       {{-5, 2}, {1000000, 2}, {1000000, 2}, {3, 2}},
       {0, 0, 1},
       "1000000:0/0/2 -5:0/0/1 3:0/0/1",
       {0, 0, 4}},
      {"a key grows the flat array",
       1 << 20,
       {{5000, 1}, {2, 1}},
       {0, 1, 0},
       "2:0/1/0 5000:0/1/0",
       {0, 2, 0}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Counts counts(c.reach);
    for (const Item& i : c.items) counts.Add(i.key, i.kind);
    EXPECT_EQ(Show(counts.WorstFirst(c.weight)), c.worst_first);
    EXPECT_EQ(counts.Totals(), c.totals);
    size_t keys = 0;
    counts.ForEach([&](int64_t, const Counts::Row&) { ++keys; });
    EXPECT_EQ(counts.keys(), keys);
  }
}

// A finished board of any counts type.
struct Two {
  int64_t bad = 0, good = 0;
  Two& operator+=(const Two& o) {
    bad += o.bad, good += o.good;
    return *this;
  }
};

TEST(BoardOrder, SumOfAndWorstFirst) {
  struct Case {
    std::string name;
    std::unordered_map<int64_t, Two> board;
    std::vector<int64_t> worst_first;
    int64_t bad, good;
  };
  const std::vector<Case> cases = {
      {"empty", {}, {}, 0, 0},
      {"by badness", {{1, {1, 9}}, {2, {5, 0}}, {3, {0, 1}}}, {2, 1, 3}, 6, 10},
      {"ties by key", {{8, {2, 0}}, {3, {2, 1}}, {5, {0, 0}}}, {3, 8, 5}, 4, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(WorstFirst(c.board, [](const Two& t) { return t.bad; }), c.worst_first);
    const Two sum = SumOf(c.board);
    EXPECT_EQ(sum.bad, c.bad);
    EXPECT_EQ(sum.good, c.good);
  }
}

}  // namespace
}  // namespace dh::readmodel

// The audit store's list and walk on both databases, directly (tests/support/store_test.h).
#include "audit/audit_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"

namespace dh::audit {
namespace {

class AuditStoreTest : public testing::StoreTest {
 protected:
  // Six entries at 100, 200, … 600: users 1 and 2 in turn, units 10 and 20 by pairs; three
  // of tasks, then three of units.
  void AppendSix() {
    for (int i = 0; i < 6; ++i) {
      NewEntry e;
      e.user_id = 1 + i % 2;
      e.username = "u" + std::to_string(1 + i % 2);
      e.action = i < 3 ? "task.create" : "unit.update";
      e.entity = i < 3 ? "task" : "unit";
      e.entity_id = 100 + i;
      e.unit_id = i / 2 % 2 ? 20 : 10;
      ASSERT_TRUE(
          Write([&](db::Connection& c) { return Append(c, e, 100 * (i + 1)).status(); }).ok());
    }
  }
};
INSTANTIATE_BOTH(AuditStoreTest);

TEST_P(AuditStoreTest, ListsByEachFilterNewestFirst) {
  AppendSix();
  struct Case {
    const char* what;
    AuditFilter filter;
    std::vector<int64_t> seqs;
    int64_t total;
  } cases[] = {
      {"everything", {}, {6, 5, 4, 3, 2, 1}, 6},
      {"one entity", {.entity = "unit"}, {6, 5, 4}, 3},
      {"one object", {.entity = "task", .entity_id = 102}, {3}, 1},
      {"one user", {.user_id = 2}, {6, 4, 2}, 3},
      {"from (inclusive)", {.from_at = 300}, {6, 5, 4, 3}, 4},
      {"to (exclusive)", {.to_at = 300}, {2, 1}, 2},
      {"units", {.units = std::unordered_set<int64_t>{20}}, {4, 3}, 2},
      {"no units: nothing", {.units = std::unordered_set<int64_t>{}}, {}, 0},
      {"a page", {.limit = 2, .offset = 1}, {5, 4}, 6},
      {"filters together", {.entity = "unit", .user_id = 1, .to_at = 600}, {5}, 1},
  };
  for (const Case& c : cases) {
    int64_t total = -1;
    const auto entries = MustRead<std::vector<AuditEntry>>(
        [&](db::Connection& conn) { return List(conn, c.filter, &total); });
    std::vector<int64_t> seqs;
    for (const auto& e : entries) seqs.push_back(e.seq);
    EXPECT_EQ(seqs, c.seqs) << c.what;
    EXPECT_EQ(total, c.total) << c.what;
  }
}

TEST_P(AuditStoreTest, WalksTheWholeChainInOrder) {
  AppendSix();
  std::vector<int64_t> seqs;
  ASSERT_TRUE(Read([&](db::Connection& c) {
                return ForEach(c, [&](const AuditEntry& e) {
                  seqs.push_back(e.seq);
                  return e.seq < 4;  // stops after the fourth
                });
              }).ok());
  EXPECT_EQ(seqs, (std::vector<int64_t>{1, 2, 3, 4}));
}

}  // namespace
}  // namespace dh::audit

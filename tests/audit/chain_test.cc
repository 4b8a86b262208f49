// The hash chain of the audit log, as pure functions: ComputeHash and ChainVerifier.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "audit/audit.h"

namespace dh::audit {
namespace {

// A chain of `n` well-formed entries.
std::vector<AuditEntry> MakeChain(int n) {
  std::vector<AuditEntry> out;
  std::string prev;
  for (int i = 1; i <= n; ++i) {
    AuditEntry e;
    e.seq = i;
    e.at = 1768442400 + i;
    e.user_id = i % 3 == 0 ? std::nullopt : std::optional<int64_t>(i % 3);
    e.username = e.user_id ? "user" + std::to_string(*e.user_id) : "system";
    e.action = "unit.update";
    e.entity = "unit";
    e.entity_id = 100 + i;
    e.unit_id = 100 + i;
    e.before_json = i == 1 ? "null" : R"({"name":"Sở Tài chính"})";
    e.after_json = R"({"name":"Sở Tài chính )" + std::to_string(i) + R"("})";
    e.prev_hash = prev;
    e.hash = ComputeHash(e);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

struct Verdict {
  bool ok;
  int64_t bad_seq;
  int64_t checked;
  std::string reason;
};

Verdict Verify(const std::vector<AuditEntry>& entries, int64_t head_seq, std::string head_hash) {
  ChainVerifier v;
  for (const auto& e : entries)
    if (!v.Feed(e)) return {false, v.bad_seq(), v.checked(), v.reason()};
  if (!v.Finish(head_seq, head_hash)) return {false, v.bad_seq(), v.checked(), v.reason()};
  return {true, 0, v.checked(), ""};
}

Verdict VerifyAgainstHead(const std::vector<AuditEntry>& entries,
                          const std::vector<AuditEntry>& original) {
  return Verify(entries, original.back().seq, original.back().hash);
}

TEST(AuditHashTest, HashIsHexSha256AndDeterministic) {
  auto chain = MakeChain(1);
  const std::string h = ComputeHash(chain[0]);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ComputeHash(chain[0]), h);
  EXPECT_EQ(chain[0].hash, h);
}

TEST(AuditHashTest, EveryFieldIsCovered) {
  const AuditEntry base = MakeChain(2)[1];
  const std::string h = ComputeHash(base);
  struct Case {
    const char* field;
    std::function<void(AuditEntry&)> change;
  } cases[] = {
      {"seq", [](AuditEntry& e) { e.seq += 1; }},
      {"at", [](AuditEntry& e) { e.at += 1; }},
      {"user_id", [](AuditEntry& e) { e.user_id = 77; }},
      {"user_id removed", [](AuditEntry& e) { e.user_id.reset(); }},
      {"username", [](AuditEntry& e) { e.username = "admin"; }},
      {"action", [](AuditEntry& e) { e.action = "unit.create"; }},
      {"entity", [](AuditEntry& e) { e.entity = "user"; }},
      {"entity_id", [](AuditEntry& e) { e.entity_id = 1; }},
      {"entity_id removed", [](AuditEntry& e) { e.entity_id.reset(); }},
      {"unit_id", [](AuditEntry& e) { e.unit_id = 1; }},
      {"unit_id removed", [](AuditEntry& e) { e.unit_id.reset(); }},
      {"before", [](AuditEntry& e) { e.before_json = "null"; }},
      {"after", [](AuditEntry& e) { e.after_json += " "; }},
      {"prev_hash", [](AuditEntry& e) { e.prev_hash[0] = e.prev_hash[0] == 'a' ? 'b' : 'a'; }},
  };
  for (const auto& c : cases) {
    AuditEntry e = base;
    c.change(e);
    EXPECT_NE(ComputeHash(e), h) << c.field;
  }
}

TEST(AuditHashTest, FieldBoundariesCannotBeShifted) {
  // Moving text from one field to the next must not give the same hash.
  AuditEntry a = MakeChain(1)[0];
  AuditEntry b = a;
  a.username = "ab";
  a.action = "c";
  b.username = "a";
  b.action = "bc";
  EXPECT_NE(ComputeHash(a), ComputeHash(b));
  // An absent id is not the same as the id written out as "-".
  AuditEntry c = a, d = a;
  c.entity_id.reset();
  c.username = "x";
  d.entity_id = 0;
  d.username = "x";
  EXPECT_NE(ComputeHash(c), ComputeHash(d));
}

TEST(ChainVerifierTest, AnIntactChainPasses) {
  auto chain = MakeChain(10);
  auto v = VerifyAgainstHead(chain, chain);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 10);
  // An empty log with the initial head.
  auto empty = Verify({}, 0, "");
  EXPECT_TRUE(empty.ok) << empty.reason;
  EXPECT_EQ(empty.checked, 0);
}

TEST(ChainVerifierTest, AnAlteredFieldIsCaughtAtThatEntry) {
  auto chain = MakeChain(10);
  chain[4].after_json = R"({"name":"Sở Tài chính đã sửa"})";  // seq 5
  auto v = VerifyAgainstHead(chain, MakeChain(10));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 5);
  EXPECT_EQ(v.checked, 4);
  EXPECT_NE(v.reason.find("altered"), std::string::npos) << v.reason;
}

TEST(ChainVerifierTest, AnAlteredEntryWithARecomputedHashBreaksTheNext) {
  // A forger who recomputes the hash of the entry he changed still breaks the link to the
  // entry after it.
  auto chain = MakeChain(10);
  chain[4].username = "someone-else";
  chain[4].hash = ComputeHash(chain[4]);
  auto v = VerifyAgainstHead(chain, MakeChain(10));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 6);
}

TEST(ChainVerifierTest, ARemovedMiddleEntryIsReportedAtTheGap) {
  auto chain = MakeChain(10);
  chain.erase(chain.begin() + 4);  // seq 5
  auto v = VerifyAgainstHead(chain, MakeChain(10));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 5);
  EXPECT_EQ(v.checked, 4);
  EXPECT_NE(v.reason.find("missing"), std::string::npos) << v.reason;
}

TEST(ChainVerifierTest, ARemovedMiddleEntryWithRenumberingIsCaught) {
  // Removing seq 5 and renumbering the rest to close the gap.
  auto chain = MakeChain(10);
  chain.erase(chain.begin() + 4);
  for (size_t i = 4; i < chain.size(); ++i) chain[i].seq -= 1;
  auto v = Verify(chain, 9, chain.back().hash);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 5);
}

TEST(ChainVerifierTest, ReorderedEntriesAreCaught) {
  auto chain = MakeChain(10);
  std::swap(chain[3], chain[6]);  // seq 4 and 7 swap places
  auto v = VerifyAgainstHead(chain, MakeChain(10));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 4);  // 7 found where 4 should be
  // The same swap with the seq numbers swapped back: the content is out of order.
  std::swap(chain[3].seq, chain[6].seq);
  v = VerifyAgainstHead(chain, MakeChain(10));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 4);
  EXPECT_NE(v.reason.find("does not follow"), std::string::npos) << v.reason;
}

TEST(ChainVerifierTest, ARemovedTailIsCaughtByTheHead) {
  const auto original = MakeChain(10);
  auto chain = original;
  chain.pop_back();
  chain.pop_back();  // 9 and 10 gone
  // The remaining entries are a perfect chain; only the head knows about 9 and 10.
  auto v = VerifyAgainstHead(chain, original);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 9);
  EXPECT_EQ(v.checked, 8);
  EXPECT_NE(v.reason.find("removed from the end"), std::string::npos) << v.reason;
  // Everything gone.
  auto all_gone = VerifyAgainstHead({}, original);
  EXPECT_FALSE(all_gone.ok);
  EXPECT_EQ(all_gone.bad_seq, 1);
}

TEST(ChainVerifierTest, ARemovedHeadEntryIsCaughtAtTheStart) {
  const auto original = MakeChain(10);
  auto chain = original;
  chain.erase(chain.begin());  // seq 1 gone
  auto v = VerifyAgainstHead(chain, original);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 1);
  EXPECT_EQ(v.checked, 0);
  // Renumbered to start at 1 again: entry 2's prev_hash gives it away.
  for (auto& e : chain) e.seq -= 1;
  v = Verify(chain, 9, chain.back().hash);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.bad_seq, 1);
}

TEST(ChainVerifierTest, AHeadThatDisagreesIsCaught) {
  auto chain = MakeChain(3);
  auto v = Verify(chain, 3, std::string(64, '0'));
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.checked, 3);
}

}  // namespace
}  // namespace dh::audit

// The audit chain under concurrent writes (issue 13): writes committed together by the
// write queue, some failing after they appended their entry, still leave one unbroken
// chain whose head is its last entry, with exactly the entries of the writes that succeeded.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "audit/audit.h"
#include "audit/audit_store.h"
#include "db/write_queue.h"
#include "support/test_db.h"

namespace dh::audit {
namespace {

class ConcurrentChainTest : public testing::BothDatabases {};

TEST_P(ConcurrentChainTest, ConcurrentWritesLeaveAValidChain) {
  constexpr int kWriters = 6, kEach = 25;
  std::atomic<int> succeeded{0}, refused{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        // Every fifth write fails after appending its entry: the entry must go with it.
        const bool fail = (w * kEach + i) % 5 == 0;
        Status s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
          NewEntry e;
          e.username = "writer" + std::to_string(w);
          e.action = "test.write";
          e.entity = "test";
          e.entity_id = i;
          e.after_json = fail ? R"({"kept":false})" : R"({"kept":true})";
          DH_RETURN_IF_ERROR(Append(c, e, 1768442400 + i).status());
          if (fail) return Status::InvalidInput("x", "refused after the entry");
          return Status::Ok();
        });
        if (s.ok()) ++succeeded;
        if (s.code() == StatusCode::kInvalidInput) ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(succeeded.load() + refused.load(), kWriters * kEach);
  ASSERT_NE(db().write_queue(), nullptr);
  EXPECT_GT(db().write_queue()->Stats().largest, 1) << "some writes shared a transaction";

  ChainVerifier v;
  int64_t kept = 0, head_seq = -1, before = 0;
  std::string head_hash;
  bool chain_ok = true;
  Status s = db::Read(db(), [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(ForEach(c, [&](const AuditEntry& e) {
      if (e.action == "test.write") {
        ++kept;
        EXPECT_EQ(e.after_json, R"({"kept":true})") << "entry " << e.seq;
      } else {
        ++before;  // the migrations' and the seeds' own entries
      }
      chain_ok = v.Feed(e);
      return chain_ok;
    }));
    return Head(c, &head_seq, &head_hash);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(chain_ok) << v.reason();
  EXPECT_TRUE(v.Finish(head_seq, head_hash)) << v.reason();
  EXPECT_EQ(kept, succeeded.load());
  EXPECT_EQ(head_seq, before + kept);
}

INSTANTIATE_BOTH(ConcurrentChainTest);

}  // namespace
}  // namespace dh::audit

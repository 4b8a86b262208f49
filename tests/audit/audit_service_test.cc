// The audit log on both databases: real writes, then someone with SQL access edits the
// table behind the application's back, and Verify must say where.
#include "audit/audit_service.h"

#include <gtest/gtest.h>

#include <thread>

#include "audit/recorder.h"
#include "support/test_db.h"

namespace dh::audit {
namespace {

using auth::Principal;
using auth::Role;
using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

class AuditServiceTest : public BothDatabases {
 protected:
  // Ten entries written by ordinary use: creating and renaming units.
  void WriteTen() {
    auto city = app().units().Create(
        &admin_,
        {.code = "MA", .name = "Thành phố Minh An", .kind = "city", .valid_from = D("2020-01-01")});
    ASSERT_TRUE(city.ok()) << city.status().ToString();
    city_ = city->unit.id;
    for (int i = 1; i <= 4; ++i) {
      auto d = app().units().Create(&admin_, {.code = "MA.D" + std::to_string(i),
                                              .name = "Sở " + std::to_string(i),
                                              .kind = "department",
                                              .parent_id = city_,
                                              .valid_from = D("2020-01-01")});
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      dept_.push_back(d->unit.id);
    }
    for (int i = 0; i < 5; ++i) {
      clock().Advance(std::chrono::seconds(60));
      auto u = app().units().Update(admin_, dept_[i % 4],
                                    {.name = "Sở đổi tên lần " + std::to_string(i)});
      ASSERT_TRUE(u.ok()) << u.status().ToString();
    }
    ASSERT_EQ(Head(), 10);
  }

  Status Sql(const std::string& sql, const db::Params& params = {}) {
    auto c = db().Acquire();
    if (!c.ok()) return c.status();
    return (*c)->Exec(sql, params).status();
  }
  int64_t Head() {
    int64_t seq = -1;
    std::string hash;
    Status s = db::Read(db(), [&](db::Connection& c) { return audit::Head(c, &seq, &hash); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return seq;
  }
  VerifyReport Verify() {
    auto r = app().audit().Verify(nullptr);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  }
  // Swaps the seq numbers of two rows, in three steps so the primary key never clashes.
  void SwapSeq(int64_t a, int64_t b) {
    ASSERT_TRUE(Sql("UPDATE audit_log SET seq = -1 WHERE seq = ?", {a}).ok());
    ASSERT_TRUE(Sql("UPDATE audit_log SET seq = ? WHERE seq = ?", {a, b}).ok());
    ASSERT_TRUE(Sql("UPDATE audit_log SET seq = ? WHERE seq = -1", {b}).ok());
  }

  Principal admin_{1, "admin", "Quản trị", {{Role::kAdmin, std::nullopt}}};
  int64_t city_ = 0;
  std::vector<int64_t> dept_;
};

TEST_P(AuditServiceTest, AnUntouchedLogVerifies) {
  auto empty = Verify();
  EXPECT_TRUE(empty.ok);
  EXPECT_EQ(empty.checked, 0);
  WriteTen();
  auto r = Verify();
  EXPECT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.checked, 10);
  EXPECT_EQ(r.first_bad_seq, 0);
  EXPECT_TRUE(r.reason.empty());
}

TEST_P(AuditServiceTest, TamperingIsFoundAtTheFirstBadEntry) {
  struct Case {
    const char* what;
    std::vector<std::pair<std::string, db::Params>> sql;
    int64_t first_bad;
  } cases[] = {
      {"after_json edited",
       {{"UPDATE audit_log SET after_json = ? WHERE seq = 4", {std::string(R"({"name":"X"})")}}},
       4},
      {"username edited", {{"UPDATE audit_log SET username = 'someone' WHERE seq = 7", {}}}, 7},
      {"time moved", {{"UPDATE audit_log SET at = at - 3600 WHERE seq = 2", {}}}, 2},
      {"user removed", {{"UPDATE audit_log SET user_id = NULL WHERE seq = 9", {}}}, 9},
      {"first entry edited", {{"UPDATE audit_log SET action = 'x' WHERE seq = 1", {}}}, 1},
      {"last entry edited", {{"UPDATE audit_log SET entity_id = 0 WHERE seq = 10", {}}}, 10},
      {"hash recomputed by hand",  // a forger who knows only the stored hash column
       {{"UPDATE audit_log SET hash = prev_hash WHERE seq = 5", {}}},
       5},
      {"middle row deleted", {{"DELETE FROM audit_log WHERE seq = 6", {}}}, 6},
      {"first row deleted", {{"DELETE FROM audit_log WHERE seq = 1", {}}}, 1},
      {"last rows deleted", {{"DELETE FROM audit_log WHERE seq >= 9", {}}}, 9},
      {"everything deleted", {{"DELETE FROM audit_log", {}}}, 1},
  };
  WriteTen();
  std::string head_hash;
  ASSERT_TRUE(db::Read(db(), [&](db::Connection& c) {
                int64_t seq;
                return audit::Head(c, &seq, &head_hash);
              }).ok());
  ASSERT_TRUE(Sql("CREATE TABLE audit_copy AS SELECT * FROM audit_log").ok());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    // Each case starts from the log as written.
    ASSERT_TRUE(Sql("DELETE FROM audit_log").ok());
    ASSERT_TRUE(Sql("INSERT INTO audit_log SELECT * FROM audit_copy").ok());
    ASSERT_TRUE(Sql("UPDATE audit_head SET seq = 10, hash = ?", {head_hash}).ok());
    ASSERT_TRUE(Verify().ok);
    for (const auto& [sql, params] : c.sql) ASSERT_TRUE(Sql(sql, params).ok()) << sql;
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, c.first_bad) << r.reason;
    EXPECT_FALSE(r.reason.empty());
    EXPECT_LT(r.checked, c.first_bad);
  }
}

// A forger who removes the last entries and rewrites the head row to match leaves a chain
// that is consistent in itself: only a head kept outside the database (an anchor) tells.
TEST_P(AuditServiceTest, AnAnchorKeptElsewhereCatchesATailRemovedWithItsHead) {
  WriteTen();
  const VerifyReport first = Verify();
  ASSERT_TRUE(first.ok);
  EXPECT_EQ(first.head_seq, 10);
  ASSERT_EQ(first.head_hash.size(), 64u);
  const Anchor anchor{first.head_seq, first.head_hash};
  auto anchored = [&] {
    auto r = app().audit().Verify(nullptr, anchor);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  };
  EXPECT_TRUE(anchored().ok);

  std::string hash8;
  ASSERT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(db::Rows r,
                                    c.Query("SELECT hash FROM audit_log WHERE seq = 8"));
                hash8 = r.Text(0, 0);
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq >= 9").ok());
  ASSERT_TRUE(Sql("UPDATE audit_head SET seq = 8, hash = ?", {hash8}).ok());
  EXPECT_TRUE(Verify().ok) << "without the anchor the shortened chain looks whole";
  const VerifyReport r = anchored();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 9);
  EXPECT_NE(r.reason.find("anchored entry 10"), std::string::npos) << r.reason;

  // An anchor whose hash differs (the log rewritten up to there) fails at that entry.
  auto other = app().audit().Verify(nullptr, Anchor{8, std::string(64, 'a')});
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->ok);
  EXPECT_EQ(other->first_bad_seq, 8);
}

TEST(AuditAnchorTest, ParsesWhatVerifyPrints) {
  const std::string h(64, 'f');
  auto a = Anchor::Parse("12:" + h);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->seq, 12);
  EXPECT_EQ(a->hash, h);
  for (const std::string& bad : std::vector<std::string>{
           "", "12", ":" + h, "0:" + h, "-1:" + h, "x:" + h, "12:" + h.substr(1),
           "12:" + std::string(64, 'G'), "12:" + std::string(64, 'F'), "99999999999999999999:" + h})
    EXPECT_FALSE(Anchor::Parse(bad).has_value()) << bad;
}

TEST_P(AuditServiceTest, SwappedRowsAreFound) {
  WriteTen();
  SwapSeq(3, 8);
  auto r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3) << r.reason;
  EXPECT_EQ(r.checked, 2);
}

TEST_P(AuditServiceTest, SwappedNeighboursAreFound) {
  WriteTen();
  SwapSeq(5, 6);
  auto r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 5) << r.reason;
}

TEST_P(AuditServiceTest, VerifyNeedsTheAdmin) {
  WriteTen();
  const Principal office{2, "vanphong", "Văn phòng", {{Role::kOffice, city_}}};
  const Principal leader{3, "lanhdao", "Lãnh đạo", {{Role::kLeader, city_}}};
  EXPECT_EQ(app().audit().Verify(&office).status().code(), StatusCode::kForbidden);
  EXPECT_EQ(app().audit().Verify(&leader).status().code(), StatusCode::kForbidden);
  auto r = app().audit().Verify(&admin_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok);
}

TEST_P(AuditServiceTest, ListIsNewestFirstFilteredAndScoped) {
  WriteTen();
  int64_t total = 0;
  auto all = app().audit().List(admin_, {}, &total);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(total, 10);
  ASSERT_EQ(all->size(), 10u);
  EXPECT_EQ((*all)[0].seq, 10);
  EXPECT_EQ((*all)[9].seq, 1);
  EXPECT_EQ((*all)[0].username, "admin");
  EXPECT_EQ((*all)[0].action, "unit.update");

  AuditFilter one;
  one.entity = "unit";
  one.entity_id = dept_[0];
  auto mine = app().audit().List(admin_, one, &total);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(total, 3);  // created, renamed twice

  AuditFilter page;
  page.limit = 3;
  page.offset = 2;
  auto p = app().audit().List(admin_, page, &total);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(total, 10);
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0].seq, 8);

  AuditFilter window;
  window.from_at = clock().NowSeconds() - 120;  // the last two renames, one minute apart
  auto w = app().audit().List(admin_, window, &total);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(total, 3);

  // An office of one department reads that department's entries only.
  const Principal office{2, "vanphong", "Văn phòng", {{Role::kOffice, dept_[1]}}};
  auto scoped = app().audit().List(office, {}, &total);
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(total, 2);
  for (const auto& e : *scoped) EXPECT_EQ(e.unit_id, dept_[1]);
  // A role without audit.read is refused.
  const Principal officer{4, "canbo", "Cán bộ", {{Role::kOfficer, city_}}};
  EXPECT_EQ(app().audit().List(officer, {}, &total).status().code(), StatusCode::kForbidden);
}

TEST_P(AuditServiceTest, ConcurrentAppendsKeepOneChain) {
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
          return Record(
              c, &admin_,
              {"test.write", "thread", t, std::nullopt, nullptr, boost::json::object{{"i", i}}},
              clock().NowSeconds());
        });
        if (!s.ok()) {
          ADD_FAILURE() << s.ToString();
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Head(), kThreads * kEach);
  auto r = Verify();
  EXPECT_TRUE(r.ok) << r.first_bad_seq << ": " << r.reason;
  EXPECT_EQ(r.checked, kThreads * kEach);
}

TEST_P(AuditServiceTest, ConcurrentServiceWritesKeepOneChain) {
  // The same through a use case: units created from several threads at once.
  constexpr int kThreads = 3, kEach = 8;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string code = "U" + std::to_string(t) + "." + std::to_string(i);
        auto u = app().units().Create(&admin_, {.code = code,
                                                .name = "Đơn vị " + code,
                                                .kind = "other",
                                                .valid_from = D("2020-01-01")});
        EXPECT_TRUE(u.ok()) << u.status().ToString();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(app().unit_directory().Get()->all().size(), static_cast<size_t>(kThreads * kEach));
  auto r = Verify();
  EXPECT_TRUE(r.ok) << r.first_bad_seq << ": " << r.reason;
  EXPECT_EQ(r.checked, kThreads * kEach);
}

TEST_P(AuditServiceTest, VerifyDuringWritesDoesNotCryWolf) {
  // Verify reads in batches while writers append: it must judge one consistent picture, not
  // report a "removed tail" because the head moved on while it was reading.
  WriteTen();
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    while (!stop) {
      Status s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
        return Record(c, nullptr, {"test.write", "thread", 1, std::nullopt, nullptr, nullptr},
                      clock().NowSeconds());
      });
      if (!s.ok()) {
        ADD_FAILURE() << s.ToString();
        return;
      }
    }
  });
  for (int i = 0; i < 20; ++i) {
    auto r = Verify();
    EXPECT_TRUE(r.ok) << "pass " << i << ": " << r.first_bad_seq << ": " << r.reason;
    if (!r.ok) break;
  }
  stop = true;
  writer.join();
}

INSTANTIATE_BOTH(AuditServiceTest);

}  // namespace
}  // namespace dh::audit

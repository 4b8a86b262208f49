// The notifications store on both databases, directly (tests/support/store_test.h): notices
// name their item by kind and id, the bell asks each kind which of its ids the reader sees,
// and a notice about something already dealt with is resolved and leaves the bell.
#include "notifications/notification_store.h"

#include <gtest/gtest.h>

#include <map>

#include "notifications/notice_text.h"
#include "support/store_test.h"

namespace dh::notifications {
namespace {

STORE_TEST_SUITE(NotificationStoreTest);

constexpr int64_t kNow = 1'780'000'000;

// A notice whose title and body are the text given (the same in both languages).
constexpr MessageText kTitle{"test.title", "{title}", "{title}"};
constexpr MessageText kBody{"test.body", "{body}", "{body}"};
NoticeText Says(const std::string& title, const std::string& body = "") {
  return {&kTitle, body.empty() ? nullptr : &kBody, {{"title", title}, {"body", body}}};
}

// Two users; returns their ids.
std::pair<int64_t, int64_t> TwoUsers(db::Database& db) {
  std::pair<int64_t, int64_t> ids;
  EXPECT_TRUE(db::InTransaction(db, [&](db::Connection& c) -> Status {
                for (const char* name : {"an", "binh"})
                  DH_RETURN_IF_ERROR(
                      c.Exec("INSERT INTO users (username, full_name, full_name_folded, email, "
                             "password_hash, active, created_at) VALUES (?, ?, ?, '', 'x', 1, 0)",
                             {std::string(name), std::string(name), std::string(name)})
                          .status());
                DH_ASSIGN_OR_RETURN(db::Rows r, c.Query("SELECT id FROM users ORDER BY id"));
                ids = {r.Int(0, 0), r.Int(1, 0)};
                return Status::Ok();
              }).ok());
  return ids;
}

// Everything shows; the kinds asked and their ids are recorded.
struct AllSeen {
  std::map<std::string, std::vector<int64_t>> asked;
  std::map<std::string, std::unordered_set<int64_t>> hide;
  SeenItemsFn Fn() {
    return [this](const std::string& kind, const std::vector<int64_t>& ids) {
      asked[kind] = ids;
      std::unordered_set<int64_t> out;
      for (int64_t id : ids)
        if (!hide[kind].count(id)) out.insert(id);
      return out;
    };
  }
};

TEST_P(NotificationStoreTest, ANoticeNamesItsItemByKindAndTheTaskIdFormStillWorks) {
  const auto [an, binh] = TwoUsers(db());
  EXPECT_EQ(MustWrite<int64_t>([&](db::Connection& c) {
              return Notify(c, {an, binh, an}, "petition_assigned", ItemRef{"petition", 7},
                            Says("Đơn thư mới", "Nội dung"), "petition/7", kNow);
            }),
            2);
  EXPECT_EQ(MustWrite<int64_t>([&](db::Connection& c) {
              return Notify(c, {an}, "assigned", std::optional<int64_t>(12), Says("Nhiệm vụ mới"),
                            "assigned/12", kNow + 1);
            }),
            1);
  MustWrite<int64_t>([&](db::Connection& c) {
    return Notify(c, {an}, "system", std::nullopt, Says("Bảo trì"), "system/1", kNow + 2);
  });
  int64_t total = 0;
  const auto mine = MustRead<std::vector<Notification>>(
      [&](db::Connection& c) { return ForUser(c, an, false, 10, 0, &total); });
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_TRUE(mine[0].item.empty());  // newest first
  EXPECT_FALSE(mine[0].task_id);
  EXPECT_EQ(mine[1].item, TaskItem(12));
  EXPECT_EQ(mine[1].task_id, 12);
  EXPECT_EQ(mine[2].item, (ItemRef{"petition", 7}));
  EXPECT_FALSE(mine[2].task_id);
}

TEST_P(NotificationStoreTest, TheBellAsksEachKindAboutItsOwnIdsOnly) {
  const auto [an, binh] = TwoUsers(db());
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                for (auto [item, key] :
                     std::vector<std::pair<ItemRef, std::string>>{{TaskItem(1), "a"},
                                                                  {TaskItem(2), "b"},
                                                                  {{"petition", 1}, "c"},
                                                                  {{"target", 2}, "d"},
                                                                  {{}, "e"}})
                  DH_RETURN_IF_ERROR(Notify(c, {an}, "x", item, Says(key), key, kNow).status());
                return Status::Ok();
              }).ok());
  AllSeen seen;
  seen.hide["task"] = {2};
  seen.hide["target"] = {2};
  int64_t total = 0, unread = 0;
  const auto page = MustRead<std::vector<Notification>>(
      [&](db::Connection& c) { return SeenByUser(c, an, seen.Fn(), {}, &total, &unread); });
  EXPECT_EQ(total, 3);
  EXPECT_EQ(unread, 3);
  std::vector<std::string> titles;
  for (const auto& n : page) titles.push_back(n.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"e", "c", "a"}));
  EXPECT_EQ(seen.asked["task"], (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(seen.asked["petition"], (std::vector<int64_t>{1}));
  EXPECT_EQ(seen.asked["target"], (std::vector<int64_t>{2}));
  EXPECT_EQ(seen.asked.size(), 3u);
}

TEST_P(NotificationStoreTest, AResolvedNoticeLeavesTheBellForEveryRecipientAndOnlyThatOne) {
  const auto [an, binh] = TwoUsers(db());
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                for (int64_t task : {1, 2})
                  DH_RETURN_IF_ERROR(Notify(c, {an, binh}, "completion_submitted", TaskItem(task),
                                            Says("Chờ xác nhận " + std::to_string(task)),
                                            "submitted/" + std::to_string(task), kNow)
                                         .status());
                return Notify(c, {an}, "returned", TaskItem(1), Says("Trả lại"), "returned/1", kNow)
                    .status();
              }).ok());
  EXPECT_EQ(MustWrite<int64_t>([](db::Connection& c) {
              return Resolve(c, TaskItem(1), "completion_submitted", kNow + 5);
            }),
            2);
  EXPECT_EQ(MustWrite<int64_t>([](db::Connection& c) {
              return Resolve(c, TaskItem(1), "completion_submitted", kNow + 6);
            }),
            0);  // already resolved: the first time stays
  AllSeen seen;
  for (const int64_t user : {an, binh}) {
    int64_t total = 0, unread = 0;
    const auto open = MustRead<std::vector<Notification>>(
        [&](db::Connection& c) { return SeenByUser(c, user, seen.Fn(), {}, &total, &unread); });
    EXPECT_EQ(unread, user == an ? 2 : 1);
    EXPECT_EQ(total, unread);
    for (const auto& n : open) EXPECT_NE(n.title, "Chờ xác nhận 1");
    const auto all = MustRead<std::vector<Notification>>([&](db::Connection& c) {
      return SeenByUser(c, user, seen.Fn(), {.with_resolved = true}, &total, &unread);
    });
    EXPECT_EQ(total, user == an ? 3 : 2);
    EXPECT_EQ(unread, user == an ? 2 : 1);  // resolved: no longer waits, read or not
    for (const auto& n : all)
      EXPECT_EQ(n.resolved_at,
                n.title == "Chờ xác nhận 1" ? std::optional<int64_t>(kNow + 5) : std::nullopt);
  }
}

TEST_P(NotificationStoreTest, ResolvingByKeyTakesOneRequestAmongSeveralAboutTheSameItem) {
  const auto [an, binh] = TwoUsers(db());
  ASSERT_TRUE(
      Write([&](db::Connection& c) -> Status {
        for (const char* key : {"coordination/1", "coordination/12", "coordination/1x"})
          DH_RETURN_IF_ERROR(
              Notify(c, {an, binh}, "coordination", TaskItem(5), Says(key), key, kNow).status());
        return Notify(c, {an}, "coordination", TaskItem(6), Says("khác"), "coordination/1",
                      kNow)
            .status();  // the same key on another task: a store may meet it
      }).ok());
  EXPECT_EQ(MustWrite<int64_t>([](db::Connection& c) {
              return ResolveKey(c, TaskItem(5), "coordination/1", kNow + 1);
            }),
            2);
  int64_t total = 0;
  const auto mine = MustRead<std::vector<Notification>>(
      [&](db::Connection& c) { return ForUser(c, an, false, 10, 0, &total); });
  for (const auto& n : mine)
    EXPECT_EQ(n.resolved_at.has_value(), n.title == "coordination/1") << n.title;
}

TEST_P(NotificationStoreTest, AResolvedNoticeNotYetEmailedIsNotEmailed) {
  const auto [an, binh] = TwoUsers(db());
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(c.Exec("UPDATE users SET email = 'a@x.example'").status());
                DH_RETURN_IF_ERROR(
                    Notify(c, {an}, "coordination", TaskItem(5), Says("a"), "k/1", kNow).status());
                DH_RETURN_IF_ERROR(
                    Notify(c, {an}, "coordination", TaskItem(6), Says("b"), "k/2", kNow).status());
                return ResolveKey(c, TaskItem(5), "k/1", kNow).status();
              }).ok());
  const auto mail =
      MustRead<std::vector<Notification>>([&](db::Connection& c) { return ToEmail(c, 0, 8, 100); });
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].title, "b");
}

}  // namespace
}  // namespace dh::notifications

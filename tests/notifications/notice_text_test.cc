// Notices in their reader's language (issue 9), on both databases: a notice is stored as
// catalogue keys and parameters beside its Vietnamese text and rendered again when read; a
// notice written before (no key) or under a key this program no longer knows reads as stored;
// each user's chosen language (users.lang) is what their e-mails are rendered in.
#include "notifications/notice_text.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "users/user_lang.h"

namespace dh::notifications {
namespace {

STORE_TEST_SUITE(NoticeTextTest);

constexpr int64_t kNow = 1'780'000'000;
using Langs = std::unordered_map<int64_t, Lang>;

constexpr MessageText kKind{"test.notice_kind", "báo cáo", "report"};
constexpr MessageText kTitle{"test.notice_title", "Nhiệm vụ mới: {title}", "New task: {title}"};
constexpr MessageText kBody{"test.notice_body",
                            "{noun} gồm {count} phần, {share}% mỗi phần, loại {kind}.{deadline}",
                            "{noun} has {count} parts, {share}% each, of kind {kind}.{deadline}"};
const NoticeTexts kRegistered{&kKind, &kTitle, &kBody};

int64_t AUser(db::Database& db) {
  int64_t id = 0;
  EXPECT_TRUE(db::InTransaction(db, [&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(
                    c.Exec("INSERT INTO users (username, full_name, full_name_folded, email, "
                           "password_hash, active, created_at) VALUES ('an', 'An', 'an', '', "
                           "'x', 1, 0)")
                        .status());
                DH_ASSIGN_OR_RETURN(db::Rows r, c.Query("SELECT id FROM users"));
                id = r.Int(0, 0);
                return Status::Ok();
              }).ok());
  return id;
}

const NoticeText kNotice{&kTitle,
                         &kBody,
                         {{"title", "Rà soát"},
                          {"noun", Label{"Nhiệm vụ", "The task"}},
                          {"count", int64_t{1200}},
                          {"share", int64_t{25}},
                          {"kind", &kKind},
                          {"deadline", Label{" Hạn 30/06/2026.", " Due 30/06/2026."}}}};

TEST_P(NoticeTextTest, ANoticeIsStoredInVietnameseAndReadInEachLanguage) {
  const int64_t an = AUser(db());
  ASSERT_EQ(MustWrite<int64_t>([&](db::Connection& c) {
              return Notify(c, {an}, "assigned", TaskItem(7), kNotice, "k/1", kNow);
            }),
            1);
  struct Case {
    std::optional<Lang> lang;  // nullopt: as stored
    const char* title;
    const char* body;
  };
  for (const Case& k :
       {Case{std::nullopt, "Nhiệm vụ mới: Rà soát",
             "Nhiệm vụ gồm 1.200 phần, 25% mỗi phần, loại báo cáo. Hạn 30/06/2026."},
        Case{Lang::kVi, "Nhiệm vụ mới: Rà soát",
             "Nhiệm vụ gồm 1.200 phần, 25% mỗi phần, loại báo cáo. Hạn 30/06/2026."},
        Case{Lang::kEn, "New task: Rà soát",
             "The task has 1,200 parts, 25% each, of kind report. Due 30/06/2026."}}) {
    int64_t total = 0;
    auto list = MustRead<std::vector<Notification>>(
        [&](db::Connection& c) { return ForUser(c, an, false, 10, 0, &total); });
    ASSERT_EQ(list.size(), 1u);
    if (k.lang)
      ASSERT_TRUE(Read([&](db::Connection& c) { return RenderIn(c, list, *k.lang); }).ok());
    EXPECT_EQ(list[0].title, k.title);
    EXPECT_EQ(list[0].body, k.body);
  }
}

TEST_P(NoticeTextTest, ANoticeWithoutAKnownKeyReadsAsStored) {
  const int64_t an = AUser(db());
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                // Written before migration 0015: text only.
                DH_RETURN_IF_ERROR(c.Exec("INSERT INTO notifications (user_id, kind, title, body, "
                                          "dedup_key, created_at) VALUES (?, 'x', 'Cũ', 'Thân', "
                                          "'old/u1', ?)",
                                          {an, kNow})
                                       .status());
                DH_RETURN_IF_ERROR(Notify(c, {an}, "x", ItemRef{}, kNotice, "k/2", kNow).status());
                // A key this program no longer knows.
                return c
                    .Exec(
                        "UPDATE notifications SET title_key = 'gone.title', body_key = "
                        "'gone.body' WHERE dedup_key LIKE 'k/2/%'")
                    .status();
              }).ok());
  int64_t total = 0;
  auto list = MustRead<std::vector<Notification>>(
      [&](db::Connection& c) { return ForUser(c, an, false, 10, 0, &total); });
  ASSERT_TRUE(Read([&](db::Connection& c) { return RenderIn(c, list, Lang::kEn); }).ok());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].title, "Nhiệm vụ mới: Rà soát");  // the Vietnamese text it was stored with
  EXPECT_EQ(list[1].title, "Cũ");
  EXPECT_EQ(list[1].body, "Thân");
}

TEST_P(NoticeTextTest, EachUserReadsInTheLanguageTheySignedInWith) {
  const int64_t an = AUser(db());
  EXPECT_TRUE(MustRead<Langs>([&](db::Connection& c) { return UserLangs(c, {an}); }).empty());
  ASSERT_TRUE(Write([&](db::Connection& c) { return users::SetLang(c, an, Lang::kEn); }).ok());
  const auto langs = MustRead<Langs>([&](db::Connection& c) { return UserLangs(c, {an, an + 1}); });
  ASSERT_EQ(langs.size(), 1u);
  EXPECT_EQ(langs.at(an), Lang::kEn);
  ASSERT_EQ(MustWrite<int64_t>([&](db::Connection& c) {
              return Notify(c, {an}, "x", TaskItem(1), kNotice, "k/3", kNow);
            }),
            1);
  int64_t total = 0;
  auto list = MustRead<std::vector<Notification>>(
      [&](db::Connection& c) { return ForUser(c, an, false, 10, 0, &total); });
  ASSERT_TRUE(Read([&](db::Connection& c) { return RenderIn(c, list, langs); }).ok());
  EXPECT_EQ(list[0].title, "New task: Rà soát");
}

}  // namespace
}  // namespace dh::notifications

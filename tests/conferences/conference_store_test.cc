// The conference store on both databases (tests/support/store_test.h): a conference with
// its drafts and sections, delegates (one name per delegation), opinions raised by several
// delegates and their answers, merging, and votes.
#include "conferences/conference_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::conferences {
namespace {

STORE_TEST_SUITE(ConferenceStoreTest);

Date D(const char* s) { return *Date::Parse(s); }

struct Fixture {
  int64_t unit = 0;
  Conference conf;
};

Result<Fixture> Make(db::Connection& c) {
  Fixture f;
  DH_ASSIGN_OR_RETURN(f.unit, units::InsertUnit(c,
                                                units::Unit{.code = "MA",
                                                            .name = "HĐND tỉnh Minh An",
                                                            .kind = "council",
                                                            .valid_from = D("2020-01-01")},
                                                std::nullopt, 1));
  f.conf = Conference{.name = "Kỳ họp thứ 9",
                      .body_unit_id = f.unit,
                      .starts_on = D("2026-07-08"),
                      .ends_on = D("2026-07-10"),
                      .place = "Minh An",
                      .created_at = 1};
  f.conf.documents.push_back(Document{
      .title = "Dự thảo Nghị quyết A",
      .drafting_unit_id = f.unit,
      .answer_due_on = D("2026-07-20"),
      .position = 1,
      .sections = {{.title = "Điều 1", .position = 1}, {.title = "Điều 2", .position = 2}}});
  f.conf.documents.push_back(Document{.title = "Dự thảo Quyết định B",
                                      .kind = "decision",
                                      .drafting_unit_id = f.unit,
                                      .position = 2});
  DH_RETURN_IF_ERROR(InsertConference(c, f.conf).status());
  return f;
}

TEST_P(ConferenceStoreTest, AConferenceComesBackWithItsDraftsAndSections) {
  const Fixture f = MustWrite<Fixture>(Make);
  auto found = MustRead<std::optional<Conference>>(
      [&](db::Connection& c) { return FindConference(c, f.conf.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Kỳ họp thứ 9");
  EXPECT_EQ(found->starts_on, D("2026-07-08"));
  ASSERT_EQ(found->documents.size(), 2u);
  EXPECT_EQ(found->documents[0].answer_due_on, D("2026-07-20"));
  ASSERT_EQ(found->documents[0].sections.size(), 2u);
  EXPECT_EQ(found->documents[0].sections[1].title, "Điều 2");
  EXPECT_EQ(found->documents[1].kind, "decision");
  EXPECT_FALSE(found->documents[1].answer_due_on);
  auto all =
      MustRead<std::vector<Conference>>([](db::Connection& c) { return ListConferences(c); });
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].documents[0].sections.size(), 2u);
  ASSERT_TRUE(Write([&](db::Connection& c) {
                return SetDocumentRound(c, f.conf.documents[1].id, 2);
              }).ok());
  found = MustRead<std::optional<Conference>>(
      [&](db::Connection& c) { return FindConference(c, f.conf.id); });
  EXPECT_EQ(found->documents[1].round, 2);
}

TEST_P(ConferenceStoreTest, OpinionsKeepTheirDelegatesAnswersAndMerges) {
  const Fixture f = MustWrite<Fixture>(Make);
  const int64_t conf = f.conf.id, doc = f.conf.documents[0].id;
  const Delegate an{.conference_id = conf, .full_name = "Nguyễn Văn An", .delegation = "Tổ 1"};
  const int64_t a = MustWrite<int64_t>([&](db::Connection& c) { return InsertDelegate(c, an); });
  const int64_t b = MustWrite<int64_t>([&](db::Connection& c) {
    return InsertDelegate(
        c, {.conference_id = conf, .full_name = "Trần Thị Bình", .delegation = "Tổ 2"});
  });
  const Status twice = Write([&](db::Connection& c) { return InsertDelegate(c, an).status(); });
  EXPECT_EQ(twice.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(twice.field(), "full_name");
  Opinion o{.conference_id = conf,
            .document_id = doc,
            .section_id = f.conf.documents[0].sections[0].id,
            .content = "Làm rõ phạm vi.",
            .speech_no = 3,
            .delegate_ids = {b, a},
            .created_at = 5};
  const int64_t first = MustWrite<int64_t>([&](db::Connection& c) { return InsertOpinion(c, o); });
  o.delegate_ids = {b};
  const int64_t second = MustWrite<int64_t>([&](db::Connection& c) { return InsertOpinion(c, o); });
  auto got =
      MustRead<std::optional<Opinion>>([&](db::Connection& c) { return FindOpinion(c, first); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->delegate_ids, (std::vector<int64_t>{b, a}));  // in the order they spoke
  EXPECT_EQ(got->speech_no, 3);
  EXPECT_FALSE(got->answer);
  got->answer = Answer{AnswerKind::kReferred, "Giao Sở", false, f.unit, D("2026-08-01")};
  got->answered_on = D("2026-07-15");
  got->answered_by = 9;
  ASSERT_TRUE(Write([&](db::Connection& c) { return SaveAnswer(c, *got); }).ok());
  ASSERT_TRUE(Write([&](db::Connection& c) { return SetMergedInto(c, second, first); }).ok());
  auto all = MustRead<std::vector<Opinion>>([&](db::Connection& c) { return OpinionsOf(c, conf); });
  ASSERT_EQ(all.size(), 2u);
  ASSERT_TRUE(all[0].answer);
  EXPECT_EQ(all[0].answer->kind, AnswerKind::kReferred);
  EXPECT_EQ(all[0].answer->referred_unit_id, f.unit);
  EXPECT_EQ(all[0].answer->due_on, D("2026-08-01"));
  EXPECT_EQ(all[0].answered_on, D("2026-07-15"));
  EXPECT_EQ(all[1].merged_into_id, first);
  EXPECT_EQ(all[1].delegate_ids, (std::vector<int64_t>{b}));
}

TEST_P(ConferenceStoreTest, VotesKeepTheirTallyAndBallots) {
  const Fixture f = MustWrite<Fixture>(Make);
  const int64_t a = MustWrite<int64_t>([&](db::Connection& c) {
    return InsertDelegate(c, {.conference_id = f.conf.id, .full_name = "A", .delegation = ""});
  });
  Vote v{.conference_id = f.conf.id,
         .document_id = f.conf.documents[0].id,
         .subject = "Thông qua Nghị quyết A",
         .rule = VoteRule::kTwoThirdsOfAll,
         .tally = {1, 1, 0, 0},
         .by_delegate = true,
         .passed = true,
         .voted_on = D("2026-07-10"),
         .ballots = {{a, Choice::kFor}},
         .created_at = 1};
  MustWrite<int64_t>([&](db::Connection& c) { return InsertVote(c, v); });
  auto votes =
      MustRead<std::vector<Vote>>([&](db::Connection& c) { return VotesOf(c, f.conf.id); });
  ASSERT_EQ(votes.size(), 1u);
  EXPECT_EQ(votes[0].rule, VoteRule::kTwoThirdsOfAll);
  EXPECT_EQ(votes[0].tally.in_favour, 1);
  EXPECT_TRUE(votes[0].passed);
  EXPECT_TRUE(votes[0].by_delegate);
  EXPECT_EQ(votes[0].voted_on, D("2026-07-10"));
}

}  // namespace
}  // namespace dh::conferences

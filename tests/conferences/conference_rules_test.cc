// The rules of conference opinions and votes as tables of cases: the vote thresholds
// (more than half of ALL delegates, not of those present; two thirds where the law asks),
// the answer kinds and what each must carry, the delegates named by a merged opinion,
// merging and opening a new round of a draft.
#include "conferences/conference_rules.h"

#include <gtest/gtest.h>

namespace dh::conferences {
namespace {

TEST(ConferenceRules, VotesAreCountedAgainstAllDelegatesNotThosePresent) {
  const struct {
    VoteRule rule;
    VoteTally tally;
    bool passed;
    int needed;
  } kCases[] = {
      {VoteRule::kMajorityOfAll, {50, 26, 0, 0}, true, 26},
      {VoteRule::kMajorityOfAll, {50, 25, 0, 0}, false, 26},  // exactly half is not more
      {VoteRule::kMajorityOfAll, {50, 25, 1, 0}, false, 26},  // 25 of 26 present: still no
      {VoteRule::kMajorityOfAll, {51, 26, 20, 5}, true, 26},
      {VoteRule::kMajorityOfAll, {51, 25, 0, 0}, false, 26},
      {VoteRule::kMajorityOfAll, {1, 1, 0, 0}, true, 1},
      {VoteRule::kTwoThirdsOfAll, {60, 40, 0, 0}, true, 40},
      {VoteRule::kTwoThirdsOfAll, {60, 39, 0, 0}, false, 40},
      {VoteRule::kTwoThirdsOfAll, {50, 34, 0, 0}, true, 34},  // 33.3… → at least 34
      {VoteRule::kTwoThirdsOfAll, {50, 33, 17, 0}, false, 34},
      {VoteRule::kTwoThirdsOfAll, {3, 2, 1, 0}, true, 2},
  };
  for (const auto& k : kCases) {
    ASSERT_TRUE(CheckTally(k.tally).ok());
    const VoteOutcome o = Decide(k.rule, k.tally);
    EXPECT_EQ(o.passed, k.passed) << k.tally.delegates << " " << k.tally.in_favour;
    EXPECT_EQ(o.needed, k.needed) << k.tally.delegates;
  }
}

TEST(ConferenceRules, TheRuleAndTheOutcomeAreSentences) {
  const VoteOutcome o = Decide(VoteRule::kMajorityOfAll, {50, 40, 6, 2});
  EXPECT_EQ(o.rule,
            "Nghị quyết được thông qua khi có quá nửa tổng số đại biểu (không phải số đại biểu có "
            "mặt) biểu quyết tán thành: cần ít nhất 26/50 phiếu (Luật Tổ chức chính quyền địa "
            "phương, Điều 91, khoản 3).");
  EXPECT_EQ(o.outcome,
            "Thông qua: 40/50 đại biểu tán thành (80 %); không tán thành 6, không biểu quyết 2; "
            "cần ít nhất 26.");
  const VoteOutcome t = Decide(VoteRule::kTwoThirdsOfAll, {1500, 999, 0, 0});
  EXPECT_EQ(t.rule,
            "Được thông qua khi có ít nhất hai phần ba tổng số đại biểu biểu quyết tán "
            "thành: cần ít nhất 1.000/1.500 phiếu.");
  EXPECT_TRUE(t.outcome.starts_with("Không thông qua: 999/1.500 đại biểu tán thành (66,6 %)"))
      << t.outcome;
}

TEST(ConferenceRules, ImpossibleTalliesAreRefused) {
  const struct {
    VoteTally tally;
    const char* code;
  } kCases[] = {
      {{0, 0, 0, 0}, "no_delegates"},
      {{10, -1, 0, 0}, "negative_votes"},
      {{10, 6, 4, 1}, "too_many_votes"},
      {{10, 6, 4, 0}, ""},
  };
  for (const auto& k : kCases)
    EXPECT_EQ(CheckTally(k.tally).error_code(), k.code) << k.tally.in_favour;
  EXPECT_EQ(ParseVoteRule("majority_of_all"), VoteRule::kMajorityOfAll);
  EXPECT_EQ(ParseVoteRule("two_thirds_of_all"), VoteRule::kTwoThirdsOfAll);
  EXPECT_FALSE(ParseVoteRule("majority_of_present"));
}

TEST(ConferenceRules, EachAnswerKindCarriesWhatItMust) {
  const Date today = *Date::FromYmd(2026, 6, 10);
  const auto d = [](int m, int day) { return Date::FromYmd(2026, m, day); };
  const struct {
    AnswerInput in;
    const char* code;  // "" when accepted
    const char* field;
    const char* report;  // the report's wording when accepted (a referred unit is "Sở Xây dựng")
  } kCases[] = {
      {{"accepted", "Đã sửa khoản 2 Điều 3."}, "", "", "Tiếp thu: Đã sửa khoản 2 Điều 3."},
      {{"accepted", "", true}, "", "", "Tiếp thu, sẽ thực hiện khi có điều kiện."},
      {{"accepted", "  "}, "required", "text", ""},
      {{"explained", "Luật đã quy định."}, "", "", "Giải trình: Luật đã quy định."},
      {{"explained", ""}, "required", "text", ""},
      {{"explained", "", true}, "required", "text", ""},  // "when possible" belongs to accepted
      {{"noted", ""}, "", "", "Ghi nhận."},
      {{"noted", "Sẽ nghiên cứu."}, "", "", "Ghi nhận: Sẽ nghiên cứu."},
      {{"referred", "", false, 7, d(6, 30)}, "", "", "Chuyển Sở Xây dựng xử lý, hạn 30/06/2026."},
      {{"referred", "", false, 0, d(6, 30)}, "required", "referred_unit_id", ""},
      {{"referred", "", false, 7, std::nullopt}, "required", "due_on", ""},
      {{"referred", "", false, 7, d(6, 9)}, "in_the_past", "due_on", ""},
      {{"referred", "", false, 7, d(6, 10)}, "", "", "Chuyển Sở Xây dựng xử lý, hạn 10/06/2026."},
      {{"rejected", "Không"}, "unknown_answer_kind", "kind", ""},
      {{"", ""}, "unknown_answer_kind", "kind", ""},
      {{"noted", std::string(10001, 'x')}, "too_long", "text", ""},
  };
  for (const auto& k : kCases) {
    auto a = CheckAnswer(k.in, today);
    EXPECT_EQ(a.status().error_code(), k.code) << k.in.kind << " " << k.in.text;
    EXPECT_EQ(a.status().field(), k.field) << k.in.kind;
    if (a.ok()) EXPECT_EQ(AnswerForReport(*a, "Sở Xây dựng"), k.report);
  }
  for (AnswerKind kind : kAnswerKinds) EXPECT_EQ(ParseAnswerKind(AnswerKindName(kind)), kind);
}

TEST(ConferenceRules, AMergedOpinionNamesEveryoneWhoRaisedItOnce) {
  const struct {
    std::vector<Raiser> raisers;
    const char* text;
  } kCases[] = {
      {{{"Nguyễn Văn An", "Tổ Đông Hải"}}, "Nguyễn Văn An (Tổ Đông Hải)"},
      {{{"Nguyễn Văn An", "Tổ Đông Hải"},
        {"Trần Thị Bình", "Tổ Tây Sơn"},
        {"Lê Văn Cường", "Tổ Đông Hải"},
        {"Nguyễn Văn An", "Tổ Đông Hải"}},
       "Nguyễn Văn An, Lê Văn Cường (Tổ Đông Hải); Trần Thị Bình (Tổ Tây Sơn)"},
      {{{"Sở Tư pháp", ""}, {"Nguyễn Văn An", "Tổ Đông Hải"}},
       "Sở Tư pháp; Nguyễn Văn An (Tổ Đông Hải)"},
      {{}, ""},
  };
  for (const auto& k : kCases) EXPECT_EQ(RaisersText(k.raisers), k.text);
}

TEST(ConferenceRules, OnlyUnansweredOpinionsOnTheSameDraftMerge) {
  const OpinionHead kept{1, 10, true, false};
  const struct {
    OpinionHead kept;
    std::vector<OpinionHead> others;
    const char* code;
  } kCases[] = {
      {kept, {{2, 10, false, false}, {3, 10, false, false}}, ""},
      {kept, {}, "required"},
      {kept, {{1, 10, true, false}}, "self_merge"},
      {kept, {{2, 11, false, false}}, "other_document"},
      {kept, {{2, 10, false, true}}, "already_merged"},
      {kept, {{2, 10, true, false}}, "already_answered"},
      {{1, 10, false, true}, {{2, 10, false, false}}, "already_merged"},
  };
  for (const auto& k : kCases) EXPECT_EQ(CheckMerge(k.kept, k.others).error_code(), k.code);
}

TEST(ConferenceRules, ANewRoundOpensOnceTheCurrentOneIsAnswered) {
  EXPECT_TRUE(CheckNewRound(1, 0).ok());
  const Status s = CheckNewRound(1, 1234);
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(s.message(),
            "Còn 1.234 ý kiến của vòng 1 chưa được trả lời; trả lời hết trước khi mở vòng 2.");
}

}  // namespace
}  // namespace dh::conferences

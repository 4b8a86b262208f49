// The rules of conference opinions and votes, pure (no I/O):
// - how a vote is decided: more than half of ALL delegates (not of those present) for a
//   resolution of the council (Luật Tổ chức chính quyền địa phương 2015, art. 91(3));
//   at least two thirds of all delegates where the law asks it (dismissing a delegate);
// - the kinds of answer the drafting unit gives an opinion and what each must say;
// - merging duplicate opinions: the kept one names every delegate and unit that raised any;
// - rounds of a draft: a new round opens once every opinion of the current one is answered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dh::conferences {

// ---- Votes ----

enum class VoteRule { kMajorityOfAll, kTwoThirdsOfAll };
std::string_view VoteRuleName(VoteRule r);  // "majority_of_all", "two_thirds_of_all"
std::optional<VoteRule> ParseVoteRule(std::string_view s);

struct VoteTally {
  int delegates = 0;  // all delegates of the conference, present or not
  int in_favour = 0, against = 0, abstain = 0;
};

struct VoteOutcome {
  bool passed = false;
  int needed = 0;       // votes in favour needed
  std::string rule;     // the sentence stating the rule, with the numbers
  std::string outcome;  // "Thông qua: 40/50 đại biểu tán thành (80 %); cần ít nhất 26."
};

// Votes in favour the rule needs among `delegates`.
int VotesNeeded(VoteRule rule, int delegates);
// InvalidInput when the tally is impossible (negative, more votes than delegates, no
// delegates).
Status CheckTally(const VoteTally& tally);
VoteOutcome Decide(VoteRule rule, const VoteTally& tally);

// ---- Answers ----

enum class AnswerKind { kAccepted, kExplained, kNoted, kReferred };
std::string_view AnswerKindName(AnswerKind k);  // "accepted", "explained", "noted", "referred"
std::string_view AnswerKindLabel(AnswerKind k);  // "Tiếp thu", "Giải trình", "Ghi nhận", "Chuyển"
std::optional<AnswerKind> ParseAnswerKind(std::string_view s);
inline constexpr AnswerKind kAnswerKinds[] = {AnswerKind::kAccepted, AnswerKind::kExplained,
                                              AnswerKind::kNoted, AnswerKind::kReferred};

struct AnswerInput {
  std::string kind;              // as sent; checked here
  std::string text;              // accepted: how the draft changed; explained: the reason
  bool when_possible = false;    // accepted: "to be done when conditions allow"
  int64_t referred_unit_id = 0;  // referred: the unit that takes it
  std::optional<Date> due_on;    // referred: the task's deadline
};

struct Answer {
  AnswerKind kind = AnswerKind::kNoted;
  std::string text;
  bool when_possible = false;
  int64_t referred_unit_id = 0;
  std::optional<Date> due_on;
};

inline constexpr size_t kMaxAnswerChars = 10000;

// The answer, or InvalidInput naming the field as the form labels it.
Result<Answer> CheckAnswer(const AnswerInput& in, Date today);

// The answer as the synthesis report's column "Tiếp thu, giải trình" says it.
std::string AnswerForReport(const Answer& a, std::string_view referred_unit_name);

// ---- Merging duplicates ----

struct Raiser {
  std::string name;   // a delegate's name, or a unit's
  std::string group;  // the delegate's delegation or group; "" for a unit
};

// "Nguyễn Văn An, Trần Thị Bình (Tổ Đông Hải); Sở Tư pháp": every raiser once, grouped by
// delegation in the order they first spoke.
std::string RaisersText(const std::vector<Raiser>& raisers);

struct OpinionHead {
  int64_t id = 0;
  int64_t document_id = 0;
  bool answered = false;
  bool merged = false;  // already merged into another
};

// Opinions merge into the first (`kept`): at least one other, all on the same document,
// none merged already, and none but the kept one answered.
Status CheckMerge(const OpinionHead& kept, const std::vector<OpinionHead>& others);

// ---- Rounds ----

// Opening round `current + 1` of a draft: Conflict while opinions of the current round
// wait for an answer.
Status CheckNewRound(int current, int unanswered_in_current);

}  // namespace dh::conferences

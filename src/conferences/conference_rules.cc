#include "conferences/conference_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "conferences/conference_messages.h"
#include "core/message.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

// "66,6 %" in Vietnamese, "66.6%" in English.
std::string Percent(int part, int whole) {
  const bool en = CurrentLang() == Lang::kEn;
  if (whole <= 0) return en ? "0%" : "0 %";
  std::string s = fmt::format("{:.1f}", 100.0 * part / whole);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (en) return s + "%";
  std::replace(s.begin(), s.end(), '.', ',');
  return s + " %";
}

}  // namespace

// ---- Votes ----

std::string_view VoteRuleName(VoteRule r) {
  return r == VoteRule::kMajorityOfAll ? "majority_of_all" : "two_thirds_of_all";
}

std::optional<VoteRule> ParseVoteRule(std::string_view s) {
  if (s == "majority_of_all") return VoteRule::kMajorityOfAll;
  if (s == "two_thirds_of_all") return VoteRule::kTwoThirdsOfAll;
  return std::nullopt;
}

int VotesNeeded(VoteRule rule, int delegates) {
  if (delegates <= 0) return 1;
  if (rule == VoteRule::kMajorityOfAll) return delegates / 2 + 1;  // more than half
  return (2 * delegates + 2) / 3;                                  // at least two thirds
}

Status CheckTally(const VoteTally& t) {
  if (t.delegates <= 0)
    return Status::InvalidInput("delegates", Say(msg::kNoDelegates), "no_delegates");
  if (t.in_favour < 0 || t.against < 0 || t.abstain < 0)
    return Status::InvalidInput("in_favour", Say(msg::kNegativeVotes), "negative_votes");
  const int64_t cast = int64_t{t.in_favour} + t.against + t.abstain;
  if (cast > t.delegates)
    return Status::InvalidInput(
        "in_favour", Say(msg::kTooManyVotes, {{"cast", cast}, {"delegates", int64_t{t.delegates}}}),
        "too_many_votes");
  return Status::Ok();
}

VoteOutcome Decide(VoteRule rule, const VoteTally& t) {
  VoteOutcome o;
  o.needed = VotesNeeded(rule, t.delegates);
  o.passed = t.delegates > 0 && t.in_favour >= o.needed;
  const MessageArgs counts{{"needed", int64_t{o.needed}}, {"delegates", int64_t{t.delegates}}};
  o.rule = Say(rule == VoteRule::kMajorityOfAll ? msg::kRuleMajority : msg::kRuleTwoThirds, counts);
  MessageArgs args = counts;
  args.insert(args.end(), {{"verdict", o.passed ? &msg::kPassed : &msg::kNotPassed},
                           {"in_favour", int64_t{t.in_favour}},
                           {"percent", Percent(t.in_favour, t.delegates)},
                           {"against", int64_t{t.against}},
                           {"abstain", int64_t{t.abstain}}});
  o.outcome = Say(msg::kVoteOutcome, args);
  return o;
}

// ---- Answers ----

std::string_view AnswerKindName(AnswerKind k) {
  switch (k) {
    case AnswerKind::kAccepted:
      return "accepted";
    case AnswerKind::kExplained:
      return "explained";
    case AnswerKind::kNoted:
      return "noted";
    case AnswerKind::kReferred:
      return "referred";
  }
  return "noted";
}

std::string_view AnswerKindLabel(AnswerKind k) {
  switch (k) {
    case AnswerKind::kAccepted:
      return "Tiếp thu";
    case AnswerKind::kExplained:
      return "Giải trình";
    case AnswerKind::kNoted:
      return "Ghi nhận";
    case AnswerKind::kReferred:
      return "Chuyển";
  }
  return "Ghi nhận";
}

std::optional<AnswerKind> ParseAnswerKind(std::string_view s) {
  for (AnswerKind k : kAnswerKinds)
    if (AnswerKindName(k) == s) return k;
  return std::nullopt;
}

Result<Answer> CheckAnswer(const AnswerInput& in, Date today) {
  const auto kind = ParseAnswerKind(in.kind);
  if (!kind)
    return Status::InvalidInput("kind", Say(msg::kChooseAnswerKind), "unknown_answer_kind");
  Answer a{*kind, text::Trim(in.text), in.when_possible && *kind == AnswerKind::kAccepted, 0, {}};
  if (text::CodePointCount(a.text) > kMaxAnswerChars)
    return Status::InvalidInput(
        "text", Say(msg::kAnswerTooLong, {{"max", static_cast<int64_t>(kMaxAnswerChars)}}),
        "too_long");
  if (a.kind == AnswerKind::kAccepted && a.text.empty() && !a.when_possible)
    return Status::InvalidInput("text", Say(msg::kSayHowAccepted), "required");
  if (a.kind == AnswerKind::kExplained && a.text.empty())
    return Status::InvalidInput("text", Say(msg::kExplainWhy), "required");
  if (a.kind != AnswerKind::kReferred) return a;
  if (in.referred_unit_id <= 0)
    return Status::InvalidInput("referred_unit_id", Say(msg::kChooseReferredUnit), "required");
  if (!in.due_on) return Status::InvalidInput("due_on", Say(msg::kEnterDueOn), "required");
  if (*in.due_on < today)
    return Status::InvalidInput("due_on", Say(msg::kDueInPast), "in_the_past");
  a.referred_unit_id = in.referred_unit_id;
  a.due_on = in.due_on;
  return a;
}

std::string AnswerForReport(const Answer& a, std::string_view referred_unit_name) {
  switch (a.kind) {
    case AnswerKind::kAccepted:
      if (a.text.empty()) return "Tiếp thu, sẽ thực hiện khi có điều kiện.";
      return "Tiếp thu: " + a.text + (a.when_possible ? " (thực hiện khi có điều kiện)" : "");
    case AnswerKind::kExplained:
      return "Giải trình: " + a.text;
    case AnswerKind::kNoted:
      return a.text.empty() ? "Ghi nhận." : "Ghi nhận: " + a.text;
    case AnswerKind::kReferred:
      return fmt::format("Chuyển {} xử lý, hạn {}.{}", referred_unit_name,
                         a.due_on ? a.due_on->ToVietnamese() : "",
                         a.text.empty() ? "" : " " + a.text);
  }
  return a.text;
}

// ---- Merging duplicates ----

std::string RaisersText(const std::vector<Raiser>& raisers) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // first-spoken order
  for (const Raiser& r : raisers) {
    auto g =
        std::find_if(groups.begin(), groups.end(), [&](auto& x) { return x.first == r.group; });
    if (g == groups.end()) g = groups.insert(groups.end(), {r.group, {}});
    if (std::find(g->second.begin(), g->second.end(), r.name) == g->second.end())
      g->second.push_back(r.name);
  }
  std::string out;
  for (const auto& [group, names] : groups) {
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
    if (!out.empty()) out += "; ";
    out += group.empty() ? joined : joined + " (" + group + ")";
  }
  return out;
}

Status CheckMerge(const OpinionHead& kept, const std::vector<OpinionHead>& others) {
  if (others.empty())
    return Status::InvalidInput("opinion_ids", Say(msg::kChooseDuplicates), "required");
  if (kept.merged) return Status::Conflict(Say(msg::kKeptMerged), "already_merged");
  for (const OpinionHead& o : others) {
    if (o.id == kept.id)
      return Status::InvalidInput("opinion_ids", Say(msg::kSelfMerge), "self_merge");
    if (o.document_id != kept.document_id)
      return Status::InvalidInput("opinion_ids", Say(msg::kOtherDocument), "other_document");
    if (o.merged)
      return Status::Conflict(Say(msg::kAlreadyMerged, {{"id", std::to_string(o.id)}}),
                              "already_merged");
    if (o.answered)
      return Status::Conflict(Say(msg::kAlreadyAnswered, {{"id", std::to_string(o.id)}}),
                              "already_answered");
  }
  return Status::Ok();
}

// ---- Rounds ----

Status CheckNewRound(int current, int unanswered_in_current) {
  if (unanswered_in_current > 0)
    return Status::Conflict(Say(msg::kUnanswered, {{"n", int64_t{unanswered_in_current}},
                                                   {"round", int64_t{current}},
                                                   {"next", int64_t{current + 1}}}),
                            "unanswered_opinions");
  return Status::Ok();
}

}  // namespace dh::conferences

// Votes on a resolution or a decision: ballots per delegate or totals, decided by the rule.
#include <algorithm>
#include <set>

#include "audit/recorder.h"
#include "conferences/conference_json.h"
#include "conferences/conference_messages.h"
#include "conferences/conference_service.h"
#include "conferences/conference_store.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

// The ballots as sent, checked: each from a delegate of the conference, once, with a choice.
Result<std::vector<Ballot>> CheckBallots(const VoteInput& in,
                                         const std::vector<Delegate>& delegates) {
  std::vector<Ballot> out;
  std::set<int64_t> seen;
  for (size_t i = 0; i < in.ballots.size(); ++i) {
    const auto& [delegate, choice] = in.ballots[i];
    const std::string at = "ballots[" + std::to_string(i) + "].";
    if (std::none_of(delegates.begin(), delegates.end(),
                     [&](const Delegate& d) { return d.id == delegate; }))
      return Status::InvalidInput(at + "delegate_id", Say(msg::kNotADelegateVoter),
                                  "not_a_delegate");
    if (!seen.insert(delegate).second)
      return Status::InvalidInput(at + "delegate_id", Say(msg::kOneBallotEach), "duplicate_ballot");
    auto c = ParseChoice(choice);
    if (!c) return Status::InvalidInput(at + "choice", Say(msg::kChooseChoice));
    out.push_back({delegate, *c});
  }
  return out;
}

Result<Vote> NewVote(const VoteInput& in, const Conference& conf,
                     const std::vector<Delegate>& delegates, Date today) {
  if (text::Trim(in.subject).empty())
    return Status::InvalidInput("subject", Say(msg::kEnterVoteSubject), "required");
  auto rule = ParseVoteRule(in.rule);
  if (!rule) return Status::InvalidInput("rule", Say(msg::kChooseVoteRule));
  if (in.document_id && !conf.FindDocument(*in.document_id))
    return Status::InvalidInput("document_id", Say(msg::kChooseDocument));
  if (in.totals.has_value() == !in.ballots.empty())
    return Status::InvalidInput("ballots", Say(msg::kBallotsOrTotals));
  Vote v{.conference_id = conf.id,
         .document_id = in.document_id,
         .subject = text::Trim(in.subject),
         .rule = *rule,
         .by_delegate = !in.ballots.empty(),
         .voted_on = in.voted_on.value_or(today)};
  v.tally.delegates = static_cast<int>(delegates.size());
  if (in.totals) {
    v.tally.in_favour = in.totals->in_favour;
    v.tally.against = in.totals->against;
    v.tally.abstain = in.totals->abstain;
  } else {
    DH_ASSIGN_OR_RETURN(v.ballots, CheckBallots(in, delegates));
    for (const Ballot& b : v.ballots)
      ++(b.choice == Choice::kFor       ? v.tally.in_favour
         : b.choice == Choice::kAgainst ? v.tally.against
                                        : v.tally.abstain);
  }
  DH_RETURN_IF_ERROR(CheckTally(v.tally));
  v.passed = Decide(v.rule, v.tally).passed;
  return v;
}

}  // namespace

Result<VoteView> ConferenceService::CastVote(const auth::Principal& who, int64_t conference_id,
                                             const VoteInput& in) {
  Vote v;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Conference conf, ForManage(c, who, conference_id));
    DH_ASSIGN_OR_RETURN(auto delegates, DelegatesOf(c, conference_id));
    DH_ASSIGN_OR_RETURN(v, NewVote(in, conf, delegates, clock_.Today()));
    v.created_by = who.user_id;
    v.created_at = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(v.id, InsertVote(c, v));
    // The audit keeps the outcome as the record says it, in Vietnamese, whoever asked.
    const VoteOutcome recorded = [&] {
      ScopedLang vi(Lang::kVi);
      return Decide(v.rule, v.tally);
    }();
    return audit::Record(c, &who,
                         {"conference.vote", "conference", conf.id, conf.body_unit_id, nullptr,
                          VoteViewJson({v, recorded})},
                         v.created_at);
  }));
  return VoteView{v, Decide(v.rule, v.tally)};
}

Result<std::vector<VoteView>> ConferenceService::Votes(const auth::Principal& who,
                                                       int64_t conference_id) const {
  std::vector<VoteView> out;
  DH_RETURN_IF_ERROR(ReadVisible(who, conference_id, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto votes, VotesOf(c, conference_id));
    for (Vote& v : votes) {
      VoteOutcome o = Decide(v.rule, v.tally);
      out.push_back({std::move(v), std::move(o)});
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace dh::conferences

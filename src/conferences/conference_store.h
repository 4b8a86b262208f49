// Where conferences, their drafts, delegates, opinions and votes are kept. Every function
// runs on the caller's connection, inside the caller's transaction.
#pragma once

#include <vector>

#include "conferences/conference.h"
#include "db/connection.h"

namespace dh::conferences {

// With its documents and their sections; fills in the ids it gives them.
Result<int64_t> InsertConference(db::Connection& c, Conference& conf);
Result<std::optional<Conference>> FindConference(db::Connection& c, int64_t id);
// Every conference, newest first, with its documents (sections included).
Result<std::vector<Conference>> ListConferences(db::Connection& c);
Status SetDocumentRound(db::Connection& c, int64_t document_id, int round);

// UniqueViolation ("full_name") when the conference has this delegate in this delegation.
Result<int64_t> InsertDelegate(db::Connection& c, const Delegate& d);
Result<std::vector<Delegate>> DelegatesOf(db::Connection& c, int64_t conference_id);

// With the delegates who raised it.
Result<int64_t> InsertOpinion(db::Connection& c, const Opinion& o);
Result<std::optional<Opinion>> FindOpinion(db::Connection& c, int64_t id);
// In the order they were recorded.
Result<std::vector<Opinion>> OpinionsOf(db::Connection& c, int64_t conference_id);
// Writes the answer, the task it became and who answered when.
Status SaveAnswer(db::Connection& c, const Opinion& o);
Status SetMergedInto(db::Connection& c, int64_t opinion_id, int64_t kept_id);
Status AddOpinionDelegate(db::Connection& c, int64_t opinion_id, int64_t delegate_id, int position);

// With its ballots.
Result<int64_t> InsertVote(db::Connection& c, const Vote& v);
// Newest first, without ballots.
Result<std::vector<Vote>> VotesOf(db::Connection& c, int64_t conference_id);

}  // namespace dh::conferences

// Where petitions, their history, answer templates and dialogue sessions are kept. Every
// function runs on the caller's connection, inside the caller's transaction.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "db/connection.h"
#include "petitions/petition_record.h"

namespace dh::petitions {

// With its coordinating units; `search_folded` is computed here from title and content.
Result<int64_t> InsertPetition(db::Connection& c, const Petition& p);
// Every mutable field and the coordinating units.
Status UpdatePetition(db::Connection& c, const Petition& p);
Result<std::optional<Petition>> FindPetition(db::Connection& c, int64_t id);
// In the order of `ids`; missing ones left out.
Result<std::vector<Petition>> FindPetitions(db::Connection& c, const std::vector<int64_t>& ids);
// Every petition in id order, in batches (the read model's load).
Status ForEachPetition(db::Connection& c, const std::function<void(Petition&&)>& visit);

Result<int64_t> InsertPetitionEvent(db::Connection& c, const PetitionEventRecord& e);
Result<std::vector<PetitionEventRecord>> EventsOf(db::Connection& c, int64_t petition_id);

// A category's templates, then the general ones ("other").
Result<std::vector<AnswerTemplate>> TemplatesFor(db::Connection& c, const std::string& category);

Result<int64_t> InsertSession(db::Connection& c, const DialogueSession& s);
Result<std::optional<DialogueSession>> FindSession(db::Connection& c, int64_t id);
// Newest first.
Result<std::vector<DialogueSession>> ListSessions(db::Connection& c);

}  // namespace dh::petitions

// JSON shapes of petitions, their history, the public page, the board and dialogue sessions.
#pragma once

#include <boost/json.hpp>

#include "petitions/petition_service.h"
#include "units/unit_graph.h"

namespace dh::petitions {

boost::json::object ToJson(const PetitionView& v, const units::UnitGraph& g);
boost::json::object ToJson(const PetitionDetail& d, const units::UnitGraph& g);
// No business private field: its name only when it agreed to be named.
boost::json::object ToJson(const PublicPetition& p, const units::UnitGraph& g);
boost::json::object ToJson(const DialogueSession& s, const units::UnitGraph& g);
boost::json::object ToJson(const AnswerTemplate& t);
// One board row: the counts, the two rates, and for every number the query that lists the
// petitions behind it.
boost::json::object ToJson(const BoardRow& r, const units::UnitGraph& g, Date from, Date to);

}  // namespace dh::petitions

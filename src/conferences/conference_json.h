// The API's JSON for conferences, drafts, delegates, opinions and votes (also what the
// audit log keeps of them).
#pragma once

#include <boost/json.hpp>

#include "conferences/conference.h"
#include "conferences/conference_service.h"

namespace dh::conferences {

boost::json::object ConferenceJson(const Conference& c);
boost::json::object DelegateJson(const Delegate& d);
boost::json::object OpinionAuditJson(const Opinion& o);
boost::json::object AnswerJson(const Answer& a);

// Names of units resolved through `g` for what a page shows.
boost::json::object ConferenceViewJson(const ConferenceView& v, const units::UnitGraph& g);
boost::json::object OpinionViewJson(const OpinionView& v, const units::UnitGraph& g);
boost::json::object VoteViewJson(const VoteView& v);

}  // namespace dh::conferences

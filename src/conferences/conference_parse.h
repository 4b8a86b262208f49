// Request bodies of the conference routes, read into the service's inputs; every error names
// the field as the form labels it.
#pragma once

#include <boost/json.hpp>

#include "conferences/conference_service.h"

namespace dh::conferences {

Result<ConferenceInput> ParseConference(const boost::json::object& o);
Result<DelegateInput> ParseDelegate(const boost::json::object& o);
Result<OpinionInput> ParseOpinion(const boost::json::object& o);
Result<AnswerInput> ParseAnswer(const boost::json::object& o);
Result<VoteInput> ParseVote(const boost::json::object& o);

}  // namespace dh::conferences

// Reading petition request bodies and list queries: each error names the field as the form
// labels it.
#pragma once

#include <boost/json.hpp>

#include "http/request.h"
#include "petitions/petition_service.h"

namespace dh::petitions {

// POST /petitions (creating) and PATCH /petitions/{id}.
Result<PetitionInput> ParsePetition(const boost::json::object& o, bool creating);
Result<ReturnInput> ParseReturn(const boost::json::object& o);
Result<SessionInput> ParseSession(const boost::json::object& o);
// state, category, unit_id, business_unit_id, session_id, task_id, q, timeliness, bucket,
// from, to.
Result<ListFilter> ParseListFilter(const http::Request& req, int64_t* limit, int64_t* offset);
// q, category, unit_id for the public page.
Result<PetitionFilter> ParsePublicFilter(const http::Request& req, int64_t* limit, int64_t* offset);

}  // namespace dh::petitions

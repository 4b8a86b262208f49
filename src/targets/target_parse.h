// Reading the targets room's request bodies: each reader names the field and says, in
// Vietnamese, what to send instead. Never throws.
#pragma once

#include <boost/json.hpp>

#include "targets/target_service.h"

namespace dh::targets {

// The whole indicator (POST), or `base` with the fields present in `o` (PATCH).
Result<Indicator> ParseIndicator(const boost::json::object& o, Indicator base, bool patch);
Result<TargetInput> ParseTargetInput(const boost::json::object& o);
Result<ValueInput> ParseValueInput(const boost::json::object& o);
Result<AskInput> ParseAskInput(const boost::json::object& o);
Result<AnswerInput> ParseAnswerInput(const boost::json::object& o);
// A period in a query string or a body: "2024", "2024-Q2", "2024-06".
Result<Period> ParsePeriodField(const std::string& text, const char* field);

}  // namespace dh::targets

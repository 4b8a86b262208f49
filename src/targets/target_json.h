// The targets room's objects as the API writes them (and as audit entries keep them).
#pragma once

#include <boost/json.hpp>

#include "targets/target_model.h"
#include "targets/targets.h"

namespace dh::targets {

boost::json::object IndicatorJson(const Indicator& i);
// How a target expression was read: comparator, values, relative, unit, reading.
boost::json::object ExpressionJson(const TargetExpression& e);
boost::json::object TargetRecordJson(const Target& t);
// The target with its indicator's names, its status and status_reason, and the reading it
// was judged on.
boost::json::object TargetJson(const TargetRow& row);
boost::json::object ReadingJson(const Reading& r);
boost::json::object ValueJson(const IndicatorValue& v);
boost::json::object ExplanationRecordJson(const ExplanationRequest& r);
boost::json::object EventJson(const ExplanationEvent& e);

}  // namespace dh::targets

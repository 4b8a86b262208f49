// What the targets' answers carry so that the web derives nothing (issue 11): a target's
// unit and indicator by name, the value it was judged on, its trend (periods of one size)
// and what the caller may do with it; a value's and an explanation request's unit by name
// and allowed actions; a request's lateness. One TargetViews per request: the caller's
// scopes are computed once.
#pragma once

#include <boost/json.hpp>

#include "targets/target_access.h"
#include "targets/target_service.h"

namespace dh::targets {

// How many periods a target's trend shows.
inline constexpr size_t kTrendPoints = 12;

class TargetViews {
 public:
  TargetViews(TargetService& s, const auth::Principal& who);

  // TargetJson and: unit_name, indicator {id, code, name, name_en, unit_of_measure,
  // direction, group}, value, value_kind, value_period (null when not reported), trend
  // [{period, value, kind}] and allowed_actions (submit_value, ask_explanation).
  boost::json::object OfTarget(const TargetRow& row) const;
  // ValueJson and: unit_name, allowed_actions (approve, return).
  boost::json::object OfValue(const IndicatorValue& v) const;
  // The request and: late, days_late, unit_name, allowed_actions (answer, accept,
  // ask_again); about a task the caller sees, task {id, title}.
  boost::json::object OfExplanation(const ExplanationRequest& r) const;

 private:
  std::string UnitName(int64_t id) const;

  TargetService& s_;
  const auth::Principal& who_;
  std::shared_ptr<const units::UnitGraph> graph_;
  TargetAccess access_;
};

// The size of period a target's trend is drawn in: that of the reading it was judged on,
// else the indicator's periodicity.
PeriodKind TrendKind(const TargetRow& row);

}  // namespace dh::targets

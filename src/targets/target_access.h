// Who may see and do what in the targets room. One rule per kind of object; every path that
// shows one (a list, a detail, the review, an export) asks it. Out of scope is 404 for one
// object and absent from lists.
//
//   indicator    the catalogue: seen by anyone with targets.read; kept by targets.manage
//                over its responsible unit.
//   target       its unit is in the targets.read scope; set by targets.manage over its unit.
//   value        its unit is in the targets.read scope; submitted by targets.report over
//                its unit; approved or returned by targets.manage over its unit.
//   explanation  its unit (the one that must explain) is in the targets.read scope, or the
//                caller asked it; asked, accepted and asked again by explanations.ask over
//                its unit; answered by targets.report over its unit.
#pragma once

#include "http/principal.h"
#include "targets/targets.h"
#include "units/unit_graph.h"
#include "units/unit_scope.h"

namespace dh::targets {

// The scopes of one principal, computed once per request.
struct TargetAccess {
  units::UnitScope read, report, manage, ask;
  int64_t user_id = 0;
};
TargetAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g);

bool SeesCatalogue(const TargetAccess& a);
bool MayManageIndicator(const TargetAccess& a, const Indicator& i);
bool SeesTarget(const TargetAccess& a, const Target& t);
bool MaySetTarget(const TargetAccess& a, int64_t unit_id);
bool SeesValue(const TargetAccess& a, const IndicatorValue& v);
bool MaySubmitValue(const TargetAccess& a, int64_t unit_id);
bool MayDecideValue(const TargetAccess& a, const IndicatorValue& v);
bool SeesExplanation(const TargetAccess& a, const ExplanationRequest& r);
bool MayAsk(const TargetAccess& a, int64_t unit_id);
bool MayAnswer(const TargetAccess& a, const ExplanationRequest& r);

}  // namespace dh::targets

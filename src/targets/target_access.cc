#include "targets/target_access.h"

namespace dh::targets {

using auth::Permission;

TargetAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  return {units::ScopeFor(who, Permission::kTargetsRead, g),
          units::ScopeFor(who, Permission::kTargetsReport, g),
          units::ScopeFor(who, Permission::kTargetsManage, g),
          units::ScopeFor(who, Permission::kExplanationsAsk, g), who.user_id};
}

bool SeesCatalogue(const TargetAccess& a) { return !a.read.empty(); }

bool MayManageIndicator(const TargetAccess& a, const Indicator& i) {
  return a.manage.Contains(i.responsible_unit_id);
}

bool SeesTarget(const TargetAccess& a, const Target& t) { return a.read.Contains(t.unit_id); }

bool MaySetTarget(const TargetAccess& a, int64_t unit_id) { return a.manage.Contains(unit_id); }

bool SeesValue(const TargetAccess& a, const IndicatorValue& v) {
  return a.read.Contains(v.unit_id);
}

bool MaySubmitValue(const TargetAccess& a, int64_t unit_id) { return a.report.Contains(unit_id); }

bool MayDecideValue(const TargetAccess& a, const IndicatorValue& v) {
  return a.manage.Contains(v.unit_id);
}

bool SeesExplanation(const TargetAccess& a, const ExplanationRequest& r) {
  return a.read.Contains(r.unit_id) || (r.asked_by && *r.asked_by == a.user_id);
}

bool MayAsk(const TargetAccess& a, int64_t unit_id) { return a.ask.Contains(unit_id); }

bool MayAnswer(const TargetAccess& a, const ExplanationRequest& r) {
  return a.report.Contains(r.unit_id);
}

}  // namespace dh::targets

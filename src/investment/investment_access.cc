#include "investment/investment_access.h"

#include <algorithm>

namespace dh::investment {

InvestmentAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  using auth::Permission;
  return {units::ScopeFor(who, Permission::kInvestmentRead, g),
          units::ScopeFor(who, Permission::kInvestmentReport, g),
          units::ScopeFor(who, Permission::kInvestmentManage, g)};
}

bool ProjectInScope(const units::UnitScope& s, int64_t investor_id,
                    std::optional<int64_t> managing_unit_id) {
  return s.Contains(investor_id) || (managing_unit_id && s.Contains(*managing_unit_id));
}

bool CanSeeProject(const InvestmentAccess& a, const Project& p) {
  return ProjectInScope(a.read, p.investor_id, p.managing_unit_id);
}

bool MayReportProject(const InvestmentAccess& a, const Project& p) {
  return ProjectInScope(a.report, p.investor_id, p.managing_unit_id);
}

bool MayManageProject(const InvestmentAccess& a, const Project& p) {
  return ProjectInScope(a.manage, p.investor_id, p.managing_unit_id);
}

bool CanSeeInspection(const InvestmentAccess& a, const Inspection& i, int64_t plan_lead_unit) {
  return a.read.Contains(i.investor_id) || a.read.Contains(plan_lead_unit);
}

bool CanSeeInspectionPlan(const InvestmentAccess& a, const InspectionPlan& p,
                          size_t visible_inspections) {
  return a.read.Contains(p.lead_unit_id) || visible_inspections > 0;
}

std::optional<std::vector<int64_t>> ScopeUnits(const units::UnitScope& s) {
  if (s.all()) return std::nullopt;
  std::vector<int64_t> ids(s.ids().begin(), s.ids().end());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace dh::investment

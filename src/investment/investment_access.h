// Who may see what of public investment. One rule per kind of object; every path that shows
// one — a list, a detail, what another answer embeds — asks it; out of scope is 404 for one
// object and absent from lists.
//
//   project         its investor (chủ đầu tư) or its managing department is in the caller's
//                   investment.read scope: an investor sees its own projects, a department
//                   officer those it manages, the office, leaders and admins those of their
//                   units (the city: all).
//   plan versions, medium-term plans, disbursements, commitments, progress updates,
//   milestones, adjustments' moves     follow their project.
//   bottleneck      its project, and then the task's own rule (tasks/task_access.h).
//   inspection      its investor or its plan's lead unit is in the read scope.
//   inspection plan its lead unit is in the read scope, or one of its inspections is seen
//                   (an investor sees the plans that visit it, and only its own visits).
//   capital source  everyone with investment.read.
//
// Writes: report (an investor's disbursement, progress, commitments) needs the project in
// the investment.report scope; manage (projects, plans, adjustments, bottlenecks,
// inspections) the investment.manage scope.
#pragma once

#include <optional>
#include <vector>

#include "investment/investment.h"
#include "units/unit_graph.h"
#include "units/unit_scope.h"

namespace dh::investment {

struct InvestmentAccess {
  units::UnitScope read, report, manage;
};
InvestmentAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g);

// The project rule on the two units it reads.
bool ProjectInScope(const units::UnitScope& s, int64_t investor_id,
                    std::optional<int64_t> managing_unit_id);
bool CanSeeProject(const InvestmentAccess& a, const Project& p);
bool MayReportProject(const InvestmentAccess& a, const Project& p);
bool MayManageProject(const InvestmentAccess& a, const Project& p);
bool CanSeeInspection(const InvestmentAccess& a, const Inspection& i, int64_t plan_lead_unit);
// `visible_inspections`: how many of the plan's inspections CanSeeInspection lets through.
bool CanSeeInspectionPlan(const InvestmentAccess& a, const InspectionPlan& p,
                          size_t visible_inspections);

// A scope as the stores filter by it: none for every unit, else its units.
std::optional<std::vector<int64_t>> ScopeUnits(const units::UnitScope& s);

}  // namespace dh::investment

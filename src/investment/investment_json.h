// JSON shapes of the investment records: the API's answers and what the audit log keeps.
// Field names as the Interfaces name them; money in đồng, dates YYYY-MM-DD.
#pragma once

#include <boost/json.hpp>

#include "investment/investment.h"
#include "units/unit_graph.h"

namespace dh::investment {

boost::json::object ToJson(const CapitalSource& s);
// With the names of its investor and managing unit when `g` is given.
boost::json::object ToJson(const Project& p, const units::UnitGraph* g = nullptr);
boost::json::object ToJson(const MediumTermPlan& m);
boost::json::object ToJson(const PlanVersion& v);
boost::json::object ToJson(const Disbursement& d);
boost::json::object ToJson(const Move& m);
boost::json::object ToJson(const PlanAdjustment& a);
boost::json::object ToJson(const Commitment& c);
boost::json::object ToJson(const TargetMilestone& m);
boost::json::object ToJson(const ProgressUpdate& u);
boost::json::object ToJson(const ProjectMilestone& m);
// The bottleneck's (or recommendation's) own fields; the task's come beside them.
boost::json::object ToJson(const ProjectTask& t);
boost::json::object ToJson(const InspectionPlan& p);
boost::json::object ToJson(const Inspection& i);

}  // namespace dh::investment

namespace dh::investment {

// A plan with its list's counts, status, lead unit's and investors' names.
boost::json::object ToJson(const InspectionPlanSummary& s, const units::UnitGraph* g);
// A visit with its investor's name and its project's code and name (`p` none: null, when the
// visit is of the investor as a whole or the caller may not see the project).
boost::json::object ToJson(const Inspection& i, const Project* p, const units::UnitGraph* g);

}  // namespace dh::investment

// Request bodies of the investment routes, read with the labels the forms show.
#pragma once

#include <boost/json.hpp>

#include "investment/investment_service.h"

namespace dh::investment {

// Registers the English of every label above (core/message.h), once, before the routes answer.
void RegisterInvestmentLabels();

Result<CapitalSource> ParseSource(const boost::json::object& o);
Result<ProjectInput> ParseProject(const boost::json::object& o);
Result<MediumTermPlan> ParseMediumTermPlan(const boost::json::object& o);
Result<PlanVersion> ParsePlanVersion(const boost::json::object& o);
Result<Disbursement> ParseDisbursement(const boost::json::object& o);
Result<PlanAdjustment> ParseAdjustment(const boost::json::object& o);
// {"year", "months": [{"month", "amount"}]}
Result<std::pair<int, std::vector<Commitment>>> ParseCommitments(const boost::json::object& o);
// {"milestones": [{"due_on", "rate_bp"}]}
Result<std::vector<TargetMilestone>> ParseTrajectory(const boost::json::object& o);
Result<ProgressUpdate> ParseProgress(const boost::json::object& o, Date today);
Result<ProjectMilestone> ParseMilestone(const boost::json::object& o);
Result<BottleneckInput> ParseBottleneck(const boost::json::object& o);
Result<tasks::TaskInput> ParseRecommendation(const boost::json::object& o);
Result<InspectionPlan> ParseInspectionPlan(const boost::json::object& o);
Result<Inspection> ParseInspection(const boost::json::object& o);

}  // namespace dh::investment

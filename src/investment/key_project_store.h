// The SQL of key projects' follow-up: physical progress updates, milestones, the tasks linked
// to a project (bottlenecks and inspection recommendations) and inspections. Every function
// runs inside the caller's transaction.
#pragma once

#include <optional>
#include <vector>

#include "db/connection.h"
#include "investment/investment.h"

namespace dh::investment {

// ---- Progress --------------------------------------------------------------------------------
// Also sets the project's physical_percent and progress_updated_on.
Result<int64_t> InsertProgressUpdate(db::Connection& c, const ProgressUpdate& u);
Result<std::vector<ProgressUpdate>> ProgressUpdatesOf(db::Connection& c, int64_t project_id);

// ---- Milestones ------------------------------------------------------------------------------
Result<int64_t> InsertProjectMilestone(db::Connection& c, const ProjectMilestone& m);
Result<std::vector<ProjectMilestone>> MilestonesOf(db::Connection& c, int64_t project_id);

// ---- Tasks linked to a project ---------------------------------------------------------------
Status InsertProjectTask(db::Connection& c, const ProjectTask& t);
Result<std::optional<ProjectTask>> GetProjectTask(db::Connection& c, int64_t task_id);
// Of one project (kind none: both kinds), by task id.
Result<std::vector<ProjectTask>> ProjectTasksOf(db::Connection& c, int64_t project_id,
                                                std::optional<ProjectTaskKind> kind);
Result<std::vector<ProjectTask>> RecommendationsOf(db::Connection& c, int64_t inspection_id);
// Every link (read models: open bottlenecks per project).
Result<std::vector<ProjectTask>> AllProjectTasks(db::Connection& c);

// ---- Inspections -----------------------------------------------------------------------------
Result<int64_t> InsertInspectionPlan(db::Connection& c, const InspectionPlan& p);
Result<std::optional<InspectionPlan>> GetInspectionPlan(db::Connection& c, int64_t id);
Result<int64_t> InsertInspection(db::Connection& c, const Inspection& i);
Status UpdateInspection(db::Connection& c, const Inspection& i);  // visited_on, findings
Result<std::optional<Inspection>> GetInspection(db::Connection& c, int64_t id);
// Of the investors in `scope` (none: all), optionally of one plan, by id.
Result<std::vector<Inspection>> ListInspections(db::Connection& c,
                                                const std::optional<std::vector<int64_t>>& scope,
                                                std::optional<int64_t> plan_id);

}  // namespace dh::investment

namespace dh::investment {

// What the update reminders (project_reminders.h) read of each active project (status
// preparing or in_progress): its investor, its name, and its investor's last update — the
// later of its last physical-progress report and its last disbursement.
struct UpdateState {
  int64_t project_id = 0, investor_id = 0;
  std::string code, name;
  std::optional<Date> last_update;
  int64_t created_at = 0;
};
Result<std::vector<UpdateState>> ActiveProjectUpdates(db::Connection& c);
// These projects (active or not), by id.
Result<std::vector<UpdateState>> ProjectUpdatesOf(db::Connection& c,
                                                  const std::vector<int64_t>& ids);

}  // namespace dh::investment

namespace dh::investment {

// Inspection plans of `year` (none: every year), the latest first.
Result<std::vector<InspectionPlan>> ListInspectionPlans(db::Connection& c, std::optional<int> year);

}  // namespace dh::investment

namespace dh::investment {

// What the inspection plans' list asks for. `scope`: the caller's investment.read units (none:
// every unit); the list applies investment_access.h's rules to it — a visit is seen when its
// investor or its plan's lead unit is in scope, a plan when its lead unit is or one of its
// visits is seen — and counts and filters by status over the visits seen only.
struct InspectionPlanFilter {
  std::optional<int> year;
  std::optional<int64_t> lead_unit_id, investor_id;  // investor: a seen visit to it
  std::optional<InspectionStatus> status;
  std::optional<std::vector<int64_t>> ids;  // only these plans (the words searched)
  std::optional<std::vector<int64_t>> scope;
};
// One page of the plans `f` matches, the latest first, and in *total how many match.
Result<std::vector<InspectionPlan>> PageInspectionPlans(db::Connection& c,
                                                        const InspectionPlanFilter& f,
                                                        int64_t limit, int64_t offset,
                                                        int64_t* total);
// The visits of these plans; the recommendations made on these visits.
Result<std::vector<Inspection>> InspectionsOfPlans(db::Connection& c,
                                                   const std::vector<int64_t>& plan_ids);
Result<std::vector<ProjectTask>> RecommendationsOfInspections(
    db::Connection& c, const std::vector<int64_t>& inspection_ids);

}  // namespace dh::investment

// Public investment (issue 10): the records, as plain values. The schema is
// migrations/0005_investment.sql; the rules on them are in plan_rules.h; the SQL in
// investment_store.h (and the other *_store.h files here).
//
// Money is int64 đồng; rates are basis points (9500 = 95 %) and computed at the edge.
//
// ---- Change feed (readmodel/change_feed.h) ----------------------------------------------
// Every write records one audit entry inside its transaction; audit_log.entity and
// entity_id say what a read model must re-read:
//
//   entity                 entity_id               what changed
//   "capital_source"       capital_sources.id      a source created or edited
//   "project"              projects.id             a project created or edited (also its
//                                                  physical progress, locations, milestones)
//   "medium_term_plan"     medium_term_plans.id    a ceiling set (created or replaced)
//   "annual_plan"          annual_plan_versions.id one version added by hand
//   "plan_adjustment"      plan_adjustments.id     an adjustment applied: its versions are
//                                                  those with adjustment_id = entity_id
//   "disbursement"         disbursements.id        one disbursement entered by hand
//   "disbursement_import"  sheet_imports.id        a file imported: its disbursements are
//                                                  those with import_id = entity_id
//   "commitment"           projects.id             a project's monthly commitments replaced
//                                                  (actions "commitment.set")
//   "disbursement_target"  the year (e.g. 2026)    the city's target trajectory of that year
//                                                  replaced
//   "progress_update"      project_progress_updates.id
//   "bottleneck"           tasks.id                a bottleneck opened or edited (its task's
//                                                  own changes are entity "task")
//   "inspection_plan", "inspection"                 inspection plans and visits
//   "inspection_recommendation"  tasks.id          a recommendation made into a task
//
// An entry WITHOUT entity_id (the demo and national loaders, which write many rows at
// once: action "project.create", "annual_plan.create", "investment.national" …) means:
// re-read every record of that entity. Plan versions and disbursements are never edited
// or deleted: a read model adds them.
//
// ---- Streams for read models (investment_store.h) ---------------------------------------
//   ForEachPlanVersion(c, visit), ForEachDisbursement(c, visit): everything, by id, in
//   bounded batches; ForEachOf<T>(c, ids) / ...OfAdjustment / ...OfImport for the catch-up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace dh::investment {

// ---- Capital sources ----------------------------------------------------------------------
enum class BudgetLevel { kCentral, kLocal };
std::string_view BudgetLevelName(BudgetLevel l);  // central | local
std::optional<BudgetLevel> ParseBudgetLevel(std::string_view s);

struct CapitalSource {
  int64_t id = 0;
  std::string code, name;  // "NSDP-SDD", "Thu tiền sử dụng đất"
  std::optional<int64_t> parent_id;
  BudgetLevel level = BudgetLevel::kLocal;
  int position = 0;
  int64_t created_at = 0;
};

// ---- Projects ------------------------------------------------------------------------------
enum class ProjectGroup { kNational, kA, kB, kC };
std::string_view ProjectGroupName(ProjectGroup g);  // national | A | B | C
std::optional<ProjectGroup> ParseProjectGroup(std::string_view s);

enum class ProjectStatus { kPreparing, kInProgress, kCompleted, kSuspended };
std::string_view ProjectStatusName(ProjectStatus s);  // preparing | in_progress | completed |
                                                      // suspended
std::optional<ProjectStatus> ParseProjectStatus(std::string_view s);

struct Project {
  int64_t id = 0;
  std::string code, name;
  int64_t investor_id = 0;                  // chủ đầu tư: a unit
  std::optional<int64_t> managing_unit_id;  // sở quản lý chuyên ngành
  std::string sector;                       // "transport", "education", …
  std::vector<int64_t> location_unit_ids;   // địa điểm: districts, wards
  ProjectGroup group = ProjectGroup::kC;
  bool is_key = false;
  Money total_investment = 0;   // tổng mức đầu tư
  std::string approval_number;  // decision approving the investment
  std::optional<Date> approval_date;
  int start_year = 0, end_year = 0;
  bool is_new = false;  // khởi công mới (true) or chuyển tiếp
  ProjectStatus status = ProjectStatus::kInProgress;
  int physical_percent = 0;  // 0–100, as last reported
  std::optional<Date> progress_updated_on;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
};

// ---- Plans -------------------------------------------------------------------------------
// Which body assigned the plan: every rate says which base it uses.
enum class PlanBasis { kPrimeMinister, kCouncil };
std::string_view PlanBasisName(PlanBasis b);  // prime_minister | council
std::optional<PlanBasis> ParsePlanBasis(std::string_view s);

// The five-year medium-term plan: "2021-2025", "2026-2030".
struct MediumTermPlan {
  int64_t id = 0;
  std::string period;
  int64_t project_id = 0, source_id = 0;
  Money amount = 0;
  std::string decision_number;
  std::optional<Date> decision_date;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
};
// The period ("2026-2030") a year falls in; periods start in 2021, 2026, 2031…
std::string MediumTermPeriodOf(int year);
bool IsMediumTermPeriod(std::string_view period);
int FirstYearOf(std::string_view period);  // of a valid period

enum class VersionKind { kInitial, kAdjustment, kCarryOver };
std::string_view VersionKindName(VersionKind k);  // initial | adjustment | carry_over
std::optional<VersionKind> ParseVersionKind(std::string_view s);

// One version of the annual plan of (year, project, source, basis): a CHANGE to it. The plan
// is the sum of its versions (CurrentPlan in plan_rules.h). initial and carry_over add
// (> 0); an adjustment adds or takes away.
struct PlanVersion {
  int64_t id = 0;
  int year = 0;
  int64_t project_id = 0, source_id = 0;
  PlanBasis basis = PlanBasis::kCouncil;
  VersionKind kind = VersionKind::kInitial;
  Money amount = 0;
  std::string decision_number;
  Date decision_date;
  std::optional<int64_t> adjustment_id;  // the plan adjustment that made it
  bool added_after_sep30 = false;        // AddedAfterSep30(year, decision_date, amount)
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

// ---- Disbursement ----------------------------------------------------------------------------
struct Disbursement {
  int64_t id = 0;
  int64_t project_id = 0, source_id = 0;
  int plan_year = 0;  // the year's plan the money counts against
  Date paid_on;
  Money amount = 0;
  std::optional<int64_t> import_id;  // sheet_imports.id; none when entered by hand
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

// What an investor promises to pay in a month (cam kết giải ngân), per project.
struct Commitment {
  int64_t project_id = 0;
  int year = 0, month = 0;  // 1–12
  Money amount = 0;         // paid in that month, not cumulative
};

// A point of the city's target trajectory: by `due_on`, `rate_bp` of the year's plan.
struct TargetMilestone {
  int year = 0;
  Date due_on;
  int rate_bp = 0;
};

// ---- Plan adjustments ------------------------------------------------------------------------
// Capital moved from one project to another within one source. `to_source_id`, when the
// request names it, must be `source_id` (capital keeps its source; CheckAdjustment).
struct Move {
  int64_t from_project_id = 0, to_project_id = 0, source_id = 0;
  Money amount = 0;
  std::optional<int64_t> to_source_id;
};

struct PlanAdjustment {
  int64_t id = 0;
  int year = 0;
  PlanBasis basis = PlanBasis::kCouncil;
  std::string decision_number;
  Date decision_date;
  std::string note;
  std::vector<Move> moves;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

// ---- Key projects ---------------------------------------------------------------------------
struct ProjectMilestone {
  int64_t id = 0, project_id = 0;
  std::string label;
  Date due_on;
  std::optional<Date> done_on;
  int position = 0;
};

struct ProgressUpdate {
  int64_t id = 0, project_id = 0;
  Date reported_on;
  int physical_percent = 0;
  std::string note;
  std::optional<int64_t> user_id;
  int64_t created_at = 0;
};

enum class BottleneckCategory {
  kSiteClearance,
  kProcedures,
  kCapital,
  kContractor,
  kMaterials,
  kPlanning,
  kOther
};
// site_clearance | procedures | capital | contractor | materials | planning | other
std::string_view BottleneckCategoryName(BottleneckCategory c);
std::optional<BottleneckCategory> ParseBottleneckCategory(std::string_view s);

enum class ProjectTaskKind { kBottleneck, kInspectionRecommendation };
std::string_view ProjectTaskKindName(ProjectTaskKind k);  // bottleneck |
                                                          // inspection_recommendation
std::optional<ProjectTaskKind> ParseProjectTaskKind(std::string_view s);

// A task linked to a project (table project_tasks). A bottleneck IS a task: its title,
// responsible (lead) unit, deadline, extensions, reminders and timeliness are the task's
// (tasks/), never a second rule. `project_id` none: a recommendation to an investor as a
// whole.
struct ProjectTask {
  int64_t task_id = 0;
  std::optional<int64_t> project_id;
  ProjectTaskKind kind = ProjectTaskKind::kBottleneck;
  std::optional<BottleneckCategory> category;  // bottlenecks only
  bool within_own_control = false;             // "điểm nghẽn có tính chủ quan"
  std::optional<int64_t> inspection_id;        // recommendations only
  int64_t created_at = 0;
};

// ---- Inspections ----------------------------------------------------------------------------
struct InspectionPlan {
  int64_t id = 0;
  int year = 0;
  std::string title, decision_number;
  int64_t lead_unit_id = 0;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

struct Inspection {
  int64_t id = 0, plan_id = 0;
  int64_t investor_id = 0;
  std::optional<int64_t> project_id;  // none: the investor as a whole
  Date planned_on;
  std::optional<Date> visited_on;
  std::string findings;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
};

// Where a plan stands, from its visits: planned (none visited yet, or none planned),
// in_progress (some visited), done (every visit visited).
enum class InspectionStatus { kPlanned, kInProgress, kDone };
std::string_view InspectionStatusName(InspectionStatus s);  // planned | in_progress | done
std::optional<InspectionStatus> ParseInspectionStatus(std::string_view s);

// A plan with what its list shows of the visits the caller may see.
struct InspectionPlanSummary {
  InspectionPlan plan;
  int visits = 0, visited = 0, recommendations = 0;
  std::vector<int64_t> investor_ids;  // the investors visited, each once, by id
  InspectionStatus status = InspectionStatus::kPlanned;
};
// The summary of `plan` over `visits` (those of the plan the caller may see) and the number
// of recommendations made on them.
InspectionPlanSummary SummarizeInspectionPlan(const InspectionPlan& plan,
                                              const std::vector<const Inspection*>& visits,
                                              int recommendations);

}  // namespace dh::investment

// Use cases of public investment's records. Each checks permission and scope
// (investment_access.h), validates (plan_rules.h), and writes with its audit entry in one
// transaction; rules that depend on the database (what a project disbursed, its ceilings)
// are checked inside that transaction. Reads answer from SQL; dashboards and roll-ups are
// the read model's (investment_index*, investview).
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "db/database.h"
#include "investment/investment.h"
#include "investment/investment_access.h"
#include "investment/investment_store.h"
#include "investment/plan_rules.h"
#include "sheets/rows.h"
#include "tasks/task_service.h"
#include "units/unit_directory.h"

namespace dh::investment {

// A project as the caller writes it; absent fields keep their value (PATCH) or take the
// default (POST: code, name, investor_id, total_investment, start_year, end_year required).
struct ProjectInput {
  std::optional<std::string> code, name, sector, group, status, approval_number;
  std::optional<int64_t> investor_id, managing_unit_id, total_investment;
  std::optional<std::vector<int64_t>> location_unit_ids;
  std::optional<bool> is_key, is_new;
  std::optional<int> start_year, end_year, physical_percent;
  std::optional<Date> approval_date;
  bool managing_unit_given = false;  // PATCH: null clears it
};

// What a project's page shows (each part filtered by its own rule).
struct ProjectDetail {
  Project project;
  std::vector<MediumTermPlan> medium_term_plans;
  std::vector<PlanVersion> plan_versions;
  struct YearSource {  // disbursed per plan year and source
    int year = 0;
    int64_t source_id = 0;
    Money disbursed = 0;
  };
  std::vector<YearSource> disbursed;
  std::vector<Commitment> commitments;  // of the current year
  std::vector<ProgressUpdate> progress;
  std::vector<ProjectMilestone> milestones;
  struct LinkedTask {
    ProjectTask link;
    tasks::TaskView task;
  };
  std::vector<LinkedTask> bottlenecks;  // those whose task the caller may see
};

// The inspection plans' list filters (GET /api/v1/inspection-plans).
struct InspectionPlanQuery {
  std::optional<int> year;
  std::optional<int64_t> lead_unit_id, investor_id;  // investor: the plans that visit it
  std::optional<InspectionStatus> status;
  std::optional<std::string> q;  // in the title or the decision number
};

// One plan as its page shows it: the visits the caller may see, each with its project (when
// the caller may see it) and the recommendations made of it whose tasks the caller may see.
struct InspectionPlanDetail {
  struct Visit {
    Inspection inspection;
    std::optional<Project> project;
    std::vector<ProjectDetail::LinkedTask> recommendations;
  };
  InspectionPlanSummary summary;
  std::vector<Visit> visits;
  bool may_manage = false;  // the plan's lead unit is in the caller's manage scope
};

struct BottleneckInput {
  tasks::TaskInput task;  // title, lead_unit_id (responsible unit), deadline, description
  std::optional<std::string> category;
  bool within_own_control = false;
};

struct ImportResult {
  int64_t imported = 0;
  int64_t import_id = 0;
  Money total = 0;
};

// Called with (rows read, rows in all) while an import reads its file (the CLI's bar).
using ImportProgress = std::function<void(int64_t, int64_t)>;

class InvestmentService {
 public:
  InvestmentService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                    tasks::TaskService& tasks);

  // Capital sources.
  Result<std::vector<CapitalSource>> Sources(const auth::Principal& who) const;
  Result<CapitalSource> CreateSource(const auth::Principal& who, CapitalSource in);

  // Projects.
  Result<std::vector<Project>> ListProjects(const auth::Principal& who, ProjectQuery q,
                                            int64_t limit, int64_t offset, int64_t* total) const;
  Result<ProjectDetail> GetProject(const auth::Principal& who, int64_t id) const;
  Result<Project> CreateProject(const auth::Principal* who, const ProjectInput& in);
  Result<Project> UpdateProject(const auth::Principal& who, int64_t id, const ProjectInput& in);
  // The project when `who` may see it, else NotFound: for every answer that embeds one.
  Result<Project> VisibleProject(db::Connection& c, const auth::Principal& who, int64_t id) const;
  // Which of these projects `who` may see (the notices about projects; absent ones left out).
  std::unordered_set<int64_t> VisibleProjects(const auth::Principal& who,
                                              const std::vector<int64_t>& ids) const;

  // Plans.
  Result<MediumTermPlan> SetMediumTermPlan(const auth::Principal* who, MediumTermPlan in);
  Result<std::vector<MediumTermPlan>> ListMediumTermPlans(const auth::Principal& who,
                                                          std::optional<int64_t> project_id,
                                                          std::optional<std::string> period,
                                                          int64_t limit, int64_t offset,
                                                          int64_t* total) const;
  Result<PlanVersion> AddPlanVersion(const auth::Principal* who, PlanVersion in);
  // A page of the annual plan versions (T = PlanVersion) or the disbursements
  // (T = Disbursement) the caller may read, as `q` filters them.
  template <typename T>
  Result<std::vector<T>> ListRecords(const auth::Principal& who, RecordQuery q, int64_t limit,
                                     int64_t offset, int64_t* total) const;
  Result<PlanAdjustment> Adjust(const auth::Principal* who, PlanAdjustment in);
  // With the versions it made (those of projects the caller may see).
  Result<std::pair<PlanAdjustment, std::vector<PlanVersion>>> GetAdjustment(
      const auth::Principal& who, int64_t id) const;
  Result<std::vector<TargetMilestone>> Trajectory(const auth::Principal& who, int year) const;
  Result<std::vector<TargetMilestone>> SetTrajectory(const auth::Principal* who, int year,
                                                     std::vector<TargetMilestone> milestones);

  // Disbursement.
  Result<Disbursement> AddDisbursement(const auth::Principal* who, Disbursement in);
  // A Treasury file (.csv or .xlsx): every row checked; nothing written when any row is
  // wrong (`errors` filled, InvalidInput "invalid_rows"); Conflict "already_imported" for a
  // file imported before. `who` null: the command line (no scope, the system records it).
  Result<ImportResult> ImportDisbursements(const auth::Principal* who, std::string_view bytes,
                                           const std::string& content_type,
                                           const std::string& file_name, sheets::RowErrors* errors,
                                           const ImportProgress& progress = nullptr);

  // Commitments, progress, milestones.
  Result<std::vector<Commitment>> Commitments(const auth::Principal& who, int64_t project_id,
                                              int year) const;
  Result<std::vector<Commitment>> SetCommitments(const auth::Principal* who, int64_t project_id,
                                                 int year, std::vector<Commitment> months);
  Result<ProgressUpdate> ReportProgress(const auth::Principal* who, ProgressUpdate in);
  Result<ProjectMilestone> AddMilestone(const auth::Principal* who, ProjectMilestone in);

  // Bottlenecks: a task linked to the project, created with it in one transaction.
  Result<ProjectDetail::LinkedTask> OpenBottleneck(const auth::Principal* who, int64_t project_id,
                                                   const BottleneckInput& in);
  Result<std::vector<ProjectDetail::LinkedTask>> Bottlenecks(const auth::Principal& who,
                                                             int64_t project_id) const;

  // Inspections.
  Result<InspectionPlan> CreateInspectionPlan(const auth::Principal* who, InspectionPlan in);
  Result<Inspection> CreateInspection(const auth::Principal* who, Inspection in);
  Result<Inspection> RecordVisit(const auth::Principal& who, int64_t id, Date visited_on,
                                 const std::string& findings);
  Result<std::vector<Inspection>> ListInspections(const auth::Principal& who,
                                                  std::optional<int64_t> plan_id) const;
  // Plans with a visit (or a lead unit) in the caller's scope, the latest first; `total`
  // counts them all, the page is limit/offset.
  Result<std::vector<InspectionPlanSummary>> InspectionPlans(const auth::Principal& who,
                                                             const InspectionPlanQuery& q,
                                                             int64_t limit, int64_t offset,
                                                             int64_t* total) const;
  // NotFound when the caller may see neither the plan's lead unit nor one of its visits.
  Result<InspectionPlanDetail> InspectionPlanPage(const auth::Principal& who, int64_t id) const;
  // A recommendation of a visit made a task (to the investor unless `in` names another).
  Result<ProjectDetail::LinkedTask> Recommend(const auth::Principal* who, int64_t inspection_id,
                                              tasks::TaskInput in);

  Date Today() const { return clock_.Today(); }
  const units::UnitDirectory& units() const { return units_; }
  db::Database& db() { return db_; }

 private:
  InvestmentAccess AccessOf(const auth::Principal& who) const;
  // The project for a write: NotFound when `who` may not see it, Forbidden without the
  // right (manage, else report). `who` null: the system.
  Result<Project> ForWrite(db::Connection& c, const auth::Principal* who, int64_t id,
                           bool manage) const;
  Status CheckSource(db::Connection& c, int64_t source_id, const std::string& field) const;
  Result<Project> BuildProject(const ProjectInput& in, Project base, bool creating) const;
  Status CheckUnits(const Project& p) const;
  Status LoadAdjustmentState(db::Connection& c, const PlanAdjustment& a,
                             AdjustmentState& state) const;
  Status WriteAdjustment(db::Connection& c, const auth::Principal* who, PlanAdjustment& a);
  Result<ProjectDetail::LinkedTask> LinkTask(const auth::Principal* who, tasks::TaskInput in,
                                             ProjectTask link, const std::string& action);
  std::vector<ProjectDetail::LinkedTask> VisibleTasks(const auth::Principal& who,
                                                      const std::vector<ProjectTask>& links) const;

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  tasks::TaskService& tasks_;
};

}  // namespace dh::investment

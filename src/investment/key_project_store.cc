#include "investment/key_project_store.h"

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::investment {
namespace {

using db::OptDate;
using db::OptId;

constexpr db::Table kProgress{
    "project_progress_updates",
    "project_id, reported_on, physical_percent, note, user_id, created_at"};
constexpr db::Table kMilestones{"project_milestones",
                                "project_id, label, due_on, done_on, position"};
constexpr db::Table kPlans{"inspection_plans",
                           "year, title, decision_number, lead_unit_id, created_by, created_at"};
constexpr db::Table kInspections{"inspections",
                                 "plan_id, investor_id, project_id, planned_on, visited_on, "
                                 "findings, created_by, created_at, updated_at"};
// A project's link to a task has no id of its own: the task's id is its key.
constexpr const char* kLinkFields =
    "task_id, project_id, kind, category, within_own_control, inspection_id, created_at";

const std::string kInsertProgress = kProgress.Insert();
const std::string kSetProjectProgress =
    db::UpdateSql("projects", "physical_percent, progress_updated_on, updated_at");
const std::string kProgressOf = kProgress.Select("WHERE project_id = ? ORDER BY reported_on, id");

const std::string kInsertMilestone = kMilestones.Insert();
const std::string kMilestonesOf = kMilestones.Select("WHERE project_id = ? ORDER BY position, id");

const std::string kLinkColumns = db::SelectSql("project_tasks", kLinkFields) + " ";
const std::string kInsertLink = db::InsertSql("project_tasks", kLinkFields);

const std::string kInsertPlan = kPlans.Insert();
const std::string kPlan = kPlans.Select("WHERE id = ?");
const std::string kInspectionColumns = kInspections.Select() + " ";
const std::string kInsertInspection = kInspections.Insert();
const std::string kUpdateInspection = kInspections.Update("visited_on, findings, updated_at");

void ProgressFields(db::RowCursor& row, ProgressUpdate& u) {
  row(u.id, u.project_id, u.reported_on, u.physical_percent, u.note, u.user_id, u.created_at);
}

void MilestoneFields(db::RowCursor& row, ProjectMilestone& m) {
  row(m.id, m.project_id, m.label, m.due_on, m.done_on, m.position);
}

void LinkFields(db::RowCursor& row, ProjectTask& t) {
  row(t.task_id, t.project_id, db::As(t.kind, ParseProjectTaskKind, ProjectTaskKind::kBottleneck),
      db::As(t.category, ParseBottleneckCategory, std::optional<BottleneckCategory>()),
      t.within_own_control, t.inspection_id, t.created_at);
}

void InspectionFields(db::RowCursor& row, Inspection& x) {
  row(x.id, x.plan_id, x.investor_id, x.project_id, x.planned_on, x.visited_on, x.findings,
      x.created_by, x.created_at, x.updated_at);
}

}  // namespace

Result<int64_t> InsertProgressUpdate(db::Connection& c, const ProgressUpdate& u) {
  DH_ASSIGN_OR_RETURN(const int64_t id, db::ReadInt(c, kInsertProgress,
                                                    {u.project_id, u.reported_on.ToString(),
                                                     int64_t{u.physical_percent}, u.note,
                                                     OptId(u.user_id), u.created_at}));
  DH_RETURN_IF_ERROR(
      c.Exec(kSetProjectProgress,
             {int64_t{u.physical_percent}, u.reported_on.ToString(), u.created_at, u.project_id})
          .status());
  return id;
}

Result<std::vector<ProgressUpdate>> ProgressUpdatesOf(db::Connection& c, int64_t project_id) {
  return db::ReadAll<ProgressUpdate>(c, kProgressOf, {project_id}, ProgressFields);
}

Result<int64_t> InsertProjectMilestone(db::Connection& c, const ProjectMilestone& m) {
  return db::ReadInt(
      c, kInsertMilestone,
      {m.project_id, m.label, m.due_on.ToString(), OptDate(m.done_on), int64_t{m.position}});
}

Result<std::vector<ProjectMilestone>> MilestonesOf(db::Connection& c, int64_t project_id) {
  return db::ReadAll<ProjectMilestone>(c, kMilestonesOf, {project_id}, MilestoneFields);
}

Status InsertProjectTask(db::Connection& c, const ProjectTask& t) {
  const std::string category = t.category ? std::string(BottleneckCategoryName(*t.category)) : "";
  return c
      .Exec(kInsertLink,
            {t.task_id, OptId(t.project_id), std::string(ProjectTaskKindName(t.kind)), category,
             int64_t{t.within_own_control}, OptId(t.inspection_id), t.created_at})
      .status();
}

Result<std::optional<ProjectTask>> GetProjectTask(db::Connection& c, int64_t task_id) {
  return db::ReadOne<ProjectTask>(c, kLinkColumns + "WHERE task_id = ?", {task_id}, LinkFields);
}

Result<std::vector<ProjectTask>> ProjectTasksOf(db::Connection& c, int64_t project_id,
                                                std::optional<ProjectTaskKind> kind) {
  const std::string k = kind ? std::string(ProjectTaskKindName(*kind)) : "";
  return db::ReadAll<ProjectTask>(c,
                                  kLinkColumns +
                                      "WHERE project_id = ? AND (? = '' OR kind = ?) "
                                      "ORDER BY task_id",
                                  {project_id, k, k}, LinkFields);
}

Result<std::vector<ProjectTask>> RecommendationsOf(db::Connection& c, int64_t inspection_id) {
  return db::ReadAll<ProjectTask>(c, kLinkColumns + "WHERE inspection_id = ? ORDER BY task_id",
                                  {inspection_id}, LinkFields);
}

Result<std::vector<ProjectTask>> AllProjectTasks(db::Connection& c) {
  return db::ReadAll<ProjectTask>(c, kLinkColumns + "ORDER BY task_id", {}, LinkFields);
}

Result<int64_t> InsertInspectionPlan(db::Connection& c, const InspectionPlan& p) {
  return db::ReadInt(c, kInsertPlan,
                     {int64_t{p.year}, p.title, p.decision_number, p.lead_unit_id,
                      OptId(p.created_by), p.created_at});
}

Result<std::optional<InspectionPlan>> GetInspectionPlan(db::Connection& c, int64_t id) {
  return db::ReadOne<InspectionPlan>(c, kPlan, {id}, [](db::RowCursor& row, InspectionPlan& p) {
    row(p.id, p.year, p.title, p.decision_number, p.lead_unit_id, p.created_by, p.created_at);
  });
}

Result<int64_t> InsertInspection(db::Connection& c, const Inspection& i) {
  return db::ReadInt(
      c, kInsertInspection,
      {i.plan_id, i.investor_id, OptId(i.project_id), i.planned_on.ToString(),
       OptDate(i.visited_on), i.findings, OptId(i.created_by), i.created_at, i.updated_at});
}

Status UpdateInspection(db::Connection& c, const Inspection& i) {
  return c.Exec(kUpdateInspection, {OptDate(i.visited_on), i.findings, i.updated_at, i.id})
      .status();
}

Result<std::optional<Inspection>> GetInspection(db::Connection& c, int64_t id) {
  return db::ReadOne<Inspection>(c, kInspectionColumns + "WHERE id = ?", {id}, InspectionFields);
}

Result<std::vector<Inspection>> ListInspections(db::Connection& c,
                                                const std::optional<std::vector<int64_t>>& scope,
                                                std::optional<int64_t> plan_id) {
  std::string sql = kInspectionColumns + "WHERE (? = 0 OR plan_id = ?)";
  db::Params params{plan_id.value_or(0), plan_id.value_or(0)};
  if (scope) {
    if (scope->empty()) return std::vector<Inspection>();
    sql += " AND investor_id IN ";
    db::AppendInList(*scope, sql, params);
  }
  return db::ReadAll<Inspection>(c, sql + " ORDER BY id", params, InspectionFields);
}

}  // namespace dh::investment

namespace dh::investment {
namespace {

const std::string kUpdateColumns =
    "SELECT p.id, p.investor_id, p.code, p.name, p.progress_updated_on, "
    "(SELECT MAX(d.paid_on) FROM disbursements d WHERE d.project_id = p.id), p.created_at "
    "FROM projects p ";

void UpdateFields(db::RowCursor& row, UpdateState& u) {
  std::optional<Date> progress, paid;
  row(u.project_id, u.investor_id, u.code, u.name, progress, paid, u.created_at);
  u.last_update = progress && paid ? std::max(*progress, *paid) : progress ? progress : paid;
}

}  // namespace

Result<std::vector<UpdateState>> ActiveProjectUpdates(db::Connection& c) {
  return db::ReadAll<UpdateState>(
      c, kUpdateColumns + "WHERE p.status IN ('preparing', 'in_progress') ORDER BY p.id", {},
      UpdateFields);
}

Result<std::vector<UpdateState>> ProjectUpdatesOf(db::Connection& c,
                                                  const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<UpdateState>();
  std::string sql = kUpdateColumns + "WHERE p.id IN ";
  db::Params params;
  db::AppendInList(ids, sql, params);
  return db::ReadAll<UpdateState>(c, sql, params, UpdateFields);
}

}  // namespace dh::investment

// ---- Inspection plans' lists (appended) -----------------------------------------------------
namespace dh::investment {
namespace {

constexpr const char* kPlansOfYear =
    "SELECT id, year, title, decision_number, lead_unit_id, created_by, created_at "
    "FROM inspection_plans WHERE (? = 0 OR year = ?) ORDER BY year DESC, id DESC";

}  // namespace

Result<std::vector<InspectionPlan>> ListInspectionPlans(db::Connection& c,
                                                        std::optional<int> year) {
  const int64_t y = year.value_or(0);
  return db::ReadAll<InspectionPlan>(
      c, kPlansOfYear, {y, y}, [](db::RowCursor& row, InspectionPlan& p) {
        row(p.id, p.year, p.title, p.decision_number, p.lead_unit_id, p.created_by, p.created_at);
      });
}

}  // namespace dh::investment

// ---- Inspection plans' pages in SQL (appended) -------------------------------------------------
namespace dh::investment {
namespace {

// The count, the columns and the order of a page of plans (the latest first).
constexpr db::PageSql kPlanPage{
    "SELECT COUNT(*) FROM inspection_plans p ",
    "SELECT p.id, p.year, p.title, p.decision_number, p.lead_unit_id, p.created_by, "
    "p.created_at FROM inspection_plans p ",
    " ORDER BY p.year DESC, p.id DESC LIMIT ? OFFSET ?"};
// Per plan, the visits the caller sees (v.n) and how many of them are visited (v.seen).
constexpr const char* kSeenVisitsFrom =
    "LEFT JOIN (SELECT i.plan_id, COUNT(*) AS n, COUNT(i.visited_on) AS seen "
    "FROM inspections i JOIN inspection_plans l ON l.id = i.plan_id";
// A unit of either column in the scope: "<first> IN (…) OR <second> IN (…))".
struct EitherInScope {
  const char* first;
  const char* second;
};
// A visit is seen: its plan's lead unit or its investor is in scope (CanSeeInspection).
constexpr EitherInScope kVisitSeen{" WHERE (l.lead_unit_id IN ", " OR i.investor_id IN "};
// A plan's visit to one investor is seen, the same rule on the plan's row.
constexpr EitherInScope kVisitToInvestorSeen{" AND (p.lead_unit_id IN ", " OR j.investor_id IN "};
constexpr const char* kSeenVisitsTo = " GROUP BY i.plan_id) v ON v.plan_id = p.id WHERE 1=1";
// A plan is seen: its lead unit is in scope or one of its visits is (CanSeeInspectionPlan).
constexpr const char* kPlanSeen[] = {" AND (p.lead_unit_id IN ", " OR v.n > 0)"};
constexpr const char* kVisitsInvestor =
    " AND EXISTS (SELECT 1 FROM inspections j WHERE j.plan_id = p.id AND j.investor_id = ?";
// The plain filters: year, lead unit, the plans searched.
constexpr const char* kPlanFilters[] = {" AND p.year = ?", " AND p.lead_unit_id = ?",
                                        " AND p.id IN "};
// By InspectionStatus (SummarizeInspectionPlan over the visits seen): planned, in progress, done.
constexpr const char* kStatusSql[] = {" AND COALESCE(v.seen, 0) = 0",
                                      " AND v.seen > 0 AND v.seen < v.n",
                                      " AND v.seen > 0 AND v.seen = v.n"};
const std::string kInspectionsOfPlans = kInspectionColumns + "WHERE plan_id IN ";
const std::string kRecommendationsOf = kLinkColumns + "WHERE inspection_id IN ";

void AppendEitherInScope(const std::vector<int64_t>& scope, const EitherInScope& rule,
                         std::string& sql, db::Params& params) {
  sql += rule.first;
  db::AppendInList(scope, sql, params);
  sql += rule.second;
  db::AppendInList(scope, sql, params);
  sql += ")";
}

// The FROM … WHERE tail both the count and the page read: the visits seen, the plans seen.
std::string SeenPlans(const std::optional<std::vector<int64_t>>& scope, db::Params& params) {
  std::string sql = kSeenVisitsFrom;
  if (scope) AppendEitherInScope(*scope, kVisitSeen, sql, params);
  sql += kSeenVisitsTo;
  if (scope) {
    sql += kPlanSeen[0];
    db::AppendInList(*scope, sql, params);
    sql += kPlanSeen[1];
  }
  return sql;
}

const char* StatusSql(InspectionStatus s) {
  switch (s) {
    case InspectionStatus::kPlanned:
      return kStatusSql[0];
    case InspectionStatus::kInProgress:
      return kStatusSql[1];
    case InspectionStatus::kDone:
      return kStatusSql[2];
  }
  return kStatusSql[0];
}

// The WHERE of the plans `f` matches; nullopt when nothing can match (an empty scope or ids).
std::optional<std::string> PlanWhere(const InspectionPlanFilter& f, db::Params& params) {
  if ((f.scope && f.scope->empty()) || (f.ids && f.ids->empty())) return std::nullopt;
  std::string sql = SeenPlans(f.scope, params);
  if (f.year) {
    sql += kPlanFilters[0];
    params.push_back(int64_t{*f.year});
  }
  if (f.lead_unit_id) {
    sql += kPlanFilters[1];
    params.push_back(*f.lead_unit_id);
  }
  if (f.ids) {
    sql += kPlanFilters[2];
    db::AppendInList(*f.ids, sql, params);
  }
  if (f.investor_id) {
    sql += kVisitsInvestor;
    params.push_back(*f.investor_id);
    if (f.scope) AppendEitherInScope(*f.scope, kVisitToInvestorSeen, sql, params);
    sql += ")";
  }
  if (f.status) sql += StatusSql(*f.status);
  return sql;
}

}  // namespace

Result<std::vector<InspectionPlan>> PageInspectionPlans(db::Connection& c,
                                                        const InspectionPlanFilter& f,
                                                        int64_t limit, int64_t offset,
                                                        int64_t* total) {
  db::Params params;
  const std::optional<std::string> where = PlanWhere(f, params);
  return db::ReadPage<InspectionPlan>(c, kPlanPage, where, std::move(params), limit, offset, total,
                                      [](db::RowCursor& row, InspectionPlan& p) {
                                        row(p.id, p.year, p.title, p.decision_number,
                                            p.lead_unit_id, p.created_by, p.created_at);
                                      });
}

Result<std::vector<Inspection>> InspectionsOfPlans(db::Connection& c,
                                                   const std::vector<int64_t>& plan_ids) {
  return db::ReadAllIn<Inspection>(c, kInspectionsOfPlans, plan_ids, InspectionFields);
}

Result<std::vector<ProjectTask>> RecommendationsOfInspections(
    db::Connection& c, const std::vector<int64_t>& inspection_ids) {
  return db::ReadAllIn<ProjectTask>(c, kRecommendationsOf, inspection_ids, LinkFields);
}

}  // namespace dh::investment

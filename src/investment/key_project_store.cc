#include "investment/key_project_store.h"

#include "db/sql_lists.h"

namespace dh::investment {
namespace {

using db::OptDate;
using db::OptId;
using db::ReadDate;

constexpr const char* kInsertProgress =
    "INSERT INTO project_progress_updates (project_id, reported_on, physical_percent, note, "
    "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSetProjectProgress =
    "UPDATE projects SET physical_percent = ?, progress_updated_on = ?, updated_at = ? "
    "WHERE id = ?";
constexpr const char* kProgressOf =
    "SELECT id, project_id, reported_on, physical_percent, note, user_id, created_at "
    "FROM project_progress_updates WHERE project_id = ? ORDER BY reported_on, id";

constexpr const char* kInsertMilestone =
    "INSERT INTO project_milestones (project_id, label, due_on, done_on, position) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kMilestonesOf =
    "SELECT id, project_id, label, due_on, done_on, position FROM project_milestones "
    "WHERE project_id = ? ORDER BY position, id";

const std::string kLinkColumns =
    "SELECT task_id, project_id, kind, category, within_own_control, inspection_id, created_at "
    "FROM project_tasks ";
constexpr const char* kInsertLink =
    "INSERT INTO project_tasks (task_id, project_id, kind, category, within_own_control, "
    "inspection_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertPlan =
    "INSERT INTO inspection_plans (year, title, decision_number, lead_unit_id, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPlan =
    "SELECT id, year, title, decision_number, lead_unit_id, created_by, created_at "
    "FROM inspection_plans WHERE id = ?";
const std::string kInspectionColumns =
    "SELECT id, plan_id, investor_id, project_id, planned_on, visited_on, findings, created_by, "
    "created_at, updated_at FROM inspections ";
constexpr const char* kInsertInspection =
    "INSERT INTO inspections (plan_id, investor_id, project_id, planned_on, visited_on, "
    "findings, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kUpdateInspection =
    "UPDATE inspections SET visited_on = ?, findings = ?, updated_at = ? WHERE id = ?";

ProgressUpdate ReadProgress(const db::Rows& r, size_t i) {
  ProgressUpdate u;
  u.id = r.Int(i, 0), u.project_id = r.Int(i, 1), u.reported_on = ReadDate(r, i, 2).value();
  u.physical_percent = static_cast<int>(r.Int(i, 3)), u.note = r.Text(i, 4);
  u.user_id = r.OptInt(i, 5), u.created_at = r.Int(i, 6);
  return u;
}

ProjectMilestone ReadMilestone(const db::Rows& r, size_t i) {
  ProjectMilestone m;
  m.id = r.Int(i, 0), m.project_id = r.Int(i, 1), m.label = r.Text(i, 2);
  m.due_on = ReadDate(r, i, 3).value_or(Date()), m.done_on = ReadDate(r, i, 4);
  m.position = static_cast<int>(r.Int(i, 5));
  return m;
}

ProjectTask ReadLink(const db::Rows& r, size_t i) {
  ProjectTask t;
  t.task_id = r.Int(i, 0), t.project_id = r.OptInt(i, 1);
  t.kind = ParseProjectTaskKind(r.Text(i, 2)).value_or(ProjectTaskKind::kBottleneck);
  t.category = ParseBottleneckCategory(r.Text(i, 3));
  t.within_own_control = r.Int(i, 4) != 0, t.inspection_id = r.OptInt(i, 5);
  t.created_at = r.Int(i, 6);
  return t;
}

Inspection ReadInspection(const db::Rows& r, size_t i) {
  Inspection x;
  x.id = r.Int(i, 0), x.plan_id = r.Int(i, 1), x.investor_id = r.Int(i, 2);
  x.project_id = r.OptInt(i, 3), x.planned_on = ReadDate(r, i, 4).value_or(Date());
  x.visited_on = ReadDate(r, i, 5), x.findings = r.Text(i, 6), x.created_by = r.OptInt(i, 7);
  x.created_at = r.Int(i, 8), x.updated_at = r.Int(i, 9);
  return x;
}

}  // namespace

Result<int64_t> InsertProgressUpdate(db::Connection& c, const ProgressUpdate& u) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertProgress, {u.project_id, u.reported_on.ToString(),
                                                            int64_t{u.physical_percent}, u.note,
                                                            OptId(u.user_id), u.created_at}));
  DH_RETURN_IF_ERROR(
      c.Exec(kSetProjectProgress,
             {int64_t{u.physical_percent}, u.reported_on.ToString(), u.created_at, u.project_id})
          .status());
  return r.Int(0, 0);
}

Result<std::vector<ProgressUpdate>> ProgressUpdatesOf(db::Connection& c, int64_t project_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kProgressOf, {project_id}));
  return db::ReadRows(r, ReadProgress);
}

Result<int64_t> InsertProjectMilestone(db::Connection& c, const ProjectMilestone& m) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kInsertMilestone, {m.project_id, m.label, m.due_on.ToString(),
                                                 OptDate(m.done_on), int64_t{m.position}}));
  return r.Int(0, 0);
}

Result<std::vector<ProjectMilestone>> MilestonesOf(db::Connection& c, int64_t project_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kMilestonesOf, {project_id}));
  return db::ReadRows(r, ReadMilestone);
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
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kLinkColumns + "WHERE task_id = ?", {task_id}));
  if (r.empty()) return std::optional<ProjectTask>();
  return std::optional<ProjectTask>(ReadLink(r, 0));
}

Result<std::vector<ProjectTask>> ProjectTasksOf(db::Connection& c, int64_t project_id,
                                                std::optional<ProjectTaskKind> kind) {
  const std::string k = kind ? std::string(ProjectTaskKindName(*kind)) : "";
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kLinkColumns + "WHERE project_id = ? AND (? = '' OR kind = ?) "
                                             "ORDER BY task_id",
                              {project_id, k, k}));
  return db::ReadRows(r, ReadLink);
}

Result<std::vector<ProjectTask>> RecommendationsOf(db::Connection& c, int64_t inspection_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kLinkColumns + "WHERE inspection_id = ? ORDER BY task_id",
                                          {inspection_id}));
  return db::ReadRows(r, ReadLink);
}

Result<std::vector<ProjectTask>> AllProjectTasks(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kLinkColumns + "ORDER BY task_id"));
  return db::ReadRows(r, ReadLink);
}

Result<int64_t> InsertInspectionPlan(db::Connection& c, const InspectionPlan& p) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r, c.Query(kInsertPlan, {int64_t{p.year}, p.title, p.decision_number, p.lead_unit_id,
                                        OptId(p.created_by), p.created_at}));
  return r.Int(0, 0);
}

Result<std::optional<InspectionPlan>> GetInspectionPlan(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kPlan, {id}));
  if (r.empty()) return std::optional<InspectionPlan>();
  InspectionPlan p;
  p.id = r.Int(0, 0), p.year = static_cast<int>(r.Int(0, 1)), p.title = r.Text(0, 2);
  p.decision_number = r.Text(0, 3), p.lead_unit_id = r.Int(0, 4);
  p.created_by = r.OptInt(0, 5), p.created_at = r.Int(0, 6);
  return std::optional<InspectionPlan>(std::move(p));
}

Result<int64_t> InsertInspection(db::Connection& c, const Inspection& i) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertInspection, {i.plan_id, i.investor_id, OptId(i.project_id),
                                  i.planned_on.ToString(), OptDate(i.visited_on), i.findings,
                                  OptId(i.created_by), i.created_at, i.updated_at}));
  return r.Int(0, 0);
}

Status UpdateInspection(db::Connection& c, const Inspection& i) {
  return c.Exec(kUpdateInspection, {OptDate(i.visited_on), i.findings, i.updated_at, i.id})
      .status();
}

Result<std::optional<Inspection>> GetInspection(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInspectionColumns + "WHERE id = ?", {id}));
  if (r.empty()) return std::optional<Inspection>();
  return std::optional<Inspection>(ReadInspection(r, 0));
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
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql + " ORDER BY id", params));
  return db::ReadRows(r, ReadInspection);
}

}  // namespace dh::investment

namespace dh::investment {
namespace {

const std::string kUpdateColumns =
    "SELECT p.id, p.investor_id, p.code, p.name, p.progress_updated_on, "
    "(SELECT MAX(d.paid_on) FROM disbursements d WHERE d.project_id = p.id), p.created_at "
    "FROM projects p ";

UpdateState ReadUpdate(const db::Rows& r, size_t i) {
  UpdateState u;
  u.project_id = r.Int(i, 0), u.investor_id = r.Int(i, 1), u.code = r.Text(i, 2);
  u.name = r.Text(i, 3);
  const auto progress = ReadDate(r, i, 4), paid = ReadDate(r, i, 5);
  u.last_update = progress && paid ? std::max(*progress, *paid) : progress ? progress : paid;
  u.created_at = r.Int(i, 6);
  return u;
}

}  // namespace

Result<std::vector<UpdateState>> ActiveProjectUpdates(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kUpdateColumns + "WHERE p.status IN ('preparing', 'in_progress') ORDER BY p.id"));
  return db::ReadRows(r, ReadUpdate);
}

Result<std::vector<UpdateState>> ProjectUpdatesOf(db::Connection& c,
                                                  const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<UpdateState>();
  std::string sql = kUpdateColumns + "WHERE p.id IN ";
  db::Params params;
  db::AppendInList(ids, sql, params);
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
  return db::ReadRows(r, ReadUpdate);
}

}  // namespace dh::investment
